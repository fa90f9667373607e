// Leak-free, stratified, deterministic splits; on synthetic sets and on the real 4Q artists.

#include "common/testutil.h"
#include "training/datasetimport.h"
#include "training/split.h"

#include <QFileInfo>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <random>

using namespace spectag::training;

namespace {

// n items over `classes` classes (skewed counts), `perGroup` consecutive items share a group.
Dataset makeSingleLabel(int n, int classes, int perGroup)
{
    Dataset ds;
    HeadSpec h{QStringLiteral("genre"), HeadSpec::Kind::Single, {}, 0.5};
    for (int c = 0; c < classes; ++c)
        h.labels << QStringLiteral("c%1").arg(c);
    ds.spec.heads << h;
    std::mt19937 rng(7);
    for (int i = 0; i < n; ++i) {
        DatasetItem item;
        item.path = QStringLiteral("/music/%1.ogg").arg(i / perGroup);
        item.start = (i % perGroup) * 10.0;
        item.end = item.start + 10.0;
        item.groupKey = QStringLiteral("track:") + item.path;
        // class skew: class c has weight c + 1; segments of a song share its class
        const int song = i / perGroup;
        const int c = int((song * 2654435761u) % unsigned(classes * (classes + 1) / 2));
        int cls = 0, acc = 0;
        while (acc + cls + 1 <= c) {
            acc += cls + 1;
            ++cls;
        }
        item.targets = {HeadTarget{true, cls, {}, {}}};
        ds.items << item;
    }
    return ds;
}

Dataset makeMultiLabel(int n, const std::vector<double> &rates, quint32 seed)
{
    Dataset ds;
    HeadSpec h{QStringLiteral("mood"), HeadSpec::Kind::Multi, {}, 0.5};
    for (size_t l = 0; l < rates.size(); ++l)
        h.labels << QStringLiteral("m%1").arg(l);
    ds.spec.heads << h;
    std::mt19937 rng(seed);
    for (int i = 0; i < n; ++i) {
        DatasetItem item;
        item.path = QStringLiteral("/music/%1.ogg").arg(i);
        item.groupKey = QStringLiteral("track:") + item.path;
        HeadTarget t;
        t.present = true;
        for (double r : rates)
            t.multiHot.push_back(double(rng() % 10000) / 10000.0 < r ? 1.0f : 0.0f);
        item.targets = {t};
        ds.items << item;
    }
    return ds;
}

std::vector<int> classCounts(const Dataset &ds, const std::vector<int> &items, int head)
{
    std::vector<int> counts(size_t(ds.spec.heads.at(head).labels.size()), 0);
    for (int i : items) {
        const HeadTarget &t = ds.items.at(i).targets.at(size_t(head));
        if (!t.present)
            continue;
        if (t.classIndex >= 0)
            ++counts[size_t(t.classIndex)];
        else
            for (size_t l = 0; l < t.multiHot.size(); ++l)
                counts[l] += int(t.multiHot[l]);
    }
    return counts;
}

// Every item in exactly one test fold, train/validation/test disjoint, and no group leaks.
void checkPartition(const Dataset &ds, const QList<Fold> &folds)
{
    std::vector<int> testCount(size_t(ds.items.size()), 0);
    for (const Fold &f : folds) {
        const QString leak = findLeak(ds, f);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        QCOMPARE(f.train.size() + f.validation.size() + f.test.size(), size_t(ds.items.size()));
        for (int i : f.test)
            ++testCount[size_t(i)];
    }
    QVERIFY(std::all_of(testCount.begin(), testCount.end(), [](int c) { return c == 1; }));
}

} // namespace

class TestSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stratifiedSingleLabelWithinOne_data();
    void stratifiedSingleLabelWithinOne();
    void segmentsStayTogether();
    void deterministicFromSeed();
    void multiLabelIterative();
    void maskedItemsStillPlaced();
    void borrowedLabelsDoNotStratify();
    void holdoutFractions();
    void findLeakDetects();
    void real4QArtists();
};

void TestSplit::stratifiedSingleLabelWithinOne_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("k");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("100x4 k10") << 100 << 4 << 10 << quint64(1);
    QTest::newRow("320x4 k10") << 320 << 4 << 10 << quint64(2);
    QTest::newRow("97x7 k5") << 97 << 7 << 5 << quint64(3);
    QTest::newRow("23x3 k10 (fewer than k per class)") << 23 << 3 << 10 << quint64(4);
}

