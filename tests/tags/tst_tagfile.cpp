// Round trips of Spectag's fields through every supported format, checked by Spectag itself, by
// kid3-cli and by mutagen; foreign fields and the audio payload must survive untouched.
#include "tagtesthelpers.h"

#include "audio/payloadhash.h"
#include "tags/safetagwriter.h"
#include "tags/tagfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spectag;

class TestTagFile : public QObject {
    Q_OBJECT

private:
    // A file with foreign fields already in it (cover, custom text, ReplayGain, lyrics, PRIV).
    QString fixture(const QTemporaryDir &dir, const QString &name, bool v23);
    const TagValueMap m_values{
        {TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Calm")}},
        {TagField::Genre, {QStringLiteral("Rock"), QStringLiteral("Jazz Fusion")}},
        {TagField::MoodScores, {QStringLiteral("happy=0.830;calm=0.120")}},
        {TagField::GenreScores, {QStringLiteral("rock=0.700;jazz fusion=0.250")}},
    };

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void unicodePaths_data();
    void unicodePaths();
    void realMusic();
    void badInput_data();
    void badInput();
    void scores();
};

QString TestTagFile::fixture(const QTemporaryDir &dir, const QString &name, bool v23)
{
    const QString path = testutil::makeAudio(dir.path(), name, 1.0);
    if (path.isEmpty())
        return {};
    if (tagtest::haveMutagen()) {
        const testutil::ProcResult r = tagtest::probe(QStringLiteral("add-foreign"), path, v23 ? QStringList{QStringLiteral("v23")} : QStringList{});
        if (!r.ok()) {
            qWarning() << "tagprobe add-foreign failed" << r.err;
            return {};
        }
    }
    return path;
}

void TestTagFile::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("version");  // Id3v2Version as int
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("kid3ListsAll");  // kid3-cli's listing shows only the first value of an APE list
    QTest::newRow("mp3 id3v2.4") << "a.mp3" << int(Id3v2Version::V4) << "MP3 (ID3v2.4)" << true;
    QTest::newRow("mp3 id3v2.3") << "a.mp3" << int(Id3v2Version::V3) << "MP3 (ID3v2.3)" << true;
    QTest::newRow("flac") << "a.flac" << int(Id3v2Version::Keep) << "FLAC (Vorbis comment)" << true;
    QTest::newRow("ogg") << "a.ogg" << int(Id3v2Version::Keep) << "Ogg Vorbis (Vorbis comment)" << true;
    QTest::newRow("opus") << "a.opus" << int(Id3v2Version::Keep) << "Opus (Vorbis comment)" << true;
    QTest::newRow("m4a") << "a.m4a" << int(Id3v2Version::Keep) << "MP4 (iTunes atoms)" << true;
    QTest::newRow("wav") << "a.wav" << int(Id3v2Version::V4) << "WAV (ID3v2.4)" << true;
    QTest::newRow("aiff") << "a.aiff" << int(Id3v2Version::V4) << "AIFF (ID3v2.4)" << true;
    QTest::newRow("aiff id3v2.3") << "a.aiff" << int(Id3v2Version::V3) << "AIFF (ID3v2.3)" << true;
    // ffmpeg cannot make Monkey's Audio; WavPack carries the same APEv2 tag.
    QTest::newRow("wavpack (APEv2)") << "a.wv" << int(Id3v2Version::Keep) << "WavPack (APEv2)" << false;
}

