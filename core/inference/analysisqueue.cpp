#include "inference/analysisqueue.h"

#include "audio/payloadhash.h"
#include "inference/trackanalyzer.h"
#include "model/model.h"
#include "model/segmenter.h"
#include "util/progressthrottle.h"
#include "util/workerpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>

#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <thread>


namespace spectag {

namespace {

// For the desktop app. With every core decoding and inferring, a GUI thread of equal priority gets
// only its share of a core, so a burst of finished tracks took several times longer to show:
// event-loop stalls of 0.3-1.6 s on 2 cores (tests/bench/bench_guistall). Linux keeps a nice value
// per thread and ignores QThread priorities under its default scheduler, hence setpriority() on
// the thread id. Threads the calling thread creates later (Torch's OpenMP pool, started by the
// first forward pass on the inference thread) inherit it. Ten steps below the main thread (so
// nice 10 in a normally started app), never above what the user started the process with.
void lowerCurrentThreadPriority()
{
    lowerCurrentThreadBelowMain(kAnalysisNice);
}

struct Pending {
    QString path;
    int priority = 0;
    quint64 seq = 0;
};

// A decoded track waiting for (or in) inference.
struct Prepared {
    TrackResult result;
    Spectrogram spec;
    std::vector<SegmentRange> ranges;
    size_t next = 0;   // next segment to put in a batch
    size_t done = 0;   // segments predicted
    std::vector<float> embeddingSum;
};

} // namespace

struct AnalysisQueue::Private {
    std::shared_ptr<const Model> model;
    Options options;
    std::shared_ptr<AnalysisCache> cache;

    mutable std::mutex mutex;
    std::condition_variable wake;          // inference thread and paused decoders wait here
    std::list<Pending> pending;
    std::list<Prepared> prepared;
    int activeDecodes = 0;
    int outstanding = 0;                   // enqueued and not yet delivered (this generation)
    quint64 seq = 0;
    quint64 generation = 0;
    std::shared_ptr<std::atomic_bool> cancelFlag = std::make_shared<std::atomic_bool>(false);
    bool paused = false;
    bool stopping = false;
    Stats stats;

    QThreadPool pool;
    std::thread inference;

    // Progress (queue thread only).
    AnalysisProgress progress;
    QElapsedTimer clock;
    ProgressThrottle throttle;

    int decodeThreads() const { return options.decodeThreads > 0 ? options.decodeThreads : std::max(1, QThread::idealThreadCount()); }
    // Decoded tracks waiting for inference are bounded: memory stays flat on a huge queue.
    bool roomToDecode() const { return activeDecodes < decodeThreads() && int(prepared.size()) + activeDecodes < 2 * decodeThreads() + 1; }

