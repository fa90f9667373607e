#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace spectag {

// The tag fields Spectag owns. Every other field of a file is left exactly as it is.
enum class TagField {
    Mood,         // list of plain words (TMOO / TXXX:MOOD / MOOD / ----:MOOD / Mood)
    Genre,        // list of plain words (TCON / GENRE / ©gen / Genre)
    MoodScores,   // one text "label=0.830;label=0.120" in a namespaced field
    GenreScores,  // same, for genres
};

inline constexpr TagField kAllTagFields[] = {TagField::Mood, TagField::Genre, TagField::MoodScores,
                                             TagField::GenreScores};

// "mood", "genre", "mood_scores", "genre_scores": the names used by the CLI and the journal.
QString tagFieldName(TagField field);
std::optional<TagField> tagFieldFromName(const QString &name);

using TagValueMap = QMap<TagField, QStringList>;

// One requested change: these fields of this file get these values (an empty list removes the
// field). This is the writer's whole input, whoever produced it (CLI options, predictions).
struct TagChangeRequest {
    QString path;
    TagValueMap values;
};

// Which ID3v2 version to write in ID3-tagged files (MP3, WAV, AIFF). Keep = the version the file
// already has (v2.4 for a file without an ID3v2 tag): converting a tag also rewrites frames that
// Spectag does not own, so it only happens when asked for.
enum class Id3v2Version { Keep, V3, V4 };

// Scores <-> the text stored in the namespaced score fields: "happy=0.800;sad=0.100", labels in
// the given order, three decimals. Parsing accepts ';' or ',' separators and ignores blanks.
QString formatScores(const std::vector<std::pair<QString, double>> &scores);
std::optional<std::vector<std::pair<QString, double>>> parseScores(const QString &text, QString *error = nullptr);

} // namespace spectag
