// Mood-trajectory picks on synthetic libraries: tracks on a grid of the valence/arousal plane,
// so the right answer is known. Length, no repeats, monotone along the path, exact picks where
// grid points lie on the path, fewer tracks than asked, ties by confidence, mood words.
#include "model/moodtrajectory.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <cmath>
#include <random>

using namespace spectag;

namespace {

// (2k+1) x (2k+1) tracks at valence, arousal in {-1, ..., 1} step 1/k; ids 1.. row by row.
std::vector<MoodCandidate> grid(int k)
{
    std::vector<MoodCandidate> out;
    qint64 id = 0;
    for (int a = -k; a <= k; ++a)
        for (int v = -k; v <= k; ++v)
            out.push_back({++id, {double(v) / k, double(a) / k}, 0.5});
    return out;
}

qint64 gridId(int k, int v, int a)  // v, a in -k..k
{
    return qint64(a + k) * (2 * k + 1) + (v + k) + 1;
}

const MoodCandidate *find(const std::vector<MoodCandidate> &c, qint64 id)
{
    for (const MoodCandidate &m : c)
        if (m.trackId == id)
            return &m;
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(spectag::ValenceArousal)

class TestMoodTrajectory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void targetsAreEvenlySpaced()
    {
        const auto t = trajectoryTargets({-1, 0}, {1, 1}, 5);
        QCOMPARE(t.size(), size_t(5));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(t[size_t(i)].valence, -1 + 0.5 * i);
            QCOMPARE(t[size_t(i)].arousal, 0.25 * i);
        }
        QCOMPARE(trajectoryTargets({0, 0}, {1, 1}, 1).front().valence, 0.5);
        QVERIFY(trajectoryTargets({0, 0}, {1, 1}, 0).empty());
    }

    void gridWalks_data()
    {
        QTest::addColumn<ValenceArousal>("from");
        QTest::addColumn<ValenceArousal>("to");
        QTest::addColumn<int>("count");
        QTest::newRow("calm to energetic") << ValenceArousal{0.5, -0.5} << ValenceArousal{0.5, 0.5} << 5;
        QTest::newRow("sad to happy, diagonal") << ValenceArousal{-1, -1} << ValenceArousal{1, 1} << 9;
        QTest::newRow("angry to calm, many") << ValenceArousal{-0.5, 0.5} << ValenceArousal{0.5, -0.5} << 20;
        QTest::newRow("off-grid points") << ValenceArousal{-0.9, 0.13} << ValenceArousal{0.77, -0.31} << 12;
        QTest::newRow("short path, more tracks than fit") << ValenceArousal{0, 0} << ValenceArousal{0.25, 0} << 10;
        QTest::newRow("right to left") << ValenceArousal{1, 0} << ValenceArousal{-1, 0} << 7;
        QTest::newRow("one track") << ValenceArousal{-1, -1} << ValenceArousal{1, 1} << 1;
    }
    void gridWalks()
    {
        QFETCH(ValenceArousal, from);
        QFETCH(ValenceArousal, to);
        QFETCH(int, count);
        const auto library = grid(4);  // 81 tracks, 0.25 apart
        const auto picks = pickTrajectory(library, from, to, count);
        QCOMPARE(int(picks.size()), count);
        QSet<qint64> seen;
        QSet<int> targets;
        const auto points = trajectoryTargets(from, to, count);
        const double dv = to.valence - from.valence, da = to.arousal - from.arousal;
        for (size_t i = 0; i < picks.size(); ++i) {
            QVERIFY2(!seen.contains(picks[i].trackId), "a track used twice");
            seen.insert(picks[i].trackId);
            QVERIFY(!targets.contains(picks[i].target));
            targets.insert(picks[i].target);
            const MoodCandidate *c = find(library, picks[i].trackId);
            QVERIFY(c);
            // `along` is the real projection, and never steps back.
            const double along = ((c->position.valence - from.valence) * dv + (c->position.arousal - from.arousal) * da)
                / (dv * dv + da * da);
            QCOMPARE_LT(std::abs(picks[i].along - along), 1e-9);
            if (i > 0)
                QVERIFY2(picks[i].along >= picks[i - 1].along, qPrintable(QStringLiteral("step %1 goes back").arg(i)));
            // Near its point: a 0.25 grid has a free track within a few steps of anything, and
            // the reported distance is the real one.
            const ValenceArousal p = points[size_t(picks[i].target)];
            const double d = std::hypot(c->position.valence - p.valence, c->position.arousal - p.arousal);
            QCOMPARE_LT(std::abs(picks[i].distance - d), 1e-6);
            QCOMPARE_LT(d, 0.5);
        }
    }

