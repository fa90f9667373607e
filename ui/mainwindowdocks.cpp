// The main window's library map and charts docks (kept apart from mainwindow.cpp, which is
// long enough): creation, wiring, and the map's "play this track".
#include "mainwindow.h"

#include "analysispanel.h"
#include "librarycharts.h"
#include "librarymap.h"
#include "libraryproxymodel.h"
#include "moodmap.h"
#include "trackview.h"
#include "trajectorydialog.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "inference/catalogcache.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace spectag::ui {

void MainWindow::createLibraryDocks()
{
    // Tabbed behind the Folders dock: they load only while shown, so a large library costs
    // nothing until someone looks.
    auto *folderDock = findChild<QDockWidget *>(QStringLiteral("foldersDock"));
    m_map = new LibraryMap(m_catalog, this);
    m_map->setObjectName(QStringLiteral("libraryMap"));
    auto *mapDock = new QDockWidget(tr("Library Map"), this);
    mapDock->setObjectName(QStringLiteral("libraryMapDock"));
    mapDock->setWidget(m_map);
    addDockWidget(Qt::LeftDockWidgetArea, mapDock);
    m_charts = new LibraryCharts(m_catalog, this);
    m_charts->setObjectName(QStringLiteral("libraryCharts"));
    auto *chartsDock = new QDockWidget(tr("Library Charts"), this);
    chartsDock->setObjectName(QStringLiteral("libraryChartsDock"));
    chartsDock->setWidget(m_charts);
    addDockWidget(Qt::LeftDockWidgetArea, chartsDock);
    m_moodMap = new MoodMap(m_catalog, this);
    m_moodMap->setObjectName(QStringLiteral("moodMap"));
    auto *moodDock = new QDockWidget(tr("Mood Map"), this);
    moodDock->setObjectName(QStringLiteral("moodMapDock"));
    moodDock->setWidget(m_moodMap);
    addDockWidget(Qt::LeftDockWidgetArea, moodDock);
    if (folderDock) {
        tabifyDockWidget(folderDock, mapDock);
        tabifyDockWidget(mapDock, moodDock);
        tabifyDockWidget(moodDock, chartsDock);
        folderDock->raise();
    }
    // A dock tabbed out of sight stays "visible" to Qt: the views note changes while they are
    // behind another tab and load when their tab comes to the front.
    connect(mapDock, &QDockWidget::visibilityChanged, m_map, [this](bool visible) { if (visible) m_map->revealed(); });
    connect(moodDock, &QDockWidget::visibilityChanged, m_moodMap, [this](bool visible) { if (visible) m_moodMap->revealed(); });
    connect(chartsDock, &QDockWidget::visibilityChanged, m_charts, [this](bool visible) { if (visible) m_charts->revealed(); });
    // Shows and raises the dock (its View-menu toggle would hide a dock tabbed out of sight).
    m_showMoodMap = new QAction(tr("&Mood Map"), this);
    m_showMoodMap->setObjectName(QStringLiteral("showMoodMapAction"));
    m_showMoodMap->setShortcut(QKeySequence(Qt::Key_F9));
    connect(m_showMoodMap, &QAction::triggered, this, [this, moodDock] {
        moodDock->show();
        moodDock->raise();
        m_moodMap->setFocus();
    });
    for (ScatterMap *map : {static_cast<ScatterMap *>(m_map), static_cast<ScatterMap *>(m_moodMap)}) {
        connect(map, &ScatterMap::trackActivated, this, &MainWindow::activateTrack);
        connect(map, &ScatterMap::playlistCreated, this, [this](qint64, const QString &name) {
            statusBar()->showMessage(tr("Playlist \u201c%1\u201d created").arg(name), 8000);
        });
    }
    connect(m_moodMap, &MoodMap::trajectoryRequested, this, [this](std::optional<ValenceArousal> from) { showTrajectoryDialog(from); });
    // The charts judge the model's decisions with its own kinds and thresholds when it is loaded.
    connect(m_analysis, &AnalysisPanel::modelReady, this, [this] {
        const auto model = m_catalog->activeModel();
        const ModelSpec *spec = m_analysis->modelSpec();
        if (spec && model && m_analysis->cache() && m_analysis->cache()->modelRecord().versionHash == model->versionHash)
            m_charts->setHeadSpecs(spec->heads);
    });
}

