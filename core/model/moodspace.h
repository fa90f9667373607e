#pragma once

#include <QStringList>

#include <optional>
#include <vector>

namespace spectag {

// Russell's circumplex as the 4Q dataset labels it: Q1 happy/energetic (+valence, +arousal),
// Q2 angry/tense (-, +), Q3 sad (-, -), Q4 calm/relaxed (+, -).
struct ValenceArousal {
    double valence = 0;  // [-1, 1]
    double arousal = 0;  // [-1, 1]
};

// The expected position under the quadrant distribution, taking each quadrant's centre as
// (+-1, +-1): valence = p1 + p4 - p2 - p3, arousal = p1 + p2 - p3 - p4. A confident Q1 lands
// near (1, 1); an undecided model near the origin, which is what a listener would call neutral.
// nullopt when the labels are not Q1..Q4 (in any order) or the scores do not match them.
std::optional<ValenceArousal> valenceArousal(const QStringList &labels, const std::vector<float> &scores);

// The quadrant head's labels in 4Q's order: Q1, Q2, Q3, Q4.
QStringList quadrantLabels();

// Everyday words for the quadrants (the default tag vocabulary).
QString everydayMood(const QString &quadrant);

} // namespace spectag