    void gridPointsOnThePathAreTakenExactly()
    {
        const int k = 4;
        const auto library = grid(k);
        // Calm (0.5, -0.5) to energetic (0.5, 0.5) in 5 steps: every target is a grid point.
        const auto up = pickTrajectory(library, {0.5, -0.5}, {0.5, 0.5}, 5);
        QList<qint64> ids, expected;
        for (const TrajectoryPick &p : up)
            ids << p.trackId;
        for (int a = -2; a <= 2; ++a)
            expected << gridId(k, 2, a);
        QCOMPARE(ids, expected);
        for (const TrajectoryPick &p : up)
            QCOMPARE(p.distance, 0.0);
        // The diagonal, backwards: the same kind of answer, in the other order.
        const auto down = pickTrajectory(library, {1, 1}, {-1, -1}, 9);
        ids.clear();
        expected.clear();
        for (const TrajectoryPick &p : down)
            ids << p.trackId;
        for (int i = k; i >= -k; --i)
            expected << gridId(k, i, i);
        QCOMPARE(ids, expected);
    }

    void moreStepsThanTracksGivesAllInOrder()
    {
        const std::vector<MoodCandidate> three{{7, {0.9, 0.8}, 0.6}, {8, {-0.8, -0.7}, 0.9}, {9, {0.1, 0.0}, 0.2}};
        const auto picks = pickTrajectory(three, {-1, -1}, {1, 1}, 20);
        QCOMPARE(picks.size(), size_t(3));
        QCOMPARE(picks[0].trackId, qint64(8));
        QCOMPARE(picks[1].trackId, qint64(9));
        QCOMPARE(picks[2].trackId, qint64(7));
        // As many as there are: all of them too.
        QCOMPARE(pickTrajectory(three, {-1, -1}, {1, 1}, 3).size(), size_t(3));
        QVERIFY(pickTrajectory({}, {-1, -1}, {1, 1}, 5).empty());
        QVERIFY(pickTrajectory(three, {-1, -1}, {1, 1}, 0).empty());
    }

    void equallyNearGoesToTheConfident()
    {
        // Two tracks on the same spot, and two mirrored about the target: the more confident wins
        // whatever the order they come in.
        std::vector<MoodCandidate> same{{1, {0.5, 0.5}, 0.4}, {2, {0.5, 0.5}, 0.8}, {3, {0.5, 0.5}, 0.6}};
        QCOMPARE(pickTrajectory(same, {0.5, 0.5}, {0.5, 0.5}, 1).front().trackId, qint64(2));
        std::reverse(same.begin(), same.end());
        QCOMPARE(pickTrajectory(same, {0.5, 0.5}, {0.5, 0.5}, 1).front().trackId, qint64(2));
        std::vector<MoodCandidate> mirrored{{4, {0.1, 0.3}, 0.9}, {5, {-0.1, 0.3}, 0.3}};
        QCOMPARE(pickTrajectory(mirrored, {-1, 0.3}, {1, 0.3}, 1).front().trackId, qint64(4));
        mirrored[0].confidence = 0.1;
        QCOMPARE(pickTrajectory(mirrored, {-1, 0.3}, {1, 0.3}, 1).front().trackId, qint64(5));
        // A nearer track beats a more confident one.
        const std::vector<MoodCandidate> nearer{{6, {0.0, 0.2}, 0.99}, {7, {0.0, 0.25}, 0.1}};
        QCOMPARE(pickTrajectory(nearer, {-1, 0.3}, {1, 0.3}, 1).front().trackId, qint64(7));
    }

    void aPointDoesNotStealAnotherPointsTrack()
    {
        // Targets at v = -1, 0, 1 (a = 0). Filling them in path order, the first point would take
        // A (0.55 away) and leave the middle one C, 1.0 away, and the last B, 2.1 away; nearest
        // first gives A to the middle (0.45), B to the start (0.6) and C to the end (0).
        const std::vector<MoodCandidate> c{{1, {-0.45, 0.0}, 0.5}, {2, {-1.0, 0.6}, 0.5}, {3, {1.0, 0.0}, 0.5}};
        const auto picks = pickTrajectory(c, {-1, 0}, {1, 0}, 3);
        QCOMPARE(picks.size(), size_t(3));
        QCOMPARE(picks[0].trackId, qint64(2));
        QCOMPARE(picks[0].target, 0);
        QCOMPARE(picks[1].trackId, qint64(1));
        QCOMPARE(picks[1].target, 1);
        QCOMPARE(picks[2].trackId, qint64(3));
        QCOMPARE(picks[2].target, 2);
        QCOMPARE(picks[2].distance, 0.0);
    }

