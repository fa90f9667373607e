// What a safe tag write must keep besides the tags it was asked to change, found by a review of
// the copy-and-rename writer: hard links, extended attributes and ACLs, a concurrent edit that
// restores the mtime, and ID3 frames TagLib does not carry over (ID3v2.3's RVAD/TSIZ, TMOO in a
// v2.3 tag, another tagger's TXXX:MOOD, v2.2 tags). Each test failed before its fix.
#include "apecover.h"
#include "tagtesthelpers.h"

#include "tags/safetagwriter.h"
#include "tags/tagbatch.h"
#include "tags/tagfile.h"
#include "tags/tagjournal.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtEndian>
#include <QTest>

#include <taglib/apeitem.h>
#include <taglib/apetag.h>
#include <taglib/id3v1genres.h>
#include <taglib/infotag.h>
#include <taglib/wavfile.h>
#include <taglib/id3v1tag.h>
#include <taglib/mpegfile.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace spectag;

namespace {

using tagtest::valuesOf;

QByteArray bytes4(char a, char b, char c, char d)
{
    const char raw[4] = {a, b, c, d};
    return QByteArray(raw, 4);
}
QByteArray be32(quint32 v) { return bytes4(char(v >> 24), char(v >> 16), char(v >> 8), char(v)); }
QByteArray syncsafe(quint32 v) { return bytes4(char(v >> 21 & 0x7f), char(v >> 14 & 0x7f), char(v >> 7 & 0x7f), char(v & 0x7f)); }

// One ID3v2 frame, text frames as Latin-1 (encoding byte 0).
QByteArray frame(int version, const char *id, const QByteArray &body)
{
    if (version == 2)
        return QByteArray(id) + be32(quint32(body.size())).mid(1) + body;
    return QByteArray(id) + (version == 4 ? syncsafe(quint32(body.size())) : be32(quint32(body.size()))) + QByteArray(2, '\0') + body;
}
QByteArray text(const QByteArray &s) { return '\0' + s; }
QByteArray txxx(const QByteArray &description, const QByteArray &value) { return '\0' + description + '\0' + value; }

// An MP3 whose own tag is replaced by `frames` in an ID3v2.<version> tag (with padding).
QString mp3WithTag(const QString &dir, const QString &name, int version, const QByteArray &frames)
{
    const QString src = testutil::makeAudio(dir, QStringLiteral("src-") + name, 1.5);
    if (src.isEmpty())
        return {};
    QByteArray audio = tagtest::readAll(src);
    QFile::remove(src);
    if (audio.startsWith("ID3")) {
        const auto *h = reinterpret_cast<const uchar *>(audio.constData());
        audio.remove(0, 10 + (int(h[6]) << 21 | int(h[7]) << 14 | int(h[8]) << 7 | int(h[9])));
    }
    const QByteArray body = frames + QByteArray(256, '\0');
    QFile f(QDir(dir).filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QByteArray("ID3") + char(version) + '\0' + '\0' + syncsafe(quint32(body.size())) + body + audio);
    return f.fileName();
}

} // namespace

class TestTagSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hardLinksRefused();
    void extendedAttributesKept();
    void editWithRestoredMtimeRefused();
    void id3v23FramesTagLibWouldDrop();
    void id3v23MoodCarriedOver();
    void bothMoodFramesJournaled();
    void id3v22NeedsExplicitVersion();
    void journalLockedMidBatch();
    void longJoinWarningIsElided();
    void otherTagBlocksAreNamed();
    void otherTagBlocksKeptInStep();
    void apeTagWithRepeatedKeysLeftAlone();
    void wavInfoGenreIsNamed();
};

// After a copy-and-rename the other name would keep the old inode and the old tags.
void TestTagSafety::hardLinksRefused()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    QVERIFY(!a.isEmpty());
    const QString b = dir.filePath(QStringLiteral("b.flac"));
    QVERIFY(::link(QFile::encodeName(a).constData(), QFile::encodeName(b).constData()) == 0);
    const QByteArray bytes = tagtest::readAll(a);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Sad")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("2 hard links")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(a), bytes);
    QCOMPARE(tagtest::readAll(b), bytes);
}

