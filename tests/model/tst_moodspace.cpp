// Valence/arousal from quadrant probabilities: corners, the neutral centre, label order, bad input.
#include "model/moodspace.h"

#include <QTest>

using namespace spectag;

class TestMoodSpace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void positions_data()
    {
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QList<float>>("scores");
        QTest::addColumn<double>("valence");
        QTest::addColumn<double>("arousal");
        const QStringList q{QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")};
        QTest::newRow("happy corner") << q << QList<float>{1, 0, 0, 0} << 1.0 << 1.0;
        QTest::newRow("angry corner") << q << QList<float>{0, 1, 0, 0} << -1.0 << 1.0;
        QTest::newRow("sad corner") << q << QList<float>{0, 0, 1, 0} << -1.0 << -1.0;
        QTest::newRow("relaxed corner") << q << QList<float>{0, 0, 0, 1} << 1.0 << -1.0;
        QTest::newRow("undecided is neutral") << q << QList<float>{0.25f, 0.25f, 0.25f, 0.25f} << 0.0 << 0.0;
        QTest::newRow("happy or calm: positive, neutral energy") << q << QList<float>{0.5f, 0, 0, 0.5f} << 1.0 << 0.0;
        QTest::newRow("mixed") << q << QList<float>{0.4f, 0.3f, 0.2f, 0.1f} << 0.0 << 0.4;
        QTest::newRow("unnormalised votes") << q << QList<float>{2, 0, 0, 2} << 1.0 << 0.0;
        QTest::newRow("other label order")
            << QStringList{QStringLiteral("Q3"), QStringLiteral("Q1"), QStringLiteral("Q4"), QStringLiteral("Q2")}
            << QList<float>{0.7f, 0.1f, 0.1f, 0.1f} << -0.6 << -0.6;
    }
    void positions()
    {
        QFETCH(QStringList, labels);
        QFETCH(QList<float>, scores);
        QFETCH(double, valence);
        QFETCH(double, arousal);
        const auto va = valenceArousal(labels, std::vector<float>(scores.begin(), scores.end()));
        QVERIFY(va.has_value());
        QCOMPARE_LT(std::abs(va->valence - valence), 1e-6);
        QCOMPARE_LT(std::abs(va->arousal - arousal), 1e-6);
        QVERIFY(va->valence >= -1 && va->valence <= 1 && va->arousal >= -1 && va->arousal <= 1);
    }

    void notAQuadrantHead()
    {
        const std::vector<float> four{0.25f, 0.25f, 0.25f, 0.25f};
        QVERIFY(!valenceArousal({QStringLiteral("rock"), QStringLiteral("pop"), QStringLiteral("jazz"), QStringLiteral("folk")}, four));
        QVERIFY(!valenceArousal({QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3")}, {0.3f, 0.3f, 0.4f}));
        QVERIFY(!valenceArousal({QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")}, {0.5f, 0.5f}));
    }

    void everydayWords()
    {
        QCOMPARE(everydayMood(QStringLiteral("Q1")), QStringLiteral("happy"));
        QCOMPARE(everydayMood(QStringLiteral("Q2")), QStringLiteral("angry"));
        QCOMPARE(everydayMood(QStringLiteral("Q3")), QStringLiteral("sad"));
        QCOMPARE(everydayMood(QStringLiteral("Q4")), QStringLiteral("relaxed"));
        QVERIFY(everydayMood(QStringLiteral("Q5")).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestMoodSpace)
#include "tst_moodspace.moc"
