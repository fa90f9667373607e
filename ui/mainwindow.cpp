#include "mainwindow.h"

#include "analysispanel.h"
#include "annotationcontroller.h"
#include "appsettings.h"
#include "finetunedialog.h"
#include "librarycharts.h"
#include "libraryimporter.h"
#include "librarymap.h"
#include "libraryproxymodel.h"
#include "moodmap.h"
#include "playlistpanel.h"
#include "predictionspanel.h"
#include "resources.h"
#include "settingsdialog.h"
#include "storedpredictions.h"
#include "tagwritedialog.h"
#include "trackview.h"
#include "trajectorydialog.h"
#include "util/workerpool.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/trackmime.h"
#include "inference/catalogcache.h"
#include "util/paths.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x7f, 0xc4));
    return p;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    init({}, {});
}

MainWindow::MainWindow(const QString &catalogPath, QWidget *parent)
    : QMainWindow(parent)
{
    init(catalogPath, {});
}

MainWindow::MainWindow(const QString &catalogPath, const QString &modelPath, QWidget *parent)
    : QMainWindow(parent)
{
    init(catalogPath, modelPath);
}

MainWindow::~MainWindow()
{
    // An undo rewrites files and its journal lives in the catalog's file: it finishes first.
    if (m_undo)
        m_undo->waitForFinished();
    // Both join workers that write into the catalog, which (a child) would otherwise go first.
    delete m_analysis;
    delete m_importer;
    delete m_trajectory;  // these three's background loads read the catalog
    delete m_moodMap;
    delete m_map;
    delete m_charts;
}