// A user attribute and a POSIX ACL (stored as system.posix_acl_access) survive the swap.
void TestTagSafety::extendedAttributesKept()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.ogg"), 0.5);
    QVERIFY(!a.isEmpty());
    const QByteArray path = QFile::encodeName(a);
    if (::setxattr(path.constData(), "user.spectag.test", "kept", 4, 0) != 0 && errno == ENOTSUP)
        QSKIP("this file system stores no user extended attributes");
    QVERIFY(::getxattr(path.constData(), "user.spectag.test", nullptr, 0) == 4);
    // ACL: owner rw, named user 65534 rw, group r, mask rw, other r (the xattr's binary form).
    const auto entry = [](quint16 tag, quint16 perm, quint32 id) {
        QByteArray e(8, '\0');
        qToLittleEndian(tag, e.data());
        qToLittleEndian(perm, e.data() + 2);
        qToLittleEndian(id, e.data() + 4);
        return e;
    };
    const QByteArray acl = QByteArray("\x02\x00\x00\x00", 4) + entry(0x01, 6, 0xffffffff) + entry(0x02, 6, 65534)
        + entry(0x04, 4, 0xffffffff) + entry(0x10, 6, 0xffffffff) + entry(0x20, 4, 0xffffffff);
    const bool haveAcl = ::setxattr(path.constData(), "system.posix_acl_access", acl.constData(), size_t(acl.size()), 0) == 0;

    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Calm")}}});
    QVERIFY2(r.ok() && r.written, qPrintable(r.error));
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Calm")});
    char value[16] = {};
    QCOMPARE(::getxattr(path.constData(), "user.spectag.test", value, sizeof value), ssize_t(4));
    QCOMPARE(QByteArray(value, 4), QByteArray("kept"));
    if (haveAcl) {
        QByteArray got(256, '\0');
        const ssize_t n = ::getxattr(path.constData(), "system.posix_acl_access", got.data(), size_t(got.size()));
        QCOMPARE(got.left(n), acl);
    }
}

// Kid3's and Picard's "keep timestamp", mp3gain -p: an edit of the same size that puts the mtime
// back. The change time still moves, and the stale plan must not overwrite that edit.
void TestTagSafety::editWithRestoredMtimeRefused()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    QVERIFY(!a.isEmpty());
    const TagFileState state = SafeTagWriter::readState(a, true);
    QVERIFY(state.ok());
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(a).constData(), &st) == 0);
    QTest::qSleep(20);
    {   // Another program writes in place (the same bytes here: same size, new mtime and ctime)...
        QFile f(a);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray all = f.readAll();
        f.seek(0);
        f.write(all);
    }
    const timespec times[2] = {st.st_atim, st.st_mtim};  // ...and puts the mtime back
    QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(a).constData(), times, 0) == 0);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Happy")}}}, &state);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("changed on disk since it was read")), qPrintable(r.error));
}

// TagLib drops ID3v2.3's RVAD and TSIZ on reading: writing the genre would silently lose them.
void TestTagSafety::id3v23FramesTagLibWouldDrop()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("old.mp3"), 3,
                                 frame(3, "TIT2", text("Song")) + frame(3, "RVAD", QByteArray("\x03\x10\x00\x10\x00\x10\x00\x10\x00\x10", 10))
                                     + frame(3, "TSIZ", text("12345")));
    QVERIFY(!a.isEmpty());
    const QByteArray bytes = tagtest::readAll(a);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("Jazz")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("RVAD, TSIZ")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(a), bytes);
    // Asking for the conversion to v2.4 explicitly accepts the loss (and the preview warned).
    SafeTagWriter v4;
    v4.setId3v2Version(Id3v2Version::V4);
    QVERIFY2(v4.write(a, {{TagField::Genre, {QStringLiteral("Jazz")}}}).ok(), "an explicit conversion was refused");
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("Jazz")});
}

// A v2.3 tag with a TMOO frame (v2.4's mood): TagLib drops TMOO when it saves v2.3, also when
// only the genre is written. The mood must survive, as TXXX:MOOD.
void TestTagSafety::id3v23MoodCarriedOver()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("mood.mp3"), 3,
                                 frame(3, "TIT2", text("Song")) + frame(3, "TMOO", text("Melancholy")) + frame(3, "TYER", text("1999")));
    QVERIFY(!a.isEmpty());
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Melancholy")});
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("Jazz")}}});
    QVERIFY2(r.ok() && r.written, qPrintable(r.error));
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("Jazz")});
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Melancholy")});
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    QCOMPARE(tf->info().title, QStringLiteral("Song"));
}