    void samePlaceStartAndEnd()
    {
        const auto picks = pickTrajectory(grid(2), {0, 0}, {0, 0}, 5);
        QCOMPARE(picks.size(), size_t(5));
        QCOMPARE(picks.front().trackId, gridId(2, 0, 0));  // the centre first, then its neighbours
        for (size_t i = 1; i < picks.size(); ++i) {
            QCOMPARE(picks[i].along, 0.0);
            QVERIFY(picks[i].target > picks[i - 1].target);
            QCOMPARE(picks[i].distance, 0.5);
        }
    }

    void tenThousandTracks()
    {
        // A large library at random places: the picks stay valid, and the cost is reported (the
        // dialog re-picks on every change of its inputs).
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> place(-1, 1), conf(0, 1);
        std::vector<MoodCandidate> library;
        for (qint64 id = 1; id <= 10000; ++id)
            library.push_back({id, {place(rng), place(rng)}, conf(rng)});
        for (int count : {20, 200, 1000}) {
            QElapsedTimer timer;
            timer.start();
            const auto picks = pickTrajectory(library, {0.5, -0.5}, {-0.5, 0.5}, count);
            const qint64 ms = timer.elapsed();
            QCOMPARE(int(picks.size()), count);
            QSet<qint64> ids;
            for (size_t i = 0; i < picks.size(); ++i) {
                ids.insert(picks[i].trackId);
                QVERIFY(i == 0 || picks[i].along >= picks[i - 1].along);
                // 10,000 tracks leave no point far from a free one: 1,000 steps need a strip
                // about 0.14 wide either side of the path, fewer steps far less.
                QCOMPARE_LT(picks[i].distance, count <= 200 ? 0.1 : 0.3);
            }
            QCOMPARE(int(ids.size()), count);
            qInfo("10,000 tracks, %d steps: %lld ms", count, ms);
        }
    }

    void moodWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("valence");
        QTest::addColumn<double>("arousal");
        QTest::newRow("happy") << QStringLiteral("happy") << true << 0.5 << 0.5;
        QTest::newRow("Energetic") << QStringLiteral(" Energetic ") << true << 0.5 << 0.5;
        QTest::newRow("angry") << QStringLiteral("angry") << true << -0.5 << 0.5;
        QTest::newRow("tense") << QStringLiteral("tense") << true << -0.5 << 0.5;
        QTest::newRow("sad") << QStringLiteral("sad") << true << -0.5 << -0.5;
        QTest::newRow("calm") << QStringLiteral("calm") << true << 0.5 << -0.5;
        QTest::newRow("relaxed") << QStringLiteral("RELAXED") << true << 0.5 << -0.5;
        QTest::newRow("neutral") << QStringLiteral("neutral") << true << 0.0 << 0.0;
        QTest::newRow("Q2") << QStringLiteral("Q2") << true << -0.5 << 0.5;
        QTest::newRow("q4") << QStringLiteral("q4") << true << 0.5 << -0.5;
        QTest::newRow("point") << QStringLiteral("0.25,-0.75") << true << 0.25 << -0.75;
        QTest::newRow("point with spaces") << QStringLiteral(" -1 , 1 ") << true << -1.0 << 1.0;
        QTest::newRow("empty") << QString() << false << 0.0 << 0.0;
        QTest::newRow("unknown word") << QStringLiteral("purple") << false << 0.0 << 0.0;
        QTest::newRow("Q5") << QStringLiteral("Q5") << false << 0.0 << 0.0;
        QTest::newRow("outside the plane") << QStringLiteral("1.5,0") << false << 0.0 << 0.0;
        QTest::newRow("nan") << QStringLiteral("nan,0") << false << 0.0 << 0.0;
        QTest::newRow("one number") << QStringLiteral("0.5") << false << 0.0 << 0.0;
        QTest::newRow("three numbers") << QStringLiteral("0.1,0.2,0.3") << false << 0.0 << 0.0;
    }
    void moodWords()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, valence);
        QFETCH(double, arousal);
        const auto p = parseMoodPoint(text);
        QCOMPARE(p.has_value(), ok);
        if (ok) {
            QCOMPARE(p->valence, valence);
            QCOMPARE(p->arousal, arousal);
        }
    }

    void everyListedWordParses()
    {
        const QStringList words = moodPointWords();
        QVERIFY(words.contains(QStringLiteral("calm")) && words.contains(QStringLiteral("energetic")));
        for (const QString &w : words)
            QVERIFY2(parseMoodPoint(w), qPrintable(w));
    }
};

QTEST_APPLESS_MAIN(TestMoodTrajectory)
#include "tst_moodtrajectory.moc"
