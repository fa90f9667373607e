#include "metrics/classification.h"

#include "metrics/ranking.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace spectag::metrics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den)
{
    return den > 0 ? num / den : 0.0;
}

ClassScores scoresFromCounts(qint64 tp, qint64 fp, qint64 fn)
{
    ClassScores s;
    s.support = tp + fn;
    s.predicted = tp + fp;
    s.precision = ratio(double(tp), double(tp + fp));
    s.recall = ratio(double(tp), double(tp + fn));
    // Same formula as sklearn 1.2 (from P and R) so results agree to the last bits.
    s.f1 = ratio(2.0 * s.precision * s.recall, s.precision + s.recall);
    return s;
}

// Mean over the finite values; NaN when there are none. `skipped` counts the NaNs.
double meanDefined(const std::vector<double> &v, int *skipped = nullptr)
{
    double sum = 0;
    int n = 0, bad = 0;
    for (double x : v) {
        if (std::isnan(x)) {
            ++bad;
            continue;
        }
        sum += x;
        ++n;
    }
    if (skipped)
        *skipped = bad;
    return n ? sum / n : kNaN;
}

void macroOf(const std::vector<ClassScores> &c, double &p, double &r, double &f)
{
    p = r = f = 0;
    if (c.empty())
        return;
    for (const ClassScores &s : c) {
        p += s.precision;
        r += s.recall;
        f += s.f1;
    }
    p /= double(c.size());
    r /= double(c.size());
    f /= double(c.size());
}

QJsonObject classJson(const ClassScores &s, const QString &name)
{
    QJsonObject o{{QStringLiteral("precision"), s.precision},
                  {QStringLiteral("recall"), s.recall},
                  {QStringLiteral("f1"), s.f1},
                  {QStringLiteral("support"), double(s.support)},
                  {QStringLiteral("predicted"), double(s.predicted)}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    return o;
}

} // namespace

QJsonValue jsonNumber(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

SingleLabelMetrics computeSingleLabel(const std::vector<int> &predicted, const std::vector<int> &truth, int classes)
{
    Q_ASSERT(predicted.size() == truth.size());
    SingleLabelMetrics m;
    m.count = qsizetype(truth.size());
    m.classes = classes;
    m.confusion.assign(size_t(classes), std::vector<qint64>(size_t(classes), 0));
    qint64 correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        Q_ASSERT(truth[i] >= 0 && truth[i] < classes && predicted[i] >= 0 && predicted[i] < classes);
        ++m.confusion[size_t(truth[i])][size_t(predicted[i])];
        correct += truth[i] == predicted[i] ? 1 : 0;
    }
    m.accuracy = ratio(double(correct), double(m.count));
    m.oneError = m.count ? 1.0 - m.accuracy : kNaN;
    for (int c = 0; c < classes; ++c) {
        qint64 tp = m.confusion[size_t(c)][size_t(c)], fp = 0, fn = 0;
        for (int o = 0; o < classes; ++o) {
            if (o == c)
                continue;
            fp += m.confusion[size_t(o)][size_t(c)];
            fn += m.confusion[size_t(c)][size_t(o)];
        }
        m.perClass.push_back(scoresFromCounts(tp, fp, fn));
    }
    macroOf(m.perClass, m.macroPrecision, m.macroRecall, m.macroF1);
    // Every wrong prediction is one false positive and one false negative.
    const ClassScores micro = scoresFromCounts(correct, qint64(m.count) - correct, qint64(m.count) - correct);
    m.microPrecision = micro.precision;
    m.microRecall = micro.recall;
    m.microF1 = micro.f1;
    m.auc.assign(size_t(classes), kNaN);
    m.macroAuc = kNaN;
    return m;
}

