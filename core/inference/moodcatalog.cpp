#include "inference/moodcatalog.h"

#include "catalog/catalog.h"
#include "inference/catalogcache.h"
#include "model/moodspace.h"

#include <QSet>

#include <algorithm>

namespace spectag {

namespace {

bool isQuadrantSet(const QStringList &labels)
{
    const QStringList quadrants = quadrantLabels();
    return labels.size() == 4 && QSet<QString>(labels.begin(), labels.end()) == QSet<QString>(quadrants.begin(), quadrants.end());
}

} // namespace

std::optional<std::pair<QStringList, std::vector<float>>> quadrantScores(const PredictionRecord &p)
{
    auto fromHead = [](const QJsonObject &head) -> std::optional<std::pair<QStringList, std::vector<float>>> {
        const QStringList labels = head.keys();
        if (!isQuadrantSet(labels))
            return std::nullopt;
        std::vector<float> scores;
        for (const QString &label : labels)
            scores.push_back(float(head.value(label).toDouble()));
        return std::pair(labels, std::move(scores));
    };
    if (auto named = fromHead(p.scores.value(QLatin1String("quadrant")).toObject()))
        return named;
    for (auto it = p.scores.begin(); it != p.scores.end(); ++it)
        if (auto any = fromHead(it.value().toObject()))
            return any;
    return std::nullopt;
}

std::optional<ValenceArousal> predictionValenceArousal(const PredictionRecord &p)
{
    if (p.valence && p.arousal)
        return ValenceArousal{std::clamp(*p.valence, -1.0, 1.0), std::clamp(*p.arousal, -1.0, 1.0)};
    const auto q = quadrantScores(p);
    return q ? valenceArousal(q->first, q->second) : std::nullopt;
}

double quadrantConfidence(const PredictionRecord &p)
{
    const auto q = quadrantScores(p);
    if (!q || q->second.empty())
        return p.confidence;
    return double(*std::max_element(q->second.begin(), q->second.end()));
}

std::vector<SegmentMood> segmentValenceArousal(const PredictionRecord &p, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::vector<SegmentMood>();
    };
    SegmentTable table;
    if (!decodeSegmentTable(p.segmentScores, &table))
        return fail(QStringLiteral("the prediction of track %1 has no readable timeline").arg(p.trackId));
    size_t head = table.heads.size();
    for (size_t h = 0; h < table.heads.size(); ++h) {
        if (!isQuadrantSet(table.heads[h].labels))
            continue;
        if (head == table.heads.size() || table.heads[h].name == QLatin1String("quadrant"))
            head = h;
    }
    if (head == table.heads.size())
        return fail(QStringLiteral("the timeline of track %1 has no valence/arousal quadrant head").arg(p.trackId));
    std::vector<SegmentMood> out;
    out.reserve(table.segments.size());
    for (const SegmentScores &s : table.segments) {
        const auto va = head < s.heads.size() ? valenceArousal(table.heads[head].labels, s.heads[head]) : std::nullopt;
        if (!va)
            return fail(QStringLiteral("the timeline of track %1 has a segment without quadrant scores").arg(p.trackId));
        out.push_back({s.start, s.end, *va});
    }
    std::stable_sort(out.begin(), out.end(), [](const SegmentMood &a, const SegmentMood &b) { return a.start < b.start; });
    if (error)
        error->clear();
    return out;
}

std::vector<MoodCandidate> moodCandidates(const Catalog &catalog, qint64 modelId, int *skipped)
{
    QSet<qint64> present;
    const QList<TrackRecord> tracks = catalog.tracks();
    for (const TrackRecord &t : tracks)
        if (t.state == TrackState::Present)
            present.insert(t.id);
    std::vector<MoodCandidate> out;
    int left = 0;
    for (const PredictionRecord &p : catalog.predictions(modelId)) {
        const auto va = present.contains(p.trackId) ? predictionValenceArousal(p) : std::nullopt;
        if (!va) {
            ++left;
            continue;
        }
        out.push_back({p.trackId, *va, quadrantConfidence(p)});
    }
    if (skipped)
        *skipped = left;
    return out;
}

qint64 createTrajectoryPlaylist(Catalog &catalog, const QString &name, ValenceArousal from, ValenceArousal to,
                                int count, QString *error, std::vector<TrajectoryPick> *picked)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return qint64(0);
    };
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("the playlist needs a name"));
    if (count < 1)
        return fail(QStringLiteral("the playlist needs at least one track (count %1)").arg(count));
    const auto model = catalog.activeModel();
    if (!model)
        return fail(QStringLiteral("the catalog has no active model: analyse some tracks first"));
    const std::vector<MoodCandidate> candidates = moodCandidates(catalog, model->id);
    if (candidates.empty())
        return fail(QStringLiteral("no track analysed by %1 has a valence/arousal place (the model needs a quadrant head)")
                        .arg(model->name));
    const std::vector<TrajectoryPick> picks = pickTrajectory(candidates, from, to, count);
    const qint64 id = saveTrajectoryPlaylist(catalog, name, picks, error);
    if (id && picked)
        *picked = picks;
    return id;
}

qint64 saveTrajectoryPlaylist(Catalog &catalog, const QString &name, const std::vector<TrajectoryPick> &picks,
                              QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return qint64(0);
    };
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("the playlist needs a name"));
    if (picks.empty())
        return fail(QStringLiteral("no track to put in the playlist"));
    QList<qint64> ids;
    for (const TrajectoryPick &p : picks)
        ids.append(p.trackId);
    const qint64 id = catalog.createPlaylist(name.trimmed());
    if (id <= 0)
        return fail(catalog.lastError());
    if (!catalog.setPlaylistTracks(id, ids)) {
        const QString why = catalog.lastError();
        catalog.removePlaylist(id);  // no half-made playlist left behind
        return fail(why);
    }
    if (error)
        error->clear();
    return id;
}

} // namespace spectag
