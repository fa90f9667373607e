// core/metrics against scikit-learn: the checked-in fixtures (tests/metrics/fixtures, made by
// make_fixtures.py) and, when sklearn is installed, a fresh run of the script.

#include "common/testutil.h"
#include "metrics/classification.h"
#include "metrics/foldsummary.h"
#include "metrics/ranking.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace spectag::metrics;

namespace {

constexpr double kTol = 1e-9;

QString fixturesDir()
{
    return QStringLiteral(SPECTAG_TESTS_DIR "/metrics/fixtures");
}

QString scriptPath()
{
    return QStringLiteral(SPECTAG_TESTS_DIR "/metrics/make_fixtures.py");
}

// Debian's interpreter first: a pyenv/venv python3 earlier on PATH usually lacks python3-sklearn.
QString pythonWithSklearn()
{
    for (const QString &py : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        if (py.startsWith(QLatin1Char('/')) ? !QFileInfo(py).isExecutable() : !testutil::haveProgram(py))
            continue;
        if (testutil::run(py, {QStringLiteral("-c"), QStringLiteral("import sklearn, numpy")}, 60000).ok())
            return py;
    }
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

ScoreMatrix matrixOf(const QJsonArray &rows)
{
    ScoreMatrix m(rows.size(), rows.isEmpty() ? 0 : rows.first().toArray().size());
    for (qsizetype i = 0; i < m.rows; ++i) {
        const QJsonArray r = rows.at(i).toArray();
        for (qsizetype j = 0; j < m.cols; ++j)
            m(i, j) = r.at(j).toDouble();
    }
    return m;
}

std::vector<double> doublesOf(const QJsonArray &a)
{
    std::vector<double> v;
    for (const QJsonValue &x : a)
        v.push_back(x.toDouble());
    return v;
}

// Compares a value with sklearn's; null in the fixture means "undefined", i.e. NaN here.
bool near(double actual, const QJsonValue &expected, const QString &what, QString *why)
{
    if (expected.isNull() || expected.isUndefined()) {
        if (std::isnan(actual))
            return true;
        *why = what + QStringLiteral(": expected undefined (NaN), got ") + QString::number(actual, 'g', 17);
        return false;
    }
    if (std::fabs(actual - expected.toDouble()) <= kTol)
        return true;
    *why = what + QStringLiteral(": got ") + QString::number(actual, 'g', 17) + QStringLiteral(", sklearn ")
        + QString::number(expected.toDouble(), 'g', 17);
    return false;
}

#define CHECK_NEAR(actual, expected, what)                                                                         \
    do {                                                                                                           \
        QString why_;                                                                                              \
        if (!near((actual), (expected), (what), &why_))                                                            \
            QFAIL(qPrintable(fixture + QStringLiteral(": ") + why_));                                              \
    } while (false)

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private:
    void addFixtureRows(const QString &dir);
    void compareFixture(const QString &fixture, const QJsonObject &c);
    void compareMulti(const QString &fixture, const QJsonObject &c);
    void compareSingle(const QString &fixture, const QJsonObject &c);
    void compareFolds(const QString &fixture, const QJsonObject &c);

    QTemporaryDir m_liveDir;
    bool m_haveLive = false;

private Q_SLOTS:
    void initTestCase();
    void checkedInFixtures_data();
    void checkedInFixtures();
    void liveSklearn_data();
    void liveSklearn();
    void aucHandCases_data();
    void aucHandCases();
    void apHandCase();
    void undefinedMetricsAreNullInJson();
    void summaryTable();
};

void TestMetrics::initTestCase()
{
    QVERIFY(QDir(fixturesDir()).exists());
    const QString py = pythonWithSklearn();
    if (py.isEmpty())
        return; // liveSklearn skips
    QVERIFY(m_liveDir.isValid());
    const testutil::ProcResult r = testutil::run(py, {scriptPath(), m_liveDir.path()});
    QVERIFY2(r.ok(), r.err.constData());
    m_haveLive = true;
}

void TestMetrics::addFixtureRows(const QString &dir)
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << QDir(dir).filePath(f);
}

void TestMetrics::checkedInFixtures_data()
{
    addFixtureRows(fixturesDir());
}