TrajectoryDialog *MainWindow::showTrajectoryDialog(std::optional<ValenceArousal> from)
{
    if (!m_trajectory) {
        m_trajectory = new TrajectoryDialog(m_catalog, this);
        // The map draws the path being previewed while the dialog is open.
        connect(m_trajectory, &TrajectoryDialog::pathChanged, m_moodMap, &MoodMap::showTrajectory);
        connect(m_trajectory, &QDialog::finished, m_moodMap, &MoodMap::clearTrajectory);
        connect(m_trajectory, &TrajectoryDialog::playlistCreated, this, [this](qint64, const QString &name) {
            statusBar()->showMessage(tr("Playlist \u201c%1\u201d created").arg(name), 8000);
        });
    }
    if (from)
        m_trajectory->setFrom(*from);
    m_moodMap->showTrajectory(m_trajectory->from(), m_trajectory->to());
    m_trajectory->show();
    m_trajectory->raise();
    m_trajectory->activateWindow();
    return m_trajectory;
}

bool MainWindow::activateTrack(qint64 trackId)
{
    const int row = m_library->rowForTrack(trackId);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_library->index(row, 0));
    if (!index.isValid()) {  // hidden by the search or the folder: show the whole library
        m_search->clear();
        m_proxy->setFolder({});
        index = m_proxy->mapFromSource(m_library->index(row, 0));
    }
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    m_trackView->play();
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_defaultLayout)
        return;
    m_defaultLayout = false;
    // The sizes given while the docks were created did not hold: the window had no size yet, and
    // the tabbed docks' minimum heights then squeezed the track view to a strip. Once shown,
    // give the waveform and spectrogram their room.
    QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
}

void MainWindow::applyDefaultDockSizes()
{
    auto *track = findChild<QDockWidget *>(QStringLiteral("trackDock"));
    auto *folders = findChild<QDockWidget *>(QStringLiteral("foldersDock"));
    auto *predictions = findChild<QDockWidget *>(QStringLiteral("predictionsDock"));
    if (track)
        resizeDocks({track}, {std::max(420, height() * 9 / 20)}, Qt::Vertical);
    if (folders && predictions)
        resizeDocks({folders, predictions}, {220, 260}, Qt::Horizontal);
    // The right column is for the predictions; the analysis controls under them need only their
    // own height (they used to take two thirds of it and leave the genre bars alone in view).
    auto *analysis = findChild<QDockWidget *>(QStringLiteral("analysisDock"));
    if (predictions && analysis && !predictions->isFloating() && !analysis->isFloating()) {
        const int column = predictions->height() + analysis->height();
        // A line to spare: the device line is empty until the model has loaded (in the
        // background, after this). The model's description is one line, elided.
        const int controls = std::min(analysis->sizeHint().height() + analysis->fontMetrics().lineSpacing(), column / 2);
        resizeDocks({predictions, analysis}, {column - controls, controls}, Qt::Vertical);
    }
}

void MainWindow::showLibraryInFolderTree(const QString &added)
{
    QStringList folders = m_catalog->libraryFolders();
    if (!added.isEmpty() && !folders.contains(added))
        folders << added;
    // The deepest folder that holds every library folder's parent: the library folders themselves
    // are rows in the tree (one can be selected to filter by it), and their neighbours are few.
    QStringList base;
    for (int i = 0; i < folders.size(); ++i) {
        const QStringList parts = QDir::cleanPath(QFileInfo(folders.at(i)).absolutePath()).split(QLatin1Char('/'));
        if (i == 0) {
            base = parts;
            continue;
        }
        qsizetype n = 0;
        while (n < base.size() && n < parts.size() && base.at(n) == parts.at(n))
            ++n;
        base = base.mid(0, n);
    }
    QString root = folders.isEmpty() ? QDir::homePath() : base.join(QLatin1Char('/'));
    if (root.isEmpty())
        root = QDir::rootPath();  // "/a" and "/b": what they share is "/"
    m_folders->setRootPath(root);
    m_folderTree->setRootIndex(m_folders->index(root));
    for (const QString &f : folders)
        for (QModelIndex i = m_folders->index(QFileInfo(f).absoluteFilePath()); i.isValid() && i != m_folderTree->rootIndex(); i = i.parent())
            m_folderTree->expand(i);
    if (!folders.isEmpty())
        m_folderTree->scrollTo(m_folders->index(added.isEmpty() ? folders.first() : added), QAbstractItemView::PositionAtTop);
}

} // namespace spectag::ui
