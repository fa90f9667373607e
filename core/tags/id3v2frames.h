#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace spectag {

// The frames of a file's leading ID3v2 tag as read from the bytes, independently of TagLib: one
// key per frame, its ID ("TIT2", "COMM"), and for TXXX its description too ("TXXX:MOOD").
// SafeTagWriter compares them before and after a write, because TagLib silently drops frames it
// does not carry over (ID3v2.3's RVAD, TRDA, TSIZ, v2.4-only frames when it saves v2.3), and a
// write must not lose what it was not asked to change. Written by hand because no Debian library
// lists raw frames without converting them on the way; the format is small (id3.org, v2.2-v2.4).
struct Id3v2Frames {
    int majorVersion = 0;  // 2, 3 or 4
    QStringList keys;
};
// nullopt when the file does not start with an ID3v2 tag (or the header is damaged).
std::optional<Id3v2Frames> readId3v2Frames(const QByteArray &path);

} // namespace spectag
