#pragma once

#include "catalog/records.h"

namespace spectag {

// Everything the scanner learns from one audio file: tags and audio properties (TagLib) and the
// payload fingerprint (FFmpeg demuxer, audioPayloadHash Quick). Thread-safe: one call per file.
struct FileReadResult {
    TrackRecord track;  // id 0, state Present, scannedAt now
    QString error;      // why the file was rejected; empty when ok
    bool ok() const { return error.isEmpty(); }
};

FileReadResult readAudioFile(const QString &path, qint64 size, qint64 mtimeMs);

} // namespace spectag
