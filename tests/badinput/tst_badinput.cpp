// Hostile and broken input through the whole file pipeline: scan into the catalog, plan and write
// tags (journaled), decode. Every row must end in a clear error or a correct result, and nothing
// already in the catalog or on disk may be lost: the good track stays, the bad file's bytes stay
// unless a verified write changed its tags, no stray temporary file is left, and the catalog passes
// PRAGMA integrity_check. (Decoder-only rows live in tst_audiodecoder; this is the end-to-end table.)
#include "common/testutil.h"

#include "audio/audiodecoder.h"
#include "audio/payloadhash.h"
#include "catalog/catalog.h"
#include "scan/scanner.h"
#include "tags/safetagwriter.h"
#include "tags/tagbatch.h"
#include "tags/tagjournal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <cstdio>

#include <cmath>
#include <cstring>
#include <limits>

#include <sys/stat.h>
#include <unistd.h>

using namespace spectag;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

QString integrityCheck(const Catalog &catalog)
{
    QSqlQuery q(catalog.database());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return QStringLiteral("integrity_check did not run");
    return q.value(0).toString();
}

const ScanFailure *failureFor(const ScanStats &s, const QString &path)
{
    for (const ScanFailure &f : s.failures)
        if (f.path == path)
            return &f;
    return nullptr;
}

// A tag value whose UTF-8 bytes are replaced in place by malformed sequences (see patchBytes).
const QByteArray kPlaceholder = "QQQQQQQQQQQQ";
// A lone continuation byte, an overlong '(', a UTF-16 surrogate and a 5-byte form: all invalid.
const QByteArray kMalformed = QByteArray("\x80\xc0\xa8\xed\xa0\x80\xf8\x88\x80\x80\x80\xff", 12);

bool patchBytes(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QByteArray b = readAll(path);
    const qsizetype at = b.indexOf(from);
    if (at < 0 || from.size() != to.size())
        return false;
    b.replace(at, from.size(), to);
    return writeAll(path, b);
}

const TagValueMap kNewValues{{TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Energetic")}},
                             {TagField::Genre, {QStringLiteral("Rock")}}};

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badFile_data();
    void badFile();
    void oddPath_data();
    void oddPath();
    void directoryTraps_data();
    void directoryTraps();
    void unreadableFolder();
    void changedBeforeWrite_data();
    void changedBeforeWrite();
    void tenHourFile();

private:
    QString fixture(const QString &ext) const { return m_fixtures.filePath(QStringLiteral("good.") + ext); }
    // Scans m_music into m_catalog and checks the good track and the catalog's health.
    ScanStats scanAndCheck();

    QTemporaryDir m_fixtures;
    std::optional<QTemporaryDir> m_lib;
    std::optional<Catalog> m_catalog;
    QString m_music;
    QString m_good;
    qint64 m_goodId = 0;
};

