// Library charts: the label distributions and the model-vs-people agreement of a hand-made
// catalog whose truth is worked out below, first as numbers (computeLibraryStats through the
// catalog), then as the bar sets the charts draw; and the reload when people annotate.
#include "catalog/catalog.h"
#include "ui/librarycharts.h"
#include "ui/librarystats.h"

#include <QBarCategoryAxis>
#include <QChartView>
#include <QValueAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace spectag;
using spectag::ui::LibraryCharts;
using spectag::ui::LibraryStats;

namespace {

QJsonObject scores(std::initializer_list<std::pair<const char *, double>> genre,
                   std::initializer_list<std::pair<const char *, double>> mood)
{
    QJsonObject g, m;
    for (const auto &[label, score] : genre)
        g.insert(QLatin1String(label), score);
    for (const auto &[label, score] : mood)
        m.insert(QLatin1String(label), score);
    return QJsonObject{{QStringLiteral("genre"), g}, {QStringLiteral("mood"), m}};
}

Annotation human(qint64 track, const char *head, const char *label, double value)
{
    Annotation a;
    a.trackId = track;
    a.head = QLatin1String(head);
    a.label = QLatin1String(label);
    a.value = value;
    a.source = Annotation::Source::Human;
    a.annotator = QStringLiteral("tester");
    return a;
}

QList<double> values(const QBarSet *set)
{
    QList<double> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(set->at(i));
    return out;
}

QStringList categoriesOf(QChart *chart, Qt::Orientation orientation)
{
    for (QAbstractAxis *axis : chart->axes(orientation))
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            return c->categories();
    return {};
}

} // namespace

