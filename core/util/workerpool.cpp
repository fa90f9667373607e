#include "workerpool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

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

} // namespace spectag
