#include "tags/tagformats_p.h"

#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>

namespace spectag {

namespace {

const char *mp4Key(TagField field)
{
    switch (field) {
    case TagField::Mood: return "----:com.apple.iTunes:MOOD";
    case TagField::Genre: return "\251gen";
    case TagField::MoodScores: return "----:com.apple.iTunes:SPECTAG_MOOD_SCORES";
    case TagField::GenreScores: return "----:com.apple.iTunes:SPECTAG_GENRE_SCORES";
    }
    return "";
}

} // namespace

Mp4TagFile::Mp4TagFile(std::unique_ptr<TagLib::File> file, TagLib::MP4::Tag *tag)
    : TagFile(std::move(file))
    , m_tag(tag)
{
}

QString Mp4TagFile::formatName() const
{
    return QStringLiteral("MP4 (iTunes atoms)");
}

QStringList Mp4TagFile::values(TagField field) const
{
    // The key is Latin-1 ("\251gen" is ©gen); TagLib converts an old numeric gnre atom to ©gen.
    const TagLib::String key(mp4Key(field), TagLib::String::Latin1);
    if (!m_tag->contains(key))
        return {};
    return cleanValues(fromTagList(m_tag->item(key).toStringList()));
}

void Mp4TagFile::setValues(TagField field, const QStringList &values)
{
    const TagLib::String key(mp4Key(field), TagLib::String::Latin1);
    const QStringList clean = cleanValues(values);
    if (field == TagField::Genre)
        m_tag->removeItem("gnre");  // a numeric genre would shadow the new text for some players
    if (clean.isEmpty())
        m_tag->removeItem(key);
    else
        m_tag->setItem(key, TagLib::MP4::Item(toTagList(clean)));
}

QStringList Mp4TagFile::ownedKeys(TagField field) const
{
    QStringList keys{QString::fromLatin1(mp4Key(field))};
    if (field == TagField::Genre)
        keys << QStringLiteral("gnre");  // removed on a genre write (see setValues)
    return keys;
}

bool Mp4TagFile::doSave()
{
    return file()->save();
}

} // namespace spectag