// TMOO and another tagger's TXXX:MOOD in one v2.4 tag: a mood write replaces both, so both are
// the "before" that the preview shows and undo restores (TXXX:MOOD used to vanish for good).
void TestTagSafety::bothMoodFramesJournaled()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("two.mp3"), 4,
                                 frame(4, "TMOO", text("Calm")) + frame(4, "TXXX", txxx("MOOD", "Dark")));
    QVERIFY(!a.isEmpty());
    QCOMPARE(valuesOf(a, TagField::Mood), (QStringList{QStringLiteral("Calm"), QStringLiteral("Dark")}));
    TagJournal journal(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(journal.open());
    const std::vector<FilePlan> plans = planTagWrites({{a, {{TagField::Mood, {QStringLiteral("Happy")}}}}}, {});
    QCOMPARE(plans.at(0).oldValues.value(TagField::Mood), (QStringList{QStringLiteral("Calm"), QStringLiteral("Dark")}));
    const BatchOutcome o = applyTagWrites(journal, plans, QStringLiteral("mood"), {});
    QCOMPARE(o.written, 1);
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Happy")});
    QCOMPARE(undoTagBatch(journal, o.batchId).written, 1);
    QCOMPARE(valuesOf(a, TagField::Mood), (QStringList{QStringLiteral("Calm"), QStringLiteral("Dark")}));
}

// TagLib writes v2.2 only as v2.4: not without being asked.
void TestTagSafety::id3v22NeedsExplicitVersion()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("v22.mp3"), 2, frame(2, "TT2", text("Old song")));
    QVERIFY(!a.isEmpty());
    const QByteArray bytes = tagtest::readAll(a);
    const SafeWriteResult r = SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Calm")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("ID3v2.2")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(a), bytes);
    SafeTagWriter v4;
    v4.setId3v2Version(Id3v2Version::V4);
    QVERIFY(v4.write(a, {{TagField::Mood, {QStringLiteral("Calm")}}}).ok());
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Calm")});
}

// Another program locks the catalog while a batch is being written (here: from the progress
// callback, before the first file): the file is written, its journal row cannot be updated past
// the busy timeout. The message says the files were written, and undo still restores them.
void TestTagSafety::journalLockedMidBatch()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    QVERIFY(!a.isEmpty());
    const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
    TagJournal journal(db);
    QVERIFY(journal.open());
    BatchOutcome o;
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(db);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        bool locked = false;
        o = applyTagWrites(journal, planTagWrites({{a, {{TagField::Mood, {QStringLiteral("Tense")}}}}}, {}), QStringLiteral("locked"), {},
                           nullptr, 0, [&](int, int, const QString &path) {
                               if (!path.isEmpty() && !locked)
                                   locked = lock.exec(QStringLiteral("BEGIN IMMEDIATE"));
                           });
        QVERIFY(locked);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    QCOMPARE(o.written, 1);
    QVERIFY2(o.error.contains(QStringLiteral("files were written")), qPrintable(o.error));
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Tense")});
    QCOMPARE(undoTagBatch(journal, o.batchId).written, 1);
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList());
}

// The ID3v2.3 preview warning about joined values quotes the text, shortened: 200 moods joined
// used to be printed whole.
void TestTagSafety::longJoinWarningIsElided()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("v23.mp3"), 3, frame(3, "TIT2", text("Song")));
    QVERIFY(!a.isEmpty());
    QStringList many;
    for (int i = 0; i < 200; ++i)
        many << QStringLiteral("mood%1").arg(i);
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    const QStringList w = tf->warnings(TagField::Mood, many);
    QVERIFY(!w.isEmpty());
    QVERIFY2(w.first().contains(QStringLiteral("200 values")), qPrintable(w.first()));
    QCOMPARE_LT(w.first().size(), 200);
}

// An MP3 that also carries an ID3v1 genre and an APE mood (written here with TagLib itself):
// Spectag writes ID3v2 only, and the preview says which old values the other blocks keep.
void TestTagSafety::otherTagBlocksAreNamed()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("blocks.mp3"), 4, frame(4, "TIT2", text("Song")));
    QVERIFY(!a.isEmpty());
    {
        TagLib::MPEG::File f(QFile::encodeName(a).constData());
        QVERIFY(f.isValid());
        f.ID3v1Tag(true)->setGenre("Pop");
        f.APETag(true)->addValue("MOOD", "Dark");
        QVERIFY(f.save(TagLib::MPEG::File::ID3v1 | TagLib::MPEG::File::APE, TagLib::File::StripNone));
    }
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    const QString genre = tf->warnings(TagField::Genre, {QStringLiteral("Jazz")}).join(QLatin1Char('\n'));
    QVERIFY2(genre.contains(QStringLiteral("ID3v1 tag keeps genre \"Pop\"")), qPrintable(genre));
    const QString mood = tf->warnings(TagField::Mood, {QStringLiteral("Happy")}).join(QLatin1Char('\n'));
    QVERIFY2(mood.contains(QStringLiteral("APE tag keeps mood \"Dark\"")), qPrintable(mood));
    // Nothing to say where the other block already agrees.
    QVERIFY(tf->warnings(TagField::Genre, {QStringLiteral("pop")}).isEmpty());
    // And the write leaves both blocks as they were.
    QVERIFY(SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("Jazz")}}}).ok());
    TagLib::MPEG::File after(QFile::encodeName(a).constData());
    QCOMPARE(QString::fromStdString(after.ID3v1Tag()->genre().to8Bit(true)), QStringLiteral("Pop"));
    QVERIFY(after.hasAPETag());
}

