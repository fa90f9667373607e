#pragma once

#include "tags/tagfields.h"
#include "tags/tagfile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace spectag {

// Identity of a file on disk at one moment, to notice that somebody else changed it.
struct FileStamp {
    qint64 size = -1;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;  // an edit that puts the mtime back (taggers' "keep timestamp") still moves it
    quint64 inode = 0;
    quint64 device = 0;
    bool valid() const { return size >= 0; }
    bool operator==(const FileStamp &) const = default;
};
FileStamp fileStamp(const QString &path);

// What was read from a file before a write was planned.
struct TagFileState {
    QString path;            // canonical (symlinks resolved: the link's target is what changes)
    FileStamp stamp;
    QByteArray payloadHash;  // audioPayloadHash Full; empty when not asked for or on error
    TagValueMap values;      // Spectag's fields
    TagFileInfo info;
    int id3v2Version = 0;    // 3 or 4 for ID3-tagged formats that have a tag, else 0
    QString error;
    bool ok() const { return error.isEmpty(); }
};

struct SafeWriteResult {
    QString error;         // empty on success; the original is untouched when set
    bool written = false;  // false also when nothing had to change
    TagValueMap oldValues; // requested fields as they were
    TagValueMap newValues; // requested fields as they read back now (the stored form)
    QStringList warnings;
    bool ok() const { return error.isEmpty(); }
};

// Writes Spectag's fields without ever leaving a half-written file (after Mixxx's SafelyWritableFile):
// copy the original to a hidden temporary file beside it, save the copy with a freshly opened TagLib
// object, re-open and verify the values and the audio payload hash, fsync, then rename(2) over the
// original with its mode and ownership. The original is refused when read-only or changed since
// `expected` was read; on any failure it is untouched and the temporary file is removed. A process
// killed mid-write leaves at most a temporary file whose name isTempFileName() recognises.
class SafeTagWriter {
public:
    void setId3v2Version(Id3v2Version version) { m_id3v2 = version; }

    static TagFileState readState(const QString &path, bool withPayloadHash);

    SafeWriteResult write(const QString &path, const TagValueMap &values, const TagFileState *expected = nullptr) const;

    // ".<name>.spectag-<pid>-<random>.tmp": hidden, and scanners must skip it.
    static bool isTempFileName(const QString &fileName);
    // Removes temporary files in `dir` left by processes that no longer run; returns how many.
    static int removeStaleTempFiles(const QString &dir);

private:
    Id3v2Version m_id3v2 = Id3v2Version::Keep;
};

} // namespace spectag
