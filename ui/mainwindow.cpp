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
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QMouseEvent>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace spectag::ui {

namespace {

// The Folders tree: selecting a folder filters the library to it. Its root is what holds the
// library's folders, not a row, so a click on the empty space below the rows clears the choice
// and shows the whole library again (QTreeView keeps the current row on such a click).
class FolderTree : public QTreeView {
public:
    using QTreeView::QTreeView;

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (!indexAt(event->position().toPoint()).isValid()) {
            clearSelection();
            setCurrentIndex({});
        }
        QTreeView::mousePressEvent(event);
    }
};

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
    if (addedFolders.isEmpty())
        showLibraryInFolderTree();  // a removed folder no longer holds the tree's root (addFolder re-roots too)
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
    m_folderTree = new FolderTree(this);
    m_folderTree->setObjectName(QStringLiteral("folderTree"));
    m_folderTree->setModel(m_folders);
    for (int c = 1; c < m_folders->columnCount(); ++c)
        m_folderTree->hideColumn(c);
    m_folderTree->setHeaderHidden(true);
    m_folderTree->setToolTip(tr("Select a folder to show only its tracks, click below the folders to show the whole "
                                "library again; drop folders on the window to add them"));
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
    showLibraryInFolderTree();
    m_proxy->setFolder({});  // the tree starts as a pointer to the library, not a filter
    m_annotation = new AnnotationController(this);  // the Review Queue dock, human labels, annotation mode
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
    showLibraryInFolderTree(fi.absoluteFilePath());
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

void MainWindow::openPaths(const QStringList &paths)
{
    QStringList folders;
    for (const QString &path : paths) {
        const QFileInfo fi(path);
        if (!fi.exists())
            continue;
        const QString folder = fi.isDir() ? fi.absoluteFilePath() : fi.absolutePath();
        if (!folders.contains(folder))
            folders.append(folder);
    }
    for (const QString &f : std::as_const(folders))
        addFolder(f);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    openPaths(paths);
    if (!paths.isEmpty())
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

} // namespace spectag::ui
