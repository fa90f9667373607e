#pragma once

#include "model/modelspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <vector>

namespace spectag {

// How segment scores become a track's scores.
enum class Aggregation {
    Mean,  // mean probability per label
    Vote,  // share of segments voting for a label (single: argmax; multi: above threshold)
    Max,   // highest probability any segment gave a label
};
QString aggregationName(Aggregation a);
Aggregation parseAggregation(const QString &name, bool *ok);
// The model's own way (declaresVote(): cerutti2021's slice vote; mean for the others): what the
// app and `analyze` use unless told otherwise.
Aggregation defaultAggregation(const ModelSpec &spec);

// One segment's scores (the GUI's timeline): per head, one probability per label.
struct SegmentScores {
    double start = 0;  // seconds
    double end = 0;
    std::vector<std::vector<float>> heads;
};

struct TrackResult {
    QString path;
    QByteArray fingerprint;      // audio payload hash (quick), the cache key with modelHash
    QString modelHash;
    double durationSeconds = 0;
    std::vector<std::vector<float>> heads;  // aggregated, per head, per label
    std::vector<float> embedding;           // mean of the segment embeddings
    std::vector<SegmentScores> segments;
    QString error;               // empty when ok
    bool fromCache = false;

    bool ok() const { return error.isEmpty(); }

    // Compact storage form (what a cache keeps: segments and embedding; heads are re-aggregated).
    QJsonObject toStorageJson() const;
    static TrackResult fromStorageJson(const QJsonObject &o, QString *error);
};

// Aggregates one head over segments.
std::vector<float> aggregateHead(const HeadSpec &head, const std::vector<SegmentScores> &segments, int headIndex,
                                 Aggregation how);
// Fills result.heads from result.segments.
void aggregate(const ModelSpec &spec, TrackResult &result, Aggregation how);

// The decision on a head's scores: single-label -> the winner (none when below min_share);
// multi-label -> every label at or above its threshold.
QStringList decideLabels(const HeadSpec &head, const std::vector<float> &scores);

// {"label": L, "scores": {...}} for single-label heads, {"labels": [...], "scores": {...}} for
// multi-label ones: the CLI's JSON and the catalog's view of a prediction.
QJsonObject headJson(const HeadSpec &head, const std::vector<float> &scores);
// {"path", "model", "<head>": ..., ["segments": [...]], ["error"]}
QJsonObject trackJson(const ModelSpec &spec, const TrackResult &r, bool timeline);

} // namespace spectag

Q_DECLARE_METATYPE(spectag::TrackResult)
