// The persistent analysis cache over a real SQLite catalog: the timeline BLOB, store -> lookup,
// reopening, another model, concurrent writers, and the analysis queue reusing stored results.
#include "common/testutil.h"
#include "catalog/catalog.h"
#include "inference/analysisqueue.h"
#include "inference/catalogcache.h"
#include "model/model.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spectag;

namespace {

ModelSpec tinySpec()
{
    ModelSpec spec = makeModelSpec(QStringLiteral("spectag"),
                                   parseHeads(QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"), nullptr));
    spec.hyperparameters.insert(QStringLiteral("channels"), QJsonArray{8, 8, 16});
    spec.hyperparameters.insert(QStringLiteral("embedding"), 16);
    return spec;
}

ModelRecord recordFor(const ModelSpec &spec, const QString &hash)
{
    ModelRecord m;
    m.name = QStringLiteral("tiny");
    m.architecture = spec.architecture;
    m.versionHash = hash;
    for (const HeadSpec &h : spec.heads)
        m.labelSets.insert(h.name, QJsonArray::fromStringList(h.labels));
    return m;
}

// A result as the queue hands it to the cache: segments and embedding, heads not aggregated yet.
TrackResult fakeResult(const ModelSpec &spec, const QString &path, const QByteArray &fingerprint, const QString &hash,
                       quint32 seed, int segments = 3)
{
    QRandomGenerator rng(seed);
    TrackResult r;
    r.path = path;
    r.fingerprint = fingerprint;
    r.modelHash = hash;
    r.durationSeconds = 1.5 * segments + 1.5;
    for (int s = 0; s < segments; ++s) {
        SegmentScores seg{1.5 * s, 1.5 * s + 3.0, {}};
        for (const HeadSpec &h : spec.heads) {
            std::vector<float> p;
            for (qsizetype i = 0; i < h.labels.size(); ++i)
                p.push_back(float(rng.generateDouble()));
            seg.heads.push_back(p);
        }
        r.segments.push_back(seg);
    }
    for (int i = 0; i < 16; ++i)
        r.embedding.push_back(float(rng.generateDouble() - 0.5));
    return r;
}

int countRows(Catalog &c, const char *table)
{
    QSqlQuery q(c.database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestCatalogCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ModelSpec m_spec = tinySpec();
    const QString m_hash = QStringLiteral("0123456789abcdef");

    QString dbPath(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void timelineBlobRoundTrip()
    {
        SegmentTable t;
        t.heads = {{QStringLiteral("genre"), {QStringLiteral("rock"), QStringLiteral("jäzz")}}, {QStringLiteral("mood"), {QStringLiteral("sad")}}};
        t.segments = {{0.0, 3.0, {{0.25f, 0.75f}, {0.125f}}}, {1.5, 4.5, {{0.5f, 0.5f}, {1.0f}}}};
        const QByteArray blob = encodeSegmentTable(t);
        SegmentTable back;
        QVERIFY(decodeSegmentTable(blob, &back));
        QCOMPARE(back.heads, t.heads);
        QCOMPARE(back.segments.size(), size_t(2));
        QCOMPARE(back.segments[1].start, 1.5);
        QCOMPARE(back.segments[1].end, 4.5);
        QCOMPARE(back.segments[0].heads, t.segments[0].heads);
        QCOMPARE(back.segments[1].heads, t.segments[1].heads);
        // Truncated, grown or foreign bytes are refused, never half-read.
        QVERIFY(!decodeSegmentTable(blob.left(blob.size() - 1), &back));
        QVERIFY(back.segments.empty());
        QVERIFY(!decodeSegmentTable(blob + QByteArray(4, '\0'), &back));
        QVERIFY(!decodeSegmentTable(QByteArray("\x00\x01\x02", 3), &back));

        const std::vector<float> e{1.0f, -2.5f, 0.0f};
        QCOMPARE(encodeEmbedding(e).size(), 12);
        QCOMPARE(decodeEmbedding(encodeEmbedding(e)), e);
    }

    void storeLookupRoundTrip()
    {
        Catalog c;
        QVERIFY2(c.open(dbPath("roundtrip.sqlite")), qPrintable(c.lastError()));
        CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
        QVERIFY(!cache.lookup("fp-a", m_hash));
        QCOMPARE(countRows(c, "models"), 0);  // registered when used, not before

        const TrackResult r = fakeResult(m_spec, m_dir.filePath(QStringLiteral("a.flac")), "fp-a", m_hash, 1);
        QSignalSpy changed(&c, &Catalog::predictionsChanged);
        cache.store(r);
        QVERIFY2(cache.lastError().isEmpty(), qPrintable(cache.lastError()));
        QCOMPARE(cache.storedCount(), 1);
        QCOMPARE(changed.size(), 1);

        // The model row: name, hash, label sets.
        const QList<ModelRecord> models = c.models();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models[0].versionHash, m_hash);
        QCOMPARE(models[0].name, QStringLiteral("tiny"));
        QCOMPARE(models[0].labelSets.value(QLatin1String("mood")).toArray().size(), 2);
        QCOMPARE(cache.modelId(), models[0].id);

        // An unscanned file gets a track row carrying the fingerprint, and the prediction's scores
        // are the mean aggregation of its segments.
        const auto track = c.trackByPath(r.path);
        QVERIFY(track);
        QCOMPARE(track->fingerprint, QByteArray("fp-a"));
        const auto p = c.prediction(track->id, models[0].id);
        QVERIFY(p);
        TrackResult expect = r;
        aggregate(m_spec, expect, Aggregation::Mean);
        for (size_t h = 0; h < m_spec.heads.size(); ++h)
            for (qsizetype i = 0; i < m_spec.heads[h].labels.size(); ++i)
                QCOMPARE(float(p->scores.value(m_spec.heads[h].name).toObject().value(m_spec.heads[h].labels[i]).toDouble()),
                         expect.heads[h][size_t(i)]);
        const auto &genre = expect.heads[0];
        QCOMPARE(p->topGenre, m_spec.heads[0].labels[qsizetype(std::max_element(genre.begin(), genre.end()) - genre.begin())]);
        QVERIFY(p->confidence > 0);

        const auto hit = cache.lookup("fp-a", m_hash);
        QVERIFY(hit);
        QCOMPARE(hit->segments.size(), r.segments.size());
        for (size_t s = 0; s < r.segments.size(); ++s) {
            QCOMPARE(hit->segments[s].heads, r.segments[s].heads);
            QCOMPARE(hit->segments[s].start, r.segments[s].start);
        }
        QCOMPARE(hit->embedding, r.embedding);
        QCOMPARE(hit->fingerprint, QByteArray("fp-a"));
        QVERIFY(hit->durationSeconds > 0);
        QCOMPARE(cache.unanalysedPaths(), QStringList());
    }

    void survivesReopening()
    {
        const QString path = dbPath("reopen.sqlite");
        const TrackResult r = fakeResult(m_spec, m_dir.filePath(QStringLiteral("b.ogg")), "fp-b", m_hash, 2, 5);
        {
            Catalog c;
            QVERIFY(c.open(path));
            CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
            cache.store(r);
            QCOMPARE(cache.storedCount(), 1);
        }
        Catalog c;
        QVERIFY(c.open(path));
        CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
        const auto hit = cache.lookup("fp-b", m_hash);
        QVERIFY(hit);
        QCOMPARE(hit->segments.size(), size_t(5));
        QCOMPARE(hit->segments[4].heads, r.segments[4].heads);
        QCOMPARE(countRows(c, "models"), 1);  // the same hash registers no second row
        cache.store(r);
        QCOMPARE(countRows(c, "models"), 1);
        QCOMPARE(countRows(c, "predictions"), 1);
    }

    // `analyze --catalog` over tracks that are all cached writes nothing, so it must not wait for
    // another program's write lock: registering the model again used to be an upsert that waited
    // out the busy timeout (10 s) and then failed.
    void cachedRunNeedsNoWriteLock()
    {
        const QString path = dbPath("locked.sqlite");
        const TrackResult r = fakeResult(m_spec, m_dir.filePath(QStringLiteral("c.flac")), "fp-c", m_hash, 3);
        {
            Catalog c;
            QVERIFY(c.open(path));
            CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
            cache.store(r);
            QCOMPARE(cache.storedCount(), 1);
        }
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            Catalog c;
            QVERIFY(c.open(path));
            CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
            QElapsedTimer t;
            t.start();
            const auto hit = cache.lookup("fp-c", m_hash);
            QVERIFY(hit);
            cache.noteHit(r);
            QVERIFY2(cache.lastError().isEmpty(), qPrintable(cache.lastError()));
            QCOMPARE_LT(t.elapsed(), 5000);
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }

    void anotherModelMisses()
    {
        Catalog c;
        QVERIFY(c.open(dbPath("models.sqlite")));
        CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
        cache.store(fakeResult(m_spec, m_dir.filePath(QStringLiteral("c.wav")), "fp-c", m_hash, 3));
        QVERIFY(cache.lookup("fp-c", m_hash));
        QVERIFY(!cache.lookup("fp-c", QStringLiteral("fedcba9876543210")));
        QVERIFY(!cache.lookup("fp-other", m_hash));

        // A second model in the same catalog has its own rows; results of a hash the cache was not
        // made for are refused.
        const QString hash2 = QStringLiteral("fedcba9876543210");
        CatalogAnalysisCache cache2(&c, m_spec, recordFor(m_spec, hash2));
        QVERIFY(!cache2.lookup("fp-c", hash2));
        cache2.store(fakeResult(m_spec, m_dir.filePath(QStringLiteral("c.wav")), "fp-c", m_hash, 3));
        QVERIFY(!cache2.lastError().isEmpty());
        QCOMPARE(cache2.storedCount(), 0);
        QCOMPARE(cache2.unanalysedPaths(), QStringList{m_dir.filePath(QStringLiteral("c.wav"))});
        cache2.store(fakeResult(m_spec, m_dir.filePath(QStringLiteral("c.wav")), "fp-c", hash2, 4));
        QCOMPARE(countRows(c, "models"), 2);
        QCOMPARE(countRows(c, "predictions"), 2);
        QCOMPARE(c.trackCount(), 1);
    }

    void damagedRowIsAMiss()
    {
        Catalog c;
        QVERIFY(c.open(dbPath("damaged.sqlite")));
        CatalogAnalysisCache cache(&c, m_spec, recordFor(m_spec, m_hash));
        cache.store(fakeResult(m_spec, m_dir.filePath(QStringLiteral("d.mp3")), "fp-d", m_hash, 5));
        QVERIFY(cache.lookup("fp-d", m_hash));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE predictions SET segment_scores = x'00ff'")));
        QVERIFY(!cache.lookup("fp-d", m_hash));
        QVERIFY(!cache.lastError().isEmpty());
    }

    void concurrentStores()
    {
        Catalog c;
        QVERIFY(c.open(dbPath("threads.sqlite")));
        auto cache = std::make_shared<CatalogAnalysisCache>(&c, m_spec, recordFor(m_spec, m_hash));
        constexpr int kThreads = 6, kEach = 20;
        std::atomic_int lookupsHit{0};
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads << QThread::create([this, cache, t, &lookupsHit] {
                for (int i = 0; i < kEach; ++i) {
                    const QByteArray fp = QByteArray("fp-") + QByteArray::number(t) + '-' + QByteArray::number(i);
                    cache->store(fakeResult(m_spec, m_dir.filePath(QStringLiteral("t%1/%2.flac").arg(t).arg(i)), fp, m_hash,
                                            quint32(t * 1000 + i)));
                    if (cache->lookup(fp, m_hash))
                        ++lookupsHit;
                }
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        QVERIFY2(cache->lastError().isEmpty(), qPrintable(cache->lastError()));
        QCOMPARE(cache->storedCount(), kThreads * kEach);
        QCOMPARE(lookupsHit.load(), kThreads * kEach);  // each thread reads its own write back
        QCOMPARE(countRows(c, "predictions"), kThreads * kEach);
        QCOMPARE(countRows(c, "models"), 1);
        QCOMPARE(c.trackCount(), kThreads * kEach);
        const auto hit = cache->lookup("fp-3-7", m_hash);
        QVERIFY(hit);
        QCOMPARE(hit->segments[2].heads, fakeResult(m_spec, QString(), "x", m_hash, 3007).segments[2].heads);
    }

    // The queue over the catalog: a second run over reopened storage decodes nothing, and a copy of
    // analysed audio at a new path gets its own prediction row from the hit.
    void queueReusesStoredResults()
    {
        Model::setThreadCount(2);
        QString error;
        std::shared_ptr<Model> model = Model::createRandom(m_spec, 7, &error, Model::Device::Cpu);
        QVERIFY2(model, qPrintable(error));
        QStringList files;
        for (int i = 0; i < 2; ++i) {
            files << testutil::makeAudio(m_dir.path(), QStringLiteral("q%1.flac").arg(i), 4.0,
                                         QStringLiteral("sine=frequency=%1").arg(300 * (i + 1)));
            QVERIFY(!files.last().isEmpty());
        }
        const QString path = dbPath("queue.sqlite");
        AnalysisQueue::Options o;
        o.decodeThreads = 2;
        o.batchSize = 8;
        std::vector<TrackResult> first;
        {
            Catalog c;
            QVERIFY(c.open(path));
            AnalysisQueue q(model, o);
            q.setCache(std::make_shared<CatalogAnalysisCache>(&c, model->spec(), CatalogAnalysisCache::describe(*model, QString())));
            QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
            QSignalSpy idle(&q, &AnalysisQueue::idle);
            q.enqueue(files);
            QVERIFY(idle.wait(120000));
            QCOMPARE(q.stats().decoded, 2);
            for (const auto &a : finished)
                first.push_back(a.at(0).value<TrackResult>());
            QCOMPARE(countRows(c, "predictions"), 2);
        }
        const QString copy = m_dir.filePath(QStringLiteral("copy of q0.flac"));
        QVERIFY(QFile::copy(files[0], copy));
        Catalog c;
        QVERIFY(c.open(path));
        auto cache = std::make_shared<CatalogAnalysisCache>(&c, model->spec(), CatalogAnalysisCache::describe(*model, QString()));
        AnalysisQueue q(model, o);
        q.setCache(cache);
        QSignalSpy finished(&q, &AnalysisQueue::trackFinished);
        QSignalSpy idle(&q, &AnalysisQueue::idle);
        q.enqueue(files + QStringList{copy});
        QVERIFY(idle.wait(120000));
        QCOMPARE(q.stats().decoded, 0);
        QCOMPARE(q.stats().cacheHits, 3);
        QCOMPARE(finished.size(), 3);
        for (const auto &a : finished) {
            const TrackResult r = a.at(0).value<TrackResult>();
            QVERIFY(r.fromCache);
            const QString original = r.path == copy ? files[0] : r.path;
            const auto it = std::find_if(first.begin(), first.end(), [&](const TrackResult &f) { return f.path == original; });
            QVERIFY(it != first.end());
            QCOMPARE(r.heads.size(), it->heads.size());
            for (size_t h = 0; h < r.heads.size(); ++h)
                for (size_t i = 0; i < r.heads[h].size(); ++i)
                    QVERIFY(qAbs(r.heads[h][i] - it->heads[h][i]) < 1e-6f);
        }
        QCOMPARE(countRows(c, "predictions"), 3);
        QVERIFY(c.prediction(c.trackByPath(copy)->id, cache->modelId()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCache)
#include "tst_catalogcache.moc"
