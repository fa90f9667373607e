#include "librarystats.h"

#include "catalog/catalog.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace spectag::ui {

namespace {

struct HeadInfo {
    QString name;
    QStringList labels;
    std::optional<HeadSpec> spec;  // when the loaded network describes it
    bool multiLabel = false;
};

bool wholeTrack(const Annotation &a)
{
    return !a.segmentStart && !a.segmentEnd;
}

// The head's top label in `labels` order (the first of equal scores), or empty without scores.
std::pair<QString, double> topLabel(const QJsonObject &scores, const QStringList &labels)
{
    QString best;
    double bestScore = -1;
    for (const QString &label : labels) {
        const QJsonValue v = scores.value(label);
        if (v.isDouble() && v.toDouble() > bestScore) {
            best = label;
            bestScore = v.toDouble();
        }
    }
    return {best, bestScore};
}

// A softmax head's scores sum to one; independent sigmoids practically never all do.
bool looksSingleLabel(const QString &head, const QList<PredictionRecord> &predictions)
{
    bool any = false;
    for (const PredictionRecord &p : predictions) {
        const QJsonObject scores = p.scores.value(head).toObject();
        if (scores.isEmpty())
            continue;
        double sum = 0;
        for (auto it = scores.begin(); it != scores.end(); ++it)
            sum += it.value().toDouble();
        if (std::abs(sum - 1.0) > 0.01)
            return false;
        any = true;
    }
    return any;
}

} // namespace

const HeadCounts *LibraryStats::head(const QString &name) const
{
    for (const HeadCounts &h : heads)
        if (h.head == name)
            return &h;
    return nullptr;
}

const LabelAgreement *LibraryStats::agreementOf(const QString &headName, const QString &label) const
{
    for (const LabelAgreement &a : agreement)
        if (a.head == headName && a.label == label)
            return &a;
    return nullptr;
}

LibraryStats computeLibraryStats(const ModelRecord &model, const QList<PredictionRecord> &predictions,
                                 const QList<Annotation> &human, const std::vector<HeadSpec> &specs)
{
    LibraryStats stats;
    stats.modelId = model.id;
    stats.modelName = model.name;
    stats.analysedTracks = int(predictions.size());

    // Heads: the network's order when it is known, else the catalog's label sets, then any head a
    // stored row or a person used that neither mentions.
    std::vector<HeadInfo> heads;
    QHash<QString, size_t> headIndex;
    auto addHead = [&](const QString &name) -> HeadInfo & {
        if (!headIndex.contains(name)) {
            headIndex.insert(name, heads.size());
            heads.push_back({name, {}, std::nullopt, false});
        }
        return heads[headIndex.value(name)];
    };
    auto addLabel = [](HeadInfo &h, const QString &label) {
        if (!label.isEmpty() && !h.labels.contains(label))
            h.labels.append(label);
    };
    for (const HeadSpec &s : specs) {
        if (!model.labelSets.isEmpty() && !model.labelSets.contains(s.name))
            continue;  // another network's head
        HeadInfo &h = addHead(s.name);
        h.spec = s;
        h.labels = s.labels;
    }
    for (auto it = model.labelSets.begin(); it != model.labelSets.end(); ++it) {
        HeadInfo &h = addHead(it.key());
        for (const QJsonValue &v : it.value().toArray())
            addLabel(h, v.toString());
    }
    for (const PredictionRecord &p : predictions) {
        for (auto it = p.scores.begin(); it != p.scores.end(); ++it) {
            HeadInfo &h = addHead(it.key());
            const QJsonObject labels = it.value().toObject();
            for (auto l = labels.begin(); l != labels.end(); ++l)
                addLabel(h, l.key());
        }
    }
    const size_t modelHeads = heads.size();
    for (const Annotation &a : human)
        if (wholeTrack(a) && a.source == Annotation::Source::Human)
            addLabel(addHead(a.head), a.label);
    for (size_t i = 0; i < heads.size(); ++i) {
        HeadInfo &h = heads[i];
        h.multiLabel = h.spec ? h.spec->kind == HeadSpec::Kind::MultiLabel
                              : i < modelHeads && !looksSingleLabel(h.name, predictions);
    }

    // Distributions.
    std::vector<QHash<QString, int>> predicted(heads.size()), marked(heads.size());
    for (const PredictionRecord &p : predictions) {
        for (size_t i = 0; i < modelHeads; ++i) {
            const QString top = topLabel(p.scores.value(heads[i].name).toObject(), heads[i].labels).first;
            if (!top.isEmpty())
                ++predicted[i][top];
        }
    }
    QSet<qint64> annotated;
    for (const Annotation &a : human) {
        if (!wholeTrack(a) || a.source != Annotation::Source::Human)
            continue;
        annotated.insert(a.trackId);
        if (a.value >= 0.5)
            ++marked[headIndex.value(a.head)][a.label];
    }
    stats.annotatedTracks = int(annotated.size());
    for (size_t i = 0; i < heads.size(); ++i) {
        HeadCounts counts{heads[i].name, heads[i].multiLabel, {}};
        for (const QString &label : heads[i].labels)
            counts.labels.append({label, predicted[i].value(label), marked[i].value(label)});
        stats.heads.append(counts);
    }

    // Agreement: the model's decision against each whole-track human verdict.
    QHash<qint64, const PredictionRecord *> byTrack;
    for (const PredictionRecord &p : predictions)
        byTrack.insert(p.trackId, &p);
    std::vector<QHash<QString, std::pair<int, int>>> tally(heads.size());  // label -> (n, agreed)
    for (const Annotation &a : human) {
        if (!wholeTrack(a) || a.source != Annotation::Source::Human)
            continue;
        const PredictionRecord *p = byTrack.value(a.trackId);
        const size_t i = headIndex.value(a.head);
        const QJsonObject scores = p ? p->scores.value(a.head).toObject() : QJsonObject();
        if (scores.isEmpty())
            continue;  // not analysed, or the model has no such head
        const HeadInfo &h = heads[i];
        bool decision = false;
        if (h.multiLabel) {
            // In float, as the network produced the scores and as tag suggestions compare them: in
            // double, a score of 0.6 would fail a threshold of 0.6f (0.6000000238...).
            const float threshold = h.spec ? h.spec->threshold(int(h.spec->labels.indexOf(a.label))) : 0.5f;
            decision = float(scores.value(a.label).toDouble()) >= threshold;
        } else {
            const auto [top, score] = topLabel(scores, h.labels);
            decision = top == a.label && (!h.spec || float(score) >= float(h.spec->minShare));
        }
        auto &t = tally[i][a.label];
        ++t.first;
        if (decision == (a.value >= 0.5))
            ++t.second;
    }
    for (size_t i = 0; i < heads.size(); ++i) {
        for (const QString &label : heads[i].labels) {
            const auto t = tally[i].value(label);
            if (t.first > 0)
                stats.agreement.append({heads[i].name, label, t.first, t.second});
        }
    }
    return stats;
}

LibraryStats loadLibraryStats(const Catalog &catalog, const std::vector<HeadSpec> &specs)
{
    const auto model = catalog.activeModel();
    const QList<Annotation> human = catalog.effectiveAnnotations(Annotation::Source::Human);
    if (!model)
        return computeLibraryStats(ModelRecord{}, {}, human, {});
    return computeLibraryStats(*model, catalog.predictions(model->id), human, specs);
}

} // namespace spectag::ui
