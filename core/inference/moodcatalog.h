#pragma once

#include "catalog/records.h"
#include "model/moodtrajectory.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace spectag {

class Catalog;

// The valence/arousal plane over the catalog: positions of stored predictions, per track and per
// segment, and mood-trajectory playlists made from them.

// The quadrant scores of a prediction: the head named "quadrant", else any head whose labels are
// Q1..Q4. nullopt when the model has no such head.
std::optional<std::pair<QStringList, std::vector<float>>> quadrantScores(const PredictionRecord &p);

// Where a track sits: the stored valence/arousal columns when both are set, else derived from its
// quadrant scores (rows stored before the columns were filled). nullopt without a quadrant head.
std::optional<ValenceArousal> predictionValenceArousal(const PredictionRecord &p);
// The quadrant head's top probability (how sure the model is of the mood), else p.confidence.
double quadrantConfidence(const PredictionRecord &p);

// One segment of the stored timeline placed in the plane.
struct SegmentMood {
    double start = 0, end = 0;  // seconds
    ValenceArousal position;
};
// Per-segment valence/arousal from the stored timeline (PredictionRecord::segmentScores), in
// time order. Empty with *error set when the timeline is unreadable or has no quadrant head.
std::vector<SegmentMood> segmentValenceArousal(const PredictionRecord &p, QString *error = nullptr);

// The present tracks the model placed in the plane (`skipped`: its predictions without a place,
// or of missing files).
std::vector<MoodCandidate> moodCandidates(const Catalog &catalog, qint64 modelId, int *skipped = nullptr);

// Picks `count` tracks of the active model's predictions along the path from `from` to `to` (see
// pickTrajectory) and saves them as a new playlist called `name`. Returns the playlist id, or 0
// with *error (no active model, no placed tracks, a bad name or count, a catalog error); `picked`
// receives the tracks in playlist order.
qint64 createTrajectoryPlaylist(Catalog &catalog, const QString &name, ValenceArousal from, ValenceArousal to,
                                int count, QString *error, std::vector<TrajectoryPick> *picked = nullptr);

// Saves picks (in their order) as a new playlist; 0 with *error when the catalog refuses, and then
// no playlist is left behind.
qint64 saveTrajectoryPlaylist(Catalog &catalog, const QString &name, const std::vector<TrajectoryPick> &picks,
                              QString *error);

} // namespace spectag
