#include "training/split.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <numeric>
#include <random>

namespace spectag::training {

namespace {

// One group of items, placed as a whole.
struct Unit {
    std::vector<int> items;
    std::vector<double> labelCount; // positives per label of the stratification head
    double labelTotal = 0;
};

// Seeded choices that do not depend on the standard library's distributions (those differ
// between implementations; mt19937_64 itself is fully specified).
class Chooser {
public:
    explicit Chooser(quint64 seed) : m_rng(seed) {}
    size_t below(size_t n) { return size_t(m_rng() % n); }
    template<typename T> void shuffle(std::vector<T> &v)
    {
        for (size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 m_rng;
};

// The part that wants the most of `label` (or of items when label < 0); ties broken by the
// part that wants most items, then at random.
int pickPart(const std::vector<std::vector<double>> &wantLabel, const std::vector<double> &wantSize, int label,
             Chooser &chooser)
{
    std::vector<int> best;
    const auto key = [&](size_t j) {
        return std::make_pair(label >= 0 ? wantLabel[j][size_t(label)] : wantSize[j], wantSize[j]);
    };
    for (size_t j = 0; j < wantSize.size(); ++j) {
        if (best.empty() || key(j) > key(size_t(best.front()))) {
            best = {int(j)};
        } else if (key(j) == key(size_t(best.front()))) {
            best.push_back(int(j));
        }
    }
    return best[chooser.below(best.size())];
}

} // namespace

std::vector<int> assignParts(const Dataset &ds, const std::vector<int> &subsetIn, const std::vector<double> &ratiosIn,
                             const SplitOptions &options)
{
    std::vector<int> subset = subsetIn;
    if (subset.empty() && subsetIn.empty()) {
        subset.resize(size_t(ds.items.size()));
        std::iota(subset.begin(), subset.end(), 0);
    }
    const size_t parts = ratiosIn.size();
    Q_ASSERT(parts > 0);
    const double ratioSum = std::accumulate(ratiosIn.begin(), ratiosIn.end(), 0.0);
    std::vector<double> ratios;
    for (double r : ratiosIn)
        ratios.push_back(r / ratioSum);

    const int head = options.stratifyHead.isEmpty() ? -1 : ds.spec.headIndex(options.stratifyHead);
    Q_ASSERT_X(options.stratifyHead.isEmpty() || head >= 0, "assignParts", "unknown stratification head");
    const size_t labels = head >= 0 ? size_t(ds.spec.heads.at(head).labels.size()) : 0;

    // Groups in key order, so the result does not depend on hash seeds.
    QMap<QString, Unit> byKey;
    for (int i : subset) {
        const DatasetItem &item = ds.items.at(i);
        Unit &u = byKey[item.groupKey];
        if (u.labelCount.empty())
            u.labelCount.assign(labels, 0.0);
        u.items.push_back(i);
        if (head < 0 || !item.targets.at(size_t(head)).present || !item.targets.at(size_t(head)).scored)
            continue;
        const HeadTarget &t = item.targets.at(size_t(head));
        if (ds.spec.heads.at(head).kind == HeadSpec::Kind::Single) {
            u.labelCount[size_t(t.classIndex)] += 1;
            u.labelTotal += 1;
        } else {
            for (size_t l = 0; l < labels; ++l)
                if (t.multiHot[l] > 0.5f) {
                    u.labelCount[l] += 1;
                    u.labelTotal += 1;
                }
        }
    }
    std::vector<Unit> units;
    units.reserve(size_t(byKey.size()));
    for (auto it = byKey.begin(); it != byKey.end(); ++it)
        units.push_back(std::move(*it));
    Chooser chooser(options.seed);
    chooser.shuffle(units);
    // Big groups first: they are the hard ones to fit, small ones fill the gaps after.
    std::stable_sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) { return a.items.size() > b.items.size(); });

    std::vector<std::vector<double>> wantLabel(parts, std::vector<double>(labels, 0.0));
    std::vector<double> wantSize(parts, 0.0);
    std::vector<double> labelTotals(labels, 0.0);
    for (const Unit &u : units)
        for (size_t l = 0; l < labels; ++l)
            labelTotals[l] += u.labelCount[l];
    for (size_t j = 0; j < parts; ++j) {
        wantSize[j] = ratios[j] * double(subset.size());
        for (size_t l = 0; l < labels; ++l)
            wantLabel[j][l] = ratios[j] * labelTotals[l];
    }

