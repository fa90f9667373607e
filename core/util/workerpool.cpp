#include "workerpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace spectag {

namespace {
// Jobs still queued are dropped and running ones are waited for (up to 5 s) when the application
// object goes away: after that the process runs static destructors, LibTorch's among them, and a
// job still loading a model then corrupted the heap (seen as a crash, and a hang in QtTest's
// crash handler, when a test quit while the main window's model was loading).
void drainPool()
{
    QThreadPool *pool = workerPool();
    pool->clear();
    pool->waitForDone(5000);
}

QThreadPool *makePool()
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("spectag-worker-pool"));
    pool->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    qAddPostRoutine(drainPool);
    return pool;
}
} // namespace

QThreadPool *workerPool()
{
    // Never destroyed (QThreadPool's destructor would run after QCoreApplication is gone); it is
    // drained when the application object is (drainPool), and its idle threads end with the process.
    static QThreadPool *const pool = makePool();
    return pool;
}

int niceBelowMainThread(int below)
{
#ifdef Q_OS_LINUX
    // The main thread's id is the process id; getpriority() on a thread id reads that thread's own
    // value. -1 is also a valid nice value, so errno tells a failure apart.
    errno = 0;
    const int main = getpriority(PRIO_PROCESS, id_t(getpid()));
    return std::min(19, (errno == 0 ? main : 0) + below);
#else
    return below;
#endif
}

void lowerCurrentThreadBelowMain(int below)
{
#ifdef Q_OS_LINUX
    const id_t self = id_t(gettid());
    errno = 0;
    const int own = getpriority(PRIO_PROCESS, self);
    const int target = niceBelowMainThread(below);
    if (errno != 0 || target > own)
        setpriority(PRIO_PROCESS, self, target);
#else
    Q_UNUSED(below);
    if (QThread *t = QThread::currentThread(); t && t != QCoreApplication::instance()->thread())
        t->setPriority(QThread::LowPriority);
#endif
}

void lowerWorkerThreadPriority()
{
    // Once per thread: the pool's threads run nothing but these jobs.
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    lowerCurrentThreadBelowMain(kWorkerNice);
}

} // namespace spectag