void TestTagFile::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(int, version);
    QFETCH(QString, format);
    QFETCH(bool, kid3ListsAll);
    const bool v23 = version == int(Id3v2Version::V3);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = fixture(dir, name, v23);
    QVERIFY2(!path.isEmpty(), "fixture");
    const PayloadHash before = audioPayloadHash(path, PayloadHashMode::Full);
    QVERIFY2(before.ok(), qPrintable(before.error));
    const QByteArray foreignBefore = tagtest::haveMutagen() ? tagtest::probe(QStringLiteral("dump-foreign"), path).out : QByteArray();

    SafeTagWriter writer;
    writer.setId3v2Version(Id3v2Version(version));
    const SafeWriteResult r = writer.write(path, m_values);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.written);
    QCOMPARE(r.warnings.isEmpty(), !v23);  // only v2.3 loses the lists (joined into one text)

    // Spectag reads back exactly what was asked for, in every format.
    QString error;
    std::unique_ptr<TagFile> tf = TagFile::open(path, &error);
    QVERIFY2(tf, qPrintable(error));
    QCOMPARE(tf->formatName(), format);
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        QCOMPARE(tf->values(it.key()), it.value());
    QVERIFY(tf->info().durationSeconds > 0.9 && tf->info().durationSeconds < 1.2);

    const PayloadHash after = audioPayloadHash(path, PayloadHashMode::Full);
    QVERIFY2(after.ok(), qPrintable(after.error));
    QCOMPARE(after.hash, before.hash);
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 1);  // no temporary file left

    if (tagtest::haveKid3()) {
        // kid3 shows ID3v2.4/Vorbis/MP4/APE lists as values; our ID3v2.3 convention is one "; " text.
        QStringList mood = v23 ? QStringList{QStringLiteral("Happy; Calm")} : m_values.value(TagField::Mood);
        QStringList genre = v23 ? QStringList{QStringLiteral("Rock; Jazz Fusion")} : m_values.value(TagField::Genre);
        if (!kid3ListsAll) {
            mood = mood.mid(0, 1);
            genre = genre.mid(0, 1);
        }
        QCOMPARE(tagtest::kid3Values(path, QStringLiteral("Mood")), mood);
        QCOMPARE(tagtest::kid3Values(path, QStringLiteral("Genre")), genre);
    }
    if (tagtest::haveMutagen()) {
        const QJsonObject m = tagtest::mutagenRead(path);
        QVERIFY2(!m.contains(QStringLiteral("error")), qPrintable(m.value(QStringLiteral("error")).toString()));
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            QCOMPARE(tagtest::jsonList(m.value(tagFieldName(it.key()))), it.value());
        // Cover art, custom fields, ReplayGain, lyrics, private frames: identical content.
        QCOMPARE(tagtest::probe(QStringLiteral("dump-foreign"), path).out, foreignBefore);
        QVERIFY(foreignBefore.contains("bar") || foreignBefore.contains("foo") || foreignBefore.contains("FOO"));
    }

    // Writing the same values again changes nothing at all, not even the file's bytes.
    const QByteArray bytes = tagtest::readAll(path);
    const SafeWriteResult again = writer.write(path, m_values);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(!again.written);
    QCOMPARE(tagtest::readAll(path), bytes);

    // Removing the fields: Spectag, and mutagen, see nothing; the foreign fields are still there.
    TagValueMap empty;
    for (TagField f : kAllTagFields)
        empty.insert(f, {});
    const SafeWriteResult cleared = writer.write(path, empty);
    QVERIFY2(cleared.ok(), qPrintable(cleared.error));
    tf = TagFile::open(path, &error);
    QVERIFY(tf);
    for (TagField f : kAllTagFields)
        QVERIFY(tf->values(f).isEmpty());
    if (tagtest::haveMutagen())
        QCOMPARE(tagtest::probe(QStringLiteral("dump-foreign"), path).out, foreignBefore);
}

void TestTagFile::unicodePaths_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("emoji") << QStringLiteral("\U0001F3B5 song \U0001F600.flac");
    QTest::newRow("rtl") << QStringLiteral("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627.mp3");
    QTest::newRow("combining") << QStringLiteral("Cafe\u0301 n\u0303.ogg");
    QTest::newRow("spaces and quotes") << QStringLiteral("it's \"x\" ; y.m4a");
    QTest::newRow("name near NAME_MAX") << QString(QString(60, QChar(0x00E9)) + QString(120, QLatin1Char('x')) + QStringLiteral(".wav"));
}

