#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace spectag {

enum class TrackState { Present, Missing };

// One audio file of the library as the scanner last saw it. Tag fields are what the file's tags
// said at scan time; predictions live in PredictionRecord.
struct TrackRecord {
    qint64 id = 0;
    QString path;           // absolute path as found by the scan (UNIQUE)
    QString folder;         // directory of `path`
    qint64 size = 0;
    qint64 mtimeMs = 0;     // modification time, ms since epoch (UTC)
    QByteArray fingerprint; // audioPayloadHash(Quick): survives tag edits and moves
    double duration = 0;    // seconds
    QString format;         // container, lower-case extension-like ("mp3", "flac", "m4a")
    QString codec;          // "MP3", "FLAC", "Vorbis", "Opus", "AAC", "ALAC", "PCM", ...
    int sampleRate = 0;
    int channels = 0;
    int bitrate = 0;        // kb/s
    QString title, artist, album, genre, mood;
    TrackState state = TrackState::Present;
    QString tagWriteState;  // empty, or what the tag writer last reported ("pending", "written", "failed")
    QDateTime addedAt, scannedAt;
};

// A trained network the catalog knows about. `versionHash` identifies the exact weights.
struct ModelRecord {
    qint64 id = 0;
    QString name;
    QString architecture;
    QString versionHash;
    QJsonObject labelSets;  // head -> [labels]
    QString filePath;
    QDateTime createdAt;
    bool active = false;
};

// What one model said about one track. Also the analysis cache: a prediction is reusable for any
// track with the same fingerprint and the same model hash (see Catalog::cachedPrediction).
struct PredictionRecord {
    qint64 trackId = 0;
    qint64 modelId = 0;
    QJsonObject scores;          // head -> {label: score}
    QByteArray segmentScores;    // timeline; opaque compact BLOB defined by the inference engine
    double segmentSeconds = 0;   // hop of the timeline
    QByteArray embedding;        // float32 little-endian
    std::optional<double> valence, arousal;
    QString topGenre, topMood;   // derived from `scores` when left empty
    double confidence = 0;       // score of the top mood (else genre) label, derived when 0
    QDateTime analysedAt;
};

struct Annotation {
    enum class Source { Model, Human };
    qint64 id = 0;
    qint64 trackId = 0;
    std::optional<double> segmentStart, segmentEnd;  // seconds; both empty = the whole track
    QString head;    // label set, e.g. "mood"
    QString label;
    double value = 1.0;
    Source source = Source::Human;
    QString annotator;
    QDateTime createdAt;
};

struct PlaylistRecord {
    qint64 id = 0;
    QString name;
    QString mood;   // a mood label: tracks dropped in are annotated with it (empty: none)
    QString query;  // search syntax of a smart playlist (empty: items are chosen by hand)
    int itemCount = 0;
    QDateTime createdAt;
};

// The part of a track the scanner needs to decide whether to re-read a file (bulk-loaded once).
struct KnownFile {
    qint64 id = 0;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray fingerprint;
    TrackState state = TrackState::Present;
};

} // namespace spectag

Q_DECLARE_METATYPE(spectag::TrackRecord)