void TestBadInput::initTestCase()
{
    if (!testutil::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("ffmpeg CLI not installed");
    QVERIFY(m_fixtures.isValid());
    int i = 0;
    for (const char *ext : {"mp3", "flac", "ogg", "m4a", "wav"}) {
        const QString f = testutil::makeAudio(m_fixtures.path(), QStringLiteral("good.") + QLatin1String(ext), 1.0,
                                              QStringLiteral("sine=frequency=%1").arg(330 + 110 * i++));
        QVERIFY(!f.isEmpty());
        const SafeWriteResult r = SafeTagWriter().write(f, {{TagField::Mood, {QStringLiteral("Calm")}}});
        QVERIFY2(r.ok(), qPrintable(r.error));
    }
}

void TestBadInput::init()
{
    m_lib.emplace();
    QVERIFY(m_lib->isValid());
    m_music = m_lib->filePath(QStringLiteral("music"));
    QVERIFY(QDir().mkpath(m_music));
    m_good = m_music + QStringLiteral("/good.flac");
    QVERIFY(QFile::copy(fixture(QStringLiteral("flac")), m_good));
    m_catalog.emplace();
    QVERIFY2(m_catalog->open(m_lib->filePath(QStringLiteral("catalog.sqlite"))), qPrintable(m_catalog->lastError()));
    Scanner scanner(&*m_catalog);
    const ScanStats s = scanner.scan({m_music});
    QCOMPARE(s.added, 1);
    m_goodId = m_catalog->trackByPath(m_good)->id;
}

void TestBadInput::cleanup()
{
    m_catalog.reset();
    // Folders a row made unreadable must be removable again.
    if (m_lib)
        ::chmod(QFile::encodeName(m_music + QStringLiteral("/locked")).constData(), 0755);
    m_lib.reset();
}

ScanStats TestBadInput::scanAndCheck()
{
    Scanner scanner(&*m_catalog);
    const ScanStats s = scanner.scan({m_music});
    const auto good = m_catalog->trackByPath(m_good);
    [&] {
        QVERIFY2(good, "the good track was lost");
        QCOMPARE(good->id, m_goodId);
        QCOMPARE(good->state, TrackState::Present);
        QCOMPARE(good->mood, QStringLiteral("Calm"));
        QCOMPARE(integrityCheck(*m_catalog), QStringLiteral("ok"));
    }();
    return s;
}

// kind: how the bad file is made. scan / write: "fail" (must be refused with a reason), "ok" (must
// succeed) or "any" (either, but with the invariants below).
void TestBadInput::badFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("scan");
    QTest::addColumn<QString>("write");
    QTest::newRow("zero-byte mp3") << "empty.mp3" << "fail" << "fail";
    QTest::newRow("zero-byte m4a") << "empty.m4a" << "fail" << "fail";
    QTest::newRow("random bytes .mp3") << "random.mp3" << "fail" << "fail";
    QTest::newRow("random bytes .flac") << "random.flac" << "fail" << "fail";
    QTest::newRow("random bytes .ogg") << "random.ogg" << "fail" << "fail";
    QTest::newRow("random bytes .m4a") << "random.m4a" << "fail" << "fail";
    QTest::newRow("random bytes .wav") << "random.wav" << "fail" << "fail";
    QTest::newRow("text named .opus") << "text.opus" << "fail" << "fail";
    // Truncated: a cut inside the headers is refused; a cut in the audio may still be a readable
    // (shorter) file. Either way nothing may be lost and a write must verify or not happen.
    for (const char *ext : {"mp3", "flac", "ogg", "m4a", "wav"}) {
        for (int permille : {1, 10, 50, 200, 500, 900, 999})
            QTest::newRow(qPrintable(QStringLiteral("truncated %1 at %2 permille").arg(QLatin1String(ext)).arg(permille)))
                << QStringLiteral("trunc%1.%2").arg(permille).arg(QLatin1String(ext)) << "any" << "any";
    }
    // Content of one format under another's extension.
    QTest::newRow("flac named .mp3") << "wrong:flac.mp3" << "any" << "any";
    QTest::newRow("mp3 named .flac") << "wrong:mp3.flac" << "any" << "any";
    QTest::newRow("ogg named .m4a") << "wrong:ogg.m4a" << "any" << "any";
    QTest::newRow("m4a named .ogg") << "wrong:m4a.ogg" << "any" << "any";
    QTest::newRow("wav named .mp3") << "wrong:wav.mp3" << "any" << "any";
    // Huge tags: an 8 MiB comment frame / Vorbis comment, and an ID3v2 header claiming 256 MiB.
    QTest::newRow("8 MiB ID3v2 comment") << "huge.mp3" << "ok" << "ok";
    QTest::newRow("8 MiB Vorbis comment in FLAC") << "huge.flac" << "ok" << "ok";
    QTest::newRow("ID3v2 size field 256 MiB") << "id3lie.mp3" << "any" << "any";
    // Float WAV whose samples include NaN and infinities (found by fuzz_decode): decoded as
    // silence there, never as non-finite samples that poison the spectrogram.
    QTest::newRow("float WAV with NaN and Inf samples") << "nan.wav" << "ok" << "any";
    // Malformed UTF-8 inside tag text: read as replacement characters, still writable.
    QTest::newRow("malformed UTF-8 in ID3v2") << "utf8.mp3" << "ok" << "ok";
    QTest::newRow("malformed UTF-8 in FLAC") << "utf8.flac" << "ok" << "ok";
    QTest::newRow("malformed UTF-8 in MP4") << "utf8.m4a" << "ok" << "ok";
}

