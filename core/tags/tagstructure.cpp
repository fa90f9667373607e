// What a file's tag holds, listed for the safe writer's "nothing else was lost" check
// (TagFile::structure). TagLib's parsed view alone cannot show a loss TagLib itself causes: it
// keeps the first of two MP4 atoms with one name and one APE item per case-folded key, and renders
// only what it parsed. So the lists come from the file's structure where a loss could hide: MP4
// atoms through TagLib's own atom parser, FLAC metadata blocks from their headers, the APE
// footer's item count.
#include "tags/tagformats_p.h"

#include <taglib/apefooter.h>
#include <taglib/apetag.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/mp4atom.h>
#include <taglib/mp4file.h>
#include <taglib/tfile.h>
#include <taglib/xiphcomment.h>

namespace spectag {

namespace {

QString latin1(const TagLib::ByteVector &v)
{
    return QString::fromLatin1(QByteArray(v.data(), int(v.size())));
}

quint32 be32(const TagLib::ByteVector &v, unsigned at)
{
    return quint32(uchar(v[at])) << 24 | quint32(uchar(v[at + 1])) << 16 | quint32(uchar(v[at + 2])) << 8 | uchar(v[at + 3]);
}

// A freeform item's key as TagLib names it: "----:" + its mean + ":" + its name (sub-atoms of
// the "----" atom, each a full box: size, type, version and flags, text).
QString freeformKey(TagLib::File *file, const TagLib::MP4::Atom *atom)
{
    if (atom->length <= 8 || atom->length > (1 << 20))
        return QStringLiteral("----");
    file->seek(atom->offset + 8);
    const TagLib::ByteVector body = file->readBlock(static_cast<unsigned long>(atom->length - 8));
    QString mean, name;
    for (unsigned pos = 0; pos + 12 <= body.size();) {
        const quint32 size = be32(body, pos);
        if (size < 8 || pos + size > body.size())
            break;
        const TagLib::ByteVector type = body.mid(pos + 4, 4);
        if (size >= 12 && type == TagLib::ByteVector("mean", 4))
            mean = latin1(body.mid(pos + 12, size - 12));
        else if (size >= 12 && type == TagLib::ByteVector("name", 4))
            name = latin1(body.mid(pos + 12, size - 12));
        pos += size;
    }
    return QStringLiteral("----:%1:%2").arg(mean, name);
}

// The FLAC metadata blocks by type, other than the ones a save rewrites on purpose (padding,
// the Vorbis comment). A FLAC file may start with an ID3v2 tag, which is skipped.
QStringList flacBlocks(TagLib::File *file)
{
    QStringList out;
    file->seek(0);
    TagLib::ByteVector head = file->readBlock(10);
    long pos = 0;
    if (head.size() == 10 && head.startsWith("ID3")) {
        pos = 10 + (long(uchar(head[6]) & 0x7f) << 21 | long(uchar(head[7]) & 0x7f) << 14 | long(uchar(head[8]) & 0x7f) << 7
                    | long(uchar(head[9]) & 0x7f));
        if (uchar(head[5]) & 0x10)
            pos += 10;  // footer
    }
    file->seek(pos);
    if (file->readBlock(4) != TagLib::ByteVector("fLaC", 4))
        return {QStringLiteral("FLAC stream marker missing")};
    pos += 4;
    for (int n = 0; n < 4096; ++n) {
        file->seek(pos);
        const TagLib::ByteVector h = file->readBlock(4);
        if (h.size() < 4)
            break;
        const int type = uchar(h[0]) & 0x7f;
        const long length = long(uchar(h[1])) << 16 | long(uchar(h[2])) << 8 | uchar(h[3]);
        if (type != 1 && type != 4)
            out << QStringLiteral("FLAC block %1").arg(type);
        if (uchar(h[0]) & 0x80)
            break;
        pos += 4 + length;
    }
    return out;
}

} // namespace

QStringList Mp4TagFile::structure() const
{
    QStringList out;
    TagLib::MP4::Atoms atoms(file());
    TagLib::MP4::Atom *ilst = atoms.find("moov", "udta", "meta", "ilst");
    if (!ilst)
        return out;
    for (const TagLib::MP4::Atom *item : ilst->children)
        out << (item->name == TagLib::ByteVector("----", 4) ? freeformKey(file(), item) : latin1(item->name));
    return out;
}

QStringList XiphTagFile::structure() const
{
    QStringList out;
    for (const auto &[key, values] : m_tag->fieldListMap()) {
        for (unsigned i = 0; i < values.size(); ++i)
            out << fromTag(key);
    }
    // Ogg files carry pictures as METADATA_BLOCK_PICTURE comments, which TagLib keeps apart.
    for (unsigned i = 0; i < m_tag->pictureList().size(); ++i)
        out << QStringLiteral("METADATA_BLOCK_PICTURE");
    if (dynamic_cast<TagLib::FLAC::File *>(file()))
        out << flacBlocks(file());
    return out;
}

QStringList ApeTagFile::structure() const
{
    QStringList out;
    for (const auto &[key, item] : m_tag->itemListMap())
        out << fromTag(key);
    // Items TagLib merged when it read the tag (keys differing only in case) are gone after a save.
    const unsigned declared = m_tag->footer()->itemCount();
    for (unsigned n = m_tag->itemListMap().size(); n < declared && n < 4096; ++n)
        out << QStringLiteral("(an item TagLib merged with another of the same name)");
    return out;
}

} // namespace spectag