SingleLabelMetrics computeSingleLabel(const ScoreMatrix &probs, const std::vector<int> &truth)
{
    Q_ASSERT(probs.rows == qsizetype(truth.size()));
    std::vector<int> predicted(truth.size(), 0);
    for (qsizetype i = 0; i < probs.rows; ++i) {
        int best = 0;
        for (qsizetype c = 1; c < probs.cols; ++c)
            if (probs(i, c) > probs(i, best))
                best = int(c);
        predicted[size_t(i)] = best;
    }
    SingleLabelMetrics m = computeSingleLabel(predicted, truth, int(probs.cols));
    std::vector<double> column(truth.size());
    std::vector<int> isClass(truth.size());
    for (int c = 0; c < m.classes; ++c) {
        for (size_t i = 0; i < truth.size(); ++i) {
            column[i] = probs(qsizetype(i), c);
            isClass[i] = truth[i] == c ? 1 : 0;
        }
        m.auc[size_t(c)] = rocAuc(column, isClass);
    }
    m.macroAuc = meanDefined(m.auc);
    return m;
}

MultiLabelMetrics computeMultiLabel(const ScoreMatrix &scores, const ScoreMatrix &truth, const std::vector<double> &thresholds)
{
    Q_ASSERT(scores.rows == truth.rows && scores.cols == truth.cols);
    Q_ASSERT(thresholds.size() <= 1 || qsizetype(thresholds.size()) == scores.cols);
    MultiLabelMetrics m;
    m.count = scores.rows;
    m.labels = int(scores.cols);
    const auto thresholdOf = [&](qsizetype l) {
        if (thresholds.empty())
            return 0.5;
        return thresholds.size() == 1 ? thresholds.front() : thresholds[size_t(l)];
    };

    qint64 tpAll = 0, fpAll = 0, fnAll = 0, wrong = 0, exact = 0;
    std::vector<qint64> tp(size_t(m.labels)), fp(size_t(m.labels)), fn(size_t(m.labels));
    for (qsizetype i = 0; i < m.count; ++i) {
        bool allRight = true;
        for (qsizetype l = 0; l < m.labels; ++l) {
            const bool pred = scores(i, l) >= thresholdOf(l);
            const bool rel = truth(i, l) != 0;
            tp[size_t(l)] += pred && rel;
            fp[size_t(l)] += pred && !rel;
            fn[size_t(l)] += !pred && rel;
            if (pred != rel) {
                ++wrong;
                allRight = false;
            }
        }
        exact += allRight ? 1 : 0;
    }
    for (int l = 0; l < m.labels; ++l) {
        m.perLabel.push_back(scoresFromCounts(tp[size_t(l)], fp[size_t(l)], fn[size_t(l)]));
        tpAll += tp[size_t(l)];
        fpAll += fp[size_t(l)];
        fnAll += fn[size_t(l)];
    }
    macroOf(m.perLabel, m.macroPrecision, m.macroRecall, m.macroF1);
    const ClassScores micro = scoresFromCounts(tpAll, fpAll, fnAll);
    m.microPrecision = micro.precision;
    m.microRecall = micro.recall;
    m.microF1 = micro.f1;
    m.hammingLoss = ratio(double(wrong), double(m.count) * m.labels);
    m.subsetAccuracy = ratio(double(exact), double(m.count));

    std::vector<double> column(size_t(m.count)), flatScores;
    std::vector<int> rel(size_t(m.count)), flatTruth;
    flatScores.reserve(scores.values.size());
    flatTruth.reserve(scores.values.size());
    for (int l = 0; l < m.labels; ++l) {
        for (qsizetype i = 0; i < m.count; ++i) {
            column[size_t(i)] = scores(i, l);
            rel[size_t(i)] = truth(i, l) != 0 ? 1 : 0;
        }
        m.auc.push_back(rocAuc(column, rel));
        m.averagePrecision.push_back(averagePrecision(column, rel));
    }
    for (size_t k = 0; k < scores.values.size(); ++k) {
        flatScores.push_back(scores.values[k]);
        flatTruth.push_back(truth.values[k] != 0 ? 1 : 0);
    }
    m.macroAuc = meanDefined(m.auc, &m.undefinedAucLabels);
    m.macroAp = meanDefined(m.averagePrecision, &m.undefinedApLabels);
    m.microAuc = rocAuc(flatScores, flatTruth);
    m.microAp = averagePrecision(flatScores, flatTruth);
    m.oneError = metrics::oneError(scores, truth);
    m.coverage = coverageError(scores, truth);
    m.rankingLoss = metrics::rankingLoss(scores, truth);
    return m;
}

