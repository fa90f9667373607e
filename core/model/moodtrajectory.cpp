#include "model/moodtrajectory.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace spectag {

namespace {

struct Word {
    const char *word;
    int quadrant;  // 0: the neutral centre
};
constexpr Word kWords[] = {{"happy", 1},   {"energetic", 1}, {"excited", 1}, {"angry", 2},   {"tense", 2},
                           {"sad", 3},     {"gloomy", 3},    {"calm", 4},    {"relaxed", 4}, {"peaceful", 4},
                           {"neutral", 0}};

double squaredDistance(ValenceArousal a, ValenceArousal b)
{
    const double dv = a.valence - b.valence, da = a.arousal - b.arousal;
    return dv * dv + da * da;
}

} // namespace

std::vector<ValenceArousal> trajectoryTargets(ValenceArousal from, ValenceArousal to, int count)
{
    std::vector<ValenceArousal> points;
    if (count < 1)
        return points;
    points.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const double t = count == 1 ? 0.5 : double(i) / (count - 1);
        points.push_back({from.valence + t * (to.valence - from.valence), from.arousal + t * (to.arousal - from.arousal)});
    }
    return points;
}

std::vector<TrajectoryPick> pickTrajectory(const std::vector<MoodCandidate> &candidates, ValenceArousal from,
                                           ValenceArousal to, int count)
{
    const std::vector<ValenceArousal> targets = trajectoryTargets(from, to, count);
    if (targets.empty() || candidates.empty())
        return {};

    // Equally near tracks go to the more confident, then the lower id: one rank per candidate
    // in that order, so the pair comparisons below are two integers rather than a tuple of four.
    std::vector<quint32> byPreference(candidates.size());
    std::iota(byPreference.begin(), byPreference.end(), 0u);
    std::sort(byPreference.begin(), byPreference.end(), [&](quint32 a, quint32 b) {
        return std::tuple(-candidates[a].confidence, candidates[a].trackId) < std::tuple(-candidates[b].confidence, candidates[b].trackId);
    });
    // Each point needs one track and the others take at most count - 1, so a point's `count`
    // nearest candidates are all the greedy pass can ever give it: count x count pairs instead of
    // count x library.
    struct Pair {
        qint64 distanceKey;  // squared distance on a 1e-12 grid: float noise does not outrank confidence
        quint32 rank;        // index into byPreference
        qint32 target;
        bool operator<(const Pair &o) const { return std::tie(distanceKey, rank, target) < std::tie(o.distanceKey, o.rank, o.target); }
    };
    const size_t keep = std::min(candidates.size(), targets.size());
    std::vector<Pair> pairs;
    pairs.reserve(keep * targets.size());
    std::vector<Pair> row(candidates.size());
    for (size_t t = 0; t < targets.size(); ++t) {
        for (size_t r = 0; r < byPreference.size(); ++r)
            row[r] = {std::llround(squaredDistance(candidates[byPreference[r]].position, targets[t]) * 1e12), quint32(r), qint32(t)};
        // Which `keep` are nearest is all that matters here; the one global sort below orders them.
        if (keep < row.size())
            std::nth_element(row.begin(), row.begin() + std::ptrdiff_t(keep - 1), row.end());
        pairs.insert(pairs.end(), row.begin(), row.begin() + std::ptrdiff_t(keep));
    }
    std::sort(pairs.begin(), pairs.end());

    std::vector<char> targetFilled(targets.size(), 0), candidateUsed(candidates.size(), 0);
    std::vector<TrajectoryPick> picks;
    picks.reserve(keep);
    const double dv = to.valence - from.valence, da = to.arousal - from.arousal;
    const double length2 = dv * dv + da * da;
    for (const Pair &p : pairs) {
        const quint32 c = byPreference[p.rank];
        if (targetFilled[size_t(p.target)] || candidateUsed[c])
            continue;
        targetFilled[size_t(p.target)] = 1;
        candidateUsed[c] = 1;
        const ValenceArousal at = candidates[c].position;
        // Start and end the same: there is no direction, the targets' order stands.
        const double along = length2 > 0 ? ((at.valence - from.valence) * dv + (at.arousal - from.arousal) * da) / length2 : 0.0;
        picks.push_back({candidates[c].trackId, along, p.target, std::sqrt(squaredDistance(at, targets[size_t(p.target)]))});
        if (picks.size() == keep)
            break;
    }
    std::sort(picks.begin(), picks.end(), [](const TrajectoryPick &a, const TrajectoryPick &b) {
        return std::tie(a.along, a.target) < std::tie(b.along, b.target);
    });
    return picks;
}

ValenceArousal quadrantCentre(int quadrant)
{
    switch (quadrant) {
    case 1: return {0.5, 0.5};
    case 2: return {-0.5, 0.5};
    case 3: return {-0.5, -0.5};
    case 4: return {0.5, -0.5};
    default: return {};
    }
}

std::optional<ValenceArousal> parseMoodPoint(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    for (const Word &w : kWords)
        if (t == QLatin1String(w.word))
            return quadrantCentre(w.quadrant);
    if (t.size() == 2 && t.front() == u'q' && t.back() >= u'1' && t.back() <= u'4')
        return quadrantCentre(t.back().unicode() - u'0');
    const QStringList parts = t.split(u',');
    if (parts.size() != 2)
        return std::nullopt;
    bool okV = false, okA = false;
    const double v = parts[0].trimmed().toDouble(&okV), a = parts[1].trimmed().toDouble(&okA);
    if (!okV || !okA || !(v >= -1 && v <= 1) || !(a >= -1 && a <= 1))  // also refuses NaN
        return std::nullopt;
    return ValenceArousal{v, a};
}

QStringList moodPointWords()
{
    QStringList words;
    for (const Word &w : kWords)
        words << QString::fromLatin1(w.word);
    return words;
}

} // namespace spectag
