#include "tags/tagformats_p.h"

#include <taglib/tfile.h>
#include <taglib/xiphcomment.h>

namespace spectag {

namespace {

const char *xiphKey(TagField field)
{
    switch (field) {
    case TagField::Mood: return "MOOD";
    case TagField::Genre: return "GENRE";
    case TagField::MoodScores: return "SPECTAG_MOOD_SCORES";
    case TagField::GenreScores: return "SPECTAG_GENRE_SCORES";
    }
    return "";
}

} // namespace

XiphTagFile::XiphTagFile(std::unique_ptr<TagLib::File> file, TagLib::Ogg::XiphComment *tag, QString family)
    : TagFile(std::move(file))
    , m_tag(tag)
    , m_family(std::move(family))
{
}

QString XiphTagFile::formatName() const
{
    return QStringLiteral("%1 (Vorbis comment)").arg(m_family);
}

QStringList XiphTagFile::values(TagField field) const
{
    // Field names are case-insensitive; TagLib upper-cases them when parsing.
    const TagLib::Ogg::FieldListMap &map = m_tag->fieldListMap();
    const auto it = map.find(xiphKey(field));
    return it == map.end() ? QStringList() : cleanValues(fromTagList(it->second));
}

void XiphTagFile::setValues(TagField field, const QStringList &values)
{
    m_tag->removeFields(xiphKey(field));
    for (const QString &v : cleanValues(values))
        m_tag->addField(xiphKey(field), toTag(v), false);  // one comment per value
}

QStringList XiphTagFile::ownedKeys(TagField field) const
{
    return {QString::fromLatin1(xiphKey(field))};
}

bool XiphTagFile::doSave()
{
    return file()->save();
}

} // namespace spectag
