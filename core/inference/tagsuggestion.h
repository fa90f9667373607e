#pragma once

#include "model/modelspec.h"
#include "tags/tagfields.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

#include <vector>

namespace spectag {

// Which words a predicted mood is written as. Listeners think in a few everyday moods, so the
// default is the valence/arousal quadrant's word (happy, angry, sad, relaxed — editable); the
// nine GEMS emotions are the optional finer vocabulary.
enum class MoodVocabulary { Everyday, Gems, Both };

struct TagSuggestionOptions {
    double minConfidence = 0.5;  // a label below this probability is not written
    MoodVocabulary vocabulary = MoodVocabulary::Everyday;
    QHash<QString, QString> everydayWords;  // quadrant -> word; empty: happy/angry/sad/relaxed
    bool scores = true;                     // also the namespaced score fields
};

// What a track's predictions would write, per field; an empty list means "leave the field as it
// is" (nothing was confident enough), never "remove it".
struct TagSuggestion {
    QStringList genre;
    QStringList mood;
    QList<QPair<QString, double>> genreScores;
    QList<QPair<QString, double>> moodScores;
};

// heads: the track's aggregated scores, one vector per spec head. Heads used: "genre"
// (single-label), "quadrant" (Q1..Q4, everyday words) and "mood" (multi-label GEMS, each label
// above both its tuned threshold and minConfidence, most probable first). Without a quadrant
// head the everyday vocabulary falls back to the mood head's labels.
TagSuggestion suggestTags(const ModelSpec &spec, const std::vector<std::vector<float>> &heads,
                          const TagSuggestionOptions &options);

// The tag write a suggestion asks for (CLI `tag --predicted` and the GUI's Write Tags… alike):
// only the fields that have values, scores in the namespaced score fields.
TagValueMap toTagValues(const TagSuggestion &suggestion);

MoodVocabulary parseMoodVocabulary(const QString &name, bool *ok);

} // namespace spectag
