#pragma once

#include "metrics/scorematrix.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace spectag::metrics {

// Precision, recall and F1 of one class or label. When a ratio has a zero denominator it is 0
// (sklearn's zero_division=0), so a class never predicted has precision 0.
struct ClassScores {
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    qint64 support = 0;   // true positives + false negatives
    qint64 predicted = 0; // true positives + false positives
};

// A single-label (multi-class) head: one class per example.
// Macro averages run over ALL classes 0..C-1 (sklearn with labels=range(C)), so a class absent
// from both truth and predictions counts as 0 rather than being skipped. Micro P = R = F1 =
// accuracy for single-label data; they are kept for the table's symmetry.
struct SingleLabelMetrics {
    qsizetype count = 0;
    int classes = 0;
    double accuracy = 0.0;
    std::vector<std::vector<qint64>> confusion; // [true class][predicted class]
    std::vector<ClassScores> perClass;
    double macroPrecision = 0.0, macroRecall = 0.0, macroF1 = 0.0;
    double microPrecision = 0.0, microRecall = 0.0, microF1 = 0.0;
    double macroAuc = 0.0;          // one-vs-rest, mean over classes where defined; NaN if none
    std::vector<double> auc;        // one-vs-rest per class; NaN where the class is absent or everything
    double oneError = 0.0;          // = 1 - accuracy on argmax; kept to line up with multi-label tables

    // Flat keys (accuracy, macro_f1, ...) for summarize(); per-class arrays under "per_class".
    // Undefined values (NaN) are written as JSON null.
    QJsonObject toJson(const QStringList &classNames = {}) const;
};

// probs: N x C scores (any monotone score works; the prediction is the row's argmax, first on
// ties). truth: N class indices in [0, C).
SingleLabelMetrics computeSingleLabel(const ScoreMatrix &probs, const std::vector<int> &truth);
// From hard predictions (no AUC: those fields are NaN).
SingleLabelMetrics computeSingleLabel(const std::vector<int> &predicted, const std::vector<int> &truth, int classes);

// A multi-label head: each example has a 0/1 vector of L labels.
// Thresholded metrics use "score >= threshold[l]". Macro P/R/F1 average over all L labels
// (sklearn's multilabel-indicator behaviour); AUC/AP macro averages only over labels where the
// metric is defined (see ranking.h) and the skipped count is reported.
struct MultiLabelMetrics {
    qsizetype count = 0;
    int labels = 0;
    std::vector<ClassScores> perLabel;
    double macroPrecision = 0.0, macroRecall = 0.0, macroF1 = 0.0;
    double microPrecision = 0.0, microRecall = 0.0, microF1 = 0.0;
    double hammingLoss = 0.0;      // share of wrong (example, label) decisions
    double subsetAccuracy = 0.0;   // share of examples with every label right
    std::vector<double> auc, averagePrecision; // per label, NaN where undefined
    double macroAuc = 0.0, macroAp = 0.0;
    double microAuc = 0.0, microAp = 0.0;      // over all (example, label) pairs flattened
    int undefinedAucLabels = 0, undefinedApLabels = 0;
    double oneError = 0.0, coverage = 0.0, rankingLoss = 0.0;

    QJsonObject toJson(const QStringList &labelNames = {}) const;
};

// scores: N x L; truth: N x L holding 0/1 (anything non-zero is relevant); thresholds: L values
// or a single value for all labels (empty = 0.5).
MultiLabelMetrics computeMultiLabel(const ScoreMatrix &scores, const ScoreMatrix &truth,
                                    const std::vector<double> &thresholds = {});

// Writes NaN as null; QJsonValue cannot represent NaN.
QJsonValue jsonNumber(double v);

} // namespace spectag::metrics