    void waitWhilePaused(std::unique_lock<std::mutex> &lock, const std::atomic_bool &cancel)
    {
        wake.wait(lock, [&] { return !paused || cancel || stopping; });
    }
};

AnalysisQueue::AnalysisQueue(std::shared_ptr<const Model> model, QObject *parent)
    : AnalysisQueue(std::move(model), Options{}, parent)
{
}

AnalysisQueue::AnalysisQueue(std::shared_ptr<const Model> model, const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<spectag::TrackResult>();
    qRegisterMetaType<spectag::AnalysisProgress>();
    d->model = std::move(model);
    d->options = options;
    d->options.batchSize = std::max(1, options.batchSize);
    d->pool.setMaxThreadCount(d->decodeThreads());
    d->inference = std::thread([this] {
        Private &p = *d;
        if (p.options.background)
            lowerCurrentThreadPriority();
        const Model &model = *p.model;
        const FrontEnd &fe = model.spec().frontEnd;
        std::vector<float> input;
        std::unique_lock lock(p.mutex);
        for (;;) {
            p.wake.wait(lock, [&] { return p.stopping || (!p.paused && !p.prepared.empty()); });
            if (p.stopping)
                return;
            // One batch across tracks, in the order they were prepared.
            struct Slot { Prepared *track; size_t segment; };
            std::vector<Slot> slots;
            const quint64 gen = p.generation;
            for (Prepared &t : p.prepared) {
                while (t.next < t.ranges.size() && int(slots.size()) < p.options.batchSize)
                    slots.push_back({&t, t.next++});
                if (int(slots.size()) >= p.options.batchSize)
                    break;
            }
            // Extraction and the forward pass run unlocked; cancel() only clears `prepared`
            // under the lock after bumping the generation, and this thread owns the entries until
            // it removes them, so the pointers stay valid: cancel() leaves draining to us.
            lock.unlock();
            input.resize(slots.size() * model.inputSize());
            for (size_t i = 0; i < slots.size(); ++i)
                extractSegment(slots[i].track->spec, slots[i].track->ranges[slots[i].segment], fe,
                               model.spec().normalisation, input.data() + i * model.inputSize());
            QString why;
            const auto preds = model.predict(input.data(), int(slots.size()), &why);
            lock.lock();
            ++p.stats.batches;
            for (size_t i = 0; i < slots.size(); ++i) {
                Prepared &t = *slots[i].track;
                const SegmentRange &r = t.ranges[slots[i].segment];
                if (preds.size() != slots.size()) {
                    t.result.error = QStringLiteral("%1: %2").arg(t.result.path, why);
                    t.done = t.next = t.ranges.size();
                    continue;
                }
                t.result.segments[slots[i].segment] = {r.startSeconds, r.endSeconds, preds[i].heads};
                if (t.embeddingSum.empty())
                    t.embeddingSum.assign(preds[i].embedding.size(), 0.0f);
                for (size_t k = 0; k < t.embeddingSum.size() && k < preds[i].embedding.size(); ++k)
                    t.embeddingSum[k] += preds[i].embedding[k];
                ++t.done;
            }
            // Deliver finished tracks (front of the list first: preparation order).
            std::vector<TrackResult> finished;
            for (auto it = p.prepared.begin(); it != p.prepared.end();) {
                if (it->done < it->ranges.size()) {
                    ++it;
                    continue;
                }
                TrackResult r = std::move(it->result);
                r.embedding = std::move(it->embeddingSum);
                for (float &v : r.embedding)
                    v /= float(std::max<size_t>(1, it->ranges.size()));
                it = p.prepared.erase(it);
                if (gen == p.generation)
                    finished.push_back(std::move(r));
            }
            if (!finished.empty()) {
                // The cache may be a database that waits on other writers: store unlocked, so
                // enqueue()/isIdle() on the GUI thread never wait for SQLite. Storing before
                // delivering means a receiver of trackFinished finds the result stored; deliver()
                // drops what a cancel() in between made stale.
                const auto cache = p.cache;
                lock.unlock();
                for (TrackResult &r : finished) {
                    if (r.ok() && cache)
                        cache->store(r);
                    QMetaObject::invokeMethod(this, [this, gen, r = std::move(r)] { deliver(gen, r); }, Qt::QueuedConnection);
                }
                lock.lock();
            }
            pump();
        }
    });
}

AnalysisQueue::~AnalysisQueue()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
        d->cancelFlag->store(true);
        d->pending.clear();
    }
    d->wake.notify_all();
    d->pool.waitForDone();
    d->inference.join();
}

void AnalysisQueue::setCache(std::shared_ptr<AnalysisCache> cache)
{
    std::lock_guard lock(d->mutex);
    d->cache = std::move(cache);
}

const Model &AnalysisQueue::model() const
{
    return *d->model;
}

void AnalysisQueue::enqueue(const QString &path, int priority)
{
    enqueue(QStringList{path}, priority);
}

void AnalysisQueue::enqueue(const QStringList &paths, int priority)
{
    if (paths.isEmpty())
        return;
    std::lock_guard lock(d->mutex);
    if (d->outstanding == 0) {
        d->progress = {};
        d->clock.start();
    }
    for (const QString &p : paths)
        d->pending.push_back({p, priority, d->seq++});
    d->outstanding += int(paths.size());
    pump();
}

void AnalysisQueue::setPriority(const QString &path, int priority)
{
    std::lock_guard lock(d->mutex);
    for (Pending &p : d->pending)
        if (p.path == path)
            p.priority = priority;
}

void AnalysisQueue::pause()
{
    std::lock_guard lock(d->mutex);
    d->paused = true;
}

void AnalysisQueue::resume()
{
    {
        std::lock_guard lock(d->mutex);
        d->paused = false;
        pump();
    }
    d->wake.notify_all();
}

bool AnalysisQueue::isPaused() const
{
    std::lock_guard lock(d->mutex);
    return d->paused;
}

void AnalysisQueue::cancel()
{
    bool hadWork = false;
    {
        std::lock_guard lock(d->mutex);
        hadWork = d->outstanding > 0;
        ++d->generation;
        d->cancelFlag->store(true);
        d->cancelFlag = std::make_shared<std::atomic_bool>(false);
        d->pending.clear();
        // Tracks not yet in a batch are dropped now; the inference thread drops those it holds
        // (their generation no longer matches), so no pointer it uses goes stale.
        d->prepared.remove_if([](const Prepared &t) { return t.next == 0; });
        for (Prepared &t : d->prepared)
            t.ranges.resize(t.next), t.result.segments.resize(t.next);
        d->outstanding = 0;
    }
    d->wake.notify_all();
    if (hadWork) {
        Q_EMIT progress(d->progress);
        QMetaObject::invokeMethod(this, [this] { if (isIdle()) Q_EMIT idle(); }, Qt::QueuedConnection);
    }
}

