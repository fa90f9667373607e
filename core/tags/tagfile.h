#pragma once

#include "tags/tagfields.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace TagLib {
class File;
}

namespace spectag {

// What Spectag shows about a file besides its own fields.
struct TagFileInfo {
    QString format;        // "MP3 (ID3v2.4)", "FLAC (Vorbis comment)", ...
    QString title;
    QString artist;
    QString album;
    double durationSeconds = 0;
    int bitrateKbps = 0;
    int sampleRate = 0;
    int channels = 0;
};

// A format-neutral view of one audio file's tags (after Kid3's TaggedFile): one subclass per
// format family maps Spectag's fields to that family's frames/keys. Only the fields Spectag owns
// are ever modified; everything else is left to TagLib to carry over untouched.
//
// An object wraps one TagLib file object and may be saved at most once: saving twice through one
// TagLib object has corrupted files in some formats, so the safe writer opens a fresh one per save.
class TagFile {
public:
    virtual ~TagFile();
    TagFile(const TagFile &) = delete;
    TagFile &operator=(const TagFile &) = delete;

    // Opens `path`; the format follows `formatPath`'s extension (defaults to `path`; the safe
    // writer passes the original's name while it works on a temporary copy). Null + error on
    // failure (unknown extension, unreadable, not a valid file of that format).
    static std::unique_ptr<TagFile> open(const QString &path, QString *error, const QString &formatPath = {});
    static bool isSupportedPath(const QString &path);

    virtual QStringList values(TagField field) const = 0;
    virtual void setValues(TagField field, const QStringList &values) = 0;
    // What values() will return after storing `values` (lossy formats join or drop values).
    virtual QStringList storedForm(TagField field, const QStringList &values) const;
    // Human-readable notes about what storing `values` loses or changes in this format.
    virtual QStringList warnings(TagField field, const QStringList &values) const;
    // ID3-tagged formats only; others ignore it.
    virtual void setId3v2Version(Id3v2Version) {}

    // Everything in the file's other tag blocks that Spectag may touch (an MP3's ID3v1 and APE
    // tags; a WAV's RIFF INFO), one line per item, as it stands in this object: the safe writer
    // compares it before the save with a fresh read of the written copy.
    virtual QStringList otherBlocks() const { return {}; }

    // The items of the file's own tag, one key per item (repeated items repeated), listed where
    // TagLib could hide a loss from the raw structure (MP4 atoms, FLAC metadata blocks, the APE
    // footer's item count). The safe writer refuses a write after which an item is missing that
    // none of the requested fields owns (ownedKeys). ID3 has its own frame lister (id3v2frames.h).
    virtual QStringList structure() const { return {}; }
    virtual QStringList ownedKeys(TagField) const { return {}; }

    TagValueMap allValues() const;
    TagFileInfo info() const;
    virtual QString formatName() const = 0;

    // Writes the changes to disk. Returns false with error() on failure, or when called twice.
    bool save();
    QString error() const { return m_error; }

protected:
    explicit TagFile(std::unique_ptr<TagLib::File> file);
    TagLib::File *file() const { return m_file.get(); }
    virtual bool doSave() = 0;

private:
    std::unique_ptr<TagLib::File> m_file;
    bool m_saved = false;
    QString m_error;
};

// Small helpers shared by the format classes.
QStringList cleanValues(const QStringList &values);  // trimmed, no empty entries

} // namespace spectag
