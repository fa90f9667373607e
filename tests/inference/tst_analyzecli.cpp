// `spectag model init|info` and `spectag analyze` end to end, through the built binary.
#include "common/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <cstdio>

#include <unistd.h>

class TestAnalyzeCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_model;

    testutil::ProcResult spectag(const QStringList &args)
    {
        return testutil::run(m_bin, args, 300000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bin = testutil::spectagBinary();
        if (!QFile::exists(m_bin))
            QSKIP("the spectag binary is not built");
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("music/sub"));
        QVERIFY(!testutil::makeAudio(m_dir.filePath(QStringLiteral("music")), QStringLiteral("one.flac"), 4.0).isEmpty());
        QVERIFY(!testutil::makeAudio(m_dir.filePath(QStringLiteral("music/sub")), QStringLiteral("two ä.ogg"), 5.0,
                                     QStringLiteral("sine=frequency=880")).isEmpty());
        QFile notes(m_dir.filePath(QStringLiteral("music/notes.txt")));  // not audio: skipped by the walk
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();
        m_model = m_dir.filePath(QStringLiteral("m.stm"));
        const auto r = spectag({QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                                QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"),
                                QStringLiteral("--out"), m_model, QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.ok(), r.err.constData());
    }

    void info()
    {
        const auto r = spectag({QStringLiteral("model"), QStringLiteral("info"), m_model, QStringLiteral("--json")});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("spec")).toObject().value(QLatin1String("architecture")).toString(), QStringLiteral("spectag"));
        QCOMPARE(o.value(QLatin1String("version")).toString().size(), 16);
        QVERIFY(o.value(QLatin1String("parameters")).toDouble() > 1000);
    }

    void analyzeJson()
    {
        const auto r = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music")), QStringLiteral("--model"), m_model,
                                QStringLiteral("--json"), QStringLiteral("--timeline"), QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(r.ok(), r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QStringList paths;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            paths << QFileInfo(o.value(QLatin1String("path")).toString()).fileName();
            QCOMPARE(o.value(QLatin1String("model")).toString().size(), 16);
            const QJsonObject genre = o.value(QLatin1String("genre")).toObject();
            QVERIFY(QStringList({QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}).contains(genre.value(QLatin1String("label")).toString()));
            QCOMPARE(genre.value(QLatin1String("scores")).toObject().size(), 3);
            const QJsonObject mood = o.value(QLatin1String("mood")).toObject();
            QVERIFY(mood.value(QLatin1String("labels")).isArray());
            QCOMPARE(mood.value(QLatin1String("scores")).toObject().size(), 2);
            const QJsonArray segs = o.value(QLatin1String("segments")).toArray();
            QVERIFY(segs.size() >= 2);
            QVERIFY(segs[0].toObject().contains(QLatin1String("genre")));
            QCOMPARE(segs[0].toObject().value(QLatin1String("start")).toDouble(), 0.0);
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("one.flac"), QStringLiteral("two ä.ogg")}));
    }

    // cerutti2021 declares a slice vote: without --aggregate its track scores are vote shares
    // (multiples of 1/segments), with --aggregate mean they are mean probabilities.
    void modelsOwnAggregationByDefault()
    {
        const QString model = m_dir.filePath(QStringLiteral("cerutti.stm"));
        auto r = spectag({QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("cerutti2021"),
                          QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz,pop"), QStringLiteral("--out"), model,
                          QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(r.ok(), r.err.constData());
        QDir().mkpath(m_dir.filePath(QStringLiteral("long")));
        const QString song = testutil::makeAudio(m_dir.filePath(QStringLiteral("long")), QStringLiteral("sweep.flac"), 20.0,
                                                 QStringLiteral("aevalsrc=0.4*sin(2*PI*(200+40*t)*t)+0.1*(random(0)-0.5)"));
        QVERIFY(!song.isEmpty());
        const auto genreOf = [&](const QStringList &extra, int *segments) {
            const auto out = spectag(QStringList{QStringLiteral("analyze"), song, QStringLiteral("--model"), model, QStringLiteral("--json"),
                                                 QStringLiteral("--timeline"), QStringLiteral("--device"), QStringLiteral("cpu")} + extra);
            const QJsonObject o = QJsonDocument::fromJson(out.out.trimmed()).object();
            *segments = int(o.value(QLatin1String("segments")).toArray().size());
            QList<double> scores;
            const QJsonObject g = o.value(QLatin1String("genre")).toObject().value(QLatin1String("scores")).toObject();
            for (auto it = g.begin(); it != g.end(); ++it)
                scores << it.value().toDouble();
            return scores;
        };
        const auto allShares = [](const QList<double> &scores, int n) {
            for (double v : scores)
                if (std::abs(v * n - std::round(v * n)) > 1e-4)
                    return false;
            return true;
        };
        int n = 0;
        const QList<double> byDefault = genreOf({}, &n);
        QCOMPARE(byDefault.size(), 3);
        QVERIFY2(n >= 4, "a 20 s file in 4 s slices");
        QVERIFY(allShares(byDefault, n));
        int m = 0;
        const QList<double> byMean = genreOf({QStringLiteral("--aggregate"), QStringLiteral("mean")}, &m);
        QCOMPARE(m, n);
        QVERIFY(!allShares(byMean, n));
    }

    // A model with a valence/arousal quadrant head: the track and every segment carry the
    // quadrant with its place in the plane, and the catalog row keeps the track's place.
    void quadrantPerTrackAndSegment()
    {
        const QString model = m_dir.filePath(QStringLiteral("va.stm"));
        auto r = spectag({QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                          QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz;quadrant:single:Q1,Q2,Q3,Q4"),
                          QStringLiteral("--out"), model, QStringLiteral("--seed"), QStringLiteral("4")});
        QVERIFY2(r.ok(), r.err.constData());
        const QString db = m_dir.filePath(QStringLiteral("va.sqlite"));
        r = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac")), QStringLiteral("--model"), model,
                     QStringLiteral("--json"), QStringLiteral("--timeline"), QStringLiteral("--device"), QStringLiteral("cpu"),
                     QStringLiteral("--catalog"), db});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
        // valence = p1 + p4 - p2 - p3, arousal = p1 + p2 - p3 - p4 (the scores sum to one).
        auto checkQuadrant = [](const QJsonObject &q, const char *where) {
            const QJsonObject s = q.value(QLatin1String("scores")).toObject();
            QVERIFY2(s.size() == 4, where);
            QVERIFY2(q.value(QLatin1String("label")).isString(), where);
            const double p1 = s.value(QLatin1String("Q1")).toDouble(), p2 = s.value(QLatin1String("Q2")).toDouble(),
                         p3 = s.value(QLatin1String("Q3")).toDouble(), p4 = s.value(QLatin1String("Q4")).toDouble();
            QVERIFY2(q.contains(QLatin1String("valence")) && q.contains(QLatin1String("arousal")), where);
            const double v = q.value(QLatin1String("valence")).toDouble(), a = q.value(QLatin1String("arousal")).toDouble();
            QVERIFY2(std::abs(v - (p1 + p4 - p2 - p3)) < 2e-3 && std::abs(a - (p1 + p2 - p3 - p4)) < 2e-3, where);
            QVERIFY2(v >= -1 && v <= 1 && a >= -1 && a <= 1, where);
        };
        checkQuadrant(o.value(QLatin1String("quadrant")).toObject(), "track");
        const QJsonArray segs = o.value(QLatin1String("segments")).toArray();
        QVERIFY(segs.size() >= 2);
        for (const QJsonValue &seg : segs)
            checkQuadrant(seg.toObject().value(QLatin1String("quadrant")).toObject(), "segment");
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("va"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT valence, arousal FROM predictions")));
            QVERIFY(q.next());
            const QJsonObject track = o.value(QLatin1String("quadrant")).toObject();
            QVERIFY(!q.value(0).isNull() && !q.value(1).isNull());
            QCOMPARE_LT(std::abs(q.value(0).toDouble() - track.value(QLatin1String("valence")).toDouble()), 1e-3);
            QCOMPARE_LT(std::abs(q.value(1).toDouble() - track.value(QLatin1String("arousal")).toDouble()), 1e-3);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("va"));
    }

    // --catalog: every prediction lands in the SQLite catalog, and a rerun decodes nothing.
    void analyzeWithCatalog()
    {
        const QString db = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        const QStringList args{QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music")), QStringLiteral("--model"), m_model,
                               QStringLiteral("--json"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--catalog"), db};
        const auto first = spectag(args);
        QVERIFY2(first.ok(), first.err.constData());
        QVERIFY2(first.err.contains("0 of 2 track(s) from cache, 2 decoded, 2 prediction(s) stored"), first.err.constData());
        const auto second = spectag(args);
        QVERIFY2(second.ok(), second.err.constData());
        QVERIFY2(second.err.contains("2 of 2 track(s) from cache, 0 decoded"), second.err.constData());

        // Same verdicts both times (the cached segments are re-aggregated).
        auto verdicts = [](const QByteArray &out) {
            QMap<QString, QString> m;
            for (const QByteArray &line : out.trimmed().split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                m.insert(o.value(QLatin1String("path")).toString(),
                         QString::fromUtf8(QJsonDocument(o.value(QLatin1String("genre")).toObject()).toJson(QJsonDocument::Compact)));
            }
            return m;
        };
        QCOMPARE(verdicts(second.out).size(), 2);
        QCOMPARE(verdicts(second.out), verdicts(first.out));

        const auto info = spectag({QStringLiteral("model"), QStringLiteral("info"), m_model, QStringLiteral("--json")});
        const QString hash = QJsonDocument::fromJson(info.out).object().value(QLatin1String("version")).toString();
        QVERIFY(!hash.isEmpty());
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT version_hash, active, label_sets FROM models")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), hash);
            QCOMPARE(q.value(1).toInt(), 1);
            QVERIFY(q.value(2).toString().contains(QLatin1String("jazz")));
            QVERIFY(!q.next());
            QVERIFY(q.exec(QStringLiteral("SELECT t.path, p.scores, length(p.segment_scores), length(p.embedding), p.top_genre "
                                          "FROM predictions p JOIN tracks t ON t.id = p.track_id ORDER BY t.path")));
            QStringList names;
            while (q.next()) {
                names << QFileInfo(q.value(0).toString()).fileName();
                const QJsonObject scores = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                QCOMPARE(scores.value(QLatin1String("genre")).toObject().size(), 3);
                QCOMPARE(scores.value(QLatin1String("mood")).toObject().size(), 2);
                QVERIFY(q.value(2).toInt() > 40);
                QVERIFY(q.value(3).toInt() > 0 && q.value(3).toInt() % 4 == 0);
                QVERIFY(QStringList({QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}).contains(q.value(4).toString()));
            }
            QCOMPARE(names, (QStringList{QStringLiteral("one.flac"), QStringLiteral("two ä.ogg")}));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        const auto bad = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac")), QStringLiteral("--model"), m_model,
                                  QStringLiteral("--catalog"), m_dir.filePath(QStringLiteral("music/one.flac/x.sqlite"))});
        QCOMPARE(bad.exitCode, 1);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing model") << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent/x.stm")} << 1 << QStringLiteral("does not exist");
        QTest::newRow("bad aggregate") << QStringList{QStringLiteral("--aggregate"), QStringLiteral("median")} << 2 << QString();
        QTest::newRow("bad device") << QStringList{QStringLiteral("--device"), QStringLiteral("tpu")} << 2 << QString();
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = spectag(QStringList{QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac"))} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void damagedModel()
    {
        QFile in(m_model);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString bad = m_dir.filePath(QStringLiteral("bad.stm"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        const auto r = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac")), QStringLiteral("--model"), bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("truncated"), r.err.constData());
    }

    void partialFailure()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.mp3"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4000, 'z'));
        f.close();
        const auto r = spectag({QStringLiteral("analyze"), corrupt, m_dir.filePath(QStringLiteral("music/one.flac")),
                                QStringLiteral("--model"), m_model, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out.trimmed().split('\n').size(), 2);  // the failure is reported as a JSON line too
        QVERIFY(r.out.contains("\"error\""));
    }

    // A file whose name is not valid UTF-8 (an old Latin-1 "café.flac") cannot be opened by Qt:
    // a folder walk names it with the reason instead of skipping it in silence.
    void undecodableName()
    {
        QTemporaryDir dir;
        QVERIFY(!testutil::makeAudio(dir.path(), QStringLiteral("good.flac"), 3.0).isEmpty());
        QVERIFY(!testutil::makeAudio(dir.path(), QStringLiteral("cafe.flac"), 3.0).isEmpty());
        QVERIFY(::rename(QFile::encodeName(dir.filePath(QStringLiteral("cafe.flac"))).constData(),
                         QByteArray(QFile::encodeName(dir.path()) + QByteArray("/caf\xe9.flac")).constData()) == 0);
        const auto unlinkRaw = qScopeGuard([&] { ::unlink(QByteArray(QFile::encodeName(dir.path()) + QByteArray("/caf\xe9.flac")).constData()); });
        const auto r = spectag({QStringLiteral("analyze"), dir.path(), QStringLiteral("--model"), m_model});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("caf\\xE9.flac: the name is not valid UTF-8"), r.err.constData());
        QVERIFY2(r.out.contains("good.flac"), r.out.constData());
    }

    // Digital silence and a click-length clip get no prediction (a model answers anything, and
    // silence came out "rock 1.00"), so `tag --predicted` has nothing to write into them.
    void silentAndTooShort()
    {
        QTemporaryDir dir;
        const QString silent = testutil::makeAudio(dir.path(), QStringLiteral("silent.flac"), 5.0, QStringLiteral("aevalsrc=0"));
        const QString click = testutil::makeAudio(dir.path(), QStringLiteral("click.ogg"), 0.3);
        const QString quiet = testutil::makeAudio(dir.path(), QStringLiteral("quiet.flac"), 5.0,
                                                  QStringLiteral("anoisesrc=color=pink:amplitude=0.003"));
        QVERIFY(!silent.isEmpty() && !click.isEmpty() && !quiet.isEmpty());
        auto r = spectag({QStringLiteral("analyze"), silent, click, quiet, QStringLiteral("--model"), m_model, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 3);  // two of three failed
        QVERIFY2(r.err.contains("silent.flac: silent"), r.err.constData());
        QVERIFY2(r.err.contains("click.ogg: too short to analyse"), r.err.constData());
        int errors = 0, predictions = 0;
        for (const QByteArray &line : r.out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            errors += o.contains(QLatin1String("error"));
            predictions += o.contains(QLatin1String("genre"));
            if (o.contains(QLatin1String("genre")))
                QVERIFY(o.value(QLatin1String("path")).toString().endsWith(QLatin1String("quiet.flac")));  // quiet is not silent
        }
        QCOMPARE(errors, 2);
        QCOMPARE(predictions, 1);

        r = spectag({QStringLiteral("tag"), QStringLiteral("--predicted"), silent, click, QStringLiteral("--model"), m_model,
                     QStringLiteral("--min-confidence"), QStringLiteral("0"), QStringLiteral("--dry-run"),
                     QStringLiteral("--catalog"), dir.filePath(QStringLiteral("c.sqlite"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains("->"), r.out.constData());  // nothing planned
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyzecli.moc"