    std::vector<int> partOfUnit(units.size(), -1);
    const auto place = [&](size_t u, int part) {
        partOfUnit[u] = part;
        wantSize[size_t(part)] -= double(units[u].items.size());
        for (size_t l = 0; l < labels; ++l)
            wantLabel[size_t(part)][l] -= units[u].labelCount[l];
    };

    for (;;) {
        // The rarest label among the groups still to place.
        std::vector<double> remaining(labels, 0.0);
        for (size_t u = 0; u < units.size(); ++u)
            if (partOfUnit[u] < 0)
                for (size_t l = 0; l < labels; ++l)
                    remaining[l] += units[u].labelCount[l];
        int rarest = -1;
        for (size_t l = 0; l < labels; ++l)
            if (remaining[l] > 0 && (rarest < 0 || remaining[l] < remaining[size_t(rarest)]))
                rarest = int(l);
        if (rarest < 0)
            break;
        for (size_t u = 0; u < units.size(); ++u)
            if (partOfUnit[u] < 0 && units[u].labelCount[size_t(rarest)] > 0)
                place(u, pickPart(wantLabel, wantSize, rarest, chooser));
    }
    for (size_t u = 0; u < units.size(); ++u)
        if (partOfUnit[u] < 0)
            place(u, pickPart(wantLabel, wantSize, -1, chooser));

    QHash<int, int> partOfItem;
    for (size_t u = 0; u < units.size(); ++u)
        for (int i : units[u].items)
            partOfItem.insert(i, partOfUnit[u]);
    std::vector<int> out;
    out.reserve(subset.size());
    for (int i : subset)
        out.push_back(partOfItem.value(i));
    return out;
}

QList<Fold> kFold(const Dataset &ds, int k, const SplitOptions &options, bool withValidation, const std::vector<int> &subsetIn)
{
    Q_ASSERT(k >= 2);
    std::vector<int> subset = subsetIn;
    if (subset.empty()) {
        subset.resize(size_t(ds.items.size()));
        std::iota(subset.begin(), subset.end(), 0);
    }
    const std::vector<int> part = assignParts(ds, subset, std::vector<double>(size_t(k), 1.0), options);
    QList<Fold> folds(k);
    for (int f = 0; f < k; ++f) {
        const int validationPart = withValidation ? (f + 1) % k : -1;
        Fold &fold = folds[f];
        for (size_t n = 0; n < subset.size(); ++n) {
            if (part[n] == f)
                fold.test.push_back(subset[n]);
            else if (part[n] == validationPart)
                fold.validation.push_back(subset[n]);
            else
                fold.train.push_back(subset[n]);
        }
        std::sort(fold.train.begin(), fold.train.end());
        std::sort(fold.validation.begin(), fold.validation.end());
        std::sort(fold.test.begin(), fold.test.end());
    }
    return folds;
}

Fold holdout(const Dataset &ds, double validationFraction, double testFraction, const SplitOptions &options)
{
    Q_ASSERT(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1);
    std::vector<int> all(size_t(ds.items.size()));
    std::iota(all.begin(), all.end(), 0);
    const std::vector<int> part =
        assignParts(ds, all, {1.0 - validationFraction - testFraction, validationFraction, testFraction}, options);
    Fold fold;
    for (size_t n = 0; n < all.size(); ++n)
        (part[n] == 0 ? fold.train : part[n] == 1 ? fold.validation : fold.test).push_back(all[n]);
    return fold;
}

QString findLeak(const Dataset &ds, const Fold &fold)
{
    QHash<QString, QString> sideOfGroup;
    QHash<int, QString> sideOfItem;
    const std::pair<const std::vector<int> *, QString> sides[] = {{&fold.train, QStringLiteral("train")},
                                                                  {&fold.validation, QStringLiteral("validation")},
                                                                  {&fold.test, QStringLiteral("test")}};
    for (const auto &[items, side] : sides)
        for (int i : *items) {
            if (const auto it = sideOfItem.constFind(i); it != sideOfItem.constEnd())
                return QStringLiteral("item %1 is in both %2 and %3").arg(i).arg(*it, side);
            sideOfItem.insert(i, side);
            const QString &key = ds.items.at(i).groupKey;
            const auto g = sideOfGroup.constFind(key);
            if (g != sideOfGroup.constEnd() && *g != side)
                return QStringLiteral("group \"%1\" is in both %2 and %3").arg(key, *g, side);
            sideOfGroup.insert(key, side);
        }
    return {};
}

} // namespace spectag::training