void TestTagFile::unicodePaths()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString sub = dir.filePath(QStringLiteral("d\u00E9j\u00E0 \U0001F3B6"));
    QVERIFY(QDir().mkpath(sub));
    const QString plain = testutil::makeAudio(sub, QStringLiteral("plain.") + QFileInfo(name).suffix(), 0.5);
    QVERIFY(!plain.isEmpty());
    const QString path = QDir(sub).filePath(name);
    QVERIFY(QFile::rename(plain, path));
    const SafeWriteResult r = SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("\u00C9nergique \U0001F525")}}});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QString error;
    std::unique_ptr<TagFile> tf = TagFile::open(path, &error);
    QVERIFY2(tf, qPrintable(error));
    QCOMPARE(tf->values(TagField::Mood), QStringList{QStringLiteral("\u00C9nergique \U0001F525")});
    QCOMPARE(QDir(sub).entryList(QDir::Files | QDir::Hidden), QStringList{name});
}

void TestTagFile::realMusic()
{
    const QStringList files = testutil::realMusicFiles(1);
    if (files.isEmpty())
        QSKIP("wesnoth-1.16-music is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QFileInfo(files.front()).fileName());
    QVERIFY(QFile::copy(files.front(), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    const TagFileState before = SafeTagWriter::readState(path, true);
    QVERIFY2(before.ok(), qPrintable(before.error));
    const QByteArray foreignBefore = tagtest::haveMutagen() ? tagtest::probe(QStringLiteral("dump-foreign"), path).out : QByteArray();
    const TagValueMap values{{TagField::Mood, {QStringLiteral("Epic"), QStringLiteral("Heroic")}},
                             {TagField::Genre, {QStringLiteral("Soundtrack")}}};
    const SafeWriteResult r = SafeTagWriter().write(path, values, &before);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const TagFileState after = SafeTagWriter::readState(path, true);
    QCOMPARE(after.payloadHash, before.payloadHash);
    QCOMPARE(after.values.value(TagField::Mood), values.value(TagField::Mood));
    QCOMPARE(after.info.title, before.info.title);
    if (tagtest::haveKid3())
        QCOMPARE(tagtest::kid3Values(path, QStringLiteral("Mood")), values.value(TagField::Mood));
    if (tagtest::haveMutagen())
        QCOMPARE(tagtest::probe(QStringLiteral("dump-foreign"), path).out, foreignBefore);
}

void TestTagFile::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("text as mp3") << "t.mp3" << QByteArray("just some text, not audio\n") << "not a";
    QTest::newRow("text as flac") << "t.flac" << QByteArray("fLaC but nothing else") << "not a valid flac";
    QTest::newRow("empty m4a") << "t.m4a" << QByteArray() << "not a valid m4a";
    QTest::newRow("unknown extension") << "t.xyz" << QByteArray("data") << "unsupported";
}

void TestTagFile::badInput()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, errorPart);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const SafeWriteResult r = SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("x")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(path), content);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestTagFile::scores()
{
    const auto parsed = parseScores(QStringLiteral(" happy=0.8, sad = 0.1;dark jazz=1e-3 "));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), size_t(3));
    QCOMPARE(parsed->at(2).first, QStringLiteral("dark jazz"));
    QCOMPARE(formatScores(*parsed), QStringLiteral("happy=0.800;sad=0.100;dark jazz=0.001"));
    QString error;
    QVERIFY(!parseScores(QStringLiteral("happy"), &error));
    QVERIFY(error.contains(QStringLiteral("happy")));
    QVERIFY(!parseScores(QStringLiteral("happy=nan")));
    QVERIFY(!parseScores(QStringLiteral("=0.5")));
}

QTEST_GUILESS_MAIN(TestTagFile)
#include "tst_tagfile.moc"