void TestMetrics::checkedInFixtures()
{
    QFETCH(QString, path);
    const QJsonObject c = readJson(path);
    QVERIFY2(!c.isEmpty(), qPrintable(path));
    compareFixture(QFileInfo(path).fileName(), c);
}

void TestMetrics::liveSklearn_data()
{
    QTest::addColumn<QString>("path");
    if (!m_haveLive) {
        QTest::newRow("no-sklearn") << QString();
        return;
    }
    addFixtureRows(m_liveDir.path());
    // The live run must produce the same cases as are checked in (a stale fixture set would
    // otherwise go unnoticed).
    QCOMPARE(QDir(m_liveDir.path()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name),
             QDir(fixturesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name));
}

void TestMetrics::liveSklearn()
{
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("python3-sklearn is not installed");
    compareFixture(QStringLiteral("live/") + QFileInfo(path).fileName(), readJson(path));
}

void TestMetrics::compareFixture(const QString &fixture, const QJsonObject &c)
{
    const QString kind = c.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("multi"))
        compareMulti(fixture, c);
    else if (kind == QLatin1String("single"))
        compareSingle(fixture, c);
    else if (kind == QLatin1String("folds"))
        compareFolds(fixture, c);
    else
        QFAIL(qPrintable(fixture + QStringLiteral(": unknown kind ") + kind));
}

void TestMetrics::compareMulti(const QString &fixture, const QJsonObject &c)
{
    const ScoreMatrix scores = matrixOf(c.value(QStringLiteral("scores")).toArray());
    const ScoreMatrix truth = matrixOf(c.value(QStringLiteral("truth")).toArray());
    const MultiLabelMetrics m = computeMultiLabel(scores, truth, doublesOf(c.value(QStringLiteral("thresholds")).toArray()));
    const QJsonObject e = c.value(QStringLiteral("expected")).toObject();
    QCOMPARE(m.labels, int(scores.cols));
    QCOMPARE(m.count, scores.rows);

    const QJsonObject mine = m.toJson();
    for (const char *key : {"macro_precision", "macro_recall", "macro_f1", "micro_precision", "micro_recall", "micro_f1",
                            "hamming_loss", "subset_accuracy", "macro_auc", "macro_ap", "micro_auc", "micro_ap",
                            "coverage", "ranking_loss", "one_error"}) {
        const QString k = QString::fromLatin1(key);
        QVERIFY2(e.contains(k), qPrintable(fixture + QStringLiteral(" lacks ") + k));
        const QJsonValue v = mine.value(k);
        CHECK_NEAR(v.isNull() ? std::nan("") : v.toDouble(), e.value(k), k);
    }
    QCOMPARE(m.undefinedAucLabels, e.value(QStringLiteral("undefined_auc_labels")).toInt());
    QCOMPARE(m.undefinedApLabels, e.value(QStringLiteral("undefined_ap_labels")).toInt());
    for (int l = 0; l < m.labels; ++l) {
        const QString at = QStringLiteral("[%1]").arg(l);
        CHECK_NEAR(m.perLabel[size_t(l)].precision, e.value(QStringLiteral("per_label_precision"))[l], QStringLiteral("precision") + at);
        CHECK_NEAR(m.perLabel[size_t(l)].recall, e.value(QStringLiteral("per_label_recall"))[l], QStringLiteral("recall") + at);
        CHECK_NEAR(m.perLabel[size_t(l)].f1, e.value(QStringLiteral("per_label_f1"))[l], QStringLiteral("f1") + at);
        QCOMPARE(m.perLabel[size_t(l)].support, qint64(e.value(QStringLiteral("per_label_support"))[l].toInt()));
        CHECK_NEAR(m.auc[size_t(l)], e.value(QStringLiteral("per_label_auc"))[l], QStringLiteral("auc") + at);
        CHECK_NEAR(m.averagePrecision[size_t(l)], e.value(QStringLiteral("per_label_ap"))[l], QStringLiteral("ap") + at);
    }
}

