#pragma once

#include "model/moodspace.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace spectag {

// Mood-trajectory playlists: a walk through the valence/arousal plane from one mood to another,
// e.g. from calm to energetic over twenty tracks. Pure geometry, no catalog: the caller brings the
// library's positions (see inference/moodcatalog.h).

// A track's place in the mood plane.
struct MoodCandidate {
    qint64 trackId = 0;
    ValenceArousal position;
    double confidence = 0;  // how sure the model is; the nearer-than-equal tie breaker
};

// One chosen track: its place along the path and the target point it was chosen for.
struct TrajectoryPick {
    qint64 trackId = 0;
    double along = 0;     // projection onto the path: 0 at the start, 1 at the end
    int target = 0;       // index of the evenly spaced point it fills
    double distance = 0;  // to that point
};

// `count` points evenly spaced along the straight path, both ends included (one point: the
// middle). Empty for count < 1.
std::vector<ValenceArousal> trajectoryTargets(ValenceArousal from, ValenceArousal to, int count);

// Picks a track for each target point, each track at most once, and orders them along the path.
// The assignment is greedy over all (point, track) pairs, nearest first, so no point takes a
// track that another sits much closer to merely because it came first; equally near tracks go to
// the more confident. Fewer candidates than points gives every candidate. The result is sorted by
// `along` (then target), so it never steps backwards along the path.
std::vector<TrajectoryPick> pickTrajectory(const std::vector<MoodCandidate> &candidates, ValenceArousal from,
                                           ValenceArousal to, int count);

// The centre of a quadrant's square of the plane, (+-0.5, +-0.5): where a track the model puts
// clearly, but not absolutely, in that quadrant lands. quadrant is 1..4.
ValenceArousal quadrantCentre(int quadrant);

// A start or end mood as a user writes it: an everyday word (happy/energetic/excited,
// angry/tense, sad/gloomy, calm/relaxed/peaceful, neutral), a quadrant name (Q1..Q4), or
// "VALENCE,AROUSAL" with both in [-1, 1]. Case-insensitive; nullopt when not understood.
std::optional<ValenceArousal> parseMoodPoint(const QString &text);
// The words parseMoodPoint() knows, for help texts.
QStringList moodPointWords();

} // namespace spectag
