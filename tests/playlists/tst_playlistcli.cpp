// `spectag playlist list|export`, run as a process against a catalog made here.
#include "catalog/catalog.h"
#include "common/testutil.h"
#include "playlists/playlistio.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spectag;

class TestPlaylistCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;
    QList<qint64> m_ids;

    testutil::ProcResult spectag(QStringList args)
    {
        args << QStringLiteral("--catalog") << m_catalog;
        return testutil::run(testutil::spectagBinary(), args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = m_dir.filePath(QStringLiteral("c.sqlite"));
        Catalog c;
        QVERIFY2(c.open(m_catalog), qPrintable(c.lastError()));
        for (const QString &name : {QStringLiteral("één.flac"), QStringLiteral("two.mp3")}) {
            TrackRecord t;
            t.path = m_dir.filePath(QStringLiteral("music/") + name);
            t.folder = m_dir.filePath(QStringLiteral("music"));
            t.title = name;
            t.duration = 30;
            m_ids.append(c.upsertTrack(t));
        }
        const qint64 calm = c.createPlaylist(QStringLiteral("Calm Evening"), QStringLiteral("calm"));
        QVERIFY(c.setPlaylistTracks(calm, {m_ids.at(1), m_ids.at(0)}));
        QVERIFY(c.createPlaylist(QStringLiteral("Smart"), {}, QStringLiteral("mood:calm")) > 0);
    }

    void lists()
    {
        const auto r = spectag({QStringLiteral("playlist"), QStringLiteral("list")});
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.out.contains("\t2\tCalm Evening  [mood: calm]\n"), r.out.constData());
        QVERIFY2(r.out.contains("\t0\tSmart  [smart: mood:calm]\n"), r.out.constData());
        const auto j = spectag({QStringLiteral("playlist"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(j.ok());
        const QJsonArray rows = QJsonDocument::fromJson(j.out).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Calm Evening"));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("tracks")).toInt(), 2);
    }

    void exports()
    {
        const QString xspf = m_dir.filePath(QStringLiteral("out/calm.xspf"));
        QVERIFY(QDir().mkpath(QFileInfo(xspf).absolutePath()));
        auto r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("calm evening"), QStringLiteral("--out"), xspf});
        QVERIFY2(r.ok(), r.err.constData());
        QString error;
        auto back = readPlaylist(xspf, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->title, QStringLiteral("Calm Evening"));
        QCOMPARE(back->entries.size(), 2);
        QCOMPARE(back->entries.at(0).path, m_dir.filePath(QStringLiteral("music/two.mp3")));
        QCOMPARE(back->entries.at(1).path, m_dir.filePath(QStringLiteral("music/één.flac")));

        const QString m3u = m_dir.filePath(QStringLiteral("calm.txt"));
        r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("Calm Evening"), QStringLiteral("--format"),
                     QStringLiteral("m3u8"), QStringLiteral("--out"), m3u});
        QVERIFY2(r.ok(), r.err.constData());
        QFile f(m3u);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("#EXTM3U\n#PLAYLIST:Calm Evening\n#EXTINF:30,two.mp3\nmusic/two.mp3\n"
                                         "#EXTINF:30,één.flac\nmusic/één.flac\n"));
    }

    void errors()
    {
        auto r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("Nope"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.m3u8"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no playlist named Nope"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("x.m3u8"))));
        const QString blocked = m_catalog + QStringLiteral("/x.m3u8");  // the catalog is a file
        r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("Calm Evening"), QStringLiteral("--out"), blocked});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Cannot write the playlist"), r.err.constData());
        r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("Calm Evening")});
        QCOMPARE(r.exitCode, 2);
        r = spectag({QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("Calm Evening"), QStringLiteral("--format"), QStringLiteral("pls"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("y"))});
        QCOMPARE(r.exitCode, 2);
        r = spectag({QStringLiteral("playlist"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestPlaylistCli)
#include "tst_playlistcli.moc"
