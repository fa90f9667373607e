// The worker pool for views' loads, imports and the track view's decoding: its jobs run below the
// GUI thread (nice 5 on Linux) but above analysis (nice 10), on every thread the pool makes
// (also those it makes later, from a thread of normal priority), and the caller keeps its own.
#include "util/workerpool.h"

#include <QSemaphore>
#include <QProcess>
#include <QStandardPaths>
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
    // Quitting while a job runs: the application object's destruction waits for it, so nothing
    // of the job outlives the process's static objects (LibTorch's, for a model being loaded).
    void quitWaitsForRunningJobs()
    {
        QProcess p;
        p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/util_poolexithelper"), {});
        QVERIFY2(p.waitForFinished(30000), qPrintable(p.errorString()));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

    void threadsRunBelowTheCaller()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread nice values are Linux's");
#else
        // Relative to how the test was started (`nice ctest` runs it at 10): workers 5 steps below.
        const int base = ::getpriority(PRIO_PROCESS, id_t(gettid()));
        const int worker = std::min(19, base + spectag::kWorkerNice);
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
        QCOMPARE(niceOfJobs(), QList<int>(n, worker));
        QCOMPARE(::getpriority(PRIO_PROCESS, id_t(gettid())), base);
        // New threads after the old ones ended (waitForDone ends them) are lowered too.
        pool->waitForDone();
        QCOMPARE(niceOfJobs(), QList<int>(n, worker));
        QCOMPARE(spectag::runInBackground([] { return ::getpriority(PRIO_PROCESS, id_t(gettid())); }).result(), worker);
#endif
    }

    // A process its user started below normal priority (a server's `nice -n 7 spectag analyze`)
    // keeps its workers below itself: 12 here, not the fixed 5 that lifted them above the caller.
    // Runs the test above in a child started under nice.
    void threadsStayBelowANiceCaller_data()
    {
        QTest::addColumn<int>("nice");
        QTest::newRow("nice 7") << 7;
        QTest::newRow("nice 17 (capped at 19)") << 17;
    }
    void threadsStayBelowANiceCaller()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread nice values are Linux's");
#else
        QFETCH(int, nice);
        const QString niceTool = QStandardPaths::findExecutable(QStringLiteral("nice"));
        QVERIFY2(!niceTool.isEmpty(), "coreutils' nice is missing");
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(niceTool, {QStringLiteral("-n"), QString::number(nice - ::getpriority(PRIO_PROCESS, 0)),
                               QCoreApplication::applicationFilePath(), QStringLiteral("threadsRunBelowTheCaller")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAll();
        QVERIFY2(child.exitCode() == 0 && out.contains("PASS   : TestWorkerPool::threadsRunBelowTheCaller()"), out.constData());
#endif
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
