// The tag blocks an ID3v2-tagged file may carry besides its ID3v2 tag: an MP3's ID3v1 and APEv2
// tags (kept in step where they agreed with ID3v2), and a WAV's RIFF INFO chunk (never written,
// only named in the preview when it disagrees).
#include "tags/tagformats_p.h"

#include <QCryptographicHash>

#include <taglib/apefooter.h>
#include <taglib/apeitem.h>
#include <taglib/apetag.h>
#include <taglib/id3v1genres.h>
#include <taglib/id3v1tag.h>
#include <taglib/id3v2tag.h>
#include <taglib/infotag.h>
#include <taglib/mpegfile.h>
#include <taglib/wavfile.h>

#include <optional>

namespace spectag {

namespace {

constexpr int kNoId3v1Genre = 255;

const char *apeKey(TagField field)
{
    return field == TagField::Mood ? "MOOD" : "GENRE";
}

// ID3v1 stores one genre as an index into a fixed list; the first value decides, matched without
// regard to case because Spectag's labels are lower-case ("rock" is ID3v1's "Rock").
int id3v1GenreIndex(const QStringList &values)
{
    if (values.isEmpty())
        return kNoId3v1Genre;
    const TagLib::StringList names = TagLib::ID3v1::genreList();
    for (unsigned i = 0; i < names.size(); ++i) {
        if (fromTag(names[i]).compare(values.front(), Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return kNoId3v1Genre;
}

// The APE item's values; nullopt when the item is binary or a locator (not Spectag's to change).
std::optional<QStringList> apeValues(const TagLib::APE::Tag *tag, TagField field)
{
    const TagLib::APE::ItemListMap &map = tag->itemListMap();
    const auto it = map.find(apeKey(field));
    if (it == map.end())
        return QStringList();
    if (it->second.type() != TagLib::APE::Item::Text)
        return std::nullopt;
    return cleanValues(fromTagList(it->second.values()));
}

bool sameIgnoringCase(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).compare(b.at(i), Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

TagLib::MPEG::File *mpegFile(TagLib::File *file)
{
    return dynamic_cast<TagLib::MPEG::File *>(file);
}

// What a write of `next` over the ID3v2 values `current` does to an MP3's other blocks.
struct SiblingPlan {
    bool hasId3v1 = false;
    bool id3v1InStep = false;
    int id3v1Now = kNoId3v1Genre;
    int id3v1Next = kNoId3v1Genre;
    bool hasApe = false;
    bool apeWhole = true;  // TagLib holds every item of the APE tag (see planSiblings)
    bool apeInStep = false;
    QStringList apeNow;
};

SiblingPlan planSiblings(TagLib::MPEG::File *mpeg, TagField field, const QStringList &current, const QStringList &next)
{
    SiblingPlan p;
    if (field == TagField::Genre && mpeg->hasID3v1Tag()) {
        p.hasId3v1 = true;
        p.id3v1Now = int(mpeg->ID3v1Tag()->genreNumber());
        p.id3v1InStep = p.id3v1Now == id3v1GenreIndex(current);
        p.id3v1Next = id3v1GenreIndex(next);
    }
    if (mpeg->hasAPETag()) {
        p.hasApe = true;
        const TagLib::APE::Tag *tag = mpeg->APETag();
        // APE keys are case-insensitive and TagLib keeps one item per key: a tag with "Genre" and
        // "GENRE" (other taggers write such things) would lose one when TagLib renders it.
        p.apeWhole = tag->footer()->itemCount() == tag->itemListMap().size();
        const std::optional<QStringList> ape = apeValues(tag, field);
        p.apeNow = ape.value_or(QStringList());
        // Exactly equal lists, both empty included: undo writes the old ID3v2 values back and
        // the APE item follows them, so it must have held exactly those (case too) to begin with.
        p.apeInStep = p.apeWhole && ape && *ape == current;
    }
    return p;
}

bool differsFrom(const QStringList &kept, const QStringList &wanted)
{
    return !kept.isEmpty() && !sameIgnoringCase(kept, wanted);
}

} // namespace

void Id3v2TagFile::keepSiblingsInStep(TagField field, const QStringList &values)
{
    TagLib::MPEG::File *mpeg = mpegFile(file());
    if (!mpeg || (field != TagField::Mood && field != TagField::Genre))
        return;
    const QStringList next = storedForm(field, values);
    const SiblingPlan p = planSiblings(mpeg, field, this->values(field), next);
    if (p.id3v1InStep && p.id3v1Next != p.id3v1Now)
        m_id3v1Genre = p.id3v1Next;
    if (p.apeInStep && p.apeNow != next) {
        TagLib::APE::Tag *ape = mpeg->APETag();
        // Keep the spelling of the key the file already uses ("Genre", "GENRE").
        const auto it = ape->itemListMap().find(apeKey(field));
        const TagLib::String key = it != ape->itemListMap().end() ? it->second.key() : TagLib::String(apeKey(field));
        ape->removeItem(key);
        if (!next.isEmpty())
            ape->setItem(key, TagLib::APE::Item(key, toTagList(next)));
        m_apeChanged = true;
    }
}

QStringList Id3v2TagFile::siblingWarnings(TagField field, const QStringList &values) const
{
    QStringList w;
    if (field != TagField::Mood && field != TagField::Genre)
        return w;
    const QStringList clean = cleanValues(values);
    auto *self = const_cast<Id3v2TagFile *>(this);  // TagLib's tag getters are not const
    if (TagLib::MPEG::File *mpeg = mpegFile(self->file())) {
        const SiblingPlan p = planSiblings(mpeg, field, this->values(field), storedForm(field, values));
        if (p.hasId3v1 && p.id3v1InStep && !clean.isEmpty() && p.id3v1Next == kNoId3v1Genre)
            w << QStringLiteral("ID3v1's fixed genre list has no \"%1\": the file's ID3v1 genre is cleared").arg(clean.front());
        const QStringList keptV1 = cleanValues({fromTag(TagLib::ID3v1::genre(p.id3v1Now))});
        if (p.hasId3v1 && !p.id3v1InStep && differsFrom(keptV1, clean.mid(0, 1)))
            w << QStringLiteral("the file's ID3v1 tag keeps genre \"%1\" (it did not match the ID3v2 genre, so it is left "
                                "alone; players that read ID3v1 alone will still show it)").arg(keptV1.join(QLatin1String("; ")));
        if (p.hasApe && !p.apeWhole && differsFrom(p.apeNow, clean))
            w << QStringLiteral("the file's APE tag keeps %1 \"%2\" (it repeats item names, which TagLib would merge, so it "
                                "is left alone; players that prefer APE will still show it)").arg(tagFieldName(field), elided(p.apeNow.join(QLatin1String("; "))));
        else if (p.hasApe && !p.apeInStep && differsFrom(p.apeNow, clean))
            w << QStringLiteral("the file's APE tag keeps %1 \"%2\" (it did not match the ID3v2 %1, so it is left alone; "
                                "players that prefer APE will still show it)").arg(tagFieldName(field), elided(p.apeNow.join(QLatin1String("; "))));
    }
    if (const auto *wav = dynamic_cast<const TagLib::RIFF::WAV::File *>(self->file());
        wav && field == TagField::Genre && wav->hasInfoTag()) {
        const QStringList kept = cleanValues({fromTag(wav->InfoTag()->genre())});
        if (differsFrom(kept, clean))
            w << QStringLiteral("the file's RIFF INFO chunk keeps genre \"%1\" (Spectag writes the ID3v2 tag only; players "
                                "that read INFO alone will still show it)").arg(elided(kept.join(QLatin1String("; "))));
    }
    return w;
}

bool Id3v2TagFile::patchId3v1Genre()
{
    if (m_id3v1Genre < 0)
        return true;
    // One byte, not TagLib's ID3v1 rendering: that rewrites the whole block as ID3v1.1, which
    // cuts a 30-character ID3v1.0 comment to 28, and Spectag changes nothing but the genre.
    file()->seek(-128, TagLib::File::End);
    if (file()->readBlock(3) != TagLib::ByteVector("TAG", 3))
        return false;
    file()->seek(-1, TagLib::File::End);
    file()->writeBlock(TagLib::ByteVector(1, char(m_id3v1Genre)));
    return true;
}

QStringList Id3v2TagFile::otherBlocks() const
{
    QStringList out;
    TagLib::File *f = file();
    if (TagLib::MPEG::File *mpeg = mpegFile(f)) {
        if (mpeg->hasID3v1Tag()) {
            f->seek(-128, TagLib::File::End);
            TagLib::ByteVector v1 = f->readBlock(128);
            if (m_id3v1Genre >= 0 && v1.size() == 128)
                v1[127] = char(m_id3v1Genre);
            out << QStringLiteral("ID3v1 ") + QString::fromLatin1(QByteArray(v1.data(), int(v1.size())).toHex());
        }
        if (mpeg->hasAPETag()) {
            for (const auto &[key, item] : mpeg->APETag()->itemListMap()) {
                const QString head = QStringLiteral("APE %1 type %2%3: ").arg(fromTag(key)).arg(int(item.type())).arg(item.isReadOnly() ? QStringLiteral(" read-only") : QString());
                if (item.type() == TagLib::APE::Item::Binary) {
                    const TagLib::ByteVector data = item.binaryData();
                    out << head + QString::fromLatin1(QCryptographicHash::hash(QByteArrayView(data.data(), qsizetype(data.size())),
                                                                             QCryptographicHash::Sha1).toHex());
                } else {
                    out << head + fromTagList(item.values()).join(QChar(0x1f));
                }
            }
        }
    } else if (const auto *wav = dynamic_cast<const TagLib::RIFF::WAV::File *>(f); wav && wav->hasInfoTag()) {
        for (const auto &[id, value] : wav->InfoTag()->fieldListMap())
            out << QStringLiteral("INFO %1: %2").arg(QString::fromLatin1(QByteArray(id.data(), int(id.size()))), fromTag(value));
    }
    return out;
}

} // namespace spectag