QJsonObject SingleLabelMetrics::toJson(const QStringList &classNames) const
{
    QJsonObject o{{QStringLiteral("count"), double(count)},
                  {QStringLiteral("accuracy"), jsonNumber(accuracy)},
                  {QStringLiteral("macro_precision"), jsonNumber(macroPrecision)},
                  {QStringLiteral("macro_recall"), jsonNumber(macroRecall)},
                  {QStringLiteral("macro_f1"), jsonNumber(macroF1)},
                  {QStringLiteral("micro_precision"), jsonNumber(microPrecision)},
                  {QStringLiteral("micro_recall"), jsonNumber(microRecall)},
                  {QStringLiteral("micro_f1"), jsonNumber(microF1)},
                  {QStringLiteral("macro_auc"), jsonNumber(macroAuc)},
                  {QStringLiteral("one_error"), jsonNumber(oneError)}};
    QJsonArray perClassJson, confusionJson;
    for (size_t c = 0; c < perClass.size(); ++c) {
        QJsonObject co = classJson(perClass[c], qsizetype(c) < classNames.size() ? classNames.at(qsizetype(c)) : QString());
        co.insert(QStringLiteral("auc"), jsonNumber(auc[c]));
        perClassJson.append(co);
    }
    for (const auto &row : confusion) {
        QJsonArray r;
        for (qint64 v : row)
            r.append(double(v));
        confusionJson.append(r);
    }
    o.insert(QStringLiteral("per_class"), perClassJson);
    o.insert(QStringLiteral("confusion"), confusionJson);
    return o;
}

QJsonObject MultiLabelMetrics::toJson(const QStringList &labelNames) const
{
    QJsonObject o{{QStringLiteral("count"), double(count)},
                  {QStringLiteral("macro_precision"), jsonNumber(macroPrecision)},
                  {QStringLiteral("macro_recall"), jsonNumber(macroRecall)},
                  {QStringLiteral("macro_f1"), jsonNumber(macroF1)},
                  {QStringLiteral("micro_precision"), jsonNumber(microPrecision)},
                  {QStringLiteral("micro_recall"), jsonNumber(microRecall)},
                  {QStringLiteral("micro_f1"), jsonNumber(microF1)},
                  {QStringLiteral("hamming_loss"), jsonNumber(hammingLoss)},
                  {QStringLiteral("subset_accuracy"), jsonNumber(subsetAccuracy)},
                  {QStringLiteral("macro_auc"), jsonNumber(macroAuc)},
                  {QStringLiteral("micro_auc"), jsonNumber(microAuc)},
                  {QStringLiteral("macro_ap"), jsonNumber(macroAp)},
                  {QStringLiteral("micro_ap"), jsonNumber(microAp)},
                  {QStringLiteral("undefined_auc_labels"), undefinedAucLabels},
                  {QStringLiteral("undefined_ap_labels"), undefinedApLabels},
                  {QStringLiteral("one_error"), jsonNumber(oneError)},
                  {QStringLiteral("coverage"), jsonNumber(coverage)},
                  {QStringLiteral("ranking_loss"), jsonNumber(rankingLoss)}};
    QJsonArray perLabelJson;
    for (size_t l = 0; l < perLabel.size(); ++l) {
        QJsonObject lo = classJson(perLabel[l], qsizetype(l) < labelNames.size() ? labelNames.at(qsizetype(l)) : QString());
        lo.insert(QStringLiteral("auc"), jsonNumber(auc[l]));
        lo.insert(QStringLiteral("ap"), jsonNumber(averagePrecision[l]));
        perLabelJson.append(lo);
    }
    o.insert(QStringLiteral("per_label"), perLabelJson);
    return o;
}

} // namespace spectag::metrics
