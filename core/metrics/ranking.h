#pragma once

#include "metrics/scorematrix.h"

#include <vector>

namespace spectag::metrics {

// Threshold-free metrics of one label's scores against 0/1 truth. Both return NaN when the
// metric is undefined for the data (see below); callers average over the defined labels only.

// Area under the ROC curve. Tied scores get half credit, which is exactly what sklearn's
// roc_auc_score gives (its trapezoidal ROC curve steps diagonally through a tie).
// Undefined (NaN) when truth holds only one class: sklearn raises an error there.
double rocAuc(const std::vector<double> &scores, const std::vector<int> &truth);

// sklearn's average_precision_score: sum over distinct thresholds (descending) of
// (R_n - R_{n-1}) * P_n, no interpolation; all examples tied at a threshold enter together.
// Undefined (NaN) when truth has no positive: sklearn 1.2 returns 0 with a warning instead,
// which would drag a macro average down for a label nobody has.
double averagePrecision(const std::vector<double> &scores, const std::vector<int> &truth);

// Example-based ranking metrics of a multi-label scorer (truth is N x L of 0/1).
// oneError: share of examples whose top-scored label (first one on ties) is not relevant; an
//   example with no relevant label counts as an error.
// coverage: sklearn's coverage_error, i.e. how far down the ranking one must go (1-based,
//   ties counted pessimistically) to cover every relevant label; 0 for an example with none.
//   Zhang & Zhou's "coverage" is this minus one.
// rankingLoss: sklearn's label_ranking_loss: the share of (relevant, irrelevant) pairs whose
//   irrelevant label scores >= the relevant one (ties count as misordered); examples with no
//   or only relevant labels contribute 0.
double oneError(const ScoreMatrix &scores, const ScoreMatrix &truth);
double coverageError(const ScoreMatrix &scores, const ScoreMatrix &truth);
double rankingLoss(const ScoreMatrix &scores, const ScoreMatrix &truth);

} // namespace spectag::metrics
