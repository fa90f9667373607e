#include "training/trainingdata.h"

#include "metrics/classification.h"

#include <QJsonArray>

namespace spectag::trainingdata {

std::vector<FeatureSource> featureSources(const training::Dataset &ds)
{
    std::vector<FeatureSource> v;
    v.reserve(size_t(ds.items.size()));
    for (const training::DatasetItem &it : ds.items)
        v.push_back({it.path, it.start, it.isSegment() ? it.end : 0.0});
    return v;
}

std::vector<HeadSpec> modelHeads(const training::DatasetSpec &spec)
{
    std::vector<HeadSpec> heads;
    for (const training::HeadSpec &h : spec.heads) {
        HeadSpec m;
        m.name = h.name;
        m.kind = h.kind == training::HeadSpec::Kind::Multi ? HeadSpec::Kind::MultiLabel : HeadSpec::Kind::SingleLabel;
        m.labels = h.labels;
        heads.push_back(m);
    }
    return heads;
}

training::DatasetSpec datasetSpec(const ModelSpec &spec)
{
    training::DatasetSpec out;
    for (const HeadSpec &m : spec.heads) {
        training::HeadSpec h;
        h.name = m.name;
        h.kind = m.kind == HeadSpec::Kind::MultiLabel ? training::HeadSpec::Kind::Multi : training::HeadSpec::Kind::Single;
        h.labels = m.labels;
        out.heads.append(h);
    }
    return out;
}

std::vector<TrainingExample> examples(const training::Dataset &ds, const std::vector<int> &indices, bool soft)
{
    std::vector<int> idx = indices;
    if (idx.empty()) {
        idx.resize(size_t(ds.items.size()));
        std::iota(idx.begin(), idx.end(), 0);
    }
    std::vector<TrainingExample> out;
    out.reserve(idx.size());
    for (int i : idx) {
        const training::DatasetItem &it = ds.items[i];
        TrainingExample e;
        e.feature = i;
        for (size_t h = 0; h < it.targets.size(); ++h) {
            const training::HeadTarget &t = it.targets[h];
            const bool multi = ds.spec.heads[qsizetype(h)].kind == training::HeadSpec::Kind::Multi;
            e.classIndex.push_back(t.present && !multi ? t.classIndex : -1);
            e.scored.push_back(t.scored);
            if (t.present && multi)
                e.targets.push_back(soft && !t.soft.empty() ? t.soft : t.multiHot);
            else
                e.targets.emplace_back();
        }
        out.push_back(std::move(e));
    }
    return out;
}

QJsonObject evaluate(const ModelSpec &spec, const training::Dataset &ds, const std::vector<int> &indices,
                     const ExamplePredictions &preds)
{
    QJsonObject result;
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        const HeadSpec &head = spec.heads[h];
        const int dh = ds.spec.headIndex(head.name);
        if (dh < 0)
            continue;
        std::vector<std::vector<double>> scores, truthRows;
        std::vector<int> truth;
        for (size_t k = 0; k < indices.size(); ++k) {
            const training::HeadTarget &t = ds.items[indices[k]].targets[size_t(dh)];
            if (!t.present || !t.scored || k >= preds.probs.size() || preds.probs[k].empty())
                continue;
            const auto &p = preds.probs[k][h];
            scores.emplace_back(p.begin(), p.end());
            if (head.kind == HeadSpec::Kind::SingleLabel)
                truth.push_back(t.classIndex);
            else
                truthRows.emplace_back(t.multiHot.begin(), t.multiHot.end());
        }
        if (scores.empty())
            continue;
        const auto sm = metrics::ScoreMatrix::fromRows(scores);
        if (head.kind == HeadSpec::Kind::SingleLabel) {
            result.insert(head.name, metrics::computeSingleLabel(sm, truth).toJson(head.labels));
        } else {
            std::vector<double> thr;
            for (int l = 0; l < head.labels.size(); ++l)
                thr.push_back(head.threshold(l));
            result.insert(head.name, metrics::computeMultiLabel(sm, metrics::ScoreMatrix::fromRows(truthRows), thr)
                                         .toJson(head.labels));
        }
    }
    return result;
}

} // namespace spectag::trainingdata
