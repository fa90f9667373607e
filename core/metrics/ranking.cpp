#include "metrics/ranking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace spectag::metrics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Indices sorted by descending score; stable so equal scores keep their input order.
std::vector<size_t> descendingOrder(const std::vector<double> &scores)
{
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    return order;
}

} // namespace

double rocAuc(const std::vector<double> &scores, const std::vector<int> &truth)
{
    Q_ASSERT(scores.size() == truth.size());
    const std::vector<size_t> order = descendingOrder(scores);
    // Walk tie blocks from the highest score down. A positive is ranked above every negative
    // of a lower block, and gets half credit for the negatives tied with it.
    double pos = 0, neg = 0, credit = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        double blockPos = 0, blockNeg = 0;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) {
            (truth[order[j]] ? blockPos : blockNeg) += 1;
            ++j;
        }
        // negatives above this block outrank its positives: no credit for those pairs.
        credit += blockNeg * pos + 0.5 * blockPos * blockNeg;
        pos += blockPos;
        neg += blockNeg;
        i = j;
    }
    if (pos == 0 || neg == 0)
        return kNaN;
    // credit counted (positive above, negative below) pairs from the negative's side.
    return credit / (pos * neg);
}

double averagePrecision(const std::vector<double> &scores, const std::vector<int> &truth)
{
    Q_ASSERT(scores.size() == truth.size());
    const double totalPos = double(std::count_if(truth.begin(), truth.end(), [](int t) { return t != 0; }));
    if (totalPos == 0)
        return kNaN;
    const std::vector<size_t> order = descendingOrder(scores);
    double tp = 0, seen = 0, prevRecall = 0, ap = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) {
            tp += truth[order[j]] ? 1 : 0;
            seen += 1;
            ++j;
        }
        const double recall = tp / totalPos;
        ap += (recall - prevRecall) * (tp / seen);
        prevRecall = recall;
        i = j;
    }
    return ap;
}

double oneError(const ScoreMatrix &scores, const ScoreMatrix &truth)
{
    Q_ASSERT(scores.rows == truth.rows && scores.cols == truth.cols);
    if (scores.rows == 0 || scores.cols == 0)
        return kNaN;
    qsizetype errors = 0;
    for (qsizetype i = 0; i < scores.rows; ++i) {
        qsizetype best = 0;
        for (qsizetype j = 1; j < scores.cols; ++j)
            if (scores(i, j) > scores(i, best))
                best = j;
        if (truth(i, best) == 0)
            ++errors;
    }
    return double(errors) / double(scores.rows);
}

double coverageError(const ScoreMatrix &scores, const ScoreMatrix &truth)
{
    Q_ASSERT(scores.rows == truth.rows && scores.cols == truth.cols);
    if (scores.rows == 0)
        return kNaN;
    double total = 0;
    for (qsizetype i = 0; i < scores.rows; ++i) {
        double lowestRelevant = std::numeric_limits<double>::infinity();
        bool any = false;
        for (qsizetype j = 0; j < scores.cols; ++j)
            if (truth(i, j) != 0) {
                lowestRelevant = std::min(lowestRelevant, scores(i, j));
                any = true;
            }
        if (!any)
            continue;
        for (qsizetype j = 0; j < scores.cols; ++j)
            if (scores(i, j) >= lowestRelevant)
                total += 1;
    }
    return total / double(scores.rows);
}

double rankingLoss(const ScoreMatrix &scores, const ScoreMatrix &truth)
{
    Q_ASSERT(scores.rows == truth.rows && scores.cols == truth.cols);
    if (scores.rows == 0)
        return kNaN;
    double total = 0;
    for (qsizetype i = 0; i < scores.rows; ++i) {
        double relevant = 0, misordered = 0;
        for (qsizetype j = 0; j < scores.cols; ++j)
            relevant += truth(i, j) != 0 ? 1 : 0;
        const double irrelevant = double(scores.cols) - relevant;
        if (relevant == 0 || irrelevant == 0)
            continue;
        for (qsizetype r = 0; r < scores.cols; ++r) {
            if (truth(i, r) == 0)
                continue;
            for (qsizetype n = 0; n < scores.cols; ++n)
                if (truth(i, n) == 0 && scores(i, n) >= scores(i, r))
                    misordered += 1;
        }
        total += misordered / (relevant * irrelevant);
    }
    return total / double(scores.rows);
}

} // namespace spectag::metrics