void MainWindow::init(const QString &catalogPath, const QString &modelPath)
{
    initResources();
    setWindowTitle(tr("Spectag"));
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/spectag.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    m_catalog = new Catalog(this);
    const QString path = catalogPath.isEmpty() ? paths::defaultCatalogPath() : catalogPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool opened = m_catalog->open(path);
    m_library = new LibraryModel(m_catalog, this);
    m_proxy = new LibraryProxyModel(this);
    m_proxy->setSourceModel(m_library);
    m_importer = new LibraryImporter(m_catalog, nullptr);

    createCentral();
    createDocks();
    createActions();
    m_count = new QLabel(this);
    statusBar()->addPermanentWidget(m_count);
    statusBar()->showMessage(opened ? tr("Ready") : tr("Could not open the catalog: %1").arg(m_catalog->lastError()));
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCount);
    connect(m_importer, &LibraryImporter::progress, this, [this](const QString &folder, int done, int total) {
        statusBar()->showMessage(tr("Adding %1: %2 of %3 files").arg(QDir::toNativeSeparators(folder)).arg(done).arg(total));
    });
    connect(m_importer, &LibraryImporter::finished, this, [this](const QString &folder, int added, const QStringList &errors) {
        statusBar()->showMessage(errors.isEmpty() ? tr("Added %n track(s) from %1", nullptr, added).arg(QDir::toNativeSeparators(folder))
                                                  : tr("Added %n track(s) from %1; %2 file(s) could not be read", nullptr, added)
                                                        .arg(QDir::toNativeSeparators(folder)).arg(errors.size()),
                                 8000);
        if (m_table->currentIndex().row() < 0 && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        Q_EMIT folderImported(folder, added);
    });
    updateCount();
    resize(1280, 800);
    restoreLayout();
    // A model named here wins, then the one chosen in Settings, then the catalog's active model
    // (a fine-tuned one, once activated), then the shipped one.
    const AppSettings settings = AppSettings::load();
    m_analysis->setDecodeThreads(settings.analysisThreads);
    m_analysis->setDevice(settings.device);
    QString model = modelPath.isEmpty() ? settings.modelPath : modelPath;
    if (model.isEmpty())
        if (const auto active = m_catalog->activeModel(); active && QFileInfo::exists(active->filePath))
            model = active->filePath;
    m_analysis->loadModel(model.isEmpty() ? paths::defaultModelPath() : model);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_catalog, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::applySettings(const AppSettings &before, const AppSettings &after, const QStringList &addedFolders)
{
    m_analysis->setDecodeThreads(after.analysisThreads);  // for the queue made with the next model
    m_analysis->setDevice(after.device);
    if (after.modelPath != before.modelPath || after.device != before.device || after.analysisThreads != before.analysisThreads) {
        QString model = after.modelPath;
        if (model.isEmpty())
            if (const auto active = m_catalog->activeModel(); active && QFileInfo::exists(active->filePath))
                model = active->filePath;
        m_analysis->loadModel(model.isEmpty() ? paths::defaultModelPath() : model);
    }
    for (const QString &f : addedFolders)
        addFolder(f);
}

void MainWindow::showFineTuning()
{
    if (!m_fineTune) {
        const QString modelsDir = QDir(QFileInfo(m_catalog->path()).absolutePath()).filePath(QStringLiteral("models"));
        m_fineTune = new FineTuneDialog(m_catalog, m_analysis->modelPath(), modelsDir, this);
        connect(m_fineTune, &FineTuneDialog::modelActivated, this, [this](const QString &path) {
            m_analysis->loadModel(path);
            statusBar()->showMessage(tr("Analysing with the fine-tuned model %1").arg(QFileInfo(path).fileName()), 8000);
        });
    } else if (!m_fineTune->isVisible()) {
        m_fineTune->setBaseModel(m_analysis->modelPath());
    }
    m_fineTune->show();
    m_fineTune->raise();
    m_fineTune->activateWindow();
}

void MainWindow::createCentral()
{
    auto *central = new QWidget(this);
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_search->setPlaceholderText(tr("Search (Ctrl+F): words, mood:calm genre:jazz conf>0.7 artist:\u2026 duration<3:00 -genre:rock"));
    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("library"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setDragEnabled(true);  // rows drag into playlists (and as files into other applications)
    m_table->setDragDropMode(QAbstractItemView::DragOnly);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(LibraryModel::Title, 260);
    m_table->horizontalHeader()->resizeSection(LibraryModel::Duration, 70);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
    setCentralWidget(central);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &LibraryProxyModel::setSearch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    // What the user looks at is analysed before the rest of a queued library.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { if (m_analysis->isBusy()) m_analysis->prioritise(selectedPaths()); });
    connect(m_table, &QTableView::activated, this, [this] { m_trackView->play(); });
}

void MainWindow::createDocks()
{
    m_trackView = new TrackView(this);
    auto *trackDock = new QDockWidget(tr("Track"), this);
    trackDock->setObjectName(QStringLiteral("trackDock"));
    trackDock->setWidget(m_trackView);
    addDockWidget(Qt::TopDockWidgetArea, trackDock);

    m_predictions = new PredictionsPanel(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_predictions);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *predDock = new QDockWidget(tr("Predictions"), this);
    predDock->setObjectName(QStringLiteral("predictionsDock"));
    predDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, predDock);

    m_analysis = new AnalysisPanel(m_catalog, this);
    m_analysis->setObjectName(QStringLiteral("analysisPanel"));
    m_analysis->setSelectionProvider([this] { return selectedPaths(); });
    auto *analysisDock = new QDockWidget(tr("Analysis"), this);
    analysisDock->setObjectName(QStringLiteral("analysisDock"));
    analysisDock->setWidget(m_analysis);
    addDockWidget(Qt::RightDockWidgetArea, analysisDock);
    connect(m_analysis, &AnalysisPanel::trackAnalysed, this, [this](const QString &path) {
        if (path == m_trackView->path())
            showStoredPredictions();
    });
    connect(m_analysis, &AnalysisPanel::modelReady, this, &MainWindow::showStoredPredictions);

    m_folders = new QFileSystemModel(this);
    m_folders->setFilter(QDir::AllDirs | QDir::NoDotAndDotDot);
    m_folders->setRootPath(QDir::rootPath());
    m_folderTree = new QTreeView(this);
    m_folderTree->setObjectName(QStringLiteral("folderTree"));
    m_folderTree->setModel(m_folders);
    for (int c = 1; c < m_folders->columnCount(); ++c)
        m_folderTree->hideColumn(c);
    m_folderTree->setHeaderHidden(true);
    m_folderTree->setToolTip(tr("Select a folder to show only its tracks; drop folders on the window to add them"));
    auto *folderDock = new QDockWidget(tr("Folders"), this);
    folderDock->setObjectName(QStringLiteral("foldersDock"));
    folderDock->setWidget(m_folderTree);
    addDockWidget(Qt::LeftDockWidgetArea, folderDock);
    createLibraryDocks();
    m_playlists = new PlaylistPanel(m_catalog, m_library, this);
    m_playlists->setObjectName(QStringLiteral("playlistPanel"));
    m_playlists->setQueryProvider([this] { return m_search->text(); });
    connect(m_playlists, &PlaylistPanel::statusMessage, this, [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
    auto *playlistDock = new QDockWidget(tr("Playlists"), this);
    playlistDock->setObjectName(QStringLiteral("playlistsDock"));
    playlistDock->setWidget(m_playlists);
    splitDockWidget(folderDock, playlistDock, Qt::Vertical);

    connect(m_folderTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_proxy->setFolder(m_folders->filePath(current)); });
    const QStringList roots = m_catalog->libraryFolders();
    if (!roots.isEmpty())
        m_folderTree->setCurrentIndex(m_folders->index(QFileInfo(roots.first()).absolutePath()));
    m_proxy->setFolder({});  // the tree starts as a pointer to the library, not a filter
    m_annotation = new AnnotationController(this);  // the Review Queue dock, human labels, annotation mode
}

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

void MainWindow::addFolder(const QString &folder)
{
    const QFileInfo fi(folder);
    if (!fi.isDir()) {
        statusBar()->showMessage(tr("Not a folder: %1").arg(QDir::toNativeSeparators(folder)), 8000);
        return;
    }
    statusBar()->showMessage(tr("Adding %1\u2026").arg(QDir::toNativeSeparators(fi.absoluteFilePath())));
    m_importer->addFolder(fi.absoluteFilePath());
    m_folderTree->setCurrentIndex(m_folders->index(fi.absolutePath()));
    m_folderTree->expand(m_folders->index(fi.absolutePath()));
    m_folderTree->scrollTo(m_folders->index(fi.absoluteFilePath()), QAbstractItemView::PositionAtTop);
    m_proxy->setFolder({});
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Music Folder"), QDir::homePath());
    if (!dir.isEmpty())
        addFolder(dir);
}

bool MainWindow::selectRow(int row)
{
    if (row < 0 || row >= m_proxy->rowCount())
        return false;
    m_table->setCurrentIndex(m_proxy->index(row, 0));
    m_table->selectRow(row);
    return true;
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString path = current.siblingAtColumn(LibraryModel::Title).data(LibraryModel::PathRole).toString();
    const QString title = current.siblingAtColumn(LibraryModel::Title).data().toString();
    const QString artist = current.siblingAtColumn(LibraryModel::Artist).data().toString();
    if (path != m_trackView->path())
        m_trackView->loadTrack(path, artist.isEmpty() ? title : artist + QStringLiteral(" \u2013 ") + title);
    showStoredPredictions();
}

void MainWindow::showStoredPredictions()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(LibraryModel::TrackIdRole).toLongLong();
    const QString title = current.siblingAtColumn(LibraryModel::Title).data().toString();
    m_predictions->setPredictions(storedPredictions(id));
    m_predictions->setPlaceholder(m_analysis->hasModel()
                                      ? tr("\u201c%1\u201d has not been analysed with the active model yet (%2 analyses the selection).")
                                            .arg(title, m_analysis->analyseSelectedAction()->shortcut().toString(QKeySequence::NativeText))
                                      : tr("\u201c%1\u201d has not been analysed with the active model yet.").arg(title));
    m_trackView->setSegments(storedSegments(id));
}

QStringList MainWindow::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows(LibraryModel::Title))
        paths << row.data(LibraryModel::PathRole).toString();
    return paths;
}

