// Playlist files: M3U8 and XSPF written and read back (odd Unicode names, relative and absolute
// paths), the XSPF checked with xmllint against a RELAX NG grammar of XSPF v1 written from its specification (tests/playlists/xspf-1.rng), failed
// writes that leave nothing behind, and the export of a catalog playlist.
#include "catalog/catalog.h"
#include "common/testutil.h"
#include "playlists/playlistexport.h"
#include "playlists/playlistio.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace spectag;

namespace {

QString schemaPath()
{
    return QStringLiteral(SPECTAG_TESTS_DIR "/playlists/xspf-1.rng");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestPlaylistIO : public QObject {
    Q_OBJECT

private:
    // Below the playlist's folder (one in a sub-folder with a name that is all trouble), one
    // beside it (a '#' first, which M3U would take for a comment) and one elsewhere.
    PlaylistFile sample(const QString &playlistDir, const QString &elsewhere) const
    {
        PlaylistFile p;
        p.title = QStringLiteral("Calm – ночь & <dawn> 日本");
        PlaylistEntry a;
        a.path = playlistDir + QStringLiteral("/Ünïcødé 日本語/01 – \"Ça & va\" 100% #1 ?.flac");
        a.title = QStringLiteral("Ça va <bien> & 日本語");
        a.artist = QStringLiteral("Björk");
        a.album = QStringLiteral("Vespertine – ∞");
        a.duration = 185.4;
        PlaylistEntry b;
        b.path = playlistDir + QStringLiteral("/#hash start.mp3");
        b.title = QStringLiteral("Hash");
        b.duration = 61;
        PlaylistEntry c;
        c.path = elsewhere + QStringLiteral("/other dir/ünknown.ogg");  // no tags, no duration
        p.entries = {a, b, c};
        return p;
    }

private Q_SLOTS:
    void m3u8RoundTrip()
    {
        QTemporaryDir dir, other;
        const QString file = dir.filePath(QStringLiteral("calm.m3u8"));
        const PlaylistFile p = sample(dir.path(), other.path());
        QString error;
        QVERIFY2(writePlaylist(file, PlaylistFormat::M3u8, p, &error), qPrintable(error));

        const QString text = QString::fromUtf8(readAll(file));
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.at(0), QStringLiteral("#EXTM3U"));
        QCOMPARE(lines.at(1), QString(QStringLiteral("#PLAYLIST:") + p.title));
        QCOMPARE(lines.at(2), QStringLiteral("#EXTINF:185,Björk - Ça va <bien> & 日本語"));
        QCOMPARE(lines.at(3), QStringLiteral("Ünïcødé 日本語/01 – \"Ça & va\" 100% #1 ?.flac"));  // relative
        QCOMPARE(lines.at(4), QStringLiteral("#EXTINF:61,Hash"));
        QCOMPARE(lines.at(5), QStringLiteral("./#hash start.mp3"));
        QCOMPARE(lines.at(6), QStringLiteral("#EXTINF:-1,ünknown"));  // title falls back to the file name
        QCOMPARE(lines.at(7), QString(other.path() + QStringLiteral("/other dir/ünknown.ogg")));  // absolute

        const auto back = readPlaylist(file, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->title, p.title);
        QCOMPARE(back->entries.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(back->entries.at(i).path, p.entries.at(i).path);
        QCOMPARE(back->entries.at(0).artist, QStringLiteral("Björk"));
        QCOMPARE(back->entries.at(0).title, p.entries.at(0).title);
        QCOMPARE(back->entries.at(0).duration, 185.0);
        QCOMPARE(back->entries.at(2).duration, -1.0);

        // The playlist and its folder move together: relative entries follow.
        QTemporaryDir moved;
        const QString movedFile = moved.filePath(QStringLiteral("calm.m3u8"));
        QVERIFY(QFile::copy(file, movedFile));
        const auto fromMoved = readPlaylist(movedFile, &error);
        QVERIFY(fromMoved);
        QCOMPARE(fromMoved->entries.at(0).path, QString(moved.path() + QStringLiteral("/Ünïcødé 日本語/01 – \"Ça & va\" 100% #1 ?.flac")));
        QCOMPARE(fromMoved->entries.at(2).path, p.entries.at(2).path);
    }

    void xspfRoundTripAndSchema()
    {
        QTemporaryDir dir, other;
        const QString file = dir.filePath(QStringLiteral("calm.xspf"));
        const PlaylistFile p = sample(dir.path(), other.path());
        QString error;
        QVERIFY2(writePlaylist(file, PlaylistFormat::Xspf, p, &error, QStringLiteral("Spectag")), qPrintable(error));

        const QByteArray xml = readAll(file);
        QVERIFY(xml.contains("<playlist xmlns=\"http://xspf.org/ns/0/\" version=\"1\">"));
        // Locations are percent-encoded file:// URIs, never raw Unicode, spaces, '#' or '?'.
        const QByteArray firstLocation = QUrl::fromLocalFile(p.entries.at(0).path).toEncoded();
        QVERIFY(firstLocation.contains("%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20"));
        QVERIFY(firstLocation.contains("%231%20%3F.flac"));
        QVERIFY2(xml.contains(QByteArray("<location>" + QByteArray(firstLocation).replace("&", "&amp;") + "</location>")), xml.constData());
        QVERIFY(xml.contains("<duration>185400</duration>"));
        QVERIFY(xml.contains("<creator>Björk</creator>"));
        QVERIFY(xml.contains("<album>Vespertine – ∞</album>"));
        QVERIFY(xml.contains("&lt;bien&gt; &amp;"));

        const auto back = readPlaylist(file, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->title, p.title);
        QCOMPARE(back->entries.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(back->entries.at(i).path, p.entries.at(i).path);
            QCOMPARE(back->entries.at(i).artist, p.entries.at(i).artist);
            QCOMPARE(back->entries.at(i).album, p.entries.at(i).album);
        }
        QCOMPARE(back->entries.at(0).title, p.entries.at(0).title);
        QCOMPARE(back->entries.at(0).duration, 185.4);
        QCOMPARE(back->entries.at(1).duration, 61.0);
        QCOMPARE(back->entries.at(2).duration, -1.0);

        QVERIFY2(testutil::haveProgram(QStringLiteral("xmllint")), "xmllint (Debian libxml2-utils) is missing: packaging/install-deps.sh --test");
        const auto valid = testutil::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"), schemaPath(), file});
        QVERIFY2(valid.ok(), QByteArray(valid.err + valid.out).constData());
        // The validator really validates: the same file with a non-numeric duration fails.
        const QString broken = dir.filePath(QStringLiteral("broken.xspf"));
        QVERIFY(writeBytes(broken, QByteArray(xml).replace("<duration>61000</duration>", "<duration>1:01</duration>")));
        const auto invalid = testutil::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"), schemaPath(), broken});
        QVERIFY(!invalid.ok());
        QVERIFY2(invalid.err.contains("fails to validate"), invalid.err.constData());
    }

    void emptyPlaylistIsValidXspf()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("empty.xspf"));
        QString error;
        QVERIFY(writePlaylist(file, PlaylistFormat::Xspf, PlaylistFile{}, &error));
        const auto back = readPlaylist(file, &error);
        QVERIFY(back);
        QVERIFY(back->entries.isEmpty());
        QVERIFY2(testutil::haveProgram(QStringLiteral("xmllint")), "xmllint (Debian libxml2-utils) is missing");
        const auto valid = testutil::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"), schemaPath(), file});
        QVERIFY2(valid.ok(), valid.err.constData());
    }

