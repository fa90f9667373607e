// Catalog: schema and migrations, connection settings, transactions, typed accessors, threads.
#include "catalog/catalog.h"
#include "catalog/transaction.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <latch>
#include <stdexcept>

using namespace spectag;

namespace {

TrackRecord makeTrack(const QString &path, const QByteArray &fingerprint = "fp")
{
    TrackRecord t;
    t.path = path;
    t.size = 1234;
    t.mtimeMs = 1700000000000;
    t.fingerprint = fingerprint;
    t.duration = 61.5;
    t.format = QStringLiteral("flac");
    t.codec = QStringLiteral("FLAC");
    t.sampleRate = 44100;
    t.channels = 2;
    t.title = QStringLiteral("Title of ") + path.section(QLatin1Char('/'), -1);
    return t;
}

QVariant pragma(QSqlDatabase db, const QString &name)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0);
}

QStringList tableNames(QSqlDatabase db)
{
    QStringList out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cat-%1.sqlite").arg(++m_counter));
    }

    void freshDatabaseHasLatestSchemaWalAndForeignKeys()
    {
        Catalog c;
        QVERIFY2(c.open(m_path), qPrintable(c.lastError()));
        QCOMPARE(c.schemaVersion(), Catalog::latestSchemaVersion());
        QVERIFY(Catalog::latestSchemaVersion() >= 2);
        QCOMPARE(pragma(c.database(), QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(c.database(), QStringLiteral("foreign_keys")).toInt(), 1);
        QVERIFY(pragma(c.database(), QStringLiteral("busy_timeout")).toInt() > 0);
        const QStringList tables = tableNames(c.database());
        for (const char *t : {"tracks", "models", "predictions", "annotations", "playlists", "playlist_items", "library_folders"})
            QVERIFY2(tables.contains(QLatin1String(t)), t);
        // The tag writer's journal is not ours to create.
        QVERIFY(!tables.contains(QStringLiteral("tag_write_batches")));
        QVERIFY(!tables.contains(QStringLiteral("tag_write_changes")));

        // A worker thread gets its own connection with the same settings.
        const auto worker = QtConcurrent::run([&c] {
            QSqlDatabase db = c.database();
            return std::make_pair(db.connectionName(), pragma(db, QStringLiteral("foreign_keys")).toInt());
        }).result();
        QVERIFY(worker.first != c.database().connectionName());
        QCOMPARE(worker.second, 1);
    }

    void migratesFromVersionOne()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(Catalog::migrate(db, 1, &error), qPrintable(error));
            QCOMPARE(pragma(db, QStringLiteral("user_version")).toInt(), 1);
            QVERIFY(!tableNames(db).contains(QStringLiteral("playlists")));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO tracks (path, folder, title, added_at, scanned_at) "
                                          "VALUES ('/m/a.ogg', '/m', 'Old song', '2020-01-01', '2020-01-01')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        Catalog c;
        QVERIFY2(c.open(m_path), qPrintable(c.lastError()));
        QCOMPARE(c.schemaVersion(), Catalog::latestSchemaVersion());
        const auto t = c.trackByPath(QStringLiteral("/m/a.ogg"));
        QVERIFY(t);
        QCOMPARE(t->title, QStringLiteral("Old song"));
        // Columns and tables of step 2 work on the migrated file.
        QVERIFY(c.setTagWriteState(t->id, QStringLiteral("written")));
        QCOMPARE(c.track(t->id)->tagWriteState, QStringLiteral("written"));
        const qint64 pl = c.createPlaylist(QStringLiteral("Mix"));
        QVERIFY(pl > 0);
        QVERIFY(c.setPlaylistTracks(pl, {t->id}));
    }

    void refusesNewerSchema()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        // Closing after a failed open must not leave a query or database copy in use.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use")));
        Catalog c;
        QVERIFY(!c.open(m_path));
        QVERIFY2(c.lastError().contains(QStringLiteral("newer")), qPrintable(c.lastError()));
        QVERIFY(!c.isOpen());
    }

    void transactionRollsBackOnException()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        try {
            Transaction tx(c.database());
            QVERIFY(tx.isActive());
            QVERIFY(c.upsertTrack(makeTrack(QStringLiteral("/m/x.flac"))) > 0);
            throw std::runtime_error("boom");
        } catch (const std::runtime_error &) {
        }
        QCOMPARE(c.trackCount(), 0);
        {
            Transaction tx(c.database());
            QVERIFY(c.upsertTrack(makeTrack(QStringLiteral("/m/y.flac"))) > 0);
            QVERIFY(tx.commit());
        }
        QCOMPARE(c.trackCount(), 1);
    }

    void upsertIsByPath()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        TrackRecord t = makeTrack(QStringLiteral("/m/ü ñ 日本.ogg"));
        const qint64 id = c.upsertTrack(t);
        QVERIFY(id > 0);
        t.title = QStringLiteral("Renamed");
        QCOMPARE(c.upsertTrack(t), id);
        QCOMPARE(c.trackCount(), 1);
        const auto back = c.track(id);
        QVERIFY(back);
        QCOMPARE(back->title, QStringLiteral("Renamed"));
        QCOMPARE(back->folder, QStringLiteral("/m"));
        QCOMPARE(back->duration, 61.5);
        QCOMPARE(back->fingerprint, QByteArray("fp"));
        QVERIFY(c.markMissing({id}));
        QCOMPARE(c.track(id)->state, TrackState::Missing);
        QCOMPARE(c.trackCount(TrackState::Missing), 1);
        QCOMPARE(c.knownFiles().value(t.path).state, TrackState::Missing);
    }

    void predictionsAndAnalysisCache()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        const qint64 track = c.upsertTrack(makeTrack(QStringLiteral("/m/a.flac"), "abc"));
        ModelRecord m;
        m.name = QStringLiteral("cnn");
        m.versionHash = QStringLiteral("hash-1");
        m.labelSets = QJsonObject{{QStringLiteral("mood"), QJsonArray{QStringLiteral("happy"), QStringLiteral("sad")}}};
        const qint64 model = c.upsertModel(m);
        QVERIFY(model > 0);
        QCOMPARE(c.upsertModel(m), model);  // same hash, same row
        QVERIFY(c.setActiveModel(model));
        QCOMPARE(c.activeModel()->id, model);

        PredictionRecord p;
        p.trackId = track;
        p.modelId = model;
        p.scores = QJsonObject{
            {QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.2}, {QStringLiteral("sad"), 0.7}}},
            {QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.9}, {QStringLiteral("jazz"), 0.1}}}};
        p.embedding = QByteArray(16, '\x01');
        p.segmentScores = QByteArray("\x00\x01\x02", 3);
        p.valence = -0.25;
        QVERIFY2(c.storePrediction(p), qPrintable(c.lastError()));
        const auto back = c.prediction(track, model);
        QVERIFY(back);
        QCOMPARE(back->topMood, QStringLiteral("sad"));
        QCOMPARE(back->topGenre, QStringLiteral("rock"));
        QCOMPARE(back->confidence, 0.7);
        QCOMPARE(back->embedding, p.embedding);
        QCOMPARE(back->segmentScores, p.segmentScores);
        QCOMPARE(back->valence, std::optional<double>(-0.25));
        QVERIFY(!back->arousal);

        // The whole model's predictions: without timelines unless asked, every other field as stored.
        const QList<PredictionRecord> all = c.predictions(model);
        QCOMPARE(all.size(), 1);
        QVERIFY(all.first().segmentScores.isEmpty());
        QCOMPARE(all.first().embedding, p.embedding);
        QCOMPARE(all.first().valence, std::optional<double>(-0.25));
        QCOMPARE(all.first().topMood, QStringLiteral("sad"));
        QCOMPARE(all.first().scores, p.scores);
        QCOMPARE(c.predictions(model, Catalog::Timelines::Read).first().segmentScores, p.segmentScores);

        // A copy of the same audio elsewhere finds the stored analysis; another model does not.
        QVERIFY(c.cachedPrediction("abc", QStringLiteral("hash-1")));
        QVERIFY(!c.cachedPrediction("abc", QStringLiteral("hash-2")));
        QVERIFY(!c.cachedPrediction("other", QStringLiteral("hash-1")));

        // Storing again replaces (UNIQUE track, model).
        p.scores = QJsonObject{{QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.9}}}};
        p.topMood.clear();
        QVERIFY(c.storePrediction(p));
        QCOMPARE(c.prediction(track, model)->topMood, QStringLiteral("happy"));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM predictions")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void annotations()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        const qint64 track = c.upsertTrack(makeTrack(QStringLiteral("/m/a.flac")));
        Annotation a;
        a.trackId = track;
        a.head = QStringLiteral("mood");
        a.label = QStringLiteral("calm");
        a.segmentStart = 10;
        a.segmentEnd = 20;
        a.annotator = QStringLiteral("me");
        QVERIFY(c.addAnnotation(a) > 0);
        a.trackId = 9999;  // foreign key
        QCOMPARE(c.addAnnotation(a), 0);
        const QList<Annotation> list = c.annotations(track);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().segmentEnd, std::optional<double>(20));
        QCOMPARE(list.first().source, Annotation::Source::Human);
    }

    void annotationHistory()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        const qint64 t1 = c.upsertTrack(makeTrack(QStringLiteral("/m/h1.flac")));
        const qint64 t2 = c.upsertTrack(makeTrack(QStringLiteral("/m/h2.flac")));
        QSignalSpy spy(&c, &Catalog::annotationsChanged);
        auto make = [](qint64 track, const QString &label, double value, Annotation::Source src = Annotation::Source::Human) {
            Annotation a;
            a.trackId = track;
            a.head = QStringLiteral("mood");
            a.label = label;
            a.value = value;
            a.source = src;
            return a;
        };
        QVERIFY(c.addAnnotations({make(t1, QStringLiteral("calm"), 1), make(t1, QStringLiteral("sad"), 1),
                                  make(t2, QStringLiteral("calm"), 1, Annotation::Source::Model)}));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().value<QList<qint64>>(), (QList<qint64>{t1, t2}));
        // A correction: "sad" does not apply after all. The history keeps both rows.
        const qint64 correction = c.addAnnotation(make(t1, QStringLiteral("sad"), 0));
        QVERIFY(correction > 0);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(c.annotations(t1).size(), 3);
        const QList<Annotation> eff = c.effectiveAnnotations(Annotation::Source::Human);
        QCOMPARE(eff.size(), 2);
        QCOMPARE(eff.at(0).label, QStringLiteral("calm"));
        QCOMPARE(eff.at(1).label, QStringLiteral("sad"));
        QCOMPARE(eff.at(1).value, 0.0);
        QCOMPARE(c.effectiveAnnotations(Annotation::Source::Model).size(), 1);
        QCOMPARE(c.effectiveAnnotations(std::nullopt, t2).size(), 1);
        QCOMPARE(c.annotatedTrackIds(), QList<qint64>{t1});
        QCOMPARE(c.allAnnotations().size(), 4);
        // Undoing the correction brings "sad" back.
        QVERIFY(c.removeAnnotation(correction));
        QCOMPARE(spy.size(), 3);
        QCOMPARE(c.effectiveAnnotations(Annotation::Source::Human, t1).at(1).value, 1.0);
        QVERIFY(!c.removeAnnotation(correction));
        // One bad row (unknown track) writes none of the batch.
        QVERIFY(!c.addAnnotations({make(t2, QStringLiteral("calm"), 1), make(99999, QStringLiteral("calm"), 1)}));
        QCOMPARE(c.allAnnotations().size(), 3);
        QCOMPARE(spy.size(), 3);
    }

    void playlists()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i)
            ids << c.upsertTrack(makeTrack(QStringLiteral("/m/%1.flac").arg(i)));
        const qint64 pl = c.createPlaylist(QStringLiteral("B list"));
        QVERIFY(c.setPlaylistTracks(pl, {ids[0], ids[1], ids[2]}));
        QVERIFY(c.movePlaylistItem(pl, 0, 2));
        QCOMPARE(c.playlistTracks(pl), (QList<qint64>{ids[1], ids[2], ids[0]}));
        QVERIFY(c.removeFromPlaylist(pl, 1));
        QCOMPARE(c.playlistTracks(pl), (QList<qint64>{ids[1], ids[0]}));
        // An unknown track violates the foreign key: the whole change is rolled back.
        QVERIFY(!c.appendToPlaylist(pl, {ids[3], 424242}));
        QCOMPARE(c.playlistTracks(pl), (QList<qint64>{ids[1], ids[0]}));
        QVERIFY(c.renamePlaylist(pl, QStringLiteral("A list")));
        QCOMPARE(c.playlist(pl)->name, QStringLiteral("A list"));
        QCOMPARE(c.playlist(pl)->itemCount, 2);
        QVERIFY(c.removePlaylist(pl));
        QVERIFY(c.playlists().isEmpty());
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM playlist_items")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);  // cascaded
    }

    void libraryFolders()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        QVERIFY(c.addLibraryFolder(QStringLiteral("/music/a/../b")));
        QVERIFY(c.addLibraryFolder(QStringLiteral("/music/b")));  // same folder, ignored
        QCOMPARE(c.libraryFolders(), QStringList{QStringLiteral("/music/b")});
        QVERIFY(c.removeLibraryFolder(QStringLiteral("/music/b")));
        QVERIFY(c.libraryFolders().isEmpty());
    }

    void writersOnSeveralThreads()
    {
        Catalog c;
        QVERIFY(c.open(m_path));
        QList<QFuture<int>> futures;
        for (int w = 0; w < 4; ++w) {
            futures << QtConcurrent::run([&c, w] {
                int ok = 0;
                for (int i = 0; i < 50; ++i) {
                    Transaction tx(c.database());
                    if (c.upsertTrack(makeTrack(QStringLiteral("/m/w%1/%2.flac").arg(w).arg(i))) > 0 && tx.commit())
                        ++ok;
                }
                return ok;
            });
        }
        int total = 0;
        for (auto &f : futures)
            total += f.result();
        QCOMPARE(total, 200);
        QCOMPARE(c.trackCount(), 200);
    }

    // The app and a cron `spectag scan` starting on a new catalog at the same moment: both open
    // it. The loser of the race used to fail "migration to version 1 failed: table tracks already
    // exists", having read the schema version before it had the write lock.
    void twoOpenANewCatalogAtOnce()
    {
        for (int round = 0; round < 50; ++round) {
            const QString path = m_dir.filePath(QStringLiteral("race-%1.sqlite").arg(round));
            std::latch start(2);
            const auto openIt = [&] {
                start.arrive_and_wait();
                Catalog c;
                return c.open(path) ? QString() : c.lastError();
            };
            QFuture<QString> a = QtConcurrent::run(openIt), b = QtConcurrent::run(openIt);
            QVERIFY2(a.result().isEmpty(), qPrintable(a.result()));
            QVERIFY2(b.result().isEmpty(), qPrintable(b.result()));
            Catalog c;
            QVERIFY(c.open(path));
            QCOMPARE(c.schemaVersion(), Catalog::latestSchemaVersion());
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
