// The analysis engine with a small random model on ffmpeg-generated files: results, failures,
// cancel, pause/resume, priorities, the cache, progress; and a real OGG when installed.
#include "common/testutil.h"
#include "inference/analysisqueue.h"
#include "inference/trackanalyzer.h"
#include "model/model.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using namespace spectag;

namespace {

std::shared_ptr<Model> tinyModel()
{
    ModelSpec spec = makeModelSpec(QStringLiteral("spectag"),
                                   parseHeads(QStringLiteral("genre:single:a,b,c;mood:multi:x,y"), nullptr));
    spec.hyperparameters.insert(QStringLiteral("channels"), QJsonArray{8, 8, 16});
    spec.hyperparameters.insert(QStringLiteral("embedding"), 16);
    QString error;
    std::shared_ptr<Model> m = Model::createRandom(spec, 5, &error, Model::Device::Cpu);
    if (!m)
        qWarning() << error;
    return m;
}

QStringList finishedPaths(const QSignalSpy &spy)
{
    QStringList out;
    for (const auto &args : spy)
        out << args.at(0).value<TrackResult>().path;
    return out;
}

bool waitIdle(AnalysisQueue &q, QSignalSpy &idleSpy)
{
    return q.isIdle() || idleSpy.wait(120000);
}

// Nice value per thread id of this process (Linux: field 19 of /proc/self/task/TID/stat).
QMap<QString, int> threadNiceValues()
{
    QMap<QString, int> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        // The command name may hold spaces: count fields after its closing parenthesis.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            out.insert(tid, fields.at(16).toInt());  // field 19 overall = index 16 after "pid (comm)"
    }
    return out;
}

} // namespace

class TestAnalysisQueue : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_files;    // 4 s tones of different pitch, and one 1.5 s file (shorter than a segment)
    QString m_corrupt;
    std::shared_ptr<Model> m_model;

    AnalysisQueue::Options opts(int threads = 2)
    {
        AnalysisQueue::Options o;
        o.decodeThreads = threads;
        o.batchSize = 8;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Model::setThreadCount(2);
        m_model = tinyModel();
        QVERIFY(m_model);
        const char *names[] = {"a.flac", "b.ogg", "c.mp3", "d.wav", "e ü.opus", "f.flac"};
        int i = 0;
        for (const char *n : names) {
            const QString f = testutil::makeAudio(m_dir.path(), QString::fromUtf8(n), 4.0,
                                                  QStringLiteral("sine=frequency=%1").arg(220 * (i + 1)));
            QVERIFY(!f.isEmpty());
            m_files << f;
            ++i;
        }
        m_files << testutil::makeAudio(m_dir.path(), QStringLiteral("short.flac"), 1.5, QStringLiteral("anoisesrc=color=pink"));
        QVERIFY(!m_files.last().isEmpty());
        m_corrupt = m_dir.filePath(QStringLiteral("corrupt.mp3"));
        QFile f(m_corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, '\x55'));
    }

    void resultsMatchSynchronousAnalysis()
    {
        AnalysisQueue q(m_model, opts());
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        QSignalSpy progress(&q, &AnalysisQueue::progress);
        q.enqueue(m_files);
        q.enqueue(m_corrupt);
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(finished.size(), m_files.size() + 1);
        QStringList got = finishedPaths(finished);
        QStringList want = m_files;
        want << m_corrupt;
        got.sort();
        want.sort();
        QCOMPARE(got, want);
        for (const auto &args : finished) {
            const TrackResult r = args.at(0).value<TrackResult>();
            if (r.path == m_corrupt) {
                QVERIFY(!r.ok());
                QVERIFY(r.error.contains(m_corrupt));
                continue;
            }
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.modelHash, m_model->versionHash());
            QCOMPARE(r.heads.size(), size_t(2));
            QCOMPARE(r.embedding.size(), size_t(16));
            // 4 s at 16 kHz / hop 256 = 251 frames: one full segment and one tail segment;
            // the 1 s file is one padded segment.
            const bool isShort = r.path.endsWith(QLatin1String("short.flac"));
            QCOMPARE(r.segments.size(), size_t(isShort ? 1 : 2));
            QVERIFY(r.segments.back().end <= r.durationSeconds + 0.1);
            // The same file analysed alone, unbatched, gives the same scores.
            const TrackResult alone = analyzeFile(*m_model, r.path, Aggregation::Mean);
            QVERIFY2(alone.ok(), qPrintable(alone.error));
            for (size_t h = 0; h < 2; ++h)
                for (size_t k = 0; k < r.heads[h].size(); ++k)
                    QVERIFY(std::abs(r.heads[h][k] - alone.heads[h][k]) < 1e-4);
        }
        // Different tones give different embeddings (the input reaches the network).
        const auto e0 = finished.at(0).at(0).value<TrackResult>().embedding;
        const auto e1 = finished.at(1).at(0).value<TrackResult>().embedding;
        QVERIFY(e0 != e1);
        QVERIFY(!progress.isEmpty());
        const auto last = progress.last().at(0).value<AnalysisProgress>();
        QCOMPARE(last.done, int(m_files.size()) + 1);
        QCOMPARE(last.total, last.done);
        QCOMPARE(last.failed, 1);
        QVERIFY(last.audioSeconds > 4 * 6);
        QCOMPARE(q.stats().decoded, int(m_files.size()));  // the corrupt file is not audio: never decoded
    }

    // The desktop app's queue (background) leaves the GUI thread ahead of its decoders and its
    // inference thread; the command line's keeps normal priority.
    void backgroundThreadsRunBelowNormalPriority_data()
    {
        QTest::addColumn<bool>("background");
        QTest::newRow("background") << true;
        QTest::newRow("foreground") << false;
    }
    void backgroundThreadsRunBelowNormalPriority()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread nice values are read from /proc");