void TestMetrics::compareSingle(const QString &fixture, const QJsonObject &c)
{
    const ScoreMatrix probs = matrixOf(c.value(QStringLiteral("scores")).toArray());
    std::vector<int> truth;
    for (const QJsonValue &v : c.value(QStringLiteral("truth")).toArray())
        truth.push_back(v.toInt());
    const SingleLabelMetrics m = computeSingleLabel(probs, truth);
    const QJsonObject e = c.value(QStringLiteral("expected")).toObject();
    CHECK_NEAR(m.accuracy, e.value(QStringLiteral("accuracy")), QStringLiteral("accuracy"));
    CHECK_NEAR(m.macroPrecision, e.value(QStringLiteral("macro_precision")), QStringLiteral("macro_precision"));
    CHECK_NEAR(m.macroRecall, e.value(QStringLiteral("macro_recall")), QStringLiteral("macro_recall"));
    CHECK_NEAR(m.macroF1, e.value(QStringLiteral("macro_f1")), QStringLiteral("macro_f1"));
    CHECK_NEAR(m.microPrecision, e.value(QStringLiteral("micro_precision")), QStringLiteral("micro_precision"));
    CHECK_NEAR(m.microRecall, e.value(QStringLiteral("micro_recall")), QStringLiteral("micro_recall"));
    CHECK_NEAR(m.microF1, e.value(QStringLiteral("micro_f1")), QStringLiteral("micro_f1"));
    CHECK_NEAR(m.macroAuc, e.value(QStringLiteral("macro_auc")), QStringLiteral("macro_auc"));
    const QJsonArray confusion = e.value(QStringLiteral("confusion")).toArray();
    QCOMPARE(qsizetype(m.confusion.size()), confusion.size());
    for (int t = 0; t < m.classes; ++t) {
        const QString at = QStringLiteral("[%1]").arg(t);
        for (int p = 0; p < m.classes; ++p)
            QCOMPARE(m.confusion[size_t(t)][size_t(p)], qint64(confusion.at(t).toArray().at(p).toInt()));
        CHECK_NEAR(m.perClass[size_t(t)].precision, e.value(QStringLiteral("per_class_precision"))[t], QStringLiteral("precision") + at);
        CHECK_NEAR(m.perClass[size_t(t)].recall, e.value(QStringLiteral("per_class_recall"))[t], QStringLiteral("recall") + at);
        CHECK_NEAR(m.perClass[size_t(t)].f1, e.value(QStringLiteral("per_class_f1"))[t], QStringLiteral("f1") + at);
        QCOMPARE(m.perClass[size_t(t)].support, qint64(e.value(QStringLiteral("per_class_support"))[t].toInt()));
        CHECK_NEAR(m.auc[size_t(t)], e.value(QStringLiteral("per_class_auc"))[t], QStringLiteral("auc") + at);
    }
}

void TestMetrics::compareFolds(const QString &fixture, const QJsonObject &c)
{
    QList<QJsonObject> folds;
    for (const QJsonValue &f : c.value(QStringLiteral("folds")).toArray())
        folds << f.toObject();
    const FoldSummary s = summarize(folds);
    QCOMPARE(s.folds, int(folds.size()));
    const QJsonObject e = c.value(QStringLiteral("expected")).toObject();
    QCOMPARE(s.stats.keys(), e.keys());
    for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
        const MetricStat st = s.stats.value(it.key());
        const QJsonObject ex = it.value().toObject();
        CHECK_NEAR(st.mean, ex.value(QStringLiteral("mean")), it.key() + QStringLiteral(".mean"));
        CHECK_NEAR(st.std, ex.value(QStringLiteral("std")), it.key() + QStringLiteral(".std"));
        CHECK_NEAR(st.min, ex.value(QStringLiteral("min")), it.key() + QStringLiteral(".min"));
        CHECK_NEAR(st.max, ex.value(QStringLiteral("max")), it.key() + QStringLiteral(".max"));
        QCOMPARE(st.n, ex.value(QStringLiteral("n")).toInt());
    }
    // JSON round trip keeps every statistic.
    const FoldSummary back = FoldSummary::fromJson(s.toJson());
    QCOMPARE(back.folds, s.folds);
    for (auto it = s.stats.constBegin(); it != s.stats.constEnd(); ++it) {
        QCOMPARE(back.stats.value(it.key()).mean, it->mean);
        QCOMPARE(back.stats.value(it.key()).std, it->std);
        QCOMPARE(back.stats.value(it.key()).n, it->n);
    }
}