namespace {

// Each APE item of an MP3 as "KEY=value; value" (binary items as their bytes in hex).
QStringList apeItems(const QString &path)
{
    TagLib::MPEG::File f(QFile::encodeName(path).constData());
    QStringList out;
    if (!f.hasAPETag())
        return out;
    for (const auto &[key, item] : f.APETag()->itemListMap()) {
        const TagLib::ByteVector bin = item.binaryData();
        out << QString::fromStdString(key.to8Bit(true)) + QLatin1Char('=')
                   + (item.type() == TagLib::APE::Item::Binary ? QString::fromLatin1(QByteArray(bin.data(), int(bin.size())).toHex())
                                                               : QString::fromStdString(item.values().toString("; ").to8Bit(true)));
    }
    return out;
}

QByteArray lastBytes(const QString &path, int n)
{
    return tagtest::readAll(path).right(n);
}

} // namespace

// An MP3 whose ID3v1 genre and APE genre agree with its ID3v2 tag: a write keeps them in step
// (players that read only those blocks show the new values), changes nothing else in them (the
// ID3v1.0 comment uses all 30 characters, which TagLib's own ID3v1 rendering would cut), and undo
// puts them back. The APE mood differs from ID3v2's in case only: it is left alone (undo could not
// restore its spelling) and named in the preview.
void TestTagSafety::otherTagBlocksKeptInStep()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("step.mp3"), 4,
                                 frame(4, "TIT2", text("Song")) + frame(4, "TCON", text("Rock")) + frame(4, "TMOO", text("Calm")));
    QVERIFY(!a.isEmpty());
    {
        TagLib::MPEG::File f(QFile::encodeName(a).constData());
        QVERIFY(f.isValid());
        TagLib::APE::Tag *ape = f.APETag(true);
        ape->addValue("Genre", "Rock");
        ape->addValue("MOOD", "calm");
        ape->addValue("REPLAYGAIN_TRACK_GAIN", "-6.50 dB");
        tagtest::addApeCover(ape, TagLib::ByteVector("front.jpg\0\xff\xd8\xff\xe0", 14));
        QVERIFY(f.save(TagLib::MPEG::File::APE, TagLib::File::StripNone));
    }
    {   // An ID3v1.0 block with a 30-character comment and genre 17 (Rock), appended by hand.
        const auto field = [](const char *s, int n) -> QByteArray { return QByteArray(s).leftJustified(n, '\0', true); };
        QFile f(a);
        QVERIFY(f.open(QIODevice::Append));
        f.write("TAG" + field("Song", 30) + field("Artist", 30) + field("Album", 30) + field("1999", 4)
                + field("a comment of thirty characters", 30) + char(17));
    }
    const QByteArray v1Before = lastBytes(a, 128);
    const QStringList apeBefore = apeItems(a);
    QVERIFY2(apeBefore.contains(QStringLiteral("GENRE=Rock")), qPrintable(apeBefore.join(QLatin1Char('|'))));

    const TagValueMap wanted{{TagField::Genre, {QStringLiteral("electronic")}}, {TagField::Mood, {QStringLiteral("happy")}}};
    {
        const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
        QVERIFY(tf);
        QVERIFY2(tf->warnings(TagField::Genre, wanted.value(TagField::Genre)).isEmpty(),
                 qPrintable(tf->warnings(TagField::Genre, wanted.value(TagField::Genre)).join(QLatin1Char('\n'))));
        const QString mood = tf->warnings(TagField::Mood, wanted.value(TagField::Mood)).join(QLatin1Char('\n'));
        QVERIFY2(mood.contains(QStringLiteral("APE tag keeps mood \"calm\"")), qPrintable(mood));
    }
    TagJournal journal(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(journal.open());
    const BatchOutcome o = applyTagWrites(journal, planTagWrites({{a, wanted}}, {}), QStringLiteral("step"), {});
    QCOMPARE(o.written, 1);
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("electronic")});
    QByteArray v1Expected = v1Before;
    v1Expected[127] = char(TagLib::ID3v1::genreIndex("Electronic"));
    QCOMPARE(lastBytes(a, 128), v1Expected);
    QStringList apeExpected = apeBefore;
    apeExpected.replace(apeExpected.indexOf(QStringLiteral("GENRE=Rock")), QStringLiteral("GENRE=electronic"));
    QCOMPARE(apeItems(a), apeExpected);

    QCOMPARE(undoTagBatch(journal, o.batchId).written, 1);
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("Rock")});
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{QStringLiteral("Calm")});
    QCOMPARE(lastBytes(a, 128), v1Before);
    QCOMPARE(apeItems(a), apeBefore);

    // A genre ID3v1's fixed list does not have: the preview says its ID3v1 genre is cleared.
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    const QString w = tf->warnings(TagField::Genre, {QStringLiteral("chillwave")}).join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("no \"chillwave\"")), qPrintable(w));
    QVERIFY(SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("chillwave")}}}).ok());
    QCOMPARE(uchar(lastBytes(a, 1).at(0)), uchar(255));
    QVERIFY(apeItems(a).contains(QStringLiteral("GENRE=chillwave")));
}

