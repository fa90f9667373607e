// Scanner and LibraryWatcher against real files made by ffmpeg in a QTemporaryDir.
#include "audio/payloadhash.h"
#include "catalog/catalog.h"
#include "common/testutil.h"
#include "scan/librarywatcher.h"
#include "scan/readonlyfilestream.h"
#include "scan/scanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>
#include <unistd.h>
#include <utime.h>

#include <utility>

using namespace spectag;

namespace {

// An audio file with tags (ffmpeg -metadata), so the scan has something to read back.
QString makeTagged(const QString &dir, const QString &name, const QString &title, const QString &mood, double seconds,
                   const QString &tone)
{
    const QString tmp = testutil::makeAudio(dir, QStringLiteral("untagged-") + name, seconds, tone);
    if (tmp.isEmpty())
        return {};
    const QString out = QDir(dir).filePath(name);
    const auto r = testutil::run(QStringLiteral("ffmpeg"),
                                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                  QStringLiteral("-i"), tmp, QStringLiteral("-c"), QStringLiteral("copy"),
                                  QStringLiteral("-metadata"), QStringLiteral("title=") + title,
                                  QStringLiteral("-metadata"), QStringLiteral("artist=Test Artist"),
                                  QStringLiteral("-metadata"), QStringLiteral("mood=") + mood, out});
    QFile::remove(tmp);
    return r.ok() ? out : QString();
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir src(from);
    for (const QFileInfo &fi : src.entryInfoList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden))
        if (!QFile::copy(fi.filePath(), QDir(to).filePath(fi.fileName())))
            return false;
    return true;
}

void setMtime(const QString &path, qint64 secs)
{
    struct utimbuf t{secs, secs};
    utime(QFile::encodeName(path).constData(), &t);
}

const QString kUnicodeName = QStringLiteral("Ünïcødé – 日本語 ♫.ogg");

} // namespace

class TestScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!testutil::haveProgram(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg CLI not installed");
        QVERIFY(m_fixtures.isValid());
        const QString d = m_fixtures.path();
        int i = 0;
        for (const char *ext : {"mp3", "flac", "ogg", "m4a", "wav"}) {
            const QString name = QStringLiteral("tone.") + QLatin1String(ext);
            QVERIFY(!makeTagged(d, name, QStringLiteral("Title %1").arg(QLatin1String(ext)), QStringLiteral("calm"), 1.5,
                                QStringLiteral("sine=frequency=%1").arg(300 + 50 * i++)).isEmpty());
        }
        QVERIFY(!makeTagged(d, kUnicodeName, QStringLiteral("Ünï"), QStringLiteral("dark"), 1.0,
                            QStringLiteral("sine=frequency=900")).isEmpty());
        QFile fake(QDir(d).filePath(QStringLiteral("not audio.mp3")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("This is a text file with an audio extension.\n");
        fake.close();
        QFile empty(QDir(d).filePath(QStringLiteral("empty.flac")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile readme(QDir(d).filePath(QStringLiteral("readme.txt")));  // skipped by extension
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.close();
    }

    void init()
    {
        m_lib.emplace();
        m_catalog.emplace();
        QVERIFY(m_catalog->open(m_lib->filePath(QStringLiteral("catalog.sqlite"))));
        m_root = m_lib->filePath(QStringLiteral("music"));
        QVERIFY(copyTree(m_fixtures.path(), m_root + QStringLiteral("/album")));
        // A symlink loop: music/album/loop -> music
        QVERIFY(QFile::link(m_root, m_root + QStringLiteral("/album/loop")));
    }

    void cleanup()
    {
        m_catalog.reset();
        m_lib.reset();
    }

    void firstScanReadsEveryFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QString>("title");
        QTest::newRow("mp3") << "tone.mp3" << "MP3" << "Title mp3";
        QTest::newRow("flac") << "tone.flac" << "FLAC" << "Title flac";
        QTest::newRow("ogg") << "tone.ogg" << "Vorbis" << "Title ogg";
        QTest::newRow("m4a") << "tone.m4a" << "AAC" << "Title m4a";
        QTest::newRow("wav") << "tone.wav" << "PCM" << "";
        QTest::newRow("unicode") << kUnicodeName << "Vorbis" << "Ünï";
    }

    void firstScanReadsEveryFormat()
    {
        QFETCH(QString, name);
        QFETCH(QString, codec);
        QFETCH(QString, title);
        Scanner scanner(&*m_catalog);
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.found, 8);  // 6 audio + the fake mp3 + the empty flac; the loop is not followed twice
        QCOMPARE(s.added, 6);
        QCOMPARE(s.failed, 2);
        QCOMPARE(s.read, 8);
        QVERIFY(!s.cancelled);
        QCOMPARE(m_catalog->trackCount(), 6);

        const auto t = m_catalog->trackByPath(m_root + QStringLiteral("/album/") + name);
        QVERIFY2(t, qPrintable(name));
        QCOMPARE(t->codec, codec);
        if (!title.isEmpty())  // ffmpeg writes no INFO title into WAV that TagLib maps
            QCOMPARE(t->title, title);
        QCOMPARE(t->sampleRate, 44100);
        QCOMPARE(t->channels, 2);
        QVERIFY2(t->duration > 0.9 && t->duration < 1.7, qPrintable(QString::number(t->duration)));
        QCOMPARE(t->fingerprint.size(), 64);
        QCOMPARE(t->state, TrackState::Present);
        QCOMPARE(t->folder, m_root + QStringLiteral("/album"));
    }

    // The scan's pread-cached stream must read exactly what TagLib's own FileStream reads, and
    // with few system calls (its reason to exist).
    void cachedStreamReadsLikeTagLib_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *ext : {"mp3", "flac", "ogg", "m4a", "wav"})
            QTest::newRow(ext) << QDir(m_fixtures.path()).filePath(QStringLiteral("tone.") + QLatin1String(ext));
        QTest::newRow("unicode") << QDir(m_fixtures.path()).filePath(kUnicodeName);
        for (const QString &real : testutil::realMusicFiles(2))  // wesnoth-1.16-music, when installed
            QTest::newRow(qPrintable(QFileInfo(real).fileName())) << real;
    }

    void cachedStreamReadsLikeTagLib()
    {
        QFETCH(QString, path);
        const QByteArray native = QFile::encodeName(path);
        TagLib::FileRef plain(native.constData(), true, TagLib::AudioProperties::Fast);
        ReadOnlyFileStream stream(native);
        QVERIFY(stream.isOpen());
        QCOMPARE(stream.length(), long(QFileInfo(path).size()));
        {
            TagLib::FileRef cached(&stream, true, TagLib::AudioProperties::Fast);
            QVERIFY(!plain.isNull() && !cached.isNull());
            QVERIFY(cached.file()->isValid());
            QCOMPARE(cached.file()->properties().toString().to8Bit(true), plain.file()->properties().toString().to8Bit(true));
            QVERIFY(cached.audioProperties() && plain.audioProperties());
            QCOMPARE(cached.audioProperties()->lengthInMilliseconds(), plain.audioProperties()->lengthInMilliseconds());
            QCOMPARE(cached.audioProperties()->sampleRate(), plain.audioProperties()->sampleRate());
            QCOMPARE(cached.audioProperties()->channels(), plain.audioProperties()->channels());
            QCOMPARE(cached.audioProperties()->bitrate(), plain.audioProperties()->bitrate());
        }
        QVERIFY2(stream.systemReads() <= 6, qPrintable(QString::number(stream.systemReads())));
    }

    // Reads that straddle cached blocks, reads past the end and large uncached reads return the
    // file's bytes exactly.
    void cachedStreamReturnsTheFilesBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bytes.bin"));
        QByteArray content(300 * 1024, Qt::Uninitialized);
        for (int i = 0; i < content.size(); ++i)
            content[i] = char((quint32(i) * 7919u) >> 3);  // unsigned: i * 7919 overflows int past 271,000
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
        f.close();
        ReadOnlyFileStream s(QFile::encodeName(path));
        const auto check = [&](long at, unsigned long length) {
            s.seek(at);
            const TagLib::ByteVector got = s.readBlock(length);
            const QByteArray want = content.mid(at, qsizetype(length));
            return QByteArray(got.data(), got.size()) == want && s.tell() == at + want.size();
        };
        QVERIFY(check(0, 10));
        QVERIFY(check(32 * 1024 - 5, 10));              // across two blocks
        QVERIFY(check(100 * 1024, 70 * 1024));           // large: bypasses the cache
        QVERIFY(check(content.size() - 100, 1000));      // short at the end
        QVERIFY(check(content.size() + 5, 10));          // past the end: empty
        s.seek(-20, TagLib::IOStream::End);
        QCOMPARE(s.tell(), long(content.size() - 20));
        QVERIFY(!ReadOnlyFileStream(QFile::encodeName(dir.path())).isOpen());  // a folder is not a file
        QVERIFY(!ReadOnlyFileStream(QFile::encodeName(dir.filePath(QStringLiteral("none")))).isOpen());
    }

    void badFilesFailWithReasons()
    {
        Scanner scanner(&*m_catalog);
        const ScanStats s = scanner.scan({m_root, m_lib->filePath(QStringLiteral("no-such-dir"))});
        QHash<QString, QString> reasons;
        for (const ScanFailure &f : s.failures)
            reasons.insert(QFileInfo(f.path).fileName(), f.reason);
        QCOMPARE(reasons.size(), 3);
        QCOMPARE(reasons.value(QStringLiteral("empty.flac")), QStringLiteral("empty file"));
        QVERIFY(!reasons.value(QStringLiteral("not audio.mp3")).isEmpty());
        QVERIFY(reasons.value(QStringLiteral("no-such-dir")).contains(QStringLiteral("no such")));
        QVERIFY(!m_catalog->trackByPath(m_root + QStringLiteral("/album/not audio.mp3")));
    }

    void moodIsReadFromTags()
    {
        Scanner scanner(&*m_catalog);
        scanner.scan({m_root});
        QCOMPARE(m_catalog->trackByPath(m_root + QStringLiteral("/album/tone.flac"))->mood, QStringLiteral("calm"));
        QCOMPARE(m_catalog->trackByPath(m_root + QStringLiteral("/album/") + kUnicodeName)->mood, QStringLiteral("dark"));
    }

    void rescanSkipsUnchangedFiles()
    {
        Scanner scanner(&*m_catalog);
        scanner.scan({m_root});
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.unchanged, 6);
        QCOMPARE(s.read, 2);  // only the two bad files (they have no row) are tried again
        QCOMPARE(s.added + s.updated + s.moved + s.missing, 0);

        // A changed mtime is read again, and only that file.
        setMtime(m_root + QStringLiteral("/album/tone.ogg"), 1000000000);
        const ScanStats s2 = scanner.scan({m_root});
        QCOMPARE(s2.updated, 1);
        QCOMPARE(s2.unchanged, 5);
        QCOMPARE(m_catalog->trackByPath(m_root + QStringLiteral("/album/tone.ogg"))->mtimeMs, qint64(1000000000) * 1000);
    }

    // `spectag analyze` on a file outside the library makes a row with no size or mtime (its tags
    // unread); the first scan that finds the file reads it and counts it as added, not updated.
    void rowMadeByAnalysisCountsAsAdded()
    {
        const QString path = m_root + QStringLiteral("/album/tone.flac");
        TrackRecord t;
        t.path = path;
        t.format = QStringLiteral("flac");
        QVERIFY(m_catalog->upsertTrack(t) != 0);
        Scanner scanner(&*m_catalog);
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.added, 6);
        QCOMPARE(s.updated, 0);
        QCOMPARE(m_catalog->trackByPath(path)->mood, QStringLiteral("calm"));  // its tags were read
        QVERIFY(m_catalog->trackByPath(path)->size > 0);
        // Scanned once, the row is an ordinary one: a changed file is now an update.
        setMtime(path, 1000000000);
        const ScanStats s2 = scanner.scan({m_root});
        QCOMPARE(s2.added, 0);
        QCOMPARE(s2.updated, 1);
    }

    // Two scans of the same folder at once (the GUI's watcher and `spectag scan`, say): each read
    // the catalog when it began, so each used to count every file the other had recorded since as
    // added, and the two summaries together claimed twice the new files there were. The other
    // program here records two of the files right after this scan took its snapshot (its first
    // progress report comes before any write).
    void fileRecordedByAnotherScanMeanwhileIsAnUpdate()
    {
        const QStringList theirs{m_root + QStringLiteral("/album/tone.flac"), m_root + QStringLiteral("/album/tone.ogg")};
        Catalog other;
        QVERIFY(other.open(m_lib->filePath(QStringLiteral("catalog.sqlite"))));
        Scanner scanner(&*m_catalog);
        bool recorded = false;
        connect(&scanner, &Scanner::progress, &scanner, [&](int, int, const QString &) {
            if (std::exchange(recorded, true))
                return;
            for (const QString &path : theirs) {
                TrackRecord t;
                t.path = path;
                t.format = QFileInfo(path).suffix();
                t.size = 1;  // a real scan's row: size and mtime known
                t.mtimeMs = 1000;
                QVERIFY(other.upsertTrack(t) != 0);
            }
        }, Qt::DirectConnection);
        const ScanStats s = scanner.scan({m_root});
        QVERIFY(recorded);
        QCOMPARE(s.added, 4);
        QCOMPARE(s.updated, 2);
        QCOMPARE(m_catalog->trackCount(), 6);
        QCOMPARE(m_catalog->trackByPath(theirs.first())->mood, QStringLiteral("calm"));  // this scan's read won
    }

    void moveKeepsPredictionsAndAnnotations()
    {
        Scanner scanner(&*m_catalog);
        scanner.scan({m_root});
        const QString oldPath = m_root + QStringLiteral("/album/tone.flac");
        const auto before = m_catalog->trackByPath(oldPath);
        QVERIFY(before);
        ModelRecord m;
        m.name = QStringLiteral("cnn");
        m.versionHash = QStringLiteral("h1");
        const qint64 model = m_catalog->upsertModel(m);
        PredictionRecord p;
        p.trackId = before->id;
        p.modelId = model;
        p.scores = QJsonObject{{QStringLiteral("mood"), QJsonObject{{QStringLiteral("calm"), 0.9}}}};
        QVERIFY(m_catalog->storePrediction(p));
        Annotation a;
        a.trackId = before->id;
        a.head = QStringLiteral("mood");
        a.label = QStringLiteral("calm");
        QVERIFY(m_catalog->addAnnotation(a) > 0);

        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/elsewhere")));
        const QString newPath = m_root + QStringLiteral("/elsewhere/renamed é.flac");
        QVERIFY(QFile::rename(oldPath, newPath));
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.moved, 1);
        QCOMPARE(s.added, 0);
        QCOMPARE(s.missing, 0);
        const auto after = m_catalog->trackByPath(newPath);
        QVERIFY(after);
        QCOMPARE(after->id, before->id);
        QVERIFY(!m_catalog->trackByPath(oldPath));
        QVERIFY(m_catalog->prediction(after->id, model));
        QCOMPARE(m_catalog->annotations(after->id).size(), 1);
    }

    // The fingerprint (audioPayloadHash Quick, read straight from the container for these formats)
    // depends on the audio only: a remux with other tags and an in-place tag edit that grows the
    // header keep it, other audio in the same format changes it, and a file moved and retagged
    // between two scans is still recognised as the same track.
    void fingerprintFollowsAudioNotTags_data()
    {
        QTest::addColumn<QString>("ext");
        for (const char *ext : {"mp3", "flac", "ogg", "m4a", "wav"})
            QTest::newRow(ext) << QString::fromLatin1(ext);
    }

    void fingerprintFollowsAudioNotTags()
    {
        QFETCH(QString, ext);
        const QString name = QStringLiteral("tone.") + ext;
        const QString src = m_root + QStringLiteral("/album/") + name;
        const QString remuxed = m_lib->filePath(QStringLiteral("remuxed.") + ext);
        const auto r = testutil::run(QStringLiteral("ffmpeg"),
                                     {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                                      QStringLiteral("-i"), src, QStringLiteral("-map"), QStringLiteral("0:a"), QStringLiteral("-c"),
                                      QStringLiteral("copy"), QStringLiteral("-metadata"),
                                      QStringLiteral("title=") + QString(3000, QLatin1Char('t')), QStringLiteral("-metadata"),
                                      QStringLiteral("mood=happy"),
                                      // Ogg keeps the comments as stream metadata, which wins over the file's
                                      QStringLiteral("-metadata:s:a:0"), QStringLiteral("title=") + QString(3000, QLatin1Char('s')),
                                      remuxed});
        QVERIFY2(r.ok(), r.err.constData());
        const QString other = makeTagged(m_lib->path(), QStringLiteral("other.") + ext, QStringLiteral("Title %1").arg(ext),
                                         QStringLiteral("calm"), 1.5, QStringLiteral("sine=frequency=1234"));
        QVERIFY(!other.isEmpty());
        const PayloadHash a = audioPayloadHash(src, PayloadHashMode::Quick);
        const PayloadHash b = audioPayloadHash(remuxed, PayloadHashMode::Quick);
        const PayloadHash c = audioPayloadHash(other, PayloadHashMode::Quick);
        QVERIFY2(a.ok() && b.ok() && c.ok(), qPrintable(a.error + b.error + c.error));
        QVERIFY(QFileInfo(src).size() != QFileInfo(remuxed).size());
        QCOMPARE(b.hash, a.hash);
        QVERIFY(c.hash != a.hash);

        Scanner scanner(&*m_catalog);
        scanner.scan({m_root});
        const auto before = m_catalog->trackByPath(src);
        QVERIFY(before);
        QCOMPARE(before->fingerprint, a.hash);

        // Move and retag in place (TagLib, as the tag writer does), with a comment big enough to
        // move the audio to another offset.
        const QString moved = m_root + QStringLiteral("/moved/retagged.") + ext;
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/moved")));
        QVERIFY(QFile::rename(src, moved));
        {
            TagLib::FileRef ref(QFile::encodeName(moved).constData());
            QVERIFY(!ref.isNull());
            TagLib::PropertyMap props = ref.file()->properties();
            props.replace("TITLE", TagLib::StringList(TagLib::String("Retagged", TagLib::String::UTF8)));
            props.replace("COMMENT", TagLib::StringList(TagLib::String(std::string(20000, 'c'), TagLib::String::UTF8)));
            ref.file()->setProperties(props);
            QVERIFY(ref.save());
        }
        QCOMPARE(audioPayloadHash(moved, PayloadHashMode::Quick).hash, a.hash);
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.moved, 1);
        QCOMPARE(s.added, 0);
        QCOMPARE(s.missing, 0);
        const auto after = m_catalog->trackByPath(moved);
        QVERIFY(after);
        QCOMPARE(after->id, before->id);
        QCOMPARE(after->title, QStringLiteral("Retagged"));
    }

    void deletedFilesAreMarkedMissing()
    {
        Scanner scanner(&*m_catalog);
        scanner.scan({m_root});
        const QString path = m_root + QStringLiteral("/album/tone.mp3");
        const QString keep = m_lib->filePath(QStringLiteral("kept.mp3"));
        QVERIFY(QFile::rename(path, keep));  // out of the scanned tree
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.missing, 1);
        QCOMPARE(m_catalog->trackByPath(path)->state, TrackState::Missing);
        QCOMPARE(m_catalog->trackCount(), 6);

        // Scanning a sibling folder does not declare the rest of the library missing.
        QVERIFY(QDir().mkpath(m_lib->filePath(QStringLiteral("other"))));
        QCOMPARE(scanner.scan({m_lib->filePath(QStringLiteral("other"))}).missing, 0);
        QCOMPARE(m_catalog->trackCount(TrackState::Missing), 1);

        // Back again: present again, same row.
        QVERIFY(QFile::rename(keep, path));
        const ScanStats s2 = scanner.scan({m_root});
        QCOMPARE(s2.updated, 1);
        QCOMPARE(m_catalog->trackByPath(path)->state, TrackState::Present);
        QCOMPARE(m_catalog->trackCount(), 6);
    }

    // A tag write killed mid-way leaves a hidden full-size copy. A scan removes it once its writer
    // is gone, and leaves a live writer's copy alone; neither becomes a track.
    void scanRemovesAbandonedTagWriteCopies()
    {
        const QString dir = m_root + QStringLiteral("/album");
        const QString dead = QStringLiteral(".tone.flac.spectag-%1-x1.tmp").arg(0x3FFFFFFF);  // no such process
        const QString live = QStringLiteral(".tone.flac.spectag-%1-x2.tmp").arg(::getpid());
        for (const QString &name : {dead, live})
            QVERIFY(QFile::copy(dir + QStringLiteral("/tone.flac"), dir + QLatin1Char('/') + name));
        Scanner scanner(&*m_catalog);
        const ScanStats s = scanner.scan({m_root});
        QCOMPARE(s.added, 6);
        QVERIFY(!QFileInfo::exists(dir + QLatin1Char('/') + dead));
        QVERIFY(QFileInfo::exists(dir + QLatin1Char('/') + live));
    }

    // Another program holds the catalog's write lock past the busy timeout (10 s). The scan used
    // to go on writing row by row outside a transaction, waiting 10 s per statement, and to count
    // rows it never wrote; now it gives the writes up, says why, and counts nothing it did not
    // commit. A later scan records everything.
    void lockedCatalogIsReportedNotMiscounted()
    {
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(m_lib->filePath(QStringLiteral("catalog.sqlite")));
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QElapsedTimer t;
            t.start();
            Scanner scanner(&*m_catalog);
            const ScanStats s = scanner.scan({m_root});
            QCOMPARE_LT(t.elapsed(), 30000);  // one busy timeout, not one per file
            QCOMPARE(s.added, 0);
            QCOMPARE(s.failed, s.found);
            QVERIFY(!s.failures.isEmpty());
            QVERIFY2(s.failures.constLast().reason.contains(QStringLiteral("locked by another program")),
                     qPrintable(s.failures.constLast().reason));
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(m_catalog->trackCount(), 0);
        Scanner again(&*m_catalog);
        QCOMPARE(again.scan({m_root}).added, 6);
    }

    void cancellationKeepsCommittedBatches()
    {
        // Many copies so the scan is long enough to stop half-way.
        for (int i = 0; i < 40; ++i)
            QVERIFY(QFile::copy(m_root + QStringLiteral("/album/tone.ogg"), m_root + QStringLiteral("/album/copy%1.ogg").arg(i)));
        Scanner scanner(&*m_catalog);
        scanner.setBatchSize(5);
        scanner.setMaxThreads(1);
        int calls = 0;
        const auto byProgress = connect(&scanner, &Scanner::progress, &scanner, [&](int done, int, const QString &) {
            ++calls;
            if (done >= 10)
                scanner.cancel();
        }, Qt::DirectConnection);
        // Progress is throttled by time: make every step due by cancelling on the tracks signal too.
        const auto stopper = connect(&*m_catalog, &Catalog::tracksChanged, &scanner, [&] { scanner.cancel(); },
                                     Qt::DirectConnection);
        const ScanStats s = scanner.scan({m_root});
        QVERIFY(s.cancelled);
        QVERIFY(calls >= 1);
        QVERIFY2(s.read < 48, qPrintable(QString::number(s.read)));
        QCOMPARE(s.missing, 0);
        QCOMPARE(m_catalog->trackCount(), s.added);  // what was counted was committed
        QVERIFY(s.added >= 5);

        // The next scan finishes the job.
        disconnect(stopper);
        disconnect(byProgress);
        const ScanStats rest = scanner.scan({m_root});
        QVERIFY(!rest.cancelled);
        QCOMPARE(m_catalog->trackCount(), 46);
    }

    void asyncScanReportsProgress()
    {
        Scanner scanner(&*m_catalog);
        QSignalSpy progress(&scanner, &Scanner::progress);
        QSignalSpy finished(&scanner, &Scanner::finished);
        scanner.start({m_root});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(!progress.isEmpty());
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(0).toInt(), last.at(1).toInt());  // the final report says done == total
        QCOMPARE(finished.first().at(0).value<ScanStats>().added, 6);
    }

    void watcherPicksUpNewFiles()
    {
        LibraryWatcher watcher(&*m_catalog);
        watcher.setDebounceMs(200);
        QSignalSpy rescanned(&watcher, &LibraryWatcher::rescanned);
        watcher.watch({m_root}, true);
        QTRY_COMPARE_WITH_TIMEOUT(rescanned.size(), 1, 60000);
        QCOMPARE(m_catalog->trackCount(), 6);
        QVERIFY(watcher.watchedDirectories().contains(m_root + QStringLiteral("/album")));

        // A new file in an existing folder, and a new folder with a file.
        const QString added = m_root + QStringLiteral("/album/new.flac");
        QVERIFY(QFile::copy(m_root + QStringLiteral("/album/tone.flac"), m_lib->filePath(QStringLiteral("staging.flac"))));
        QVERIFY(QFile::rename(m_lib->filePath(QStringLiteral("staging.flac")), added));
        QTRY_VERIFY_WITH_TIMEOUT(m_catalog->trackByPath(added).has_value(), 30000);

        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/new folder")));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.watchedDirectories().contains(m_root + QStringLiteral("/new folder")), 30000);
        const QString nested = m_root + QStringLiteral("/new folder/n.ogg");
        QVERIFY(QFile::copy(m_root + QStringLiteral("/album/tone.ogg"), nested));
        QTRY_VERIFY_WITH_TIMEOUT(m_catalog->trackByPath(nested).has_value(), 30000);

        // A deletion is noticed too.
        QVERIFY(QFile::remove(added));
        QTRY_VERIFY_WITH_TIMEOUT(m_catalog->trackByPath(added)->state == TrackState::Missing, 30000);
    }

private:
    QTemporaryDir m_fixtures;
    std::optional<QTemporaryDir> m_lib;
    std::optional<Catalog> m_catalog;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
