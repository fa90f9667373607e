#pragma once

#include <QByteArray>
#include <QString>

namespace spectag {

// A hash of a file's audio payload: the bytes of the compressed audio packets as FFmpeg's demuxer
// returns them, without decoding. Tags, cover art and container metadata are not part of it, so
// it survives tag writes (the tag writer verifies exactly that) and renames/moves (the scanner
// uses it to keep predictions and annotations of a moved file).
struct PayloadHash {
    QByteArray hash;        // SHA-256 (hex) of the hashed packets; empty on error
    qint64 packets = 0;     // packets hashed
    qint64 payloadBytes = 0;
    QString error;          // human-readable, empty when ok
    bool ok() const { return error.isEmpty() && !hash.isEmpty(); }
};

enum class PayloadHashMode {
    Full,   // every audio packet: exact, reads the whole file
    Quick,  // the first kQuickPackets packets plus the stream's packet count estimate: fast
            // identity for scanning (a few ms per file), not a proof of integrity
};

PayloadHash audioPayloadHash(const QString &path, PayloadHashMode mode = PayloadHashMode::Full);

} // namespace spectag