// An APE tag that repeats an item name in another case ("Mood" and "MOOD"): TagLib keeps one item
// per name, so rendering it would lose the other. It is not kept in step, and stays byte for byte.
void TestTagSafety::apeTagWithRepeatedKeysLeftAlone()
{
    QTemporaryDir dir;
    const QString a = mp3WithTag(dir.path(), QStringLiteral("dup.mp3"), 4, frame(4, "TCON", text("Rock")));
    QVERIFY(!a.isEmpty());
    const QByteArray ape = tagtest::rawApeTag({{"GENRE", "Rock"}, {"Mood", "calm"}, {"MOOD", "dark"}});
    {
        QFile f(a);
        QVERIFY(f.open(QIODevice::Append));
        f.write(ape);
    }
    {
        TagLib::MPEG::File f(QFile::encodeName(a).constData());
        QVERIFY(f.hasAPETag());
        QCOMPARE(f.APETag()->itemListMap().size(), 2u);  // TagLib merged the two moods
    }
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    const QString w = tf->warnings(TagField::Genre, {QStringLiteral("electronic")}).join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("repeats item names")), qPrintable(w));
    QVERIFY(SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("electronic")}}}).ok());
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("electronic")});
    QCOMPARE(lastBytes(a, int(ape.size())), ape);
}

// A WAV's RIFF INFO genre is not written (only the ID3v2 chunk is), but the preview names it when
// it disagrees, and the write leaves the chunk as it was.
void TestTagSafety::wavInfoGenreIsNamed()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("info.wav"), 1.5);
    QVERIFY(!a.isEmpty());
    {
        TagLib::RIFF::WAV::File f(QFile::encodeName(a).constData());
        QVERIFY(f.isValid());
        f.InfoTag()->setGenre("Jazz");
        f.InfoTag()->setTitle("Song");
        QVERIFY(f.save(TagLib::RIFF::WAV::File::Info, TagLib::File::StripNone));
    }
    const std::unique_ptr<TagFile> tf = TagFile::open(a, nullptr);
    QVERIFY(tf);
    const QString w = tf->warnings(TagField::Genre, {QStringLiteral("rock")}).join(QLatin1Char('\n'));
    QVERIFY2(w.contains(QStringLiteral("RIFF INFO chunk keeps genre \"Jazz\"")), qPrintable(w));
    QVERIFY(tf->warnings(TagField::Genre, {QStringLiteral("jazz")}).isEmpty());
    QVERIFY(SafeTagWriter().write(a, {{TagField::Genre, {QStringLiteral("rock")}}}).ok());
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{QStringLiteral("rock")});
    TagLib::RIFF::WAV::File after(QFile::encodeName(a).constData());
    QCOMPARE(QString::fromStdString(after.InfoTag()->genre().to8Bit(true)), QStringLiteral("Jazz"));
    QCOMPARE(QString::fromStdString(after.InfoTag()->title().to8Bit(true)), QStringLiteral("Song"));
}

QTEST_GUILESS_MAIN(TestTagSafety)
#include "tst_tagsafety.moc"
