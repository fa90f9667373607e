#pragma once

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

} // namespace spectag
