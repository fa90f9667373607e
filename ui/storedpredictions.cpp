#include "storedpredictions.h"

#include "catalog/reviewqueuemodel.h"
#include "inference/catalogcache.h"

#include <QJsonObject>

#include <algorithm>

namespace spectag::ui {

QList<HeadPrediction> headPredictions(const PredictionRecord &prediction, const ModelSpec *spec)
{
    QList<HeadPrediction> heads;
    if (spec) {
        for (const HeadSpec &h : spec->heads) {
            const QJsonObject scores = prediction.scores.value(h.name).toObject();
            if (scores.isEmpty())
                continue;
            HeadPrediction hp;
            hp.head = h.name;
            hp.singleLabel = h.kind == HeadSpec::Kind::SingleLabel;
            for (qsizetype i = 0; i < h.labels.size(); ++i) {
                hp.labels.append(h.labels[i]);
                hp.probabilities.append(scores.value(h.labels[i]).toDouble());
            }
            // A single-label head picks its top label (when it reaches min_share): the tick every
            // bar is measured against is then the winner's own score, so only the winner is lit.
            const double top = hp.probabilities.isEmpty() ? 0 : *std::max_element(hp.probabilities.begin(), hp.probabilities.end());
            for (qsizetype i = 0; i < h.labels.size(); ++i)
                hp.thresholds.append(h.kind == HeadSpec::Kind::MultiLabel ? double(h.threshold(int(i))) : std::max(h.minShare, top));
            heads.append(hp);
        }
        if (!heads.isEmpty())
            return heads;  // else the row is another model's: fall back to what it says itself
    }
    for (auto it = prediction.scores.begin(); it != prediction.scores.end(); ++it) {
        HeadPrediction h;
        h.head = it.key();
        const QJsonObject labels = it.value().toObject();
        for (auto l = labels.begin(); l != labels.end(); ++l) {
            h.labels.append(l.key());
            h.probabilities.append(l.value().toDouble());
        }
        h.singleLabel = ReviewQueueModel::looksSingleLabel(labels);
        heads.append(h);
    }
    return heads;
}

std::vector<std::vector<float>> headScores(const PredictionRecord &prediction, const ModelSpec &spec)
{
    std::vector<std::vector<float>> heads;
    for (const HeadSpec &h : spec.heads) {
        const QJsonObject scores = prediction.scores.value(h.name).toObject();
        std::vector<float> v;
        if (!scores.isEmpty()) {
            for (const QString &label : h.labels)
                v.push_back(float(scores.value(label).toDouble()));
        }
        heads.push_back(std::move(v));
    }
    return heads;
}

QList<SegmentPrediction> segmentPredictions(const PredictionRecord &prediction)
{
    QList<SegmentPrediction> out;
    SegmentTable table;
    if (!decodeSegmentTable(prediction.segmentScores, &table))
        return out;
    for (const SegmentScores &s : table.segments) {
        for (size_t h = 0; h < table.heads.size() && h < s.heads.size(); ++h) {
            const std::vector<float> &p = s.heads[h];
            if (p.empty())
                continue;
            const size_t best = size_t(std::max_element(p.begin(), p.end()) - p.begin());
            out.append({s.start, s.end, table.heads[h].name, table.heads[h].labels.value(qsizetype(best)), double(p[best])});
        }
    }
    return out;
}

} // namespace spectag::ui