    void unwritableTargetFailsAndLeavesNoFile()
    {
        QTemporaryDir dir;
        // A parent that is a file: fails for root too (permission bits would not).
        const QString notADir = dir.filePath(QStringLiteral("file"));
        QVERIFY(writeBytes(notADir, "x"));
        const QString target = notADir + QStringLiteral("/out.m3u8");
        PlaylistFile p;
        p.entries.append({QStringLiteral("/m/a.mp3"), QStringLiteral("A"), {}, {}, 10});
        for (PlaylistFormat format : {PlaylistFormat::M3u8, PlaylistFormat::Xspf}) {
            QString error;
            QVERIFY(!writePlaylist(target, format, p, &error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
            QVERIFY(!QFileInfo::exists(target));
        }
        // A folder in the way: no file replaces it and no temporary file is left beside it.
        const QString folder = dir.filePath(QStringLiteral("taken.m3u8"));
        QVERIFY(QDir().mkdir(folder));
        QString error;
        QVERIFY(!writePlaylist(folder, PlaylistFormat::M3u8, p, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({QStringLiteral("file"), QStringLiteral("taken.m3u8")}));
    }

    // A full disk (here the file-size limit, as the crash tests use it): the write fails with an
    // error and the old playlist stays. It used to report success and leave an empty file.
    void fullDiskKeepsTheOldPlaylist()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("keep.m3u8"));
        QVERIFY(writeBytes(target, "OLD"));
        PlaylistFile p;
        for (int i = 0; i < 50; ++i)
            p.entries.append({QStringLiteral("/music/track %1.flac").arg(i), QStringLiteral("Title %1").arg(i), {}, {}, 200});
        struct rlimit old;
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal
        struct rlimit tiny = old;
        tiny.rlim_cur = 64;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
        QString error;
        const bool ok = writePlaylist(target, PlaylistFormat::M3u8, p, &error);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &old) == 0);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("keep.m3u8")), qPrintable(error));
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("OLD"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("keep.m3u8")});
    }

    // A pipe (or, as root, a device such as /dev/full) named as the target is refused: the save
    // renames a new file over the target and would have replaced it.
    void specialFileTargetRefused()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.m3u8"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        PlaylistFile p;
        p.entries.append({QStringLiteral("/m/a.mp3"), QStringLiteral("A"), {}, {}, 10});
        QString error;
        QVERIFY(!writePlaylist(fifo, PlaylistFormat::Xspf, p, &error));
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(fifo).constData(), &st) == 0 && S_ISFIFO(st.st_mode));
    }

    // Names that a line-based M3U8 mangled: a leading blank (readers trim lines), "file:" at the
    // start (read as a URL), a line break (the entry was dropped). All come back as themselves.
    void awkwardNamesRoundTripThroughM3u8()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("list.m3u8"));
        const QStringList names{QStringLiteral(" spaced .ogg"), QStringLiteral("file:colon.ogg"), QStringLiteral("http:odd.ogg"),
                                QStringLiteral("new\nline.ogg"), QStringLiteral("#hash.ogg"), QStringLiteral("plain.ogg")};
        PlaylistFile p;
        for (const QString &n : names)
            p.entries.append({dir.filePath(n), n, {}, {}, 5});
        QString error;
        QVERIFY2(writePlaylist(target, PlaylistFormat::M3u8, p, &error), qPrintable(error));
        const auto back = readPlaylist(target, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->entries.size(), names.size());
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(back->entries.at(i).path, dir.filePath(names.at(i)));
    }

    void unreadableOrBrokenFilesGiveErrors()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!readPlaylist(dir.filePath(QStringLiteral("missing.m3u8")), &error));
        QVERIFY2(error.contains(QStringLiteral("missing.m3u8")), qPrintable(error));
        const QString bad = dir.filePath(QStringLiteral("bad.xspf"));
        QVERIFY(writeBytes(bad, "<?xml version=\"1.0\"?><playlist version=\"1\"><trackList><track>"));
        error.clear();
        QVERIFY(!readPlaylist(bad, &error));
        QVERIFY2(error.contains(QStringLiteral("bad.xspf")), qPrintable(error));
        const QString notXspf = dir.filePath(QStringLiteral("html.xspf"));
        QVERIFY(writeBytes(notXspf, "<html><body/></html>"));
        QVERIFY(!readPlaylist(notXspf, &error));
        const QString latin1m3u8 = dir.filePath(QStringLiteral("latin1.m3u8"));
        QVERIFY(writeBytes(latin1m3u8, "caf\xe9.mp3\n"));
        QVERIFY(!readPlaylist(latin1m3u8, &error));
        QVERIFY2(error.contains(QStringLiteral("UTF-8")), qPrintable(error));
    }

    void readsOtherPlayersM3u()
    {
        QTemporaryDir dir;
        // A BOM, CRLF, a file:// URL, a stream (skipped), comments and a Latin-1 legacy .m3u.
        const QString file = dir.filePath(QStringLiteral("foreign.m3u"));
        QVERIFY(writeBytes(file, "\xef\xbb\xbf#EXTM3U\r\n#EXTINF:12 tvg-id=\"x\",Some Title\r\n"
                                 "file:///music/a%20b/%C3%A9t%C3%A9.mp3\r\n# a comment\r\n"
                                 "http://radio.example/stream\r\n\r\n../up/c.flac\r\n"));
        QString error;
        const auto p = readPlaylist(file, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->entries.size(), 2);
        QCOMPARE(p->skipped, 1);
        QCOMPARE(p->entries.at(0).path, QStringLiteral("/music/a b/été.mp3"));
        QCOMPARE(p->entries.at(0).title, QStringLiteral("Some Title"));
        QCOMPARE(p->entries.at(0).duration, 12.0);
        QCOMPARE(p->entries.at(1).path, QDir::cleanPath(dir.path() + QStringLiteral("/../up/c.flac")));
        QCOMPARE(p->entries.at(1).duration, -1.0);  // an #EXTINF belongs to the next path only

        const QString legacy = dir.filePath(QStringLiteral("legacy.m3u"));
        QVERIFY(writeBytes(legacy, "/music/caf\xe9.mp3\n"));
        const auto l = readPlaylist(legacy, &error);
        QVERIFY(l);
        QCOMPARE(l->entries.size(), 1);
        QCOMPARE(l->entries.at(0).path, QStringLiteral("/music/café.mp3"));

        // An XSPF with a relative location and a second (ignored) location.
        const QString xspf = dir.filePath(QStringLiteral("rel.xspf"));
        QVERIFY(writeBytes(xspf, "<?xml version=\"1.0\"?><playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList>"
                                 "<track><location>music/%C3%A9.ogg</location><location>file:///x.ogg</location></track>"
                                 "<track><location>https://example.com/a.mp3</location></track></trackList></playlist>"));
        const auto x = readPlaylist(xspf, &error);
        QVERIFY2(x, qPrintable(error));
        QCOMPARE(x->entries.size(), 1);
        QCOMPARE(x->skipped, 1);
        QCOMPARE(x->entries.at(0).path, QString(dir.path() + QStringLiteral("/music/é.ogg")));
    }

    void exportsACatalogPlaylist()
    {
        QTemporaryDir dir;
        Catalog catalog;
        QVERIFY2(catalog.open(dir.filePath(QStringLiteral("c.sqlite"))), qPrintable(catalog.lastError()));
        QList<qint64> ids;
        for (const QString &name : {QStringLiteral("b – ß.flac"), QStringLiteral("a.mp3")}) {
            TrackRecord t;
            t.path = dir.filePath(QStringLiteral("music/") + name);
            t.folder = dir.filePath(QStringLiteral("music"));
            t.title = name.toUpper();
            t.artist = QStringLiteral("Ärtist");
            t.duration = 42.4;
            ids.append(catalog.upsertTrack(t));
            QVERIFY(ids.last() > 0);
        }
        const qint64 list = catalog.createPlaylist(QStringLiteral("Calm"), QStringLiteral("calm"));
        QVERIFY(catalog.setPlaylistTracks(list, {ids.at(0), ids.at(1), ids.at(0)}));
        QCOMPARE(findPlaylist(catalog, QStringLiteral("calm"))->id, list);  // case-insensitive
        QCOMPARE(findPlaylist(catalog, QString::number(list))->name, QStringLiteral("Calm"));
        QVERIFY(!findPlaylist(catalog, QStringLiteral("nope")));

        const QString out = dir.filePath(QStringLiteral("calm.m3u8"));
        QString error;
        QVERIFY2(exportPlaylist(catalog, list, out, PlaylistFormat::M3u8, &error), qPrintable(error));
        const auto back = readPlaylist(out, &error);
        QVERIFY(back);
        QCOMPARE(back->title, QStringLiteral("Calm"));
        QCOMPARE(back->entries.size(), 3);
        QCOMPARE(back->entries.at(0).path, dir.filePath(QStringLiteral("music/b – ß.flac")));
        QCOMPARE(back->entries.at(1).title, QStringLiteral("A.MP3"));
        QCOMPARE(back->entries.at(2).artist, QStringLiteral("Ärtist"));
        QVERIFY(readAll(out).contains("\nmusic/a.mp3\n"));
        QVERIFY(!exportPlaylist(catalog, list + 100, out, PlaylistFormat::M3u8, &error));
    }
};

QTEST_GUILESS_MAIN(TestPlaylistIO)
#include "tst_playlistio.moc"
