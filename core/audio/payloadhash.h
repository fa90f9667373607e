#pragma once

#include <QByteArray>
#include <QString>

namespace spectag {

// A hash of a file's audio payload: the bytes of the compressed audio packets as FFmpeg's demuxer
// returns them, without decoding. Tags, cover art and container metadata are not part of it, so
// it survives tag writes (the tag writer verifies exactly that) and renames/moves (the scanner
// uses it to keep predictions and annotations of a moved file).
struct PayloadHash {
    QByteArray hash;        // 64 hex digits: SHA-256 of the packets (Full, FFmpeg fallback) or
                            // BLAKE2b-256 of the parts Quick reads directly; empty on error
    qint64 packets = 0;     // packets hashed (Quick, read directly: byte chunks hashed)
    qint64 payloadBytes = 0;
    QString error;          // human-readable, empty when ok
    bool ok() const { return error.isEmpty() && !hash.isEmpty(); }
};

enum class PayloadHashMode {
    Full,   // every audio packet: exact, reads the whole file
    Quick,  // fast identity for scanning and the analysis cache, not a proof of integrity.
            // Ogg Vorbis/Opus, FLAC, MP3, MP4/M4A, WAV and AIFF are read with plain file I/O:
            // format parameters, stream length, and 8 KiB of the audio payload from its start
            // plus 8 KiB from its middle (Ogg: 16 KiB of packets from the start), ~0.1 ms a file.
            // Other containers: FFmpeg's first 48 packets plus the stream's duration.
};

PayloadHash audioPayloadHash(const QString &path, PayloadHashMode mode = PayloadHashMode::Full);

} // namespace spectag
