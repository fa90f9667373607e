// Segment scores -> track scores -> labels, with hand-computed expectations.
#include "inference/analysisresult.h"

#include <QJsonArray>
#include <QTest>

using namespace spectag;

namespace {

HeadSpec single()
{
    return {QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, {}, 0.0};
}

HeadSpec multi()
{
    return {QStringLiteral("mood"), HeadSpec::Kind::MultiLabel,
            {QStringLiteral("x"), QStringLiteral("y")}, {0.5f, 0.8f}, 0.0};
}

std::vector<SegmentScores> segs(const std::vector<std::vector<float>> &rows)
{
    std::vector<SegmentScores> out;
    double t = 0;
    for (const auto &r : rows) {
        out.push_back({t, t + 3, {r}});
        t += 1.5;
    }
    return out;
}

using Floats = std::vector<float>;

} // namespace

Q_DECLARE_METATYPE(Floats)
Q_DECLARE_METATYPE(spectag::Aggregation)

class TestAggregation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aggregateHead_data()
    {
        QTest::addColumn<bool>("isMulti");
        QTest::addColumn<QList<Floats>>("rows");
        QTest::addColumn<Aggregation>("how");
        QTest::addColumn<Floats>("expected");
        const QList<Floats> s3 = {{0.6f, 0.3f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0.5f, 0.1f, 0.4f}};
        QTest::newRow("single mean") << false << s3 << Aggregation::Mean << Floats{1.3f / 3, 1.1f / 3, 0.6f / 3};
        QTest::newRow("single vote") << false << s3 << Aggregation::Vote << Floats{2.0f / 3, 1.0f / 3, 0.0f};
        QTest::newRow("single max") << false << s3 << Aggregation::Max << Floats{0.6f, 0.7f, 0.4f};
        const QList<Floats> m = {{0.6f, 0.79f}, {0.4f, 0.9f}, {0.55f, 0.85f}, {0.1f, 0.1f}};
        QTest::newRow("multi mean") << true << m << Aggregation::Mean << Floats{1.65f / 4, 2.64f / 4};
        // Votes use the per-label thresholds (0.5, 0.8): x 2 of 4, y 2 of 4.
        QTest::newRow("multi vote") << true << m << Aggregation::Vote << Floats{0.5f, 0.5f};
        QTest::newRow("multi max") << true << m << Aggregation::Max << Floats{0.6f, 0.9f};
        QTest::newRow("no segments") << false << QList<Floats>{} << Aggregation::Mean << Floats{0, 0, 0};
        QTest::newRow("wrong width ignored") << false << QList<Floats>{{1.0f, 0.0f}, {0.0f, 0.0f, 1.0f}}
                                             << Aggregation::Mean << Floats{0, 0, 1};
    }

    void aggregateHead()
    {
        QFETCH(bool, isMulti);
        QFETCH(QList<Floats>, rows);
        QFETCH(Aggregation, how);
        QFETCH(Floats, expected);
        const auto got = spectag::aggregateHead(isMulti ? multi() : single(), segs({rows.begin(), rows.end()}), 0, how);
        QCOMPARE(got.size(), expected.size());
        for (size_t i = 0; i < got.size(); ++i)
            QVERIFY2(std::abs(got[i] - expected[i]) < 1e-6, qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(got[i]).arg(expected[i])));
    }

    void decide_data()
    {
        QTest::addColumn<bool>("isMulti");
        QTest::addColumn<double>("minShare");
        QTest::addColumn<Floats>("scores");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("single winner") << false << 0.0 << Floats{0.2f, 0.5f, 0.3f} << QStringList{QStringLiteral("b")};
        QTest::newRow("single below share") << false << 0.6 << Floats{0.2f, 0.5f, 0.3f} << QStringList{};
        QTest::newRow("single at share") << false << 0.5 << Floats{0.2f, 0.5f, 0.3f} << QStringList{QStringLiteral("b")};
        QTest::newRow("multi thresholds") << true << 0.0 << Floats{0.5f, 0.79f} << QStringList{QStringLiteral("x")};
        QTest::newRow("multi both") << true << 0.0 << Floats{0.9f, 0.8f} << QStringList{QStringLiteral("x"), QStringLiteral("y")};
        QTest::newRow("multi none") << true << 0.0 << Floats{0.1f, 0.1f} << QStringList{};
        QTest::newRow("size mismatch") << true << 0.0 << Floats{0.9f} << QStringList{};
    }

    void decide()
    {
        QFETCH(bool, isMulti);
        QFETCH(double, minShare);
        QFETCH(Floats, scores);
        QFETCH(QStringList, labels);
        HeadSpec h = isMulti ? multi() : single();
        h.minShare = minShare;
        QCOMPARE(decideLabels(h, scores), labels);
    }

    void json()
    {
        const QJsonObject s = headJson(single(), {0.1f, 0.7f, 0.2f});
        QCOMPARE(s.value(QLatin1String("label")).toString(), QStringLiteral("b"));
        QCOMPARE(s.value(QLatin1String("scores")).toObject().value(QLatin1String("c")).toDouble(), 0.2);
        QVERIFY(!s.contains(QLatin1String("labels")));
        const QJsonObject m = headJson(multi(), {0.9f, 0.1f});
        QCOMPARE(m.value(QLatin1String("labels")).toArray(), QJsonArray{QStringLiteral("x")});
        QVERIFY(!m.contains(QLatin1String("label")));

        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), {single(), multi()});
        TrackResult r;
        r.path = QStringLiteral("/music/ä ö.flac");
        r.modelHash = QStringLiteral("abcd");
        r.segments = {{0, 3, {{0.1f, 0.7f, 0.2f}, {0.9f, 0.1f}}}, {1.5, 4.5, {{0.3f, 0.3f, 0.4f}, {0.2f, 0.9f}}}};
        aggregate(spec, r, Aggregation::Mean);
        const QJsonObject o = trackJson(spec, r, true);
        QCOMPARE(o.value(QLatin1String("path")).toString(), r.path);
        QCOMPARE(o.value(QLatin1String("genre")).toObject().value(QLatin1String("label")).toString(), QStringLiteral("b"));
        QCOMPARE(o.value(QLatin1String("mood")).toObject().value(QLatin1String("labels")).toArray(), QJsonArray{QStringLiteral("x")});
        const QJsonArray segments = o.value(QLatin1String("segments")).toArray();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[1].toObject().value(QLatin1String("start")).toDouble(), 1.5);
        QCOMPARE(segments[1].toObject().value(QLatin1String("genre")).toObject().value(QLatin1String("label")).toString(), QStringLiteral("c"));
        QVERIFY(!trackJson(spec, r, false).contains(QLatin1String("segments")));

        // Storage form round trip keeps segments and embedding.
        r.embedding = {1.0f, -2.0f};
        r.durationSeconds = 4.5;
        QString error;
        const TrackResult back = TrackResult::fromStorageJson(r.toStorageJson(), &error);
        QCOMPARE(error, QString());
        QCOMPARE(back.embedding, r.embedding);
        QCOMPARE(back.segments.size(), size_t(2));
        QCOMPARE(back.segments[1].heads, r.segments[1].heads);
        QCOMPARE(back.durationSeconds, 4.5);
    }

    // Each architecture's own track aggregation: the slice vote cerutti2021 declares, else mean;
    // an explicit hyperparameter wins either way.
    void defaultAggregationPerArchitecture()
    {
        for (const QString &arch : architectureNames()) {
            const ModelSpec spec = makeModelSpec(arch, {});
            QCOMPARE(defaultAggregation(spec), arch == QLatin1String("cerutti2021") ? Aggregation::Vote : Aggregation::Mean);
        }
        ModelSpec voting = makeModelSpec(QStringLiteral("spectag"), {});
        voting.hyperparameters.insert(QStringLiteral("aggregation"), QStringLiteral("vote"));
        QCOMPARE(defaultAggregation(voting), Aggregation::Vote);
        ModelSpec averaging = makeModelSpec(QStringLiteral("cerutti2021"), {});
        averaging.hyperparameters.insert(QStringLiteral("aggregation"), QStringLiteral("mean"));
        QCOMPARE(defaultAggregation(averaging), Aggregation::Mean);
    }
};

QTEST_GUILESS_MAIN(TestAggregation)
#include "tst_aggregation.moc"