void TestBadInput::badFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, scan);
    QFETCH(QString, write);
    const QString ext = QFileInfo(kind).suffix();
    QString path = m_music + QStringLiteral("/bad.") + ext;
    if (kind.startsWith(QLatin1String("empty"))) {
        QVERIFY(writeAll(path, {}));
    } else if (kind.startsWith(QLatin1String("random"))) {
        QByteArray b(48 * 1024, 0);
        quint32 s = 0x5eed0000u + quint32(qHash(kind));
        for (char &c : b)
            c = char((s = s * 1664525u + 1013904223u) >> 24);
        QVERIFY(writeAll(path, b));
    } else if (kind.startsWith(QLatin1String("text"))) {
        QVERIFY(writeAll(path, QByteArray("Not music at all.\n").repeated(500)));
    } else if (kind.startsWith(QLatin1String("trunc"))) {
        const int permille = kind.mid(5, kind.indexOf(QLatin1Char('.')) - 5).toInt();
        const QByteArray full = readAll(fixture(ext));
        QVERIFY(!full.isEmpty());
        QVERIFY(writeAll(path, full.left(std::max<qsizetype>(1, full.size() * permille / 1000))));
    } else if (kind.startsWith(QLatin1String("wrong:"))) {
        QVERIFY(QFile::copy(fixture(kind.section(QLatin1Char(':'), 1).section(QLatin1Char('.'), 0, 0)), path));
    } else if (kind.startsWith(QLatin1String("huge"))) {
        const QString meta = m_lib->filePath(QStringLiteral("meta.txt"));
        QVERIFY(writeAll(meta, ";FFMETADATA1\ntitle=Huge\ncomment=" + QByteArray(8 << 20, 'x') + "\n"));
        const testutil::ProcResult r = testutil::run(
            QStringLiteral("ffmpeg"), {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                       QStringLiteral("-i"), fixture(ext), QStringLiteral("-i"), meta, QStringLiteral("-map_metadata"),
                                       QStringLiteral("1"), QStringLiteral("-c"), QStringLiteral("copy"), path});
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY(QFileInfo(path).size() > (8 << 20));
    } else if (kind == QLatin1String("id3lie.mp3")) {
        // "ID3" v2.4, no flags, syncsafe size 0x0FFFFFFF (256 MiB), then a little junk and real MP3.
        QVERIFY(writeAll(path, QByteArray("ID3\x04\x00\x00\x7f\x7f\x7f\x7f", 10) + QByteArray(100, 'T')
                                   + readAll(fixture(QStringLiteral("mp3")))));
    } else if (kind == QLatin1String("nan.wav")) {
        // RIFF/WAVE, IEEE float (format 3), mono, 16 kHz, one second of a sine with NaN, +Inf and
        // -Inf sprinkled in.
        QByteArray h;
        auto le32 = [&](quint32 v) { for (int i = 0; i < 4; ++i) h.append(char((v >> (8 * i)) & 0xff)); };
        auto le16 = [&](quint16 v) { h.append(char(v & 0xff)); h.append(char(v >> 8)); };
        constexpr quint32 kSamples = 16000;
        h.append("RIFF"); le32(36 + 4 * kSamples); h.append("WAVE");
        h.append("fmt "); le32(16); le16(3); le16(1); le32(16000); le32(64000); le16(4); le16(32);
        h.append("data"); le32(4 * kSamples);
        for (quint32 i = 0; i < kSamples; ++i) {
            float v = 0.5f * std::sin(0.1f * float(i));
            if (i % 97 == 0)
                v = std::numeric_limits<float>::quiet_NaN();
            else if (i % 101 == 0)
                v = std::numeric_limits<float>::infinity();
            else if (i % 103 == 0)
                v = -std::numeric_limits<float>::infinity();
            quint32 bits;
            std::memcpy(&bits, &v, 4);
            le32(bits);
        }
        QVERIFY(writeAll(path, h));
    } else if (kind.startsWith(QLatin1String("utf8"))) {
        QVERIFY(QFile::copy(fixture(ext), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        QVERIFY(SafeTagWriter().write(path, {{TagField::Genre, {QString::fromLatin1(kPlaceholder)}}}).ok());
        QVERIFY2(patchBytes(path, kPlaceholder, kMalformed), "placeholder not found in the file");
    }
    QVERIFY(QFileInfo::exists(path));
    const QByteArray before = readAll(path);
    const PayloadHash payloadBefore = audioPayloadHash(path, PayloadHashMode::Full);
    const QStringList filesBefore = entries(m_music);

    // 1. Scan: refused with a reason, or catalogued; the good track and the catalog survive.
    const ScanStats s = scanAndCheck();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(s.found, 2);
    const ScanFailure *why = failureFor(s, path);
    const auto track = m_catalog->trackByPath(path);
    QVERIFY2(bool(why) != bool(track), "the bad file must be either refused or catalogued");
    if (why)
        QVERIFY2(!why->reason.trimmed().isEmpty(), "a refusal must say why");
    if (scan == QLatin1String("fail"))
        QVERIFY2(why, "expected the scan to refuse the file");
    else if (scan == QLatin1String("ok"))
        QVERIFY2(track, qPrintable(why ? why->reason : QString()));
    if (track) {
        QVERIFY(!track->fingerprint.isEmpty());
        // Whatever the tags held, the catalog keeps valid Unicode (a lossless UTF-8 round trip).
        for (const QString &v : {track->title, track->artist, track->album, track->genre, track->mood})
            QCOMPARE(QString::fromUtf8(v.toUtf8()), v);
    }
    QCOMPARE(m_catalog->trackCount(), track ? 2 : 1);

    // 2. A journaled tag write of the bad file (and the good one in the same batch).
    TagJournal journal(m_catalog->path());
    QVERIFY2(journal.open(), qPrintable(journal.error()));
    const std::vector<FilePlan> plans = planTagWrites({{path, kNewValues}, {m_good, kNewValues}}, {});
    QCOMPARE(plans.size(), size_t(2));
    const BatchOutcome o = applyTagWrites(journal, plans, QStringLiteral("bad input"), {});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.files.size(), size_t(2));
    const FileOutcome &bad = o.files.at(0);
    QCOMPARE(o.files.at(1).status, QStringLiteral("written"));  // the good file is not held up
    QVERIFY2(bad.status == QLatin1String("written") || bad.status == QLatin1String("failed"), qPrintable(bad.status));
    if (write == QLatin1String("fail"))
        QCOMPARE(bad.status, QStringLiteral("failed"));
    else if (write == QLatin1String("ok"))
        QVERIFY2(bad.status == QLatin1String("written"), qPrintable(bad.error));
    if (bad.status == QLatin1String("failed")) {
        QVERIFY2(!bad.error.trimmed().isEmpty(), "a failed write must say why");
        QVERIFY2(bad.error.contains(path) || bad.error.contains(QFileInfo(path).fileName()),
                 qPrintable(QStringLiteral("the error should name the file: ") + bad.error));
        QVERIFY2(readAll(path) == before, "a refused write changed the file");
    } else {
        // Written: the values read back and the audio is what it was.
        const TagFileState after = SafeTagWriter::readState(path, true);
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(after.values.value(TagField::Mood), kNewValues.value(TagField::Mood));
        QVERIFY(payloadBefore.ok());
        QCOMPARE(after.payloadHash, payloadBefore.hash);
    }
    QCOMPARE(entries(m_music), filesBefore);  // no temporary file left behind, nothing removed

    qInfo("scan: %s; write: %s", qPrintable(why ? QStringLiteral("refused (") + why->reason + QLatin1Char(')') : QStringLiteral("catalogued")),
          qPrintable(bad.status == QLatin1String("failed") ? QStringLiteral("refused (") + bad.error + QLatin1Char(')') : bad.status));

    // 3. Decoding gives audio or a coded error that names the file.
    DecodeError err;
    const std::vector<float> pcm = decodeFile(path, 16000, &err, 5.0);
    if (!err.ok())
        QVERIFY2(err.message.contains(path), qPrintable(err.message));
    for (float v : pcm)
        QVERIFY(std::isfinite(v));
    if (kind == QLatin1String("nan.wav"))
        QVERIFY2(err.ok() && pcm.size() > 15000, qPrintable(err.message));  // the finite rest is kept
    QCOMPARE(integrityCheck(*m_catalog), QStringLiteral("ok"));
}