bool AnalysisQueue::isIdle() const
{
    std::lock_guard lock(d->mutex);
    return d->outstanding == 0;
}

AnalysisQueue::Stats AnalysisQueue::stats() const
{
    std::lock_guard lock(d->mutex);
    return d->stats;
}

void AnalysisQueue::pump()
{
    while (!d->paused && !d->stopping && !d->pending.empty() && d->roomToDecode()) {
        auto best = d->pending.begin();
        for (auto it = d->pending.begin(); it != d->pending.end(); ++it)
            if (it->priority > best->priority)
                best = it;  // FIFO among equals: the first of the highest priority wins
        const QString path = best->path;
        d->pending.erase(best);
        ++d->activeDecodes;
        const quint64 gen = d->generation;
        const auto cancel = d->cancelFlag;
        const auto cache = d->cache;
        d->pool.start([this, path, gen, cancel, cache] {
            Private &p = *d;
            if (p.options.background)
                lowerCurrentThreadPriority();  // the pool is this queue's own: no other work inherits it
            const Model &model = *p.model;
            Prepared t;
            t.result.path = path;
            t.result.modelHash = model.versionHash();
            bool cached = false;
            if (cache) {
                const PayloadHash h = audioPayloadHash(path, PayloadHashMode::Quick);
                if (h.ok()) {
                    t.result.fingerprint = h.hash;
                    if (auto hit = cache->lookup(h.hash, t.result.modelHash)) {
                        hit->path = path;
                        hit->fingerprint = h.hash;
                        hit->modelHash = t.result.modelHash;
                        hit->fromCache = true;
                        hit->error.clear();
                        t.result = std::move(*hit);
                        cached = true;
                        cache->noteHit(t.result);
                    }
                }
            }
            DecodeError err;
            if (!cached) {
                computeSpectrogram(path, model.spec().frontEnd, &t.spec, &t.result.durationSeconds, &err, cancel.get(), [&] {
                    std::unique_lock lock(p.mutex);
                    p.waitWhilePaused(lock, *cancel);
                });
                if (!err.ok())
                    t.result.error = err.message;
                else
                    t.result.error = unanalysableReason(path, t.spec, model.spec().frontEnd, t.result.durationSeconds);
                if (t.result.ok())
                    t.ranges = segmentRanges(t.spec.frames(), model.spec().frontEnd);
                if (t.result.ok() && t.ranges.empty())
                    t.result.error = QStringLiteral("%1: no audio to analyse").arg(path);
            }
            std::unique_lock lock(p.mutex);
            --p.activeDecodes;
            if (!cached && err.code != DecodeErrorCode::Cancelled && err.code != DecodeErrorCode::NotAudio
                && err.code != DecodeErrorCode::FileNotFound)
                ++p.stats.decoded;
            if (cached)
                ++p.stats.cacheHits;
            if (gen == p.generation && !cancel->load()) {
                if (cached || !t.result.ok()) {
                    TrackResult r = std::move(t.result);
                    QMetaObject::invokeMethod(this, [this, gen, r] { deliver(gen, r); }, Qt::QueuedConnection);
                } else {
                    t.result.segments.resize(t.ranges.size());
                    p.prepared.push_back(std::move(t));
                    p.wake.notify_all();
                }
            }
            pump();
        });
    }
}

void AnalysisQueue::deliver(quint64 generation, const TrackResult &delivered)
{
    int outstanding = 0;
    {
        std::lock_guard lock(d->mutex);
        if (generation != d->generation)
            return;
        outstanding = --d->outstanding;
    }
    TrackResult r = delivered;
    if (r.ok())
        aggregate(d->model->spec(), r, d->options.aggregation);
    if (!d->options.keepSegments)
        r.segments.clear();
    AnalysisProgress &pr = d->progress;
    ++pr.done;
    if (!r.ok())
        ++pr.failed;
    pr.audioSeconds += r.durationSeconds;
    pr.total = pr.done + outstanding;
    pr.lastPath = r.path;
    pr.elapsedSeconds = d->clock.isValid() ? d->clock.nsecsElapsed() / 1e9 : 0;
    pr.etaSeconds = pr.done > 0 ? pr.elapsedSeconds / pr.done * outstanding : -1;
    Q_EMIT trackFinished(r);
    if (d->throttle.due(outstanding == 0))
        Q_EMIT progress(pr);
    if (outstanding == 0)
        Q_EMIT idle();
}

} // namespace spectag
