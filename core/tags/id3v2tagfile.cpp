#include "tags/tagformats_p.h"

#include <taglib/id3v1genres.h>
#include <taglib/id3v2tag.h>
#include <taglib/textidentificationframe.h>
#include <taglib/tpropertymap.h>
#include <taglib/tfile.h>

namespace spectag {

namespace {

const QString kV3Separator = QStringLiteral("; ");

// TXXX descriptions: MOOD is what other taggers write for ID3v2.3; the score fields are ours.
const char *txxxDescription(TagField field)
{
    switch (field) {
    case TagField::Mood: return "MOOD";
    case TagField::Genre: return nullptr;
    case TagField::MoodScores: return "SPECTAG_MOOD_SCORES";
    case TagField::GenreScores: return "SPECTAG_GENRE_SCORES";
    }
    return nullptr;
}

TagLib::ID3v2::UserTextIdentificationFrame *findTxxx(TagLib::ID3v2::Tag *tag, const char *description)
{
    const TagLib::String wanted = TagLib::String(description).upper();
    for (TagLib::ID3v2::Frame *f : tag->frameList("TXXX")) {
        auto *u = dynamic_cast<TagLib::ID3v2::UserTextIdentificationFrame *>(f);
        if (u && u->description().upper() == wanted)
            return u;
    }
    return nullptr;
}

// TagLib's fieldList() of a TXXX frame starts with the description.
QStringList txxxValues(const TagLib::ID3v2::UserTextIdentificationFrame *f)
{
    QStringList l = fromTagList(f->fieldList());
    if (!l.isEmpty() && l.front().compare(fromTag(f->description()), Qt::CaseInsensitive) == 0)
        l.removeFirst();
    return l;
}

void removeTxxx(TagLib::ID3v2::Tag *tag, const char *description)
{
    while (TagLib::ID3v2::UserTextIdentificationFrame *f = findTxxx(tag, description))
        tag->removeFrame(f, true);
}

// v2.3 has one string per frame: other taggers use "/" or "; ", Spectag writes "; " and reads
// both lists and joined strings back as lists (only ';', because "/" occurs in real genre names).
QStringList splitV3(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << v.split(QLatin1Char(';'));
    return cleanValues(out);
}

QString genreName(const QString &raw)
{
    bool ok = false;
    const int n = raw.toInt(&ok);
    if (ok && n >= 0 && n < 256) {
        const QString name = fromTag(TagLib::ID3v1::genre(n));
        return name.isEmpty() ? raw : name;
    }
    if (raw == QLatin1String("RX"))
        return QStringLiteral("Remix");
    if (raw == QLatin1String("CR"))
        return QStringLiteral("Cover");
    return raw;
}

} // namespace

Id3v2TagFile::Id3v2TagFile(std::unique_ptr<TagLib::File> file, TagLib::ID3v2::Tag *tag, bool hadTag, QString family,
                           Saver saver)
    : TagFile(std::move(file))
    , m_tag(tag)
    , m_family(std::move(family))
    , m_saver(std::move(saver))
    , m_fileVersion(hadTag && tag->header()->majorVersion() == 3 ? 3 : 4)
    , m_writeVersion(m_fileVersion)
{
}

QString Id3v2TagFile::formatName() const
{
    return QStringLiteral("%1 (ID3v2.%2)").arg(m_family).arg(m_fileVersion);
}

void Id3v2TagFile::setId3v2Version(Id3v2Version version)
{
    m_writeVersion = version == Id3v2Version::V3 ? 3 : version == Id3v2Version::V4 ? 4 : m_fileVersion;
}

QStringList Id3v2TagFile::values(TagField field) const
{
    QStringList out;
    switch (field) {
    case TagField::Mood: {
        // Both: a file may carry TMOO and another tagger's TXXX:MOOD. A write replaces both, so
        // both must be shown in the preview and journaled for undo (TXXX:MOOD used to vanish).
        for (TagLib::ID3v2::Frame *frame : m_tag->frameList("TMOO")) {
            if (auto *f = dynamic_cast<TagLib::ID3v2::TextIdentificationFrame *>(frame))
                out << fromTagList(f->fieldList());
        }
        if (auto *f = findTxxx(m_tag, "MOOD"))
            out << txxxValues(f);
        out.removeDuplicates();
        break;
    }
    case TagField::Genre: {
        const TagLib::ID3v2::FrameList tcon = m_tag->frameList("TCON");
        if (!tcon.isEmpty()) {
            if (auto *f = dynamic_cast<TagLib::ID3v2::TextIdentificationFrame *>(tcon.front())) {
                for (const QString &g : fromTagList(f->fieldList()))
                    out << genreName(g);
            }
        }
        break;
    }
    case TagField::MoodScores:
    case TagField::GenreScores:
        if (auto *f = findTxxx(m_tag, txxxDescription(field)))
            return cleanValues(txxxValues(f));
        return {};
    }
    return m_fileVersion == 3 ? splitV3(out) : cleanValues(out);
}

QStringList Id3v2TagFile::storedForm(TagField field, const QStringList &values) const
{
    const QStringList clean = cleanValues(values);
    if (field == TagField::MoodScores || field == TagField::GenreScores)
        return clean;
    return writesV3() ? splitV3({clean.join(kV3Separator)}) : clean;
}

QStringList Id3v2TagFile::warnings(TagField field, const QStringList &values) const
{
    QStringList w;
    const QStringList clean = cleanValues(values);
    if (writesV3() && clean.size() > 1 && (field == TagField::Mood || field == TagField::Genre))
        w << QStringLiteral("ID3v2.3 has no multi-value %1 frame: %2 values stored as one text \"%3\"")
                 .arg(tagFieldName(field))
                 .arg(clean.size())
                 .arg(elided(clean.join(kV3Separator)));
    if (writesV3() && storedForm(field, values) != clean)
        w << QStringLiteral("%1 values containing ';' will read back split").arg(tagFieldName(field));
    w << siblingWarnings(field, values);
    if (m_writeVersion != m_fileVersion)
        w << QStringLiteral("converting the whole ID3 tag from v2.%1 to v2.%2 also rewrites frames Spectag does not own")
                 .arg(m_fileVersion)
                 .arg(m_writeVersion);
    return w;
}

void Id3v2TagFile::setValues(TagField field, const QStringList &values)
{
    keepSiblingsInStep(field, values);  // compares with the ID3v2 values before they change
    setId3v2Values(field, values);
}

void Id3v2TagFile::setId3v2Values(TagField field, const QStringList &values)
{
    const QStringList clean = cleanValues(values);
    // TagLib renders UTF-8 frames as UTF-16 for v2.3; choose that directly so the read-back matches.
    const TagLib::String::Type enc = writesV3() ? TagLib::String::UTF16 : TagLib::String::UTF8;
    switch (field) {
    case TagField::Mood:
        m_tag->removeFrames("TMOO");
        removeTxxx(m_tag, "MOOD");
        if (clean.isEmpty())
            return;
        if (writesV3()) {
            // TagLib drops TMOO when saving v2.3; TXXX:MOOD is what v2.3 taggers read.
            auto *f = new TagLib::ID3v2::UserTextIdentificationFrame(enc);
            f->setDescription("MOOD");
            f->setText(toTag(clean.join(kV3Separator)));
            m_tag->addFrame(f);
        } else {
            auto *f = new TagLib::ID3v2::TextIdentificationFrame("TMOO", enc);
            f->setText(toTagList(clean));
            m_tag->addFrame(f);
        }
        return;
    case TagField::Genre: {
        m_tag->removeFrames("TCON");
        if (clean.isEmpty())
            return;
        auto *f = new TagLib::ID3v2::TextIdentificationFrame("TCON", enc);
        // v2.3: one joined string, which TagLib's downgrade keeps as the one free-text genre.
        f->setText(writesV3() ? TagLib::StringList(toTag(clean.join(kV3Separator))) : toTagList(clean));
        m_tag->addFrame(f);
        return;
    }
    case TagField::MoodScores:
    case TagField::GenreScores: {
        removeTxxx(m_tag, txxxDescription(field));
        if (clean.isEmpty())
            return;
        auto *f = new TagLib::ID3v2::UserTextIdentificationFrame(enc);
        f->setDescription(txxxDescription(field));
        f->setText(toTag(clean.join(QLatin1Char(';'))));
        m_tag->addFrame(f);
        return;
    }
    }
}

bool Id3v2TagFile::doSave()
{
    // TagLib drops TMOO (a v2.4 frame) when it saves v2.3, also when the mood was not part of the
    // write: carry its values over into TXXX:MOOD, which v2.3 taggers read, so they survive.
    if (writesV3() && !m_tag->frameList("TMOO").isEmpty()) {
        const QStringList mood = values(TagField::Mood);
        setId3v2Values(TagField::Mood, {});
        setId3v2Values(TagField::Mood, mood);
    }
    return m_saver(file(), m_writeVersion, m_apeChanged) && patchId3v1Genre();
}

} // namespace spectag