void TestSplit::stratifiedSingleLabelWithinOne()
{
    QFETCH(int, n);
    QFETCH(int, classes);
    QFETCH(int, k);
    QFETCH(quint64, seed);
    const Dataset ds = makeSingleLabel(n, classes, 1);
    const QList<Fold> folds = kFold(ds, k, SplitOptions{seed, QStringLiteral("genre")});
    QCOMPARE(folds.size(), k);
    checkPartition(ds, folds);
    for (int c = 0; c < classes; ++c) {
        int lo = n, hi = 0;
        for (const Fold &f : folds) {
            const int count = classCounts(ds, f.test, 0)[size_t(c)];
            lo = std::min(lo, count);
            hi = std::max(hi, count);
        }
        QVERIFY2(hi - lo <= 1, qPrintable(QStringLiteral("class %1: %2..%3 per fold").arg(c).arg(lo).arg(hi)));
    }
    size_t lo = size_t(n), hi = 0;
    for (const Fold &f : folds) {
        lo = std::min(lo, f.test.size());
        hi = std::max(hi, f.test.size());
        // validation is the next fold's test part
        QVERIFY(!f.validation.empty() || n < 2 * k);
    }
    QVERIFY2(hi - lo <= 1, qPrintable(QStringLiteral("fold sizes %1..%2").arg(lo).arg(hi)));
    QCOMPARE(folds[0].validation, folds[1].test);
}

void TestSplit::segmentsStayTogether()
{
    const Dataset ds = makeSingleLabel(300, 4, 6); // 50 songs in 6 segments each
    const QList<Fold> folds = kFold(ds, 10, SplitOptions{11, QStringLiteral("genre")});
    checkPartition(ds, folds);
    for (const Fold &f : folds)
        QCOMPARE(f.test.size(), size_t(30)); // whole songs: 5 per fold
}

void TestSplit::deterministicFromSeed()
{
    const Dataset ds = makeSingleLabel(200, 4, 2);
    const SplitOptions a{42, QStringLiteral("genre")};
    const auto testSets = [](const QList<Fold> &folds) {
        QList<std::vector<int>> t;
        for (const Fold &f : folds)
            t << f.test;
        return t;
    };
    QCOMPARE(testSets(kFold(ds, 10, a)), testSets(kFold(ds, 10, a)));
    QVERIFY(testSets(kFold(ds, 10, a)) != testSets(kFold(ds, 10, SplitOptions{43, QStringLiteral("genre")})));
    // The item order of the dataset does not matter, only its groups: reverse it and compare
    // by path.
    Dataset reversed = ds;
    std::reverse(reversed.items.begin(), reversed.items.end());
    const QList<Fold> f1 = kFold(ds, 10, a), f2 = kFold(reversed, 10, a);
    for (int i = 0; i < 10; ++i) {
        QStringList p1, p2;
        for (int x : f1[i].test)
            p1 << ds.items[x].path + QString::number(ds.items[x].start);
        for (int x : f2[i].test)
            p2 << reversed.items[x].path + QString::number(reversed.items[x].start);
        p1.sort();
        p2.sort();
        QCOMPARE(p1, p2);
    }
}

void TestSplit::multiLabelIterative()
{
    // Label 3 is rare (12 positives in 400): iterative stratification places it first, so each
    // of 10 folds gets 1 or 2; common labels stay close to 1/10 of their total.
    const Dataset ds = makeMultiLabel(400, {0.4, 0.25, 0.1, 0.03, 0.5}, 5);
    const std::vector<int> total = ds.labelCounts(0);
    const QList<Fold> folds = kFold(ds, 10, SplitOptions{9, QStringLiteral("mood")});
    checkPartition(ds, folds);
    int rarest = int(std::min_element(total.begin(), total.end()) - total.begin());
    for (size_t l = 0; l < total.size(); ++l) {
        int lo = 1 << 30, hi = 0;
        for (const Fold &f : folds) {
            const int c = classCounts(ds, f.test, 0)[l];
            lo = std::min(lo, c);
            hi = std::max(hi, c);
        }
        const double expected = total[l] / 10.0;
        qInfo("label %d: total %d, per fold %d..%d", int(l), total[l], lo, hi);
        if (int(l) == rarest)
            QVERIFY(hi - lo <= 1);
        QVERIFY2(lo >= std::floor(expected) - 2 && hi <= std::ceil(expected) + 2,
                 qPrintable(QStringLiteral("label %1: %2..%3, expected %4").arg(l).arg(lo).arg(hi).arg(expected)));
    }
}

void TestSplit::maskedItemsStillPlaced()
{
    Dataset ds = makeSingleLabel(60, 3, 1);
    for (int i = 0; i < 60; i += 3)
        ds.items[i].targets[0].present = false; // e.g. a 4Q clip in a genre split
    const QList<Fold> folds = kFold(ds, 5, SplitOptions{1, QStringLiteral("genre")});
    checkPartition(ds, folds);
    for (const Fold &f : folds)
        QCOMPARE(f.test.size(), size_t(12));
}

