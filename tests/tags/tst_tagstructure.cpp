// The safe writer's "nothing else was lost" check outside ID3 (TagFile::structure): every format
// keeps cover art, other programs' fields and FLAC metadata blocks through a mood/genre write, and
// a file whose tag TagLib would thin out on saving (two MP4 atoms with one name, APE items whose
// names differ only in case) is refused and left byte for byte as it was.
#include "apecover.h"
#include "tagtesthelpers.h"

#include "tags/safetagwriter.h"
#include "tags/tagfile.h"

#include <QTemporaryDir>
#include <QTest>

#include <taglib/apeitem.h>
#include <taglib/apetag.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/mp4coverart.h>
#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavpackfile.h>
#include <taglib/xiphcomment.h>

using namespace spectag;

namespace {

using tagtest::valuesOf;

TagLib::FLAC::Picture *picture()
{
    auto *p = new TagLib::FLAC::Picture;
    p->setType(TagLib::FLAC::Picture::FrontCover);
    p->setMimeType("image/png");
    p->setData(TagLib::ByteVector("\x89PNG\r\n\x1a\n not really a picture", 29));
    return p;
}

// Adds foreign fields and a picture the way other taggers would, with TagLib.
bool decorate(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const QString ext = QFileInfo(path).suffix();
    const auto xiph = [](TagLib::Ogg::XiphComment *c) {
        c->addField("ALBUM", "Album");
        c->addField("ARTIST", "One");
        c->addField("ARTIST", "Two", false);
        c->addField("REPLAYGAIN_TRACK_GAIN", "-6.50 dB");
        c->addPicture(picture());
    };
    if (ext == QLatin1String("flac")) {
        TagLib::FLAC::File f(name.constData());
        xiph(f.xiphComment(true));
        f.xiphComment()->removeAllPictures();  // FLAC keeps pictures as metadata blocks instead
        f.addPicture(picture());
        return f.save();
    }
    if (ext == QLatin1String("ogg")) {
        TagLib::Ogg::Vorbis::File f(name.constData());
        xiph(f.tag());
        return f.save();
    }
    if (ext == QLatin1String("opus")) {
        TagLib::Ogg::Opus::File f(name.constData());
        xiph(f.tag());
        return f.save();
    }
    if (ext == QLatin1String("m4a")) {
        TagLib::MP4::File f(name.constData());
        TagLib::MP4::Tag *t = f.tag();
        t->setItem("\251alb", TagLib::MP4::Item(TagLib::StringList("Album")));
        t->setItem("\251cmt", TagLib::MP4::Item(TagLib::StringList("a comment")));
        t->setItem("----:com.apple.iTunes:REPLAYGAIN_TRACK_GAIN", TagLib::MP4::Item(TagLib::StringList("-6.50 dB")));
        t->setItem("trkn", TagLib::MP4::Item(3, 12));
        TagLib::MP4::CoverArtList covers;
        covers.append(TagLib::MP4::CoverArt(TagLib::MP4::CoverArt::PNG, TagLib::ByteVector("\x89PNG not really", 15)));
        t->setItem("covr", TagLib::MP4::Item(covers));
        return f.save();
    }
    if (ext == QLatin1String("wv")) {
        TagLib::WavPack::File f(name.constData());
        TagLib::APE::Tag *t = f.APETag(true);
        t->addValue("Album", "Album");
        t->addValue("REPLAYGAIN_TRACK_GAIN", "-6.50 dB");
        tagtest::addApeCover(t, TagLib::ByteVector("front.png\0\x89PNG", 14));
        return f.save();
    }
    return false;
}

quint32 be32(const QByteArray &b, qsizetype at)
{
    return quint32(uchar(b[at])) << 24 | quint32(uchar(b[at + 1])) << 16 | quint32(uchar(b[at + 2])) << 8 | uchar(b[at + 3]);
}

void putBe32(QByteArray &b, qsizetype at, quint32 v)
{
    b[at] = char(v >> 24);
    b[at + 1] = char(v >> 16);
    b[at + 2] = char(v >> 8);
    b[at + 3] = char(v);
}

// The offset of the child box `type` inside the box at `box` (its payload starts `skip` bytes
// after the 8-byte header), or -1.
qsizetype child(const QByteArray &b, qsizetype box, const char *type, int skip = 0)
{
    const qsizetype end = box < 0 ? b.size() : box + be32(b, box);
    for (qsizetype p = box < 0 ? 0 : box + 8 + skip; p + 8 <= end;) {
        const quint32 size = be32(b, p);
        if (size < 8)
            return -1;
        if (b.mid(p + 4, 4) == type)
            return p;
        p += size;
    }
    return -1;
}

// Repeats the ilst item `item` (e.g. "\xa9cmt") in an M4A whose moov box comes last, as some
// taggers leave files: TagLib keeps the first of the two.
bool duplicateMp4Item(const QString &path, const QByteArray &item)
{
    QByteArray b = tagtest::readAll(path);
    const qsizetype moov = child(b, -1, "moov");
    if (moov < 0 || moov + be32(b, moov) != b.size())
        return false;  // inserting would move the audio the sample tables point to
    const qsizetype udta = child(b, moov, "udta");
    const qsizetype meta = udta < 0 ? -1 : child(b, udta, "meta");
    const qsizetype ilst = meta < 0 ? -1 : child(b, meta, "ilst", 4);  // meta is a full box
    const qsizetype at = ilst < 0 ? -1 : child(b, ilst, item.constData());
    if (at < 0)
        return false;
    const QByteArray copy = b.mid(at, be32(b, at));
    b.insert(at + copy.size(), copy);
    for (qsizetype box : {moov, udta, meta, ilst})
        putBe32(b, box, be32(b, box) + quint32(copy.size()));
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
}

} // namespace

