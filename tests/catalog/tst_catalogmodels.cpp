// The Qt models over the catalog: QAbstractItemModelTester on each, incremental refresh.
#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/playlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QSqlQuery>
#include <QTest>

using namespace spectag;

namespace {

TrackRecord makeTrack(const QString &path, const QString &title, double duration)
{
    TrackRecord t;
    t.path = path;
    t.title = title;
    t.artist = QStringLiteral("Artist");
    t.genre = QStringLiteral("tag-genre");
    t.mood = QStringLiteral("tag-mood");
    t.duration = duration;
    t.fingerprint = path.toUtf8().toHex();
    return t;
}

} // namespace

class TestCatalogModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_catalog.emplace();
        QVERIFY2(m_catalog->open(m_dir->filePath(QStringLiteral("c.sqlite"))), qPrintable(m_catalog->lastError()));
    }

    void cleanup()
    {
        m_catalog.reset();
        m_dir.reset();
    }

    void libraryModelLoadsAndRefreshesIncrementally()
    {
        const qint64 a = m_catalog->upsertTrack(makeTrack(QStringLiteral("/m/a.ogg"), QStringLiteral("Alpha"), 75));
        LibraryModel model(&*m_catalog);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(LibraryModel::ColumnCount));
        QCOMPARE(model.index(0, LibraryModel::Title).data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(model.index(0, LibraryModel::Duration).data().toString(), QStringLiteral("1:15"));
        QCOMPARE(model.index(0, LibraryModel::Duration).data(LibraryModel::SortRole).toDouble(), 75.0);
        QCOMPARE(model.index(0, 0).data(LibraryModel::PathRole).toString(), QStringLiteral("/m/a.ogg"));
        QCOMPARE(model.index(0, 0).data(LibraryModel::TrackIdRole).toLongLong(), a);
        QCOMPARE(model.index(0, LibraryModel::Mood).data().toString(), QStringLiteral("tag-mood"));

        // New rows are appended, not a reset.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 b = m_catalog->upsertTrack(makeTrack(QStringLiteral("/m/b.ogg"), QStringLiteral("Beta"), 10));
        m_catalog->notifyTracksChanged({b});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowForTrack(b), 1);

        // A change to one track touches only its row.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_catalog->markMissing({a}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, 0).data(LibraryModel::StateRole).toString(), QStringLiteral("missing"));
        QCOMPARE(model.index(0, LibraryModel::AnalysisState).data().toString(), QStringLiteral("missing"));

        // A prediction of the active model shows up in its row.
        ModelRecord m;
        m.name = QStringLiteral("cnn");
        m.versionHash = QStringLiteral("h");
        m.active = true;
        const qint64 modelId = m_catalog->upsertModel(m);  // active: the model reloads
        QVERIFY(modelId > 0);
        PredictionRecord p;
        p.trackId = b;
        p.modelId = modelId;
        p.scores = QJsonObject{{QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.8}}}};
        QVERIFY(m_catalog->storePrediction(p));
        const int row = model.rowForTrack(b);
        QCOMPARE(model.index(row, LibraryModel::Mood).data().toString(), QStringLiteral("happy"));
        QCOMPARE(model.index(row, LibraryModel::Confidence).data().toString(), QStringLiteral("80 %"));
        QVERIFY(model.index(row, 0).data(LibraryModel::AnalysedRole).toBool());
        QCOMPARE(model.index(model.rowForTrack(a), LibraryModel::Confidence).data(LibraryModel::SortRole).toDouble(), -1.0);

        // Tag-write state column follows the catalog.
        QVERIFY(m_catalog->setTagWriteState(b, QStringLiteral("written")));
        QCOMPARE(model.index(row, LibraryModel::TagWriteState).data().toString(), QStringLiteral("written"));
        QCOMPARE(model.headerData(LibraryModel::Genre, Qt::Horizontal).toString(), QStringLiteral("Genre"));
        QVERIFY(model.roleNames().contains(LibraryModel::PathRole));
    }

    void libraryModelRefreshesABurstOfTracks()
    {
        // More ids in one notification than any fixed-size IN (...) list held: every row changes
        // (one dataChanged per run of adjacent rows), the deleted track's row goes, nothing is reset.
        QList<qint64> ids;
        for (int i = 0; i < 1200; ++i)
            ids << m_catalog->upsertTrack(makeTrack(QStringLiteral("/m/%1.ogg").arg(i), QStringLiteral("T%1").arg(i), 60));
        LibraryModel model(&*m_catalog);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1200);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_catalog->markMissing(ids));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(1199, LibraryModel::ColumnCount - 1));
        QCOMPARE(reset.size(), 0);
        // Two runs, named out of order: rows 10-19 and 500-504, one signal each.
        changed.clear();
        QList<qint64> some;
        for (int i : {504, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 500, 501, 502, 503})
            some << ids.at(i);
        m_catalog->notifyTracksChanged(some);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 10);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 19);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 500);
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 504);
        for (int row : {0, 599, 1199})
            QCOMPARE(model.index(row, 0).data(LibraryModel::StateRole).toString(), QStringLiteral("missing"));
        QSqlQuery q(m_catalog->database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM tracks WHERE id = %1").arg(ids.at(700))));
        m_catalog->notifyTracksChanged(ids);
        QCOMPARE(model.rowCount(), 1199);
        QCOMPARE(model.rowForTrack(ids.at(700)), -1);
        QCOMPARE(model.rowForTrack(ids.at(701)), 700);
    }

    void playlistModels()
    {
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << m_catalog->upsertTrack(makeTrack(QStringLiteral("/m/%1.flac").arg(i), QStringLiteral("T%1").arg(i), 5));
        PlaylistListModel lists(&*m_catalog);
        PlaylistModel items(&*m_catalog);
        QAbstractItemModelTester t1(&lists, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&items, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(lists.rowCount(), 0);

        const qint64 zed = m_catalog->createPlaylist(QStringLiteral("Zed"));
        const qint64 abc = m_catalog->createPlaylist(QStringLiteral("abc"));
        QCOMPARE(lists.rowCount(), 2);
        QCOMPARE(lists.index(0).data().toString(), QStringLiteral("abc"));  // sorted by name, case-insensitive
        QCOMPARE(lists.playlistIdAt(1), zed);

        items.setPlaylistId(abc);
        QCOMPARE(items.rowCount(), 0);
        QVERIFY(m_catalog->setPlaylistTracks(abc, {ids[2], ids[0]}));
        QCOMPARE(items.rowCount(), 2);
        QCOMPARE(items.index(0).data(PlaylistModel::TrackIdRole).toLongLong(), ids[2]);
        QCOMPARE(items.index(1).data().toString(), QStringLiteral("Artist – T0"));
        QCOMPARE(lists.index(0).data(PlaylistListModel::ItemCountRole).toInt(), 2);

        // Another playlist's change does not touch this one.
        QSignalSpy reset(&items, &QAbstractItemModel::modelReset);
        QVERIFY(m_catalog->setPlaylistTracks(zed, {ids[1]}));
        QCOMPARE(reset.size(), 0);
        QVERIFY(m_catalog->movePlaylistItem(abc, 1, 0));
        QCOMPARE(items.index(0).data(PlaylistModel::TrackIdRole).toLongLong(), ids[0]);

        QVERIFY(m_catalog->removePlaylist(abc));
        QCOMPARE(lists.rowCount(), 1);
        QCOMPARE(items.playlistId(), 0);
        QCOMPARE(items.rowCount(), 0);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Catalog> m_catalog;
};

QTEST_GUILESS_MAIN(TestCatalogModels)
#include "tst_catalogmodels.moc"