#else
        QFETCH(bool, background);
        const int base = ::getpriority(PRIO_PROCESS, 0);
        // At nice 19 (`nice -n 19 ctest`) a lowered thread looks exactly like an inherited one.
        if (base >= 19)
            QSKIP("the test itself runs at nice 19: lowered analysis threads cannot be told apart");
        const QMap<QString, int> before = threadNiceValues();
        AnalysisQueue::Options o = opts();
        o.background = background;
        AnalysisQueue q(m_model, o);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        q.enqueue(m_files.mid(0, 3));
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(finished.size(), 3);
        // Threads started by this queue (not there before) that run 10 steps below the main thread
        // (nice 10 when the test was started normally, 19 under `nice ctest`).
        const int analysis = std::min(19, base + 10);
        int lowered = 0;
        const QMap<QString, int> now = threadNiceValues();
        for (auto it = now.begin(); it != now.end(); ++it)
            lowered += !before.contains(it.key()) && it.value() == analysis;
        if (background)
            QVERIFY2(lowered >= 2, qPrintable(QStringLiteral("%1 threads at nice %2").arg(lowered).arg(analysis)));  // a decoder + inference
        else
            QCOMPARE(lowered, 0);
        QCOMPARE(::getpriority(PRIO_PROCESS, 0), base);  // the calling (main) thread is untouched