class TestTagStructure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everythingElseKept_data();
    void everythingElseKept();
    void mp4RepeatedItemRefused();
    void apeItemsDifferingInCaseRefused();
};

void TestTagStructure::everythingElseKept_data()
{
    QTest::addColumn<QString>("ext");
    for (const char *ext : {"flac", "ogg", "opus", "m4a", "wv"})
        QTest::newRow(ext) << QString::fromLatin1(ext);
}

void TestTagStructure::everythingElseKept()
{
    QFETCH(QString, ext);
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.") + ext, 1.5);
    QVERIFY(!a.isEmpty());
    QVERIFY(decorate(a));
    QString error;
    QStringList before;
    {
        const std::unique_ptr<TagFile> tf = TagFile::open(a, &error);
        QVERIFY2(tf, qPrintable(error));
        before = tf->structure();
    }
    QVERIFY2(before.size() >= 3, qPrintable(before.join(QLatin1String(", "))));
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("calm")}},
                                                        {TagField::Genre, {QStringLiteral("classical")}}});
    QVERIFY2(r.ok() && r.written, qPrintable(r.error));
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("classical")});
    const std::unique_ptr<TagFile> tf = TagFile::open(a, &error);
    QVERIFY(tf);
    QStringList after = tf->structure();
    QStringList owned = tf->ownedKeys(TagField::Mood) + tf->ownedKeys(TagField::Genre);
    for (const QString &key : std::as_const(owned))
        after.removeAll(key);
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("calm")});
    QStringList expected = before;
    expected.removeIf([&](const QString &k) { return owned.contains(k); });
    expected.sort();
    after.sort();
    QCOMPARE(after, expected);
}

void TestTagStructure::mp4RepeatedItemRefused()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("dup.m4a"), 1.5);
    QVERIFY(!a.isEmpty());
    QVERIFY(decorate(a));
    QVERIFY(duplicateMp4Item(a, QByteArray("\251cmt")));
    const QByteArray bytes = tagtest::readAll(a);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("classical")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("\u00a9cmt")) && r.error.contains(QStringLiteral("not changed")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(a), bytes);
}

void TestTagStructure::apeItemsDifferingInCaseRefused()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("dup.wv"), 1.5);
    QVERIFY(!a.isEmpty());
    {   // Replace TagLib's tag by one that has "Album" and "ALBUM": TagLib sees one item.
        TagLib::WavPack::File f(QFile::encodeName(a).constData());
        f.strip();
        QVERIFY(f.save());
    }
    {
        QFile f(a);
        QVERIFY(f.open(QIODevice::Append));
        f.write(tagtest::rawApeTag({{"Album", "One"}, {"ALBUM", "Two"}, {"Genre", "Rock"}}));
    }
    const QByteArray bytes = tagtest::readAll(a);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("classical")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("merged")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(a), bytes);
}

QTEST_GUILESS_MAIN(TestTagStructure)
#include "tst_tagstructure.moc"
