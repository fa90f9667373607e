#pragma once

// The format families behind TagFile (private to core/tags).

#include "tags/tagfile.h"

#include <taglib/tstring.h>
#include <taglib/tstringlist.h>

#include <functional>

namespace TagLib {
namespace ID3v2 {
class Tag;
}
namespace Ogg {
class XiphComment;
}
namespace MP4 {
class Tag;
}
namespace APE {
class Tag;
}
} // namespace TagLib

namespace spectag {

TagLib::String toTag(const QString &s);
QString fromTag(const TagLib::String &s);
TagLib::StringList toTagList(const QStringList &l);
QStringList fromTagList(const TagLib::StringList &l);
// A preview line, not a dump: 200 moods joined are thousands of characters.
QString elided(const QString &text);

// MP3, WAV and AIFF: an ID3v2 tag. v2.4 stores lists natively (NUL-separated), v2.3 has neither
// TMOO nor multi-value frames, so mood goes to TXXX:MOOD and lists are joined with "; ".
//
// An MP3 may also carry an ID3v1 and an APEv2 tag (id3v2siblings.cpp). Where one of them holds the
// same genre or mood as the ID3v2 tag before a write, it is kept in step; where it differs (another
// program put something else there), it is left alone and the preview says what it keeps. The
// rule is symmetric, so undo, which writes the old ID3v2 values back, restores those blocks too.
class Id3v2TagFile : public TagFile {
public:
    // Saves the ID3v2 tag as v2.<version>; `withApe`: the file's APE tag too (MP3 only).
    using Saver = std::function<bool(TagLib::File *, int version, bool withApe)>;
    Id3v2TagFile(std::unique_ptr<TagLib::File> file, TagLib::ID3v2::Tag *tag, bool hadTag, QString family, Saver saver);
    QStringList values(TagField field) const override;
    void setValues(TagField field, const QStringList &values) override;
    QStringList storedForm(TagField field, const QStringList &values) const override;
    QStringList warnings(TagField field, const QStringList &values) const override;
    void setId3v2Version(Id3v2Version version) override;
    QString formatName() const override;
    QStringList otherBlocks() const override;
    int fileVersion() const { return m_fileVersion; }

protected:
    bool doSave() override;

private:
    bool writesV3() const { return m_writeVersion == 3; }
    void setId3v2Values(TagField field, const QStringList &values);
    // id3v2siblings.cpp: the MP3's ID3v1 and APE tags.
    void keepSiblingsInStep(TagField field, const QStringList &values);
    QStringList siblingWarnings(TagField field, const QStringList &values) const;
    bool patchId3v1Genre();
    TagLib::ID3v2::Tag *m_tag;
    QString m_family;
    Saver m_saver;
    int m_fileVersion;   // 3 or 4 (4 when the file has no ID3v2 tag yet)
    int m_writeVersion;
    int m_id3v1Genre = -1;  // the ID3v1 genre byte to put in after the save; -1: leave it
    bool m_apeChanged = false;
};

// FLAC, Ogg Vorbis, Opus: Vorbis comments, one entry per value.
class XiphTagFile : public TagFile {
public:
    XiphTagFile(std::unique_ptr<TagLib::File> file, TagLib::Ogg::XiphComment *tag, QString family);
    QStringList values(TagField field) const override;
    void setValues(TagField field, const QStringList &values) override;
    QString formatName() const override;
    QStringList structure() const override;  // tagstructure.cpp
    QStringList ownedKeys(TagField field) const override;

protected:
    bool doSave() override;

private:
    TagLib::Ogg::XiphComment *m_tag;
    QString m_family;
};

// MP4/M4A: ©gen and iTunes freeform atoms.
class Mp4TagFile : public TagFile {
public:
    Mp4TagFile(std::unique_ptr<TagLib::File> file, TagLib::MP4::Tag *tag);
    QStringList values(TagField field) const override;
    void setValues(TagField field, const QStringList &values) override;
    QString formatName() const override;
    QStringList structure() const override;  // tagstructure.cpp
    QStringList ownedKeys(TagField field) const override;

protected:
    bool doSave() override;

private:
    TagLib::MP4::Tag *m_tag;
};

// WavPack and Monkey's Audio: APEv2 items with a list of values.
class ApeTagFile : public TagFile {
public:
    ApeTagFile(std::unique_ptr<TagLib::File> file, TagLib::APE::Tag *tag, QString family);
    QStringList values(TagField field) const override;
    void setValues(TagField field, const QStringList &values) override;
    QString formatName() const override;
    QStringList structure() const override;  // tagstructure.cpp
    QStringList ownedKeys(TagField field) const override;

protected:
    bool doSave() override;

private:
    TagLib::APE::Tag *m_tag;
    QString m_family;
};

} // namespace spectag