void TestBadInput::oddPath_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("emoji") << QStringLiteral("\U0001F3B5 \U0001F469\u200D\U0001F52C song \U0001F600.flac");
    QTest::newRow("right-to-left") << QStringLiteral("\u05E9\u05D9\u05E8 \u0623\u063A\u0646\u064A\u0629 \u202Egalf.flac");
    QTest::newRow("combining characters (NFD)") << QStringLiteral("Cafe\u0301 Ame\u0301lie\u0308 Z\u0351\u0307\u0300.flac");
    QTest::newRow("newline and tab") << QStringLiteral("two\nlines\tand tab.flac");
    QTest::newRow("leading dash") << QStringLiteral("-rf --catalog.flac");
    QTest::newRow("quotes backslash percent") << QStringLiteral("it's \"quoted\" \\ 100% #1 ?.flac");
    QTest::newRow("250-byte name") << QString(240, QLatin1Char('a')) + QStringLiteral(".flac");
    QTest::newRow("hidden file") << QStringLiteral(".hidden song.flac");
}

void TestBadInput::oddPath()
{
    QFETCH(QString, name);
    const QString sub = m_music + QStringLiteral("/") + name.left(8).trimmed() + QStringLiteral(" folder \u00e9");
    QVERIFY(QDir().mkpath(sub));
    const QString path = sub + QStringLiteral("/") + name;
    QVERIFY2(QFile::copy(fixture(QStringLiteral("flac")), path), qPrintable(path));
    QVERIFY(QFileInfo::exists(path));

    const ScanStats s = scanAndCheck();
    QVERIFY2(s.failures.isEmpty(), qPrintable(s.failures.isEmpty() ? QString() : s.failures.first().reason));
    const auto track = m_catalog->trackByPath(path);
    QVERIFY2(track, "the catalog must keep the exact path");
    QCOMPARE(track->path, path);
    QCOMPARE(track->mood, QStringLiteral("Calm"));

    TagJournal journal(m_catalog->path());
    QVERIFY(journal.open());
    const BatchOutcome o = applyTagWrites(journal, planTagWrites({{path, kNewValues}}, {}), QStringLiteral("odd path"), {});
    QVERIFY2(o.written == 1, qPrintable(o.files.empty() ? o.error : o.files.front().error));
    QCOMPARE(SafeTagWriter::readState(path, false).values.value(TagField::Mood), kNewValues.value(TagField::Mood));
    QCOMPARE(entries(sub), QStringList{name});
    const BatchOutcome u = undoTagBatch(journal, o.batchId);
    QCOMPARE(u.written, 1);
    QCOMPARE(SafeTagWriter::readState(path, false).values.value(TagField::Mood), QStringList{QStringLiteral("Calm")});

    DecodeError err;
    QVERIFY(!decodeFile(path, 16000, &err).empty());
    QVERIFY2(err.ok(), qPrintable(err.message));

    // A rescan after the writes finds the same track (same id), not a new one.
    const ScanStats again = scanAndCheck();
    QCOMPARE(again.added, 0);
    QCOMPARE(m_catalog->trackByPath(path)->id, track->id);
}

