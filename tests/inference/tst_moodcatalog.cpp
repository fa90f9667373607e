// The mood plane over a real SQLite catalog: per-track and per-segment valence/arousal from
// stored predictions, the cache filling the columns, the library's candidates, and a trajectory
// playlist saved in path order.
#include "catalog/catalog.h"
#include "inference/catalogcache.h"
#include "inference/moodcatalog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace spectag;

namespace {

const QStringList kQuadrants{QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")};

// Quadrant probabilities that land on (v, a): p1 = (1+v+a)/4 ... solves the moodspace formula
// for any point with |v| + |a| <= 1.
QJsonObject quadrantScoresAt(double v, double a)
{
    return {{QStringLiteral("Q1"), (1 + v + a) / 4}, {QStringLiteral("Q2"), (1 - v + a) / 4},
            {QStringLiteral("Q3"), (1 - v - a) / 4}, {QStringLiteral("Q4"), (1 + v - a) / 4}};
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-5;
}

} // namespace

class TestMoodCatalog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    qint64 addModel(Catalog &c, const QString &hash)
    {
        ModelRecord m;
        m.name = QStringLiteral("va");
        m.versionHash = hash;
        m.labelSets = QJsonObject{{QStringLiteral("quadrant"), QJsonArray::fromStringList(kQuadrants)}};
        const qint64 id = c.upsertModel(m);
        return id > 0 && c.setActiveModel(id) ? id : 0;
    }
    qint64 addTrack(Catalog &c, const QString &name)
    {
        TrackRecord t;
        t.path = m_dir.filePath(QStringLiteral("music/%1.flac").arg(name));
        t.title = name;
        return c.upsertTrack(t);
    }
    bool place(Catalog &c, qint64 track, qint64 model, double v, double a)
    {
        PredictionRecord p;
        p.trackId = track;
        p.modelId = model;
        p.scores = QJsonObject{{QStringLiteral("quadrant"), quadrantScoresAt(v, a)},
                               {QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.7}}}};
        return c.storePrediction(p);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void trackPositionFromColumnsOrScores()
    {
        PredictionRecord p;
        QVERIFY(!predictionValenceArousal(p));  // no quadrant head, no columns
        p.scores = QJsonObject{{QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.9}}}};
        QVERIFY(!predictionValenceArousal(p));
        // Under another head name, in another key order: still the quadrant head.
        p.scores.insert(QStringLiteral("va4"), quadrantScoresAt(0.3, -0.4));
        auto va = predictionValenceArousal(p);
        QVERIFY(va);
        QVERIFY(near(va->valence, 0.3) && near(va->arousal, -0.4));
        // The stored columns win over the scores.
        p.valence = -0.2;
        p.arousal = 0.6;
        va = predictionValenceArousal(p);
        QVERIFY(va && near(va->valence, -0.2) && near(va->arousal, 0.6));
        // Confidence: the quadrant head's top probability.
        p.scores = QJsonObject{{QStringLiteral("quadrant"), QJsonObject{{QStringLiteral("Q1"), 0.1}, {QStringLiteral("Q2"), 0.6},
                                                                         {QStringLiteral("Q3"), 0.2}, {QStringLiteral("Q4"), 0.1}}}};
        p.confidence = 0.9;
        QVERIFY(near(quadrantConfidence(p), 0.6));
        p.scores = {};
        QVERIFY(near(quadrantConfidence(p), 0.9));  // no quadrant head: the record's own
    }

    void segmentPositions()
    {
        // Heads in a stored order other than Q1..Q4, after another head: three segments.
        SegmentTable table;
        table.heads = {{QStringLiteral("genre"), {QStringLiteral("rock"), QStringLiteral("jazz")}},
                       {QStringLiteral("quadrant"), {QStringLiteral("Q3"), QStringLiteral("Q1"), QStringLiteral("Q4"), QStringLiteral("Q2")}}};
        table.segments = {{0.0, 3.0, {{0.5f, 0.5f}, {0.0f, 1.0f, 0.0f, 0.0f}}},   // Q1: (1, 1)
                          {1.5, 4.5, {{0.5f, 0.5f}, {1.0f, 0.0f, 0.0f, 0.0f}}},   // Q3: (-1, -1)
                          {3.0, 6.0, {{0.5f, 0.5f}, {0.0f, 0.5f, 0.5f, 0.0f}}}};  // Q1 or Q4: (1, 0)
        PredictionRecord p;
        p.trackId = 4;
        p.segmentScores = encodeSegmentTable(table);
        QString error = QStringLiteral("stale");
        const auto segs = segmentValenceArousal(p, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(segs.size(), size_t(3));
        const double expected[3][4] = {{0, 3, 1, 1}, {1.5, 4.5, -1, -1}, {3, 6, 1, 0}};
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE(segs[i].start, expected[i][0]);
            QCOMPARE(segs[i].end, expected[i][1]);
            QVERIFY2(near(segs[i].position.valence, expected[i][2]) && near(segs[i].position.arousal, expected[i][3]),
                     qPrintable(QStringLiteral("segment %1: %2, %3").arg(i).arg(segs[i].position.valence).arg(segs[i].position.arousal)));
        }

        // No quadrant head, no timeline, a broken one: empty, with a reason.
        table.heads.pop_back();
        for (auto &s : table.segments)
            s.heads.pop_back();
        p.segmentScores = encodeSegmentTable(table);
        QVERIFY(segmentValenceArousal(p, &error).empty());
        QVERIFY2(error.contains(QStringLiteral("quadrant")), qPrintable(error));
        p.segmentScores.clear();
        QVERIFY(segmentValenceArousal(p, &error).empty());
        QVERIFY(error.contains(QStringLiteral("timeline")));
        p.segmentScores = QByteArray("STS1garbage-garbage");
        QVERIFY(segmentValenceArousal(p, &error).empty());
        QVERIFY(!error.isEmpty());
    }

    void cacheStoresTheColumns()
    {
        // Analysis results stored through the cache carry valence/arousal in the row.
        Catalog catalog;
        QVERIFY(catalog.open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_counter))));
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"),
                                       parseHeads(QStringLiteral("genre:single:rock,jazz;quadrant:single:Q1,Q2,Q3,Q4"), nullptr));
        QCOMPARE(spec.heads.size(), size_t(2));
        ModelRecord m;
        m.name = QStringLiteral("va");
        m.architecture = spec.architecture;
        m.versionHash = QStringLiteral("va-hash");
        for (const HeadSpec &h : spec.heads)
            m.labelSets.insert(h.name, QJsonArray::fromStringList(h.labels));
        CatalogAnalysisCache cache(&catalog, spec, m);
        TrackResult r;
        r.path = m_dir.filePath(QStringLiteral("music/analysed.flac"));
        r.fingerprint = "fp";
        r.modelHash = m.versionHash;
        r.durationSeconds = 4.5;
        r.segments = {{0, 3, {{0.9f, 0.1f}, {0.7f, 0.1f, 0.1f, 0.1f}}}, {1.5, 4.5, {{0.9f, 0.1f}, {0.1f, 0.1f, 0.1f, 0.7f}}}};
        r.embedding = {0.5f, -0.5f};
        cache.store(r);
        QCOMPARE(cache.storedCount(), 1);
        const auto track = catalog.trackByPath(r.path);
        QVERIFY(track);
        const auto stored = catalog.prediction(track->id, cache.modelId());
        QVERIFY(stored && stored->valence && stored->arousal);
        // Mean of Q1 0.7 and Q4 0.7 segments: Q1 0.4, Q4 0.4, Q2 = Q3 = 0.1 -> (0.6, 0).
        QVERIFY2(near(*stored->valence, 0.6) && near(*stored->arousal, 0.0),
                 qPrintable(QStringLiteral("%1, %2").arg(*stored->valence).arg(*stored->arousal)));
        const auto segs = segmentValenceArousal(*stored);
        QCOMPARE(segs.size(), size_t(2));
        QVERIFY(near(segs[0].position.valence, 0.6) && near(segs[0].position.arousal, 0.6));
        QVERIFY(near(segs[1].position.valence, 0.6) && near(segs[1].position.arousal, -0.6));
    }

    void candidatesAndTrajectoryPlaylist()
    {
        Catalog catalog;
        QVERIFY(catalog.open(m_dir.filePath(QStringLiteral("trajectory-%1.sqlite").arg(++m_counter))));
        QString error;
        QCOMPARE(createTrajectoryPlaylist(catalog, QStringLiteral("x"), {0.5, -0.5}, {0.5, 0.5}, 5, &error), qint64(0));
        QVERIFY2(error.contains(QStringLiteral("no active model")), qPrintable(error));

        const qint64 model = addModel(catalog, QStringLiteral("h1"));
        QVERIFY(model > 0);
        QCOMPARE(createTrajectoryPlaylist(catalog, QStringLiteral("x"), {0.5, -0.5}, {0.5, 0.5}, 5, &error), qint64(0));
        QVERIFY2(error.contains(QStringLiteral("valence/arousal")), qPrintable(error));

        // A column of tracks at v = 0.5, a = -0.5 .. 0.5 (in scrambled insertion order), a
        // distractor on the far side, one without a quadrant head, one whose file is gone.
        const double arousals[] = {0.25, -0.5, 0.5, 0.0, -0.25};
        QHash<double, qint64> idAt;
        for (double a : arousals) {
            const qint64 id = addTrack(catalog, QStringLiteral("a%1").arg(a));
            QVERIFY(id > 0 && place(catalog, id, model, 0.5, a));
            idAt.insert(a, id);
        }
        const qint64 far = addTrack(catalog, QStringLiteral("far"));
        QVERIFY(place(catalog, far, model, -0.5, -0.5));
        const qint64 headless = addTrack(catalog, QStringLiteral("headless"));
        PredictionRecord plain;
        plain.trackId = headless;
        plain.modelId = model;
        plain.scores = QJsonObject{{QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 1.0}}}};
        QVERIFY(catalog.storePrediction(plain));
        const qint64 gone = addTrack(catalog, QStringLiteral("gone"));
        QVERIFY(place(catalog, gone, model, 0.5, 0.0) && catalog.markMissing({gone}));

        int skipped = -1;
        const auto candidates = moodCandidates(catalog, model, &skipped);
        QCOMPARE(candidates.size(), size_t(6));
        QCOMPARE(skipped, 2);
        for (const MoodCandidate &c : candidates)
            QVERIFY(c.trackId != headless && c.trackId != gone);

        std::vector<TrajectoryPick> picks;
        const qint64 id = createTrajectoryPlaylist(catalog, QStringLiteral("  Calm to energetic "), *parseMoodPoint(QStringLiteral("calm")),
                                                   *parseMoodPoint(QStringLiteral("energetic")), 5, &error, &picks);
        QVERIFY2(id > 0, qPrintable(error));
        QCOMPARE(catalog.playlist(id)->name, QStringLiteral("Calm to energetic"));
        const QList<qint64> expected{idAt[-0.5], idAt[-0.25], idAt[0.0], idAt[0.25], idAt[0.5]};
        QCOMPARE(catalog.playlistTracks(id), expected);
        QCOMPARE(picks.size(), size_t(5));

        // Asking for more than the library holds gives all of it, along the path.
        const qint64 all = createTrajectoryPlaylist(catalog, QStringLiteral("all"), {-1, -1}, {1, 1}, 50, &error);
        QVERIFY(all > 0);
        QCOMPARE(catalog.playlistTracks(all).size(), 6);
        QCOMPARE(catalog.playlistTracks(all).first(), far);

        // Bad input: nothing is made.
        const int before = int(catalog.playlists().size());
        QCOMPARE(createTrajectoryPlaylist(catalog, QStringLiteral("   "), {0, 0}, {1, 1}, 5, &error), qint64(0));
        QVERIFY(error.contains(QStringLiteral("name")));
        QCOMPARE(createTrajectoryPlaylist(catalog, QStringLiteral("zero"), {0, 0}, {1, 1}, 0, &error), qint64(0));
        QCOMPARE(int(catalog.playlists().size()), before);
    }
};

QTEST_GUILESS_MAIN(TestMoodCatalog)
#include "tst_moodcatalog.moc"