// A borrowed, unscored label (4Q's AllMusic genre) must not move items between folds: the folds
// are those of the same set without it, so runs with and without --4q-genres compare fold by fold.
void TestSplit::borrowedLabelsDoNotStratify()
{
    // As Emotify + 4Q: labelled items, then many without the head, some of which borrow one class.
    Dataset masked = makeSingleLabel(100, 4, 1);
    for (int i = 0; i < 200; ++i) {
        DatasetItem item;
        item.path = QStringLiteral("/other/%1.ogg").arg(i);
        item.groupKey = QStringLiteral("track:") + item.path;
        item.targets = {HeadTarget{}};
        masked.items << item;
    }
    Dataset borrowed = masked;
    for (int i = 100; i < 300; i += 4) {
        HeadTarget &t = borrowed.items[i].targets[0];
        t.present = true;
        t.classIndex = 0;  // all one class: counting them would shift where the others go
        t.scored = false;
    }
    for (const quint64 seed : {1u, 2u, 3u}) {
        const QList<Fold> a = kFold(masked, 10, SplitOptions{seed, QStringLiteral("genre")});
        const QList<Fold> b = kFold(borrowed, 10, SplitOptions{seed, QStringLiteral("genre")});
        checkPartition(borrowed, b);
        QCOMPARE(b.size(), a.size());
        for (qsizetype f = 0; f < a.size(); ++f)
            QCOMPARE(b[f].test, a[f].test);
    }
}

void TestSplit::holdoutFractions()
{
    const Dataset ds = makeSingleLabel(500, 4, 5);
    const Fold f = holdout(ds, 0.1, 0.2, SplitOptions{3, QStringLiteral("genre")});
    QVERIFY(findLeak(ds, f).isEmpty());
    QCOMPARE(f.train.size() + f.validation.size() + f.test.size(), size_t(500));
    QCOMPARE(f.test.size(), size_t(100));
    QCOMPARE(f.validation.size(), size_t(50));
    // The held-out test part is never seen by cross-validation on the rest.
    std::vector<int> develop = f.train;
    develop.insert(develop.end(), f.validation.begin(), f.validation.end());
    std::sort(develop.begin(), develop.end());
    const QList<Fold> folds = kFold(ds, 5, SplitOptions{3, QStringLiteral("genre")}, false, develop);
    const QSet<int> held(f.test.begin(), f.test.end());
    for (const Fold &cv : folds) {
        QVERIFY(cv.validation.empty());
        for (const std::vector<int> *side : {&cv.train, &cv.test})
            for (int i : *side)
                QVERIFY(!held.contains(i));
        QVERIFY(findLeak(ds, cv).isEmpty());
    }
}

void TestSplit::findLeakDetects()
{
    const Dataset ds = makeSingleLabel(20, 2, 2);
    Fold f;
    f.train = {0, 2, 4};
    f.test = {1, 3}; // item 1 is the second segment of item 0's song
    QVERIFY(findLeak(ds, f).contains(QStringLiteral("/music/0.ogg")));
    f.test = {2};
    QVERIFY(findLeak(ds, f).contains(QStringLiteral("item 2")));
    f.test = {6, 7};
    QVERIFY(findLeak(ds, f).isEmpty());
}

void TestSplit::real4QArtists()
{
    const QString csv = testutil::sharedDir() + QStringLiteral("/data/4q/metadata.csv");
    if (!QFileInfo::exists(csv))
        QSKIP("shared 4Q data not present");
    LoadOptions noFiles;
    noFiles.checkFiles = false;
    const Dataset ds = import4Q(csv, noFiles);
    QCOMPARE(ds.items.size(), 720);
    const QList<Fold> folds = kFold(ds, 10, SplitOptions{2024, QStringLiteral("quadrant")});
    checkPartition(ds, folds);
    // Artists are indivisible, so exact ±1 is not possible; measure how far off it gets.
    int worst = 0;
    for (const Fold &f : folds) {
        const std::vector<int> c = classCounts(ds, f.test, 0);
        for (int v : c)
            worst = std::max(worst, std::abs(v - 18));
        QVERIFY2(f.test.size() >= 64 && f.test.size() <= 80, qPrintable(QString::number(f.test.size())));
    }
    qInfo("4Q 10-fold by artist: worst per-fold quadrant count is %d away from 18", worst);
    QVERIFY2(worst <= 1, qPrintable(QString::number(worst)));
}

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