std::vector<PredictedTrack> MainWindow::selectedPredictedTracks() const
{
    std::vector<PredictedTrack> tracks;
    const auto model = m_catalog->activeModel();
    // Labels and their order come from the loaded network, so only its own predictions qualify.
    const ModelSpec *spec = m_analysis->modelSpec();
    if (!model || !spec || !m_analysis->cache() || m_analysis->cache()->modelRecord().versionHash != model->versionHash)
        return tracks;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows(LibraryModel::Title)) {
        if (!row.data(LibraryModel::AnalysedRole).toBool())
            continue;
        const auto prediction = m_catalog->prediction(row.data(LibraryModel::TrackIdRole).toLongLong(), model->id);
        if (prediction)
            tracks.push_back({row.data(LibraryModel::PathRole).toString(), headScores(*prediction, *spec)});
    }
    return tracks;
}

void MainWindow::updateTagActions()
{
    if (!m_writeTags)
        return;
    bool any = false;
    if (m_analysis->modelSpec()) {
        for (const QModelIndex &row : m_table->selectionModel()->selectedRows(LibraryModel::Title))
            any = any || row.data(LibraryModel::AnalysedRole).toBool();
    }
    m_writeTags->setEnabled(any);
}

void MainWindow::writeTags()
{
    std::vector<PredictedTrack> tracks = selectedPredictedTracks();
    if (tracks.empty()) {
        statusBar()->showMessage(tr("Select tracks analysed with the loaded model to write their tags"), 8000);
        return;
    }
    auto *dialog = new TagWriteDialog(m_catalog->path(), *m_analysis->modelSpec(), std::move(tracks), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const AppSettings settings = AppSettings::load();  // the Settings dialog's tag-write policy
    dialog->setMinConfidence(settings.minConfidence);
    dialog->setVocabulary(settings.vocabulary);
    dialog->setWriteScores(settings.writeScores);
    dialog->setWriteOptions(TagWriteOptions{settings.id3v2});
    connect(dialog, &TagWriteDialog::writeFinished, this, [this](int written, int failed) {
        statusBar()->showMessage(tr("Tags written to %n file(s)", nullptr, written)
                                     + (failed ? tr("; %n file(s) failed", nullptr, failed) : QString()),
                                 8000);
    });
    dialog->open();
}

void MainWindow::undoTagWrite()
{
    if (m_undo->isRunning())
        return;
    m_undoTags->setEnabled(false);
    statusBar()->showMessage(tr("Undoing the last tag write\u2026"));
    m_undo->setFuture(spectag::runInBackground([path = m_catalog->path()] { return undoLastTagWrite(path); }));
}

QList<HeadPrediction> MainWindow::storedPredictions(qint64 trackId) const
{
    const auto model = m_catalog->activeModel();
    if (!model)
        return {};
    const auto prediction = m_catalog->prediction(trackId, model->id);
    if (!prediction)
        return {};
    // The loaded network knows its label order and thresholds; the row alone does not.
    const ModelSpec *spec = m_analysis->cache() && m_analysis->cache()->modelRecord().versionHash == model->versionHash
                                ? m_analysis->modelSpec() : nullptr;
    return headPredictions(*prediction, spec);
}

QList<SegmentPrediction> MainWindow::storedSegments(qint64 trackId) const
{
    const auto model = m_catalog->activeModel();
    if (!model)
        return {};
    const auto prediction = m_catalog->prediction(trackId, model->id);
    return prediction ? segmentPredictions(*prediction) : QList<SegmentPrediction>();
}

void MainWindow::updateCount()
{
    const int all = m_library->rowCount(), shown = m_proxy->rowCount();
    m_count->setText(shown == all ? tr("%n track(s)", nullptr, all) : tr("%1 of %n track(s)", nullptr, all).arg(shown));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (trackmime::hasTrackIds(event->mimeData()))
        return;  // Spectag's own tracks or playlists: their folders are in the library already
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // Folders are added; a dropped file adds the folder it is in (a file manager user dragging
    // one album track means "this album").
    QStringList folders;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo fi(url.toLocalFile());
        const QString folder = fi.isDir() ? fi.absoluteFilePath() : fi.absolutePath();
        if (!folders.contains(folder))
            folders.append(folder);
    }
    for (const QString &f : folders)
        addFolder(f);
    if (!folders.isEmpty())
        event->acceptProposedAction();
}

void MainWindow::restoreLayout()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    m_defaultLayout = !restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Spectag"),
                       tr("<b>Spectag %1</b><p>Tags your music library with mood and genre predicted "
                          "on your own computer from mel spectrograms.</p>")
                           .arg(QStringLiteral(SPECTAG_VERSION)));
}

} // namespace spectag::ui
