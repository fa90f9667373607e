#pragma once

#include "predictiontypes.h"

#include "model/moodspace.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <vector>

class QLabel;
class QLineEdit;
class QTableView;
class QTreeView;
class QFileSystemModel;

namespace spectag {
struct BatchOutcome;
class Catalog;
class LibraryModel;
}

namespace spectag::ui {

class AnalysisPanel;
class AnnotationController;
struct AppSettings;
class FineTuneDialog;
class LibraryCharts;
class LibraryImporter;
class LibraryMap;
class MoodMap;
class LibraryProxyModel;
class PlaylistPanel;
class PredictionsPanel;
class TrackView;
class TrajectoryDialog;
struct PredictedTrack;

// The desktop application's main window: the library table in the centre (filtered by the search
// syntax of SearchQuery), the track view, predictions and folder tree as dockable panels around it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };

    // Opens the catalog at catalogPath, or the user's default catalog when empty, and loads the
    // network for the Analysis dock from modelPath, or paths::defaultModelPath() when empty.
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const QString &catalogPath, QWidget *parent = nullptr);
    MainWindow(const QString &catalogPath, const QString &modelPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addFolder(const QString &folder);
    // Files and folders given to the app (command line, "Open with", a drop): folders are added,
    // a file adds the folder it is in (one album track dragged in means "this album").
    void openPaths(const QStringList &paths);
    bool selectRow(int row);  // in the (filtered, sorted) table; loads the track
    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }

    Catalog *catalog() const { return m_catalog; }
    LibraryModel *libraryModel() const { return m_library; }
    LibraryProxyModel *proxyModel() const { return m_proxy; }
    QTableView *libraryView() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    TrackView *trackView() const { return m_trackView; }
    PredictionsPanel *predictionsPanel() const { return m_predictions; }
    LibraryImporter *importer() const { return m_importer; }
    AnalysisPanel *analysisPanel() const { return m_analysis; }
    AnnotationController *annotation() const { return m_annotation; }
    LibraryMap *libraryMap() const { return m_map; }
    MoodMap *moodMap() const { return m_moodMap; }
    QAction *showMoodMapAction() const { return m_showMoodMap; }
    // The mood-trajectory dialog (one, non-modal; made on first use), from a point when given.
    TrajectoryDialog *showTrajectoryDialog(std::optional<spectag::ValenceArousal> from = std::nullopt);
    TrajectoryDialog *trajectoryDialog() const { return m_trajectory; }
    LibraryCharts *libraryCharts() const { return m_charts; }
    // Selects the track in the table (clearing a filter that hides it) and plays it.
    bool activateTrack(qint64 trackId);
    PlaylistPanel *playlistPanel() const { return m_playlists; }
    QStringList selectedPaths() const;  // the library table's selected tracks
    QAction *writeTagsAction() const { return m_writeTags; }
    QAction *undoTagWriteAction() const { return m_undoTags; }
    FineTuneDialog *fineTuneDialog() const { return m_fineTune; }
    // The selected tracks that have stored predictions of the loaded model (what Write Tags… writes).
    std::vector<PredictedTrack> selectedPredictedTracks() const;

    // Whole-track predictions of the active model for a track, from the catalog (empty if none).
    QList<HeadPrediction> storedPredictions(qint64 trackId) const;
    // Its per-segment timeline, as the track view's segment timeline shows it.
    QList<SegmentPrediction> storedSegments(qint64 trackId) const;
    QTreeView *folderTree() const { return m_folderTree; }

Q_SIGNALS:
    void folderImported(const QString &folder, int added);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void init(const QString &catalogPath, const QString &modelPath);
    void createCentral();
    void createDocks();
    void createActions();
    void restoreLayout();
    void applyDefaultDockSizes();
    void showAbout();
    void chooseFolder();
    void onCurrentRowChanged();
    void showStoredPredictions();  // of the current row, into the predictions panel and timeline
    void updateCount();
    void updateTagActions();
    void writeTags();      // the preview dialog; it plans and writes in the background
    void undoTagWrite();   // the last journaled batch, in the background
    void showFineTuning(); // the fine-tuning dialog (one, non-modal)
    void showSettings();
    void applySettings(const AppSettings &before, const AppSettings &after, const QStringList &addedFolders);
    void createLibraryDocks();  // the library map, mood map and charts
    // Roots the Folders tree at what holds the library's folders (home without any) and opens the
    // way to each, so it shows music rather than /bin, /boot and /dev.
    void showLibraryInFolderTree(const QString &added = {});

    Catalog *m_catalog = nullptr;
    LibraryModel *m_library = nullptr;
    LibraryProxyModel *m_proxy = nullptr;
    LibraryImporter *m_importer = nullptr;
    AnalysisPanel *m_analysis = nullptr;
    AnnotationController *m_annotation = nullptr;
    LibraryMap *m_map = nullptr;
    MoodMap *m_moodMap = nullptr;
    QAction *m_showMoodMap = nullptr;
    TrajectoryDialog *m_trajectory = nullptr;
    LibraryCharts *m_charts = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    TrackView *m_trackView = nullptr;
    PredictionsPanel *m_predictions = nullptr;
    PlaylistPanel *m_playlists = nullptr;
    QTreeView *m_folderTree = nullptr;
    QFileSystemModel *m_folders = nullptr;
    QLabel *m_count = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_writeTags = nullptr;
    QAction *m_undoTags = nullptr;
    QFutureWatcher<BatchOutcome> *m_undo = nullptr;
    FineTuneDialog *m_fineTune = nullptr;
    Theme m_theme = Theme::System;
    bool m_defaultLayout = false;  // no saved layout: size the docks once the window is shown
};

} // namespace spectag::ui