// Folder shapes that make a naive walk loop forever or visit files twice.
void TestBadInput::directoryTraps_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("tracks");  // expected tracks in the catalog after the scan
    QTest::newRow("link to itself") << "self" << 1;
    QTest::newRow("link to the root") << "root" << 1;
    QTest::newRow("two folders linking to each other") << "mutual" << 2;
    QTest::newRow("dangling link with audio name") << "dangling" << 1;
    QTest::newRow("link loop through an audio name") << "audioloop" << 1;
    QTest::newRow("name not valid UTF-8") << "latin1" << 1;
}

void TestBadInput::directoryTraps()
{
    QFETCH(QString, shape);
    QFETCH(int, tracks);
    const QString a = m_music + QStringLiteral("/a"), b = m_music + QStringLiteral("/b");
    QVERIFY(QDir().mkpath(a) && QDir().mkpath(b));
    if (shape == QLatin1String("self")) {
        QVERIFY(QFile::link(a, a + QStringLiteral("/again")));
    } else if (shape == QLatin1String("root")) {
        QVERIFY(QFile::link(m_music, b + QStringLiteral("/up")));
    } else if (shape == QLatin1String("mutual")) {
        QVERIFY(QFile::copy(fixture(QStringLiteral("ogg")), b + QStringLiteral("/b.ogg")));
        QVERIFY(QFile::link(b, a + QStringLiteral("/to-b")));
        QVERIFY(QFile::link(a, b + QStringLiteral("/to-a")));
    } else if (shape == QLatin1String("dangling")) {
        QVERIFY(QFile::link(m_music + QStringLiteral("/nowhere.flac"), a + QStringLiteral("/gone.flac")));
    } else if (shape == QLatin1String("audioloop")) {
        // A symlink named like audio that points at a folder that contains it.
        QVERIFY(QFile::link(a, a + QStringLiteral("/loop.mp3")));
    } else if (shape == QLatin1String("latin1")) {
        // "café.flac" written by an old Latin-1 system: byte 0xE9, invalid as UTF-8. Qt cannot
        // name it, so it must be reported, not skipped in silence (it used to be).
        const QByteArray raw = QFile::encodeName(a) + QByteArray("/caf\xe9.flac");
        QVERIFY(QFile::copy(fixture(QStringLiteral("flac")), a + QStringLiteral("/cafe.flac")));
        QVERIFY(::rename(QFile::encodeName(a + QStringLiteral("/cafe.flac")).constData(), raw.constData()) == 0);
    }
    QElapsedTimer t;
    t.start();
    const ScanStats s = scanAndCheck();
    QVERIFY(t.elapsed() < 60000);
    QCOMPARE(m_catalog->trackCount(), tracks);
    if (shape == QLatin1String("dangling")) {
        const ScanFailure *f = failureFor(s, a + QStringLiteral("/gone.flac"));
        QVERIFY(f);
        QVERIFY2(f->reason.contains(QStringLiteral("link")), qPrintable(f->reason));
    }
    if (shape == QLatin1String("latin1")) {
        // Qt cannot delete it either (QTemporaryDir would leave the folder behind).
        const auto unlinkRaw = qScopeGuard([&] { ::unlink(QByteArray(QFile::encodeName(a) + QByteArray("/caf\xe9.flac")).constData()); });
        const ScanFailure *f = failureFor(s, a + QStringLiteral("/caf\\xE9.flac"));
        QVERIFY2(f, "the file with a Latin-1 name was skipped without a word");
        QVERIFY2(f->reason.contains(QStringLiteral("not valid UTF-8")), qPrintable(f->reason));
    }
}

