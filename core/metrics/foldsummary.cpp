#include "metrics/foldsummary.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <vector>

namespace spectag::metrics {

FoldSummary summarize(const QList<QJsonObject> &folds)
{
    FoldSummary s;
    s.folds = int(folds.size());
    QMap<QString, std::vector<double>> values;
    for (const QJsonObject &fold : folds)
        for (auto it = fold.constBegin(); it != fold.constEnd(); ++it)
            if (it.value().isDouble() && std::isfinite(it.value().toDouble()))
                values[it.key()].push_back(it.value().toDouble());
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const std::vector<double> &v = it.value();
        MetricStat m;
        m.n = int(v.size());
        double sum = 0;
        for (double x : v)
            sum += x;
        m.mean = sum / m.n;
        // Two-pass variance: sums of squares lose digits when the spread is small next to the mean.
        double sq = 0;
        for (double x : v)
            sq += (x - m.mean) * (x - m.mean);
        m.std = m.n > 1 ? std::sqrt(sq / (m.n - 1)) : 0.0;
        m.min = *std::min_element(v.begin(), v.end());
        m.max = *std::max_element(v.begin(), v.end());
        s.stats.insert(it.key(), m);
    }
    return s;
}

QJsonObject FoldSummary::toJson() const
{
    QJsonObject metricsJson;
    for (auto it = stats.constBegin(); it != stats.constEnd(); ++it)
        metricsJson.insert(it.key(), QJsonObject{{QStringLiteral("mean"), it->mean},
                                                 {QStringLiteral("std"), it->std},
                                                 {QStringLiteral("min"), it->min},
                                                 {QStringLiteral("max"), it->max},
                                                 {QStringLiteral("n"), it->n}});
    return QJsonObject{{QStringLiteral("folds"), folds},
                       {QStringLiteral("std_kind"), QStringLiteral("sample")},
                       {QStringLiteral("metrics"), metricsJson}};
}

FoldSummary FoldSummary::fromJson(const QJsonObject &o)
{
    FoldSummary s;
    s.folds = o.value(QStringLiteral("folds")).toInt();
    const QJsonObject metricsJson = o.value(QStringLiteral("metrics")).toObject();
    for (auto it = metricsJson.constBegin(); it != metricsJson.constEnd(); ++it) {
        const QJsonObject m = it.value().toObject();
        s.stats.insert(it.key(), MetricStat{m.value(QStringLiteral("mean")).toDouble(),
                                            m.value(QStringLiteral("std")).toDouble(),
                                            m.value(QStringLiteral("min")).toDouble(),
                                            m.value(QStringLiteral("max")).toDouble(),
                                            m.value(QStringLiteral("n")).toInt()});
    }
    return s;
}

QStringList paperMetricKeys()
{
    return {QStringLiteral("accuracy"),        QStringLiteral("macro_precision"), QStringLiteral("macro_recall"),
            QStringLiteral("macro_f1"),        QStringLiteral("micro_precision"), QStringLiteral("micro_recall"),
            QStringLiteral("micro_f1"),        QStringLiteral("hamming_loss"),    QStringLiteral("macro_auc"),
            QStringLiteral("macro_ap"),        QStringLiteral("one_error")};
}

QString metricDisplayName(const QString &key)
{
    static const QMap<QString, QString> names{
        {QStringLiteral("accuracy"), QStringLiteral("Accuracy")},
        {QStringLiteral("macro_precision"), QStringLiteral("Macro precision")},
        {QStringLiteral("macro_recall"), QStringLiteral("Macro recall")},
        {QStringLiteral("macro_f1"), QStringLiteral("Macro F1")},
        {QStringLiteral("micro_precision"), QStringLiteral("Micro precision")},
        {QStringLiteral("micro_recall"), QStringLiteral("Micro recall")},
        {QStringLiteral("micro_f1"), QStringLiteral("Micro F1")},
        {QStringLiteral("hamming_loss"), QStringLiteral("Hamming loss")},
        {QStringLiteral("subset_accuracy"), QStringLiteral("Subset accuracy")},
        {QStringLiteral("macro_auc"), QStringLiteral("AUC (macro)")},
        {QStringLiteral("micro_auc"), QStringLiteral("AUC (micro)")},
        {QStringLiteral("macro_ap"), QStringLiteral("Average precision (macro)")},
        {QStringLiteral("micro_ap"), QStringLiteral("Average precision (micro)")},
        {QStringLiteral("one_error"), QStringLiteral("One-error")},
        {QStringLiteral("coverage"), QStringLiteral("Coverage")},
        {QStringLiteral("ranking_loss"), QStringLiteral("Ranking loss")}};
    return names.value(key, key);
}

QString FoldSummary::toText(const QStringList &keys, int decimals) const
{
    QStringList rows = keys;
    if (rows.isEmpty())
        for (const QString &k : paperMetricKeys())
            if (stats.contains(k))
                rows << k;
    qsizetype nameWidth = 6;
    for (const QString &k : std::as_const(rows))
        nameWidth = std::max(nameWidth, metricDisplayName(k).size());
    const QString header = folds > 1 ? QStringLiteral("Mean ± std (%1 folds)").arg(folds) : QStringLiteral("Value");
    QString out = QStringLiteral("Metric").leftJustified(nameWidth + 2) + header + QLatin1Char('\n');
    out += QString(nameWidth + 2 + header.size(), QLatin1Char('-')) + QLatin1Char('\n');
    for (const QString &k : std::as_const(rows)) {
        QString value = QStringLiteral("n/a");
        if (const auto it = stats.constFind(k); it != stats.constEnd()) {
            value = QString::number(it->mean, 'f', decimals);
            if (it->n > 1)
                value += QStringLiteral(" ± ") + QString::number(it->std, 'f', decimals);
        }
        out += metricDisplayName(k).leftJustified(nameWidth + 2) + value + QLatin1Char('\n');
    }
    return out;
}

} // namespace spectag::metrics
