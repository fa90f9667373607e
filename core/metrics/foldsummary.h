#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace spectag::metrics {

// Mean and spread of one metric over cross-validation folds.
// std is the SAMPLE standard deviation (n - 1 in the denominator, Python's statistics.stdev,
// numpy's ddof=1): folds are a sample of possible splits. It is 0 for a single fold.
struct MetricStat {
    double mean = 0.0;
    double std = 0.0;
    double min = 0.0;
    double max = 0.0;
    int n = 0; // folds where the metric was defined (JSON null/missing values are skipped)
};

struct FoldSummary {
    int folds = 0;
    QMap<QString, MetricStat> stats; // by metric key, e.g. "macro_f1"

    QJsonObject toJson() const; // {"folds": n, "metrics": {key: {mean, std, min, max, n}}}
    static FoldSummary fromJson(const QJsonObject &o);

    // The table the emotion paper reports: one row per metric, "mean ± std" (or a single value
    // when there is one fold). `keys` picks and orders rows; empty = paperMetricKeys() that exist.
    QString toText(const QStringList &keys = {}, int decimals = 3) const;
};

// Aggregates top-level numeric members of per-fold metric objects (as written by
// SingleLabelMetrics/MultiLabelMetrics::toJson). Non-numeric members are ignored.
FoldSummary summarize(const QList<QJsonObject> &folds);

// Rows of the emotion paper's table, in its order.
QStringList paperMetricKeys();
QString metricDisplayName(const QString &key);

} // namespace spectag::metrics