// An unreadable folder is reported and the rest of the library is still scanned. Root reads every
// folder, so then the scan runs as user nobody through badinput_scanhelper.
void TestBadInput::unreadableFolder()
{
    const QString locked = m_music + QStringLiteral("/locked");
    QVERIFY(QDir().mkpath(locked));
    QVERIFY(QFile::copy(fixture(QStringLiteral("mp3")), locked + QStringLiteral("/secret.mp3")));
    QVERIFY(QFile::copy(fixture(QStringLiteral("ogg")), m_music + QStringLiteral("/open.ogg")));
    QVERIFY(::chmod(QFile::encodeName(locked).constData(), 0) == 0);
    QJsonObject stats;
    if (::geteuid() != 0) {
        stats = scanAndCheck().toJson();
    } else {
        if (!testutil::haveProgram(QStringLiteral("setpriv")))
            QSKIP("running as root without setpriv: cannot make a folder unreadable");
        // nobody needs to reach the library and write the catalog (a copy in its own folder).
        m_catalog.reset();
        for (const QString &p : {m_lib->path(), m_music})
            QVERIFY(::chmod(QFile::encodeName(p).constData(), 0777) == 0);
        QVERIFY(::chmod(QFile::encodeName(m_good).constData(), 0644) == 0);
        const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/badinput_scanhelper");
        const QString db = m_lib->filePath(QStringLiteral("catalog.sqlite"));
        for (const QString &f : QDir(m_lib->path()).entryList({QStringLiteral("catalog.sqlite*")}, QDir::Files))
            QVERIFY(::chown(QFile::encodeName(m_lib->filePath(f)).constData(), 65534, 65534) == 0);
        const testutil::ProcResult r = testutil::run(
            QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                        QStringLiteral("--clear-groups"), helper, db, m_music});
        if (r.err.contains("Permission denied") && r.err.contains("badinput_scanhelper"))
            QSKIP("the build directory is not reachable by user nobody");
        QVERIFY2(r.ok(), QByteArray(r.out + r.err).constData());
        stats = QJsonDocument::fromJson(r.out).object();
        m_catalog.emplace();
        QVERIFY(m_catalog->open(db));
        QCOMPARE(integrityCheck(*m_catalog), QStringLiteral("ok"));
    }
    bool reported = false;
    for (const QJsonValue &v : stats.value(QLatin1String("failures")).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value(QLatin1String("path")).toString() == locked) {
            reported = true;
            QVERIFY2(f.value(QLatin1String("reason")).toString().contains(QStringLiteral("permission")),
                     qPrintable(f.value(QLatin1String("reason")).toString()));
        }
    }
    QVERIFY2(reported, QJsonDocument(stats).toJson().constData());
    QVERIFY(m_catalog->trackByPath(m_music + QStringLiteral("/open.ogg")));
    QVERIFY(m_catalog->trackByPath(m_good));
    QVERIFY(!m_catalog->trackByPath(locked + QStringLiteral("/secret.mp3")));
}