class TestLibraryCharts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    qint64 t[7] = {};  // t[1]..t[6]

    // Genre is single-label (softmax: scores sum to 1), mood multi-label (independent sigmoids).
    //
    //   track  genre (top)        mood scores                   human, whole track
    //   t1     rock .7            happy .8  sad .1  calm .3     genre rock=1, mood happy=1, instrument piano=1
    //   t2     rock .6            happy .4  sad .7  calm .2     genre jazz=1, mood happy=1
    //   t3     jazz .5 (rock .3)  happy .2  sad .3  calm .9     genre jazz=1, mood sad=0
    //   t4     pop  .8            happy .9  sad .05 calm .6     genre rock=0, mood calm=1
    //   t5     jazz .6            happy .3  sad .6  calm .55    mood calm=0, mood sad=0 then sad=1 (newest counts)
    //   t6     not analysed                                     genre pop=1
    // Left out everywhere: t1's mood sad=1 on a segment, t3's genre pop=1 from the model.
    bool makeCatalog(Catalog &catalog)
    {
        if (!catalog.open(m_dir.filePath(QStringLiteral("charts-%1.sqlite").arg(++m_counter))))
            return false;
        ModelRecord model;
        model.name = QStringLiteral("tiny");
        model.versionHash = QStringLiteral("hash-charts");
        model.labelSets = QJsonObject{
            {QStringLiteral("genre"), QJsonArray{QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}},
            {QStringLiteral("mood"), QJsonArray{QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("calm")}}};
        const qint64 modelId = catalog.upsertModel(model);
        if (modelId <= 0 || !catalog.setActiveModel(modelId))
            return false;
        for (int i = 1; i <= 6; ++i) {
            TrackRecord r;
            r.path = m_dir.filePath(QStringLiteral("music/t%1-%2.flac").arg(i).arg(m_counter));
            r.title = QStringLiteral("t%1").arg(i);
            t[i] = catalog.upsertTrack(r);
            if (t[i] <= 0)
                return false;
        }
        const QJsonObject s[] = {
            {},
            scores({{"rock", .7}, {"jazz", .2}, {"pop", .1}}, {{"happy", .8}, {"sad", .1}, {"calm", .3}}),
            scores({{"rock", .6}, {"jazz", .3}, {"pop", .1}}, {{"happy", .4}, {"sad", .7}, {"calm", .2}}),
            scores({{"rock", .3}, {"jazz", .5}, {"pop", .2}}, {{"happy", .2}, {"sad", .3}, {"calm", .9}}),
            scores({{"rock", .1}, {"jazz", .1}, {"pop", .8}}, {{"happy", .9}, {"sad", .05}, {"calm", .6}}),
            scores({{"rock", .2}, {"jazz", .6}, {"pop", .2}}, {{"happy", .3}, {"sad", .6}, {"calm", .55}}),
        };
        for (int i = 1; i <= 5; ++i) {
            PredictionRecord p;
            p.trackId = t[i];
            p.modelId = modelId;
            p.scores = s[i];
            if (!catalog.storePrediction(p))
                return false;
        }
        // Another model's prediction of t6 is not the active model's.
        ModelRecord other = model;
        other.versionHash = QStringLiteral("hash-other");
        PredictionRecord p;
        p.trackId = t[6];
        p.modelId = catalog.upsertModel(other);
        p.scores = s[1];
        if (p.modelId <= 0 || !catalog.storePrediction(p))
            return false;

        Annotation segment = human(t[1], "mood", "sad", 1);
        segment.segmentStart = 0;
        segment.segmentEnd = 10;
        Annotation fromModel = human(t[3], "genre", "pop", 1);
        fromModel.source = Annotation::Source::Model;
        return catalog.addAnnotations({human(t[1], "genre", "rock", 1), human(t[1], "mood", "happy", 1),
                                       human(t[1], "instrument", "piano", 1), human(t[2], "genre", "jazz", 1),
                                       human(t[2], "mood", "happy", 1), human(t[3], "genre", "jazz", 1),
                                       human(t[3], "mood", "sad", 0), human(t[4], "genre", "rock", 0),
                                       human(t[4], "mood", "calm", 1), human(t[5], "mood", "calm", 0),
                                       human(t[5], "mood", "sad", 0), human(t[6], "genre", "pop", 1), segment, fromModel})
            && catalog.addAnnotation(human(t[5], "mood", "sad", 1)) > 0;
    }

    static void checkCounts(const LibraryStats &s, const QString &head, const QList<int> &predicted, const QList<int> &people)
    {
        const ui::HeadCounts *h = s.head(head);
        QVERIFY2(h, qPrintable(head));
        QList<int> p, m;
        for (const ui::LabelCount &c : h->labels) {
            p.append(c.predicted);
            m.append(c.human);
        }
        QCOMPARE(p, predicted);
        QCOMPARE(m, people);
    }

    static void checkAgreement(const LibraryStats &s, const char *head, const char *label, int n, int agreed)
    {
        const ui::LabelAgreement *a = s.agreementOf(QLatin1String(head), QLatin1String(label));
        QVERIFY2(a, label);
        QCOMPARE(a->n, n);
        QCOMPARE(a->agreed, agreed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    void catalogListsOneModelsPredictions()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        const QList<PredictionRecord> all = catalog.predictions(catalog.activeModel()->id);
        QCOMPARE(all.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(all[i].trackId, t[i + 1]);
            QCOMPARE(all[i].scores, catalog.prediction(t[i + 1], catalog.activeModel()->id)->scores);
        }
        QCOMPARE(all[2].topGenre, QStringLiteral("jazz"));
        QVERIFY(catalog.predictions(0).isEmpty());
    }

    void countsAndAgreementMatchTheTruth()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        const LibraryStats s = ui::loadLibraryStats(catalog);
        QCOMPARE(s.modelName, QStringLiteral("tiny"));
        QCOMPARE(s.analysedTracks, 5);
        QCOMPARE(s.annotatedTracks, 6);
        QStringList heads;
        for (const ui::HeadCounts &h : s.heads)
            heads << h.head;
        QCOMPARE(heads, (QStringList{QStringLiteral("genre"), QStringLiteral("mood"), QStringLiteral("instrument")}));
        // Kinds told apart by the scores alone: genre's sum to one.
        QVERIFY(!s.head(QStringLiteral("genre"))->multiLabel);
        QVERIFY(s.head(QStringLiteral("mood"))->multiLabel);

        // Top labels: rock t1 t2, jazz t3 t5, pop t4; happy t1 t4, sad t2 t5, calm t3.
        // People: rock t1 (t4 says "not rock"), jazz t2 t3, pop t6; happy t1 t2, sad t5, calm t4.
        checkCounts(s, QStringLiteral("genre"), {2, 2, 1}, {1, 2, 1});
        checkCounts(s, QStringLiteral("mood"), {2, 2, 1}, {2, 1, 1});
        checkCounts(s, QStringLiteral("instrument"), {0}, {1});

        // genre rock: t1 top rock = yes (agrees), t4 top pop, "not rock" (agrees) -> 2 of 2.
        // genre jazz: t2 top rock (disagrees), t3 top jazz (agrees) -> 1 of 2. pop: t6 not analysed.
        // mood happy: t1 .8 (agrees), t2 .4 (disagrees) -> 1 of 2.
        // mood sad: t3 .3 vs "not sad" (agrees), t5 .6 vs sad (agrees) -> 2 of 2.
        // mood calm: t4 .6 (agrees), t5 .55 vs "not calm" (disagrees) -> 1 of 2.
        checkAgreement(s, "genre", "rock", 2, 2);
        checkAgreement(s, "genre", "jazz", 2, 1);
        checkAgreement(s, "mood", "happy", 2, 1);
        checkAgreement(s, "mood", "sad", 2, 2);
        checkAgreement(s, "mood", "calm", 2, 1);
        QCOMPARE(s.agreement.size(), 5);  // nothing for pop (unanalysed) or piano (no such head)
        QCOMPARE(s.agreementOf(QStringLiteral("genre"), QStringLiteral("jazz"))->share(), 0.5);
    }

    void theNetworksOwnThresholdsDecide()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        // calm needs 0.6: t5's .55 now says "not calm" like the person. Genre needs a 0.55 share:
        // t3's jazz .5 is no label at all, so it no longer agrees.
        HeadSpec mood{QStringLiteral("mood"), HeadSpec::Kind::MultiLabel,
                      {QStringLiteral("calm"), QStringLiteral("sad"), QStringLiteral("happy")}, {0.6f, 0.5f, 0.5f}, 0};
        HeadSpec genre{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
                       {QStringLiteral("pop"), QStringLiteral("jazz"), QStringLiteral("rock")}, {}, 0.55};
        const LibraryStats s = ui::loadLibraryStats(catalog, {mood, genre});
        checkAgreement(s, "mood", "calm", 2, 2);
        checkAgreement(s, "genre", "jazz", 2, 0);
        checkAgreement(s, "genre", "rock", 2, 2);
        // The network's head and label order.
        QCOMPARE(s.heads.first().head, QStringLiteral("mood"));
        checkCounts(s, QStringLiteral("mood"), {1, 2, 2}, {1, 1, 2});
        checkCounts(s, QStringLiteral("genre"), {1, 2, 2}, {1, 2, 1});
    }

    void noModelStillCountsPeople()
    {
        const LibraryStats s = ui::computeLibraryStats({}, {}, {human(1, "mood", "sad", 1), human(2, "mood", "sad", 1),
                                                               human(2, "mood", "calm", 0)});
        QCOMPARE(s.modelId, qint64(0));
        checkCounts(s, QStringLiteral("mood"), {0, 0}, {2, 0});
        QCOMPARE(s.annotatedTracks, 2);
        QVERIFY(s.agreement.isEmpty());
    }

    void barSetsShowTheNumbers()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryCharts charts(&catalog);
        charts.resize(700, 500);
        charts.reload();
        charts.waitForLoaded();
        QVERIFY2(charts.summaryText().contains(QStringLiteral("5 analysed track")), qPrintable(charts.summaryText()));
        QVERIFY(charts.summaryText().contains(QStringLiteral("6 track")));
        QStringList tabs;
        for (int i = 0; i < charts.tabs()->count(); ++i)
            tabs << charts.tabs()->tabText(i);
        QCOMPARE(tabs, (QStringList{QStringLiteral("Genre"), QStringLiteral("Mood"), QStringLiteral("Instrument"),
                                    QStringLiteral("Agreement")}));

        QChart *genre = charts.distributionChart(QStringLiteral("genre"));
        QVERIFY(genre);
        auto *series = qobject_cast<QBarSeries *>(genre->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->count(), 2);
        QCOMPARE(series->barSets().at(0)->label(), QStringLiteral("Model"));
        QCOMPARE(values(series->barSets().at(0)), (QList<double>{2, 2, 1}));
        QCOMPARE(series->barSets().at(1)->label(), QStringLiteral("People"));
        QCOMPARE(values(series->barSets().at(1)), (QList<double>{1, 2, 1}));
        QCOMPARE(categoriesOf(genre, Qt::Horizontal), (QStringList{QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}));
        const auto counts = genre->axes(Qt::Vertical);
        QCOMPARE(counts.size(), 1);
        auto *countAxis = qobject_cast<QValueAxis *>(counts.first());
        QVERIFY(countAxis);
        QCOMPARE(countAxis->max(), 2.0);
        QCOMPARE(countAxis->tickInterval(), 1.0);
        auto *mood = qobject_cast<QBarSeries *>(charts.distributionChart(QStringLiteral("mood"))->series().value(0));
        QCOMPARE(values(mood->barSets().at(0)), (QList<double>{2, 2, 1}));
        QCOMPARE(values(mood->barSets().at(1)), (QList<double>{2, 1, 1}));

        QChart *agreement = charts.agreementChart();
        auto *bars = qobject_cast<QHorizontalBarSeries *>(agreement->series().value(0));
        QVERIFY(bars);
        // Listed top-down, so the category axis (bottom-up) holds them reversed.
        QCOMPARE(categoriesOf(agreement, Qt::Vertical),
                 (QStringList{QStringLiteral("mood: calm (n=2)"), QStringLiteral("mood: sad (n=2)"), QStringLiteral("mood: happy (n=2)"),
                              QStringLiteral("genre: jazz (n=2)"), QStringLiteral("genre: rock (n=2)")}));
        QCOMPARE(values(bars->barSets().at(0)), (QList<double>{50, 100, 50, 50, 100}));
        if (qEnvironmentVariableIsSet("SPECTAG_CHARTS_SHOT")) {  // to look at: the Mood and Agreement tabs
            charts.show();
            for (int tab : {1, 3}) {
                charts.tabs()->setCurrentIndex(tab);
                charts.grab().save(qEnvironmentVariable("SPECTAG_CHARTS_SHOT").arg(tab));
            }
        }
    }

    void countAxisSteps_data()
    {
        QTest::addColumn<int>("top");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("step");
        QTest::newRow("empty") << 0 << 1 << 1;
        QTest::newRow("2") << 2 << 2 << 1;
        QTest::newRow("5") << 5 << 5 << 1;
        QTest::newRow("6") << 6 << 6 << 2;
        QTest::newRow("11") << 11 << 15 << 5;
        QTest::newRow("1234") << 1234 << 1500 << 500;
        QTest::newRow("1501") << 1501 << 2000 << 500;
        QTest::newRow("2501") << 2501 << 3000 << 1000;
        QTest::newRow("10000") << 10000 << 10000 << 2000;
    }

    void countAxisSteps()
    {
        QFETCH(int, top);
        QFETCH(int, max);
        QFETCH(int, step);
        QCOMPARE(LibraryCharts::countAxis(top), std::make_pair(max, step));
    }

    // While 10,000 tracks are counted one by one, the range changes at a few dozen thresholds
    // (every change re-lays out the axis), always holds the tallest bar and keeps it above 40 %.
    void countAxisChangesRarely()
    {
        int changes = 0;
        std::pair<int, int> last{0, 0};
        for (int top = 1; top <= 10000; ++top) {
            const auto axis = LibraryCharts::countAxis(top);
            QVERIFY(axis.first >= top);
            QVERIFY(top * 5 > axis.first * 2);
            QCOMPARE(axis.first % axis.second, 0);
            QVERIFY(axis.first / axis.second <= 5);
            changes += axis != last;
            last = axis;
        }
        QCOMPARE_LT(changes, 60);
    }

    void reloadsWhenPeopleAnnotate()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryCharts charts(&catalog);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.waitForLoaded();  // shown: it loads by itself
        QCOMPARE(charts.stats().analysedTracks, 5);
        QCOMPARE(charts.stats().agreementOf(QStringLiteral("mood"), QStringLiteral("happy"))->n, 2);
        charts.tabs()->setCurrentIndex(1);  // Mood
        QChart *moodChart = charts.distributionChart(QStringLiteral("mood"));
        QChart *agreementChart = charts.agreementChart();
        const QStringList agreementBefore = categoriesOf(agreementChart, Qt::Vertical);
        QSignalSpy loaded(&charts, &LibraryCharts::loaded);
        // t3 is "happy" after all: the model (.2) disagrees.
        QVERIFY(catalog.addAnnotation(human(t[3], "mood", "happy", 1)) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        const ui::LabelAgreement *happy = charts.stats().agreementOf(QStringLiteral("mood"), QStringLiteral("happy"));
        QCOMPARE(happy->n, 3);
        QCOMPARE(happy->agreed, 1);
        QCOMPARE(charts.tabs()->tabText(charts.tabs()->currentIndex()), QStringLiteral("Mood"));  // kept across the reload
        auto *mood = qobject_cast<QBarSeries *>(charts.distributionChart(QStringLiteral("mood"))->series().value(0));
        QCOMPARE(values(mood->barSets().at(1)), (QList<double>{3, 1, 1}));
        // Same heads: the charts were updated in place (re-creating them stalled the GUI thread),
        // categories included: "happy (n=2)" became "(n=3)".
        QCOMPARE(charts.distributionChart(QStringLiteral("mood")), moodChart);
        QCOMPARE(charts.agreementChart(), agreementChart);
        const QStringList agreementAfter = categoriesOf(agreementChart, Qt::Vertical);
        QVERIFY2(agreementAfter != agreementBefore, qPrintable(agreementAfter.join(QLatin1Char('|'))));
        QVERIFY2(agreementAfter.contains(QStringLiteral("mood: happy (n=3)")), qPrintable(agreementAfter.join(QLatin1Char('|'))));
        QCOMPARE(values(qobject_cast<QHorizontalBarSeries *>(agreementChart->series().value(0))->barSets().at(0)).size(), agreementAfter.size());
    }

    // Only the tab in front is built and refilled; a tab behind gets its chart when first shown
    // and the numbers of a reload when brought to the front (Qt Charts lays out synchronously).
    void tabsBehindWaitUntilShown()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryCharts charts(&catalog);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.waitForLoaded();
        QCOMPARE(charts.tabs()->tabText(1), QStringLiteral("Mood"));
        QCOMPARE(charts.tabs()->currentIndex(), 0);
        QVERIFY(charts.tabs()->widget(0)->findChild<QChartView *>());
        QVERIFY(!charts.tabs()->widget(1)->findChild<QChartView *>());
        QVERIFY(!charts.tabs()->widget(3)->findChild<QChartView *>());
        const auto peopleOnTab = [&](int tab) {
            auto *view = charts.tabs()->widget(tab)->findChild<QChartView *>();
            auto *series = view ? qobject_cast<QBarSeries *>(view->chart()->series().value(0)) : nullptr;
            return series ? values(series->barSets().at(1)) : QList<double>{};
        };
        charts.tabs()->setCurrentIndex(1);
        QCOMPARE(peopleOnTab(1), (QList<double>{2, 1, 1}));
        charts.tabs()->setCurrentIndex(0);

        QSignalSpy loaded(&charts, &LibraryCharts::loaded);
        QVERIFY(catalog.addAnnotation(human(t[3], "mood", "happy", 1)) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(peopleOnTab(1), (QList<double>{2, 1, 1}));  // behind: not refilled yet
        charts.tabs()->setCurrentIndex(1);
        QCOMPARE(peopleOnTab(1), (QList<double>{3, 1, 1}));
    }
};

QTEST_MAIN(TestLibraryCharts)
#include "tst_librarycharts.moc"