#endif
    }

    void priorities()
    {
        // One decoder: files are decoded strictly by priority, FIFO among equals.
        AnalysisQueue q(m_model, opts(1));
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        q.pause();
        q.enqueue(m_files[0], 0);
        q.enqueue(m_files[1], 5);
        q.enqueue(m_files[2], 1);
        q.enqueue(m_files[3], 1);
        q.setPriority(m_files[0], 3);  // e.g. the row became visible
        q.resume();
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(finishedPaths(finished), (QStringList{m_files[1], m_files[0], m_files[2], m_files[3]}));
    }

    void pauseResume()
    {
        AnalysisQueue q(m_model, opts());
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        q.pause();
        QVERIFY(q.isPaused());
        q.enqueue(m_files.mid(0, 3));
        // Paused means nothing starts, however long we wait (this wait cannot cause a failure
        // on a slow machine, only miss a bug on a very fast one).
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(q.stats().decoded, 0);
        QVERIFY(!q.isIdle());
        q.resume();
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(finished.size(), 3);
    }

    void cancel()
    {
        AnalysisQueue q(m_model, opts(1));
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        connect(&q, &AnalysisQueue::trackFinished, &q, [&q] { q.cancel(); });
        q.enqueue(m_files);
        QVERIFY(waitIdle(q, idle));
        QVERIFY(q.isIdle());
        QTest::qWait(200);  // anything still in flight must be dropped, not delivered late
        QCOMPARE(finished.size(), 1);

        // The queue is reusable after a cancel.
        disconnect(&q, &AnalysisQueue::trackFinished, &q, nullptr);
        idle.clear();
        q.enqueue(m_files.mid(0, 2));
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(finished.size(), 3);
    }

    void cancelWhilePaused()
    {
        AnalysisQueue q(m_model, opts());
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        q.pause();
        q.enqueue(m_files);
        q.cancel();
        QVERIFY(q.isIdle());
        q.resume();
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
    }

    void cacheHit()
    {
        auto cache = std::make_shared<MemoryAnalysisCache>();
        std::vector<TrackResult> first;
        {
            AnalysisQueue q(m_model, opts());
            q.setCache(cache);
            QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
            QSignalSpy idle(&q, &AnalysisQueue::idle);
            q.enqueue(m_files.mid(0, 3));
            QVERIFY(waitIdle(q, idle));
            QCOMPARE(q.stats().decoded, 3);
            QCOMPARE(q.stats().cacheHits, 0);
            for (const auto &a : finished) {
                first.push_back(a.at(0).value<TrackResult>());
                QVERIFY(!first.back().fromCache);
                QVERIFY(!first.back().fingerprint.isEmpty());
            }
        }
        QCOMPARE(cache->size(), 3);
        AnalysisQueue::Options o = opts();
        o.aggregation = Aggregation::Max;  // the cache keeps segments: another aggregation works
        AnalysisQueue q(m_model, o);
        q.setCache(cache);
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        q.enqueue(m_files.mid(0, 3));
        QVERIFY(waitIdle(q, idle));
        QCOMPARE(q.stats().decoded, 0);
        QCOMPARE(q.stats().cacheHits, 3);
        for (const auto &a : finished) {
            const TrackResult r = a.at(0).value<TrackResult>();
            QVERIFY(r.fromCache);
            const auto it = std::find_if(first.begin(), first.end(), [&](const TrackResult &f) { return f.path == r.path; });
            QVERIFY(it != first.end());
            QCOMPARE(r.segments.size(), it->segments.size());
            QCOMPARE(r.embedding, it->embedding);
            TrackResult expect = *it;
            aggregate(m_model->spec(), expect, Aggregation::Max);
            QCOMPARE(r.heads, expect.heads);
        }
        // Another model is another key: no hit.
        ModelSpec other = m_model->spec();
        std::shared_ptr<Model> m2 = Model::createRandom(other, 99, nullptr, Model::Device::Cpu);
        QVERIFY(m2->versionHash() != m_model->versionHash());
        AnalysisQueue q2(m2, opts());
        q2.setCache(cache);
        QSignalSpy idle2(&q2, &AnalysisQueue::idle);
        q2.enqueue(m_files[0]);
        QVERIFY(waitIdle(q2, idle2));
        QCOMPARE(q2.stats().cacheHits, 0);
        QCOMPARE(q2.stats().decoded, 1);
    }

    void destroyWhileBusy()
    {
        // Deleting a queue mid-run cancels and joins its workers; nothing is delivered after.
        auto *q = new AnalysisQueue(m_model, opts());
        q->enqueue(m_files);
        delete q;
    }

    void realMusic()
    {
        const QStringList real = testutil::realMusicFiles(1);
        if (real.isEmpty())
            QSKIP("wesnoth-1.16-music is not installed");
        const TrackResult r = analyzeFile(*m_model, real.first(), Aggregation::Vote);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.durationSeconds > 30);
        // Segments every 1.5 s cover the song: their count follows from the duration.
        const double expected = std::ceil((r.durationSeconds - 3.0) / 1.5) + 1;
        QVERIFY2(std::abs(double(r.segments.size()) - expected) <= 1, qPrintable(QString::number(r.segments.size())));
        double sum = 0;
        for (float p : r.heads[0])
            sum += p;
        QVERIFY(std::abs(sum - 1.0) < 1e-4);  // vote shares of a single-label head sum to 1
    }
};

QTEST_GUILESS_MAIN(TestAnalysisQueue)
#include "tst_analysisqueue.moc"