// The file changes between planning (what the preview showed) and writing.
void TestBadInput::changedBeforeWrite_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("deleted") << "delete" << "no such file";
    QTest::newRow("replaced by another song") << "replace" << "changed";
    QTest::newRow("truncated to zero") << "truncate" << "changed";
    QTest::newRow("replaced by a folder") << "folder" << "not a regular file";
    QTest::newRow("retagged by another program") << "retag" << "changed";
    QTest::newRow("made read-only") << "readonly" << "read-only";
}

void TestBadInput::changedBeforeWrite()
{
    QFETCH(QString, change);
    QFETCH(QString, errorPart);
    const QString path = m_music + QStringLiteral("/victim.mp3");
    QVERIFY(QFile::copy(fixture(QStringLiteral("mp3")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    scanAndCheck();
    QVERIFY(m_catalog->trackByPath(path));

    TagJournal journal(m_catalog->path());
    QVERIFY(journal.open());
    const std::vector<FilePlan> plans = planTagWrites({{path, kNewValues}, {m_good, kNewValues}}, {});
    QVERIFY(plans.at(0).error.isEmpty());

    QByteArray expectedBytes;
    if (change == QLatin1String("delete")) {
        QVERIFY(QFile::remove(path));
    } else if (change == QLatin1String("replace")) {
        // Another file moved over it (a new inode), as a download or a sync tool does.
        const QString made = testutil::makeAudio(m_lib->path(), QStringLiteral("other.mp3"), 0.7, QStringLiteral("sine=frequency=990"));
        QVERIFY(!made.isEmpty());
        QVERIFY(::rename(QFile::encodeName(made).constData(), QFile::encodeName(path).constData()) == 0);
        expectedBytes = readAll(path);
    } else if (change == QLatin1String("truncate")) {
        QVERIFY(::truncate(QFile::encodeName(path).constData(), 0) == 0);
    } else if (change == QLatin1String("folder")) {
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkpath(path));
    } else if (change == QLatin1String("retag")) {
        QVERIFY(SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("Edited elsewhere")}}}).ok());
        expectedBytes = readAll(path);
    } else if (change == QLatin1String("readonly")) {
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        expectedBytes = readAll(path);
    }

    const BatchOutcome o = applyTagWrites(journal, plans, QStringLiteral("race"), {});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.files.at(0).status, QStringLiteral("failed"));
    QVERIFY2(o.files.at(0).error.contains(errorPart), qPrintable(o.files.at(0).error));
    QCOMPARE(o.files.at(1).status, QStringLiteral("written"));
    if (!expectedBytes.isEmpty())
        QVERIFY2(readAll(path) == expectedBytes, "the other program's file was changed");
    // The journal says so, and undo restores only what the batch really wrote.
    const std::vector<JournalChange> changes = journal.changes(o.batchId);
    for (const JournalChange &c : changes)
        QCOMPARE(c.status, c.path == plans.at(0).path ? QStringLiteral("failed") : QStringLiteral("written"));
    const BatchOutcome u = undoTagBatch(journal, o.batchId);
    QCOMPARE(u.written, 1);
    QCOMPARE(SafeTagWriter::readState(m_good, false).values.value(TagField::Mood), QStringList{QStringLiteral("Calm")});
    if (!expectedBytes.isEmpty())
        QVERIFY(readAll(path) == expectedBytes);
    // A rescan sees the change without losing the good track.
    scanAndCheck();
}

