#include "inference/analysisresult.h"

#include "model/moodspace.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spectag {

namespace {

QJsonArray floats(const std::vector<float> &v)
{
    QJsonArray a;
    for (float f : v)
        a.append(double(f));
    return a;
}

std::vector<float> floatsFrom(const QJsonValue &v)
{
    std::vector<float> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(float(x.toDouble()));
    return out;
}

double rounded(float v)
{
    return std::round(double(v) * 1e4) / 1e4;  // 4 decimals: readable JSON, enough for ranking
}

} // namespace

QString aggregationName(Aggregation a)
{
    switch (a) {
    case Aggregation::Mean: return QStringLiteral("mean");
    case Aggregation::Vote: return QStringLiteral("vote");
    case Aggregation::Max: return QStringLiteral("max");
    }
    return {};
}

Aggregation parseAggregation(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("vote"))
        return Aggregation::Vote;
    if (name == QLatin1String("max"))
        return Aggregation::Max;
    *ok = name == QLatin1String("mean");
    return Aggregation::Mean;
}

Aggregation defaultAggregation(const ModelSpec &spec)
{
    return declaresVote(spec) ? Aggregation::Vote : Aggregation::Mean;
}

std::vector<float> aggregateHead(const HeadSpec &head, const std::vector<SegmentScores> &segments, int h, Aggregation how)
{
    const size_t n = size_t(head.labels.size());
    std::vector<float> out(n, 0.0f);
    size_t used = 0;
    for (const SegmentScores &s : segments) {
        if (size_t(h) >= s.heads.size() || s.heads[size_t(h)].size() != n)
            continue;
        const auto &p = s.heads[size_t(h)];
        ++used;
        switch (how) {
        case Aggregation::Mean:
            for (size_t i = 0; i < n; ++i)
                out[i] += p[i];
            break;
        case Aggregation::Max:
            for (size_t i = 0; i < n; ++i)
                out[i] = std::max(out[i], p[i]);
            break;
        case Aggregation::Vote:
            if (head.kind == HeadSpec::Kind::SingleLabel) {
                out[size_t(std::max_element(p.begin(), p.end()) - p.begin())] += 1.0f;
            } else {
                for (size_t i = 0; i < n; ++i)
                    if (p[i] >= head.threshold(int(i)))
                        out[i] += 1.0f;
            }
            break;
        }
    }
    if (used > 0 && how != Aggregation::Max)
        for (float &v : out)
            v /= float(used);
    return out;
}

void aggregate(const ModelSpec &spec, TrackResult &r, Aggregation how)
{
    r.heads.clear();
    for (size_t h = 0; h < spec.heads.size(); ++h)
        r.heads.push_back(aggregateHead(spec.heads[h], r.segments, int(h), how));
}

QStringList decideLabels(const HeadSpec &head, const std::vector<float> &scores)
{
    QStringList out;
    if (scores.size() != size_t(head.labels.size()) || scores.empty())
        return out;
    if (head.kind == HeadSpec::Kind::SingleLabel) {
        const size_t best = size_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
        if (scores[best] >= head.minShare)
            out << head.labels[qsizetype(best)];
        return out;
    }
    for (size_t i = 0; i < scores.size(); ++i)
        if (scores[i] >= head.threshold(int(i)))
            out << head.labels[qsizetype(i)];
    return out;
}

QJsonObject headJson(const HeadSpec &head, const std::vector<float> &scores)
{
    QJsonObject s;
    for (qsizetype i = 0; i < head.labels.size() && size_t(i) < scores.size(); ++i)
        s.insert(head.labels[i], rounded(scores[size_t(i)]));
    const QStringList labels = decideLabels(head, scores);
    if (head.kind == HeadSpec::Kind::SingleLabel) {
        QJsonObject o{{QStringLiteral("label"), labels.isEmpty() ? QJsonValue() : QJsonValue(labels.first())},
                      {QStringLiteral("scores"), s}};
        // A valence/arousal quadrant head also gives a position in the circumplex.
        if (const auto va = valenceArousal(head.labels, scores)) {
            o.insert(QStringLiteral("valence"), rounded(float(va->valence)));
            o.insert(QStringLiteral("arousal"), rounded(float(va->arousal)));
        }
        return o;
    }
    return {{QStringLiteral("labels"), QJsonArray::fromStringList(labels)}, {QStringLiteral("scores"), s}};
}

QJsonObject trackJson(const ModelSpec &spec, const TrackResult &r, bool timeline)
{
    QJsonObject o{{QStringLiteral("path"), r.path}, {QStringLiteral("model"), r.modelHash}};
    if (!r.ok()) {
        o.insert(QStringLiteral("error"), r.error);
        return o;
    }
    o.insert(QStringLiteral("duration"), std::round(r.durationSeconds * 1000) / 1000);
    for (size_t h = 0; h < spec.heads.size() && h < r.heads.size(); ++h)
        o.insert(spec.heads[h].name, headJson(spec.heads[h], r.heads[h]));
    if (timeline) {
        QJsonArray segs;
        for (const SegmentScores &s : r.segments) {
            QJsonObject so{{QStringLiteral("start"), std::round(s.start * 1000) / 1000},
                           {QStringLiteral("end"), std::round(s.end * 1000) / 1000}};
            for (size_t h = 0; h < spec.heads.size() && h < s.heads.size(); ++h)
                so.insert(spec.heads[h].name, headJson(spec.heads[h], s.heads[h]));
            segs.append(so);
        }
        o.insert(QStringLiteral("segments"), segs);
    }
    return o;
}

QJsonObject TrackResult::toStorageJson() const
{
    QJsonArray segs;
    for (const SegmentScores &s : segments) {
        QJsonArray hs;
        for (const auto &h : s.heads)
            hs.append(floats(h));
        segs.append(QJsonObject{{QStringLiteral("s"), s.start}, {QStringLiteral("e"), s.end}, {QStringLiteral("h"), hs}});
    }
    return {{QStringLiteral("duration"), durationSeconds},
            {QStringLiteral("embedding"), floats(embedding)},
            {QStringLiteral("segments"), segs}};
}

TrackResult TrackResult::fromStorageJson(const QJsonObject &o, QString *error)
{
    TrackResult r;
    r.durationSeconds = o.value(QLatin1String("duration")).toDouble();
    r.embedding = floatsFrom(o.value(QLatin1String("embedding")));
    for (const QJsonValue &v : o.value(QLatin1String("segments")).toArray()) {
        const QJsonObject so = v.toObject();
        SegmentScores s;
        s.start = so.value(QLatin1String("s")).toDouble();
        s.end = so.value(QLatin1String("e")).toDouble();
        for (const QJsonValue &h : so.value(QLatin1String("h")).toArray())
            s.heads.push_back(floatsFrom(h));
        r.segments.push_back(std::move(s));
    }
    if (error)
        *error = r.segments.empty() ? QStringLiteral("stored result has no segments") : QString();
    return r;
}

} // namespace spectag
