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

    // `playlist trajectory` over a catalog of its own: a row of tracks from calm (0.5, -0.5) up to
    // energetic (0.5, 0.5), one far away, and the playlist it saves.
    void trajectory()
    {
        const QString path = m_dir.filePath(QStringLiteral("mood.sqlite"));
        QList<qint64> column;
        {
            Catalog c;
            QVERIFY2(c.open(path), qPrintable(c.lastError()));
            ModelRecord m;
            m.name = QStringLiteral("va");
            m.versionHash = QStringLiteral("va-hash");
            const qint64 model = c.upsertModel(m);
            QVERIFY(model > 0 && c.setActiveModel(model));
            auto add = [&](const QString &name, double v, double a) {
                TrackRecord t;
                t.path = m_dir.filePath(QStringLiteral("moods/%1.flac").arg(name));
                t.title = name;
                const qint64 id = c.upsertTrack(t);
                PredictionRecord p;
                p.trackId = id;
                p.modelId = model;
                // Quadrant probabilities that place the track at (v, a).
                p.scores = QJsonObject{{QStringLiteral("quadrant"),
                                        QJsonObject{{QStringLiteral("Q1"), (1 + v + a) / 4}, {QStringLiteral("Q2"), (1 - v + a) / 4},
                                                    {QStringLiteral("Q3"), (1 - v - a) / 4}, {QStringLiteral("Q4"), (1 + v - a) / 4}}}};
                return c.storePrediction(p) ? id : 0;
            };
            QVERIFY(add(QStringLiteral("far"), -0.5, 0.0) > 0);
            for (double a : {0.5, -0.5, 0.0})  // inserted out of order
                column << add(QStringLiteral("a%1").arg(a), 0.5, a);
            QVERIFY(!column.contains(0));
        }
        auto run = [&](QStringList args) {
            args.prepend(QStringLiteral("trajectory"));
            args.prepend(QStringLiteral("playlist"));
            args << QStringLiteral("--catalog") << path;
            return testutil::run(testutil::spectagBinary(), args);
        };
        auto r = run({QStringLiteral("--from"), QStringLiteral("calm"), QStringLiteral("--to"), QStringLiteral("energetic"),
                      QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--name"), QStringLiteral("Wake up"),
                      QStringLiteral("--json")});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Wake up"));
        const QJsonArray tracks = o.value(QStringLiteral("tracks")).toArray();
        QCOMPARE(tracks.size(), 3);
        QStringList names;
        for (const QJsonValue &t : tracks)
            names << QFileInfo(t.toObject().value(QStringLiteral("path")).toString()).completeBaseName();
        QCOMPARE(names, (QStringList{QStringLiteral("a-0.5"), QStringLiteral("a0"), QStringLiteral("a0.5")}));
        {
            Catalog c;
            QVERIFY(c.open(path));
            const auto saved = c.playlist(o.value(QStringLiteral("id")).toInteger());
            QVERIFY(saved);
            QCOMPARE(saved->name, QStringLiteral("Wake up"));
            QCOMPARE(c.playlistTracks(saved->id), (QList<qint64>{column[1], column[2], column[0]}));
        }

        // Plain text, a point for a start, more tracks than there are: all four, the far one first.
        r = run({QStringLiteral("--from"), QStringLiteral("-1,0"), QStringLiteral("--to"), QStringLiteral("happy"),
                 QStringLiteral("--name"), QStringLiteral("All")});
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.out.startsWith("made playlist All (id 2) with 4 of 20 tracks\n"), r.out.constData());
        QVERIFY(r.out.split('\n').value(1).endsWith("far.flac"));

        // Usage errors make nothing.
        for (const QStringList &bad : {QStringList{QStringLiteral("--from"), QStringLiteral("purple"), QStringLiteral("--to"), QStringLiteral("sad"),
                                                   QStringLiteral("--name"), QStringLiteral("x")},
                                       QStringList{QStringLiteral("--to"), QStringLiteral("sad"), QStringLiteral("--name"), QStringLiteral("x")},
                                       QStringList{QStringLiteral("--from"), QStringLiteral("calm"), QStringLiteral("--to"), QStringLiteral("sad")},
                                       QStringList{QStringLiteral("--from"), QStringLiteral("calm"), QStringLiteral("--to"), QStringLiteral("sad"),
                                                   QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--count"), QStringLiteral("0")}}) {
            r = run(bad);
            QCOMPARE(r.exitCode, 2);
        }
        r = run({QStringLiteral("--from"), QStringLiteral("purple"), QStringLiteral("--to"), QStringLiteral("sad"), QStringLiteral("--name"), QStringLiteral("x")});
        QVERIFY2(r.err.contains("not \"purple\""), r.err.constData());
        {
            Catalog c;
            QVERIFY(c.open(path));
            QCOMPARE(c.playlists().size(), 2);
        }

        // A second run with the same --name makes a second playlist of that name: exporting by the
        // name would pick either in silence, so it asks for the id instead.
        r = run({QStringLiteral("--from"), QStringLiteral("calm"), QStringLiteral("--to"), QStringLiteral("energetic"),
                 QStringLiteral("--name"), QStringLiteral("All")});
        QVERIFY2(r.ok(), r.err.constData());
        const QString out = m_dir.filePath(QStringLiteral("all.m3u8"));
        r = testutil::run(testutil::spectagBinary(), {QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("All"),
                                                      QStringLiteral("--out"), out, QStringLiteral("--catalog"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("2 playlists are named All (ids 2, 3): export one by its id"), r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
        r = testutil::run(testutil::spectagBinary(), {QStringLiteral("playlist"), QStringLiteral("export"), QStringLiteral("3"),
                                                      QStringLiteral("--out"), out, QStringLiteral("--catalog"), path});
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY(QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestPlaylistCli)
#include "tst_playlistcli.moc"
