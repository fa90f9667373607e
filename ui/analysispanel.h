#pragma once

#include "model/model.h"

#include <QFutureWatcher>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace spectag {
class AnalysisQueue;
class Catalog;
class CatalogAnalysisCache;
class Model;
struct AnalysisProgress;
struct ModelSpec;
struct TrackResult;
}

namespace spectag::ui {

class ElidedLabel;

// The Analysis dock: the network (loaded off the GUI thread from a model file), the device it
// runs on, and an AnalysisQueue whose results are stored in the catalog (CatalogAnalysisCache),
// so the library's columns update through Catalog::predictionsChanged. Decoding and inference
// happen on the queue's threads only. Selected tracks are analysed before the rest.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSelectedPriority = 10;

    explicit AnalysisPanel(Catalog *catalog, QWidget *parent = nullptr);
    ~AnalysisPanel() override;  // cancels and joins the queue: call before the catalog goes

    // Loads the network in the background; modelReady() tells. A missing file is reported at once.
    void loadModel(const QString &path);
    bool hasModel() const { return m_model != nullptr; }
    bool isLoading() const { return m_loading; }
    QString modelPath() const { return m_modelPath; }
    QString deviceName() const;             // "CPU", "GPU (cuda:0)", empty without a model
    const ModelSpec *modelSpec() const;     // nullptr without a model
    AnalysisQueue *queue() const { return m_queue.get(); }
    CatalogAnalysisCache *cache() const { return m_cache.get(); }

    // Decoding threads of the queue made when the next model is ready (<= 0: all cores but one).
    void setDecodeThreads(int n) { m_decodeThreads = n; }
    // Where the next loadModel() runs the network (Auto: CUDA when LibTorch has a GPU).
    void setDevice(Model::Device device) { m_device = device; }
    Model::Device device() const { return m_device; }
    // Where "Analyse selected" gets the library's selected paths (the main window's table).
    void setSelectionProvider(std::function<QStringList()> provider) { m_selection = std::move(provider); }

    // Enqueues the paths not already queued; returns how many were added.
    int analyse(const QStringList &paths, int priority = 0);
    int analyseSelected();
    int analyseUnanalysed();
    // Moves queued paths ahead of the rest (the rows the user selected meanwhile).
    void prioritise(const QStringList &paths);
    void setPaused(bool paused);
    bool isPaused() const;
    void cancel();
    bool isBusy() const { return !m_queued.isEmpty(); }
    int queuedCount() const { return int(m_queued.size()); }

    QAction *analyseSelectedAction() const { return m_analyseSelected; }
    QAction *analyseAllAction() const { return m_analyseAll; }
    QAction *pauseAction() const { return m_pause; }
    QAction *cancelAction() const { return m_cancel; }
    QString modelText() const;  // the problem when there is one, else the model line in full
    ElidedLabel *modelLabel() const { return m_modelLabel; }
    QString statusText() const;
    QProgressBar *progressBar() const { return m_bar; }

Q_SIGNALS:
    void modelReady(bool ok);
    void trackAnalysed(const QString &path, bool ok);
    void idle();

private:
    struct Loaded;
    void onModelLoaded();
    void onTrackFinished(const spectag::TrackResult &result);
    void onProgress(const spectag::AnalysisProgress &progress);
    void onIdle();
    void updateActions();
    // The model line: one line, elided, in the normal states (loading, loaded); a problem
    // (no model, unreadable) is a wrapped message of its own under it, since it must be read whole.
    void showModelLine(const QString &text, const QString &toolTip = {});
    void showModelProblem(const QString &richText);

    Catalog *m_catalog;
    std::shared_ptr<Model> m_model;
    std::shared_ptr<CatalogAnalysisCache> m_cache;
    std::unique_ptr<AnalysisQueue> m_queue;
    QFutureWatcher<std::shared_ptr<Loaded>> m_loader;
    QString m_modelPath;
    Model::Device m_device = Model::Device::Auto;
    bool m_loading = false;
    std::function<QStringList()> m_selection;
    QSet<QString> m_queued;
    int m_done = 0, m_fromCache = 0, m_failed = 0;
    bool m_cancelled = false;
    int m_decodeThreads = 0;

    ElidedLabel *m_modelLabel;
    QLabel *m_modelProblem;
    QLabel *m_deviceLabel;
    QLabel *m_status;
    QProgressBar *m_bar;
    QToolButton *m_pauseButton;
    QToolButton *m_cancelButton;
    QAction *m_analyseSelected;
    QAction *m_analyseAll;
    QAction *m_pause;
    QAction *m_cancel;
};

} // namespace spectag::ui