// Small cases worked out by hand (pairs counted on paper), independent of sklearn.
void TestMetrics::aucHandCases_data()
{
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<int>>("truth");
    QTest::addColumn<double>("auc");
    QTest::newRow("perfect") << QList<double>{0.9, 0.8, 0.2, 0.1} << QList<int>{1, 1, 0, 0} << 1.0;
    QTest::newRow("inverted") << QList<double>{0.1, 0.2, 0.8, 0.9} << QList<int>{1, 1, 0, 0} << 0.0;
    // pairs (p,n): (0.5,0.5) tie=0.5, (0.5,0.1)=1, (0.9,0.5)=1, (0.9,0.1)=1 -> 3.5/4
    QTest::newRow("one tie") << QList<double>{0.5, 0.9, 0.5, 0.1} << QList<int>{1, 1, 0, 0} << 0.875;
    QTest::newRow("all tied") << QList<double>{0.3, 0.3, 0.3} << QList<int>{1, 0, 0} << 0.5;
    QTest::newRow("one class only") << QList<double>{0.3, 0.6} << QList<int>{1, 1} << std::nan("");
    QTest::newRow("no positive") << QList<double>{0.3, 0.6} << QList<int>{0, 0} << std::nan("");
}

void TestMetrics::aucHandCases()
{
    QFETCH(QList<double>, scores);
    QFETCH(QList<int>, truth);
    QFETCH(double, auc);
    const double got = rocAuc(std::vector<double>(scores.begin(), scores.end()), std::vector<int>(truth.begin(), truth.end()));
    if (std::isnan(auc))
        QVERIFY(std::isnan(got));
    else
        QCOMPARE(got, auc);
}

void TestMetrics::apHandCase()
{
    // ranking: 0.9(+) 0.8(-) 0.7(+) ; AP = 1/2*1 + 1/2*(2/3)
    QCOMPARE(averagePrecision({0.9, 0.8, 0.7}, {1, 0, 1}), 0.5 + 1.0 / 3.0);
    // a tie between a positive and a negative enters together: precision 1/2 at recall 1.
    QCOMPARE(averagePrecision({0.5, 0.5}, {1, 0}), 0.5);
    QVERIFY(std::isnan(averagePrecision({0.5, 0.4}, {0, 0})));
}

void TestMetrics::undefinedMetricsAreNullInJson()
{
    // Label 1 is relevant everywhere: its AUC is undefined and must not turn into 0 or NaN text.
    const ScoreMatrix scores = ScoreMatrix::fromRows({{0.9, 0.2}, {0.1, 0.8}, {0.6, 0.7}});
    const ScoreMatrix truth = ScoreMatrix::fromRows({{1, 1}, {0, 1}, {1, 1}});
    const MultiLabelMetrics m = computeMultiLabel(scores, truth, {0.5});
    QVERIFY(std::isnan(m.auc[1]));
    QCOMPARE(m.undefinedAucLabels, 1);
    QCOMPARE(m.macroAuc, 1.0); // only label 0 counts
    const QJsonObject o = m.toJson({QStringLiteral("calm"), QStringLiteral("power")});
    const QJsonObject power = o.value(QStringLiteral("per_label")).toArray().at(1).toObject();
    QVERIFY(power.value(QStringLiteral("auc")).isNull());
    QCOMPARE(power.value(QStringLiteral("name")).toString(), QStringLiteral("power"));
    QVERIFY(!QJsonDocument(o).toJson().contains("nan"));
}

void TestMetrics::summaryTable()
{
    const FoldSummary s = summarize({QJsonObject{{QStringLiteral("macro_f1"), 0.5}, {QStringLiteral("one_error"), 0.2}},
                                     QJsonObject{{QStringLiteral("macro_f1"), 0.7}, {QStringLiteral("one_error"), 0.4}}});
    const QString text = s.toText();
    // sample std of {0.5, 0.7} = 0.1414; rows in the paper's order (F1 before one-error).
    QVERIFY2(text.contains(QStringLiteral("Macro F1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0.600 ± 0.141")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0.300 ± 0.141")), qPrintable(text));
    QVERIFY(text.indexOf(QStringLiteral("Macro F1")) < text.indexOf(QStringLiteral("One-error")));
    QVERIFY(!text.contains(QStringLiteral("Hamming")));
    QVERIFY(s.toText({QStringLiteral("macro_auc")}).contains(QStringLiteral("n/a")));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
