#pragma once

// A binary "Cover Art (Front)" item as taggers store pictures in APEv2 tags (file name, NUL, image
// bytes), for the tests that check such items survive a write. Needs TagLib on the include path.
#include <taglib/apeitem.h>
#include <taglib/apetag.h>

namespace tagtest {

inline void addApeCover(TagLib::APE::Tag *tag, const TagLib::ByteVector &data)
{
    TagLib::APE::Item cover;
    cover.setKey("Cover Art (Front)");
    cover.setType(TagLib::APE::Item::Binary);
    cover.setBinaryData(data);
    tag->setItem("Cover Art (Front)", cover);
}

} // namespace tagtest
