#include "tags/tagformats_p.h"

#include <taglib/apeitem.h>
#include <taglib/apetag.h>
#include <taglib/tfile.h>

namespace spectag {

namespace {

const char *apeKey(TagField field)
{
    switch (field) {
    case TagField::Mood: return "Mood";
    case TagField::Genre: return "Genre";
    case TagField::MoodScores: return "Spectag Mood Scores";
    case TagField::GenreScores: return "Spectag Genre Scores";
    }
    return "";
}

} // namespace

ApeTagFile::ApeTagFile(std::unique_ptr<TagLib::File> file, TagLib::APE::Tag *tag, QString family)
    : TagFile(std::move(file))
    , m_tag(tag)
    , m_family(std::move(family))
{
}

QString ApeTagFile::formatName() const
{
    return QStringLiteral("%1 (APEv2)").arg(m_family);
}

QStringList ApeTagFile::values(TagField field) const
{
    // APE keys are case-insensitive; TagLib's map is keyed upper-case.
    const TagLib::APE::ItemListMap &map = m_tag->itemListMap();
    const auto it = map.find(TagLib::String(apeKey(field)).upper());
    if (it == map.end() || it->second.type() != TagLib::APE::Item::Text)
        return {};
    return cleanValues(fromTagList(it->second.values()));
}

void ApeTagFile::setValues(TagField field, const QStringList &values)
{
    const QStringList clean = cleanValues(values);
    m_tag->removeItem(apeKey(field));
    if (!clean.isEmpty())
        m_tag->setItem(apeKey(field), TagLib::APE::Item(apeKey(field), toTagList(clean)));
}

QStringList ApeTagFile::ownedKeys(TagField field) const
{
    return {QString::fromLatin1(apeKey(field)).toUpper()};
}

bool ApeTagFile::doSave()
{
    return file()->save();
}

} // namespace spectag
