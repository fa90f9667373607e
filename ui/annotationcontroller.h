#pragma once

#include "catalog/records.h"

#include <QObject>

#include <optional>
#include <utility>

class QAction;
class QDockWidget;
class QMenu;
class QTableView;

namespace spectag {
class ReviewQueueModel;
}

namespace spectag::ui {

class AnnotationMode;
class MainWindow;

// Everything the main window does for annotators, in one place so the window only creates it
// and adds its menu: the human labels in the predictions panel (written to the catalog when the
// panel asks), segment labels on the waveform (Shift+drag, right-click), the keyboard annotation
// mode, the review queue dock, the annotator's name and the export of the human labels as a
// training manifest. Made at the end of MainWindow::createDocks (it uses the docks' widgets).
class AnnotationController : public QObject {
    Q_OBJECT
public:
    explicit AnnotationController(MainWindow *window);

    QMenu *menu() const { return m_menu; }
    AnnotationMode *mode() const { return m_mode; }
    ReviewQueueModel *queueModel() const { return m_queue; }
    QTableView *queueView() const { return m_queueView; }
    QDockWidget *queueDock() const { return m_queueDock; }
    QAction *acceptAction() const { return m_accept; }
    QAction *annotatorAction() const { return m_annotator; }
    QAction *exportAction() const { return m_export; }

    // QSettings "annotation/annotator"; the login name until one is set.
    static QString annotatorName();
    static void setAnnotatorName(const QString &name);

    qint64 currentTrackId() const;  // the library table's current row, 0 if none
    // Writes rows for the current track (filling in track, annotator, time and source Human).
    bool annotateCurrent(QList<Annotation> rows);
    // The menu a right-click on a waveform selection opens: the heads' labels for that region.
    QMenu *segmentMenu(double start, double end, QWidget *parent);
    // The segment under the playhead (the key head's row of the segment timeline, else any).
    std::optional<std::pair<double, double>> currentSegment() const;
    // The human annotations as a JSON Lines training manifest (training::loadCatalogAnnotations in
    // the loaded model's label order); false with `error` when nothing could be written.
    bool exportManifestTo(const QString &path, QString *error, int *items = nullptr, int *issues = nullptr);
    // Makes the track the library table's current row (clearing a filter that hides it).
    bool selectTrack(qint64 trackId);

public Q_SLOTS:
    void refresh();  // the current track's human labels into the panel and the waveform
    void moveSelection(int delta);
    void playCurrentSegment();
    void editAnnotatorName();
    void exportManifest();

private:
    void createQueueDock();
    void createMenu();
    void toggleMood(int index);
    void onModelReady();

    MainWindow *m_window;
    AnnotationMode *m_mode;
    ReviewQueueModel *m_queue;
    QTableView *m_queueView = nullptr;
    QDockWidget *m_queueDock = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_accept = nullptr;
    QAction *m_annotator = nullptr;
    QAction *m_export = nullptr;
};

} // namespace spectag::ui
