// MainWindow: the menu bar, its actions and shortcuts, and the colour theme.
#include "mainwindow.h"

#include "analysispanel.h"
#include "annotationcontroller.h"
#include "moodmap.h"
#include "playlistpanel.h"
#include "tagwritedialog.h"
#include "trackview.h"

#include "catalog/catalog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>

#include <memory>

namespace spectag::ui {

namespace {
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe4, 0xe6, 0xea);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x9b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x5a, 0xb4, 0xf0));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x54));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x74, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x74, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x74, 0x7b));
    return p;
}

QPalette lightPalette()
{
    // QStyleFactory::create hands over a new style; it is only asked for its palette here.
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion ? fusion->standardPalette() : QApplication::style()->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x7f, 0xc4));
    return p;
}
} // namespace

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *add = file->addAction(QIcon(QStringLiteral(":/icons/folder-add.svg")), tr("&Add Folder\u2026"), this, &MainWindow::chooseFolder);
    add->setShortcut(QKeySequence::Open);
    QAction *prefs = file->addAction(tr("&Settings\u2026"), this, &MainWindow::showSettings);
    prefs->setObjectName(QStringLiteral("settings"));
    prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    file->addAction(m_playlists->newPlaylistAction());
    file->addAction(m_playlists->importAction());
    file->addAction(m_playlists->exportM3u8Action());
    file->addAction(m_playlists->exportXspfAction());
    file->addAction(m_moodMap->trajectoryAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *play = menuBar()->addMenu(tr("&Playback"));
    QAction *toggle = play->addAction(tr("&Play/Pause"), m_trackView, &TrackView::togglePlayback);
    toggle->setShortcut(Qt::Key_Space);
    QAction *back = play->addAction(tr("Seek &Back 5 s"), m_trackView, [this] { m_trackView->seekRelative(-5); });
    back->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    QAction *fwd = play->addAction(tr("Seek &Forward 5 s"), m_trackView, [this] { m_trackView->seekRelative(5); });
    fwd->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    QAction *start = play->addAction(tr("To &Start"), m_trackView, [this] { m_trackView->seek(0); });
    start->setShortcut(Qt::Key_Home | Qt::CTRL);

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->setObjectName(QStringLiteral("analysisMenu"));
    analysis->addAction(m_analysis->analyseSelectedAction());
    analysis->addAction(m_analysis->analyseAllAction());
    analysis->addSeparator();
    analysis->addAction(m_analysis->pauseAction());
    analysis->addAction(m_analysis->cancelAction());
    analysis->addSeparator();
    QAction *fineTune = analysis->addAction(tr("&Fine-Tune Model on Annotations\u2026"), this, &MainWindow::showFineTuning);
    fineTune->setObjectName(QStringLiteral("fineTune"));
    fineTune->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));

    QMenu *tags = menuBar()->addMenu(tr("&Tags"));
    tags->setObjectName(QStringLiteral("tagsMenu"));
    m_writeTags = tags->addAction(tr("&Write Tags\u2026"), this, &MainWindow::writeTags);
    m_writeTags->setObjectName(QStringLiteral("writeTags"));
    m_writeTags->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_writeTags->setToolTip(tr("Write the predicted genre and mood of the selected tracks into their files"));
    m_undoTags = tags->addAction(tr("&Undo Last Tag Write"), this, &MainWindow::undoTagWrite);
    m_undoTags->setObjectName(QStringLiteral("undoTagWrite"));
    m_undoTags->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_undo = new QFutureWatcher<BatchOutcome>(this);
    connect(m_undo, &QFutureWatcherBase::finished, this, [this] {
        const BatchOutcome o = m_undo->result();
        m_undoTags->setEnabled(true);
        statusBar()->showMessage(o.batchId == 0 && o.files.empty() ? tr("Nothing undone: %1").arg(o.error)
                                                                   : tr("Undo: %1").arg(outcomeSummary(o)),
                                 8000);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateTagActions);
    connect(m_catalog, &Catalog::predictionsChanged, this, &MainWindow::updateTagActions);
    connect(m_analysis, &AnalysisPanel::modelReady, this, &MainWindow::updateTagActions);
    updateTagActions();

    menuBar()->addMenu(m_annotation->menu());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *find = m_viewMenu->addAction(tr("&Search Library"), this, [this] { m_search->setFocus(); m_search->selectAll(); });
    find->setShortcut(QKeySequence::Find);
    QAction *zin = m_viewMenu->addAction(QIcon(QStringLiteral(":/icons/zoom-in.svg")), tr("Zoom &In"), m_trackView, &TrackView::zoomIn);
    zin->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zout = m_viewMenu->addAction(QIcon(QStringLiteral(":/icons/zoom-out.svg")), tr("Zoom &Out"), m_trackView, &TrackView::zoomOut);
    zout->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = m_viewMenu->addAction(QIcon(QStringLiteral(":/icons/zoom-fit.svg")), tr("&Whole Track"), m_trackView, &TrackView::zoomToFit);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_viewMenu->addSeparator();
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(this);
    const std::pair<QString, Theme> themes[] = {{tr("&System"), Theme::System}, {tr("&Light"), Theme::Light}, {tr("&Dark"), Theme::Dark}};
    const Theme saved = Theme(QSettings().value(QStringLiteral("ui/theme"), int(Theme::System)).toInt());
    for (const auto &[name, t] : themes) {
        QAction *a = theme->addAction(name, this, [this, t = t] { setTheme(t); });
        a->setCheckable(true);
        a->setChecked(t == saved);
        group->addAction(a);
    }
    m_viewMenu->addAction(m_showMoodMap);
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    if (saved != Theme::System)
        setTheme(saved);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Spectag"), this, &MainWindow::showAbout);
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    QSettings().setValue(QStringLiteral("ui/theme"), int(theme));
    // Fusion draws the same on every platform and honours a custom palette completely.
    if (theme != Theme::System)
        QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : theme == Theme::Light ? lightPalette() : QApplication::style()->standardPalette());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Spectag"),
                       tr("<b>Spectag %1</b><p>Tags your music library with mood and genre predicted "
                          "on your own computer from mel spectrograms.</p>")
                           .arg(QStringLiteral(SPECTAG_VERSION)));
}

} // namespace spectag::ui
