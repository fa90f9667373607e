#pragma once

#include "inference/analysiscache.h"
#include "inference/analysisresult.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace spectag {

class Model;

struct AnalysisProgress {
    int done = 0;            // finished (ok, failed or from cache) since the queue was last idle
    int failed = 0;
    int total = 0;           // done + still queued or running
    double audioSeconds = 0; // audio analysed so far
    double elapsedSeconds = 0;
    double etaSeconds = -1;  // -1 until there is a rate to extrapolate
    QString lastPath;
};

// Analyses files in the background: decoding and spectrograms on a QThreadPool, inference
// batched across tracks on its own thread, results delivered as signals in the queue's thread.
// Nothing blocks the caller. Higher priority first (the GUI raises visible/selected rows), FIFO
// among equals. pause()/cancel() take effect between decode blocks and between batches.
// After cancel() returns, no trackFinished arrives for anything enqueued before it.
class AnalysisQueue : public QObject {
    Q_OBJECT

public:
    struct Options {
        Aggregation aggregation = Aggregation::Mean;
        int decodeThreads = 0;   // <= 0: QThread::idealThreadCount()
        int batchSize = 32;      // segments per forward pass, across tracks
        bool keepSegments = true;  // false drops per-segment scores from delivered results
        // Decoding and inference threads run below normal priority (Linux: nice 10): an
        // interactive caller's own thread then gets a core the moment it has work.
        bool background = false;
    };
    struct Stats {
        int decoded = 0;     // files decoded (a cache hit decodes nothing)
        int cacheHits = 0;
        int batches = 0;     // forward passes
    };

    explicit AnalysisQueue(std::shared_ptr<const Model> model, QObject *parent = nullptr);
    AnalysisQueue(std::shared_ptr<const Model> model, const Options &options, QObject *parent = nullptr);
    ~AnalysisQueue() override;  // cancels and waits for the workers

    void setCache(std::shared_ptr<AnalysisCache> cache);
    const Model &model() const;

    void enqueue(const QString &path, int priority = 0);
    void enqueue(const QStringList &paths, int priority = 0);
    void setPriority(const QString &path, int priority);  // queued (not yet started) files only

    void pause();
    void resume();
    bool isPaused() const;
    void cancel();
    bool isIdle() const;
    Stats stats() const;

Q_SIGNALS:
    void trackFinished(const spectag::TrackResult &result);
    void progress(const spectag::AnalysisProgress &progress);  // at most every ~60 ms, and at the end
    void idle();  // everything enqueued has been delivered (or cancelled)

private:
    void deliver(quint64 generation, const TrackResult &result);
    void pump();  // starts decodes while there is room; called with the lock held

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace spectag

Q_DECLARE_METATYPE(spectag::AnalysisProgress)
