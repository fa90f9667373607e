#include "workerpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace spectag {

namespace {
QThreadPool *makePool()
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("spectag-worker-pool"));
    pool->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    return pool;
}
} // namespace

QThreadPool *workerPool()
{
    // Never destroyed: a job may still run when static destructors do (QThreadPool's destructor
    // would wait for it after QCoreApplication is gone). Threads end with the process.
    static QThreadPool *const pool = makePool();
    return pool;
}

void lowerWorkerThreadPriority()
{
    // Once per thread: the pool's threads run nothing but these jobs.
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(gettid()), kWorkerNice);
#else
    if (QThread *t = QThread::currentThread())
        t->setPriority(QThread::LowPriority);
#endif
}

} // namespace spectag
