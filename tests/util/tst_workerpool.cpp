// The worker pool for views' loads, imports and the track view's decoding: its jobs run below the
// GUI thread (nice 5 on Linux) but above analysis (nice 10), on every thread the pool makes
// (also those it makes later, from a thread of normal priority), and the caller keeps its own.
#include "util/workerpool.h"

#include <QSemaphore>
#include <QThreadPool>
#include <QtConcurrent>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

class TestWorkerPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsRunBelowTheCaller()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread nice values are Linux's");
#else
        QCOMPARE(::getpriority(PRIO_PROCESS, id_t(gettid())), 0);
        QThreadPool *pool = spectag::workerPool();
        const int n = pool->maxThreadCount();
        QVERIFY(n >= 4);
        const auto niceOfJobs = [&] {
            // n jobs at once, each holding its thread until all have started: every thread is seen.
            QSemaphore started, release;
            QList<QFuture<int>> jobs;
            for (int i = 0; i < n; ++i)
                jobs << spectag::runInBackground([&] {
                    const int nice = ::getpriority(PRIO_PROCESS, id_t(gettid()));
                    started.release();
                    release.acquire();
                    return nice;
                });
            const bool all = started.tryAcquire(n, 10000);
            release.release(n);
            QList<int> nice;
            for (QFuture<int> &f : jobs)
                nice << f.result();
            return all ? nice : QList<int>{};
        };
        QCOMPARE(niceOfJobs(), QList<int>(n, spectag::kWorkerNice));
        QCOMPARE(::getpriority(PRIO_PROCESS, id_t(gettid())), 0);
        // New threads after the old ones ended (waitForDone ends them) are lowered too.
        pool->waitForDone();
        QCOMPARE(niceOfJobs(), QList<int>(n, spectag::kWorkerNice));
        QCOMPARE(spectag::runInBackground([] { return ::getpriority(PRIO_PROCESS, id_t(gettid())); }).result(), spectag::kWorkerNice);
#endif
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