// Ten hours of (silent) audio in a small FLAC: scanning reads a bounded part of it, a tag write
// copies and verifies it in bounded time, and decoding with a limit stops at the limit.
void TestBadInput::tenHourFile()
{
    const QString path = m_music + QStringLiteral("/ten hours.flac");
    const testutil::ProcResult r = testutil::run(
        QStringLiteral("ffmpeg"), {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                   QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("anullsrc=r=8000:cl=mono"),
                                   QStringLiteral("-t"), QStringLiteral("36000"), QStringLiteral("-c:a"), QStringLiteral("flac"),
                                   QStringLiteral("-compression_level"), QStringLiteral("0"), QStringLiteral("-frame_size"),
                                   QStringLiteral("65535"), path},
        300000);
    QVERIFY2(r.ok(), r.err.constData());
    QElapsedTimer t;
    t.start();
    scanAndCheck();
    const qint64 scanMs = t.elapsed();
    const auto track = m_catalog->trackByPath(path);
    QVERIFY(track);
    QVERIFY2(std::abs(track->duration - 36000) < 1, qPrintable(QString::number(track->duration)));

    t.restart();
    TagJournal journal(m_catalog->path());
    QVERIFY(journal.open());
    const BatchOutcome o = applyTagWrites(journal, planTagWrites({{path, kNewValues}}, {}), QStringLiteral("long"), {});
    QVERIFY2(o.written == 1, qPrintable(o.files.empty() ? o.error : o.files.front().error));
    const qint64 writeMs = t.elapsed();

    t.restart();
    DecodeError err;
    AudioInfo info;
    const std::vector<float> pcm = decodeFile(path, 16000, &err, 30.0, &info);
    QVERIFY2(err.ok(), qPrintable(err.message));
    QCOMPARE(qint64(pcm.size()), qint64(30 * 16000));
    QVERIFY(std::abs(info.durationSeconds - 36000) < 1);
    qInfo("10-hour FLAC (%lld bytes): scan %lld ms, verified tag write %lld ms, first 30 s decoded in %lld ms",
          QFileInfo(path).size(), scanMs, writeMs, t.elapsed());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
