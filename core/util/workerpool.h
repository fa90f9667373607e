#pragma once

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

class QThreadPool;

namespace spectag {

// The pool for Spectag's own background jobs that are not analysis (analysis and scanning keep
// pools of their own): catalog reads behind the views, folder imports, decoding a track for the
// track view, tag-write planning and writing, undo, model loading, fine-tuning.
//
// Why not QThreadPool::globalInstance() (QtConcurrent::run's default): Qt 6's raster paint engine
// splits large fills and line drawing into chunks, runs them on the global pool and waits for
// them on the GUI thread. A job of ours that holds a global-pool thread for a few hundred
// milliseconds stalls every such paint for as long: bench_guistall measured gaps of 0.3-0.5 s
// every 2 s while the library map and charts reloaded during analysis (docs/results.md, "Desktop
// app responsiveness"). With our jobs here, the global pool stays free for Qt.
//
// At least four threads: these jobs mostly wait on disk or SQLite, and a long one (a fine-tune)
// must not starve a view's reload.
QThreadPool *workerPool();

// The jobs run at nice 5 on Linux: below the GUI thread, above analysis (nice 10, see
// analysisqueue.cpp), so a track the user clicked decodes ahead of the analysis backlog. At equal
// priority a busy worker took every other 4 ms slice from the GUI thread during a library analysis
// and turned 30 ms of painting into 60 ms event-loop gaps (sched_switch trace, bench_guistall).
// Linux keeps a nice value per thread and ignores QThread priorities under its default scheduler;
// QThreadPool creates threads from whichever thread calls start() (they inherit its nice value)
// and has no hook for new threads, so each job lowers its own thread's priority first.
// The values are relative to the main thread's, so a process started with `nice -n 5` runs its
// workers at 10 and never lifts a thread above what its user asked (19 at most).
constexpr int kWorkerNice = 5;
constexpr int kAnalysisNice = 10;
void lowerWorkerThreadPriority();

// The nice value `below` steps under the main thread's, capped at 19; Linux only (elsewhere the
// QThread priority is lowered instead). Never raises the calling thread. Best effort: on failure
// nothing changes.
int niceBelowMainThread(int below);
void lowerCurrentThreadBelowMain(int below);

// QtConcurrent::run(workerPool(), f) at the workers' priority; use this, not the pool directly.
template <typename F>
auto runInBackground(F &&f)
{
    return QtConcurrent::run(workerPool(), [f = std::forward<F>(f)]() mutable {
        lowerWorkerThreadPriority();
        return f();
    });
}

} // namespace spectag
