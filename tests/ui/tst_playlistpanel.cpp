// The Playlists dock: drag and drop through the models' MIME data (what the views call), mood
// playlists that annotate, file-manager drops that add files, dragging a playlist out as a file,
// smart playlists that follow the library, and the models under QAbstractItemModelTester.
#include "common/testutil.h"
#include "ui/libraryproxymodel.h"
#include "ui/playlistpanel.h"
#include "ui/smartplaylists.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/playlistmodel.h"
#include "catalog/trackmime.h"
#include "playlists/playlistio.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QListView>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace spectag;
using namespace spectag::ui;

namespace {

TrackRecord makeTrack(const QString &path, const QString &title, const QString &mood, double duration)
{
    TrackRecord t;
    t.path = path;
    t.folder = QFileInfo(path).absolutePath();
    t.title = title;
    t.artist = QStringLiteral("Artist");
    t.mood = mood;
    t.duration = duration;
    t.fingerprint = path.toUtf8().toHex();
    return t;
}

std::unique_ptr<QMimeData> mime(QMimeData *data)
{
    return std::unique_ptr<QMimeData>(data);
}

} // namespace

class TestPlaylistPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<LibraryModel> m_library;
    std::unique_ptr<PlaylistPanel> m_panel;
    QList<qint64> m_ids;  // Alpha (calm), Beta (happy), Gamma (calm), Delta (sad)

    QModelIndex listIndex(qint64 playlistId) const
    {
        return m_panel->listModel()->index(m_panel->listModel()->rowForPlaylist(playlistId));
    }

    int annotationCount(const QString &label) const
    {
        int n = 0;
        for (const Annotation &a : m_catalog->allAnnotations(Annotation::Source::Human))
            n += a.head == u"mood" && a.label == label;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-playlists-test"));
    }

    void init()
    {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotation/annotator"), QStringLiteral("tester"));
        m_dir.emplace();
        m_catalog = std::make_unique<Catalog>();
        QVERIFY2(m_catalog->open(m_dir->filePath(QStringLiteral("c.sqlite"))), qPrintable(m_catalog->lastError()));
        m_ids.clear();
        const std::tuple<const char *, const char *, double> tracks[] = {
            {"Alpha", "calm", 200}, {"Beta", "happy", 100}, {"Gamma", "calm", 50}, {"Delta", "sad", 300}};
        for (const auto &[title, mood, seconds] : tracks) {
            const QString name = QString::fromLatin1(title);
            m_ids.append(m_catalog->upsertTrack(makeTrack(m_dir->filePath(QStringLiteral("music/") + name + QStringLiteral(".ogg")),
                                                          name, QString::fromLatin1(mood), seconds)));
            QVERIFY(m_ids.last() > 0);
        }
        ModelRecord model;
        model.name = QStringLiteral("cnn");
        model.versionHash = QStringLiteral("hash-1");
        model.labelSets = QJsonObject{{QStringLiteral("mood"), QJsonArray{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad")}}};
        QVERIFY(m_catalog->setActiveModel(m_catalog->upsertModel(model)));
        m_library = std::make_unique<LibraryModel>(m_catalog.get());
        m_panel = std::make_unique<PlaylistPanel>(m_catalog.get(), m_library.get());
    }

    void cleanup()
    {
        m_panel.reset();
        m_library.reset();
        m_catalog.reset();
        m_dir.reset();
    }

    void libraryRowsMimeRoundTrip()
    {
        LibraryProxyModel proxy;
        proxy.setSourceModel(m_library.get());
        proxy.sort(LibraryModel::Title, Qt::DescendingOrder);  // Gamma, Delta, Beta, Alpha
        QCOMPARE(proxy.index(0, LibraryModel::Title).data().toString(), QStringLiteral("Gamma"));
        // Selected out of order and one index per column, as a row selection hands them over.
        QModelIndexList indexes;
        for (int row : {3, 0, 2})
            for (int column = 0; column < LibraryModel::ColumnCount; ++column)
                indexes << proxy.index(row, column);
        const auto data = mime(proxy.mimeData(indexes));
        QVERIFY(data);
        QVERIFY(data->hasFormat(QStringLiteral("application/x-spectag-track-ids")));
        QCOMPARE(trackmime::decodeTrackIds(data.get()), QList<qint64>({m_ids.at(2), m_ids.at(1), m_ids.at(0)}));  // as shown
        const QList<QUrl> urls = data->urls();
        QCOMPARE(urls.size(), 3);
        QCOMPARE(urls.at(0), QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("music/Gamma.ogg"))));
        QCOMPARE(urls.at(2).toLocalFile(), m_dir->filePath(QStringLiteral("music/Alpha.ogg")));
        QVERIFY(m_library->flags(m_library->index(0, 0)) & Qt::ItemIsDragEnabled);
        QVERIFY(m_library->mimeTypes().contains(QStringLiteral("text/uri-list")));
    }

    void dropOntoPlaylistAppendsInOrder()
    {
        QAbstractItemModelTester listTester(m_panel->listModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester trackTester(m_panel->trackModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 mix = m_panel->createPlaylist(QStringLiteral("Mix"));
        QVERIFY(mix > 0);
        QCOMPARE(m_panel->currentPlaylist(), mix);
        const auto data = mime(m_library->mimeData({m_library->index(3, 0), m_library->index(1, 0)}));
        PlaylistListModel *lists = m_panel->listModel();
        QVERIFY(lists->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, listIndex(mix)));
        QVERIFY(!lists->canDropMimeData(data.get(), Qt::CopyAction, 0, 0, {}));  // between names: nothing to add to
        QVERIFY(lists->dropMimeData(data.get(), Qt::CopyAction, -1, -1, listIndex(mix)));
        QCOMPARE(m_catalog->playlistTracks(mix), QList<qint64>({m_ids.at(3), m_ids.at(1)}));
        QCOMPARE(m_panel->trackModel()->rowCount(), 2);
        QCOMPARE(m_panel->trackModel()->index(0).data().toString(), QStringLiteral("Artist \u2013 Delta"));
        QCOMPARE(listIndex(mix).data(PlaylistListModel::ItemCountRole).toInt(), 2);

        // Into the track list at row 1: inserted there, in the drag's order.
        const auto more = mime(m_library->mimeData({m_library->index(0, 0), m_library->index(2, 0)}));
        QVERIFY(m_panel->trackModel()->dropMimeData(more.get(), Qt::CopyAction, 1, 0, {}));
        QCOMPARE(m_catalog->playlistTracks(mix), QList<qint64>({m_ids.at(3), m_ids.at(0), m_ids.at(2), m_ids.at(1)}));
        QCOMPARE(m_panel->trackModel()->trackIds(), m_catalog->playlistTracks(mix));

        // Rename through the list (inline edit) and remove a row (Delete).
        QVERIFY(lists->setData(listIndex(mix), QStringLiteral("Evening")));
        QCOMPARE(m_catalog->playlist(mix)->name, QStringLiteral("Evening"));
        QVERIFY(!lists->setData(listIndex(mix), QStringLiteral("  ")));
        QVERIFY(m_panel->trackModel()->removeRows(0, 1));
        QCOMPARE(m_catalog->playlistTracks(mix), QList<qint64>({m_ids.at(0), m_ids.at(2), m_ids.at(1)}));
        QCOMPARE(m_panel->currentPlaylist(), mix);  // reloads keep the current playlist
    }

    void reorderByDrop()
    {
        QAbstractItemModelTester tester(m_panel->trackModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Order"));
        QVERIFY(m_catalog->setPlaylistTracks(id, m_ids));  // A B C D
        PlaylistModel *model = m_panel->trackModel();
        QCOMPARE(model->rowCount(), 4);
        // Drag A and C to the end: B D A C.
        const auto rows = mime(model->mimeData({model->index(2), model->index(0)}));
        QList<int> positions;
        QCOMPARE(trackmime::decodePlaylistRows(rows.get(), &positions), id);
        QCOMPARE(positions, QList<int>({0, 2}));
        QVERIFY(model->dropMimeData(rows.get(), Qt::MoveAction, 4, 0, {}));
        const QList<qint64> expected{m_ids.at(1), m_ids.at(3), m_ids.at(0), m_ids.at(2)};
        QCOMPARE(m_catalog->playlistTracks(id), expected);
        QCOMPARE(model->trackIds(), expected);
        QCOMPARE(model->rowCount(), 4);  // a reorder, not a copy
        // Drag D onto the first row (lands before it): D B A C.
        const auto one = mime(model->mimeData({model->index(1)}));
        QVERIFY(model->dropMimeData(one.get(), Qt::MoveAction, -1, -1, model->index(0)));
        QCOMPARE(m_catalog->playlistTracks(id), QList<qint64>({m_ids.at(3), m_ids.at(1), m_ids.at(0), m_ids.at(2)}));
        // What QListView does for an internal move: moveRows. C to the top: C D B A.
        QSignalSpy moved(model, &QAbstractItemModel::rowsMoved);
        QVERIFY(model->moveRows({}, 3, 1, {}, 0));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(m_catalog->playlistTracks(id), QList<qint64>({m_ids.at(2), m_ids.at(3), m_ids.at(1), m_ids.at(0)}));
        QVERIFY(!model->moveRows({}, 0, 1, {}, 1));  // onto itself
        // Rows of another playlist are tracks to add, not a reorder.
        const qint64 other = m_panel->createPlaylist(QStringLiteral("Other"));
        QVERIFY(m_panel->trackModel()->dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));
        QCOMPARE(m_catalog->playlistTracks(other), QList<qint64>({m_ids.at(0), m_ids.at(2)}));
    }

    void dropIntoMoodPlaylistRecordsAnnotation()
    {
        const qint64 calm = m_panel->createPlaylist(QStringLiteral("Quiet evening"), QStringLiteral("calm"));
        const qint64 happy = m_panel->createPlaylist(QStringLiteral("Happy"));  // named like a label
        const qint64 plain = m_panel->createPlaylist(QStringLiteral("Road trip"));
        QCOMPARE(m_panel->moodOf(*m_catalog->playlist(happy)), QStringLiteral("happy"));
        QCOMPARE(m_panel->moodOf(*m_catalog->playlist(plain)), QString());
        QSignalSpy changed(m_catalog.get(), &Catalog::annotationsChanged);

        const auto two = mime(m_library->mimeData({m_library->index(1, 0), m_library->index(3, 0)}));
        QVERIFY(m_panel->listModel()->dropMimeData(two.get(), Qt::CopyAction, -1, -1, listIndex(calm)));
        QCOMPARE(changed.size(), 1);
        const QList<Annotation> rows = m_catalog->allAnnotations(Annotation::Source::Human);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).trackId, m_ids.at(1));
        QCOMPARE(rows.at(1).trackId, m_ids.at(3));
        for (const Annotation &a : rows) {
            QCOMPARE(a.head, QStringLiteral("mood"));
            QCOMPARE(a.label, QStringLiteral("calm"));
            QCOMPARE(a.value, 1.0);
            QCOMPARE(a.annotator, QStringLiteral("tester"));
            QVERIFY(!a.segmentStart && !a.segmentEnd);
        }
        // Into the track list of a playlist named like a label.
        m_panel->setCurrentPlaylist(happy);
        const auto one = mime(m_library->mimeData({m_library->index(0, 0)}));
        QVERIFY(m_panel->trackModel()->dropMimeData(one.get(), Qt::CopyAction, 0, 0, {}));
        QCOMPARE(annotationCount(QStringLiteral("happy")), 1);
        // A plain playlist records nothing; a reorder inside a mood playlist records nothing.
        QVERIFY(m_panel->listModel()->dropMimeData(one.get(), Qt::CopyAction, -1, -1, listIndex(plain)));
        m_panel->setCurrentPlaylist(calm);
        const auto rowsOfCalm = mime(m_panel->trackModel()->mimeData({m_panel->trackModel()->index(0)}));
        QVERIFY(m_panel->trackModel()->dropMimeData(rowsOfCalm.get(), Qt::MoveAction, 2, 0, {}));
        QCOMPARE(m_catalog->allAnnotations().size(), 3);

        // Setting off: the tracks are added, no annotation.
        QSettings().setValue(QStringLiteral("playlists/dropRecordsMood"), false);
        QVERIFY(m_panel->listModel()->dropMimeData(one.get(), Qt::CopyAction, -1, -1, listIndex(calm)));
        QCOMPARE(m_catalog->playlistTracks(calm).size(), 3);
        QCOMPARE(m_catalog->allAnnotations().size(), 3);
        QCOMPARE(annotationCount(QStringLiteral("calm")), 2);
    }

    void fileManagerDropAddsUnknownAudio()
    {
        if (!testutil::haveProgram(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is needed to make an audio file");
        QTemporaryDir outside;
        const QString audio = testutil::makeAudio(outside.path(), QStringLiteral("new söng #1.ogg"), 1.0);
        QVERIFY(!audio.isEmpty());
        const QString text = outside.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not music");
        f.close();
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Dropped"));
        const int before = m_catalog->trackCount();
        QSignalSpy status(m_panel.get(), &PlaylistPanel::statusMessage);
        QSignalSpy libraryRows(m_library.get(), &QAbstractItemModel::rowsInserted);

        QMimeData data;  // what a file manager sends: only text/uri-list
        data.setUrls({QUrl::fromLocalFile(audio), QUrl::fromLocalFile(text),
                      QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("music/Beta.ogg")))});  // known by path (no file: still the track)
        QVERIFY(m_panel->listModel()->canDropMimeData(&data, Qt::CopyAction, -1, -1, listIndex(id)));
        QVERIFY(m_panel->listModel()->dropMimeData(&data, Qt::CopyAction, -1, -1, listIndex(id)));
        QCOMPARE(m_catalog->trackCount(), before + 1);
        const auto added = m_catalog->trackByPath(audio);
        QVERIFY(added);
        QVERIFY(added->duration > 0.5);  // read by the scanner
        QCOMPARE(m_catalog->playlistTracks(id), QList<qint64>({added->id, m_ids.at(1)}));
        QCOMPARE(libraryRows.size(), 1);  // the library shows the new track
        QVERIFY(!m_catalog->trackByPath(text));
        QVERIFY(!status.isEmpty());
        const QString message = status.last().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("added 1 new file")) && message.contains(QStringLiteral("ignored 1")), qPrintable(message));

        // Only non-audio: nothing to add, the drop fails, the status says why.
        QMimeData junk;
        junk.setUrls({QUrl::fromLocalFile(text)});
        QVERIFY(!m_panel->listModel()->dropMimeData(&junk, Qt::CopyAction, -1, -1, listIndex(id)));
        QCOMPARE(m_catalog->playlistTracks(id).size(), 2);
        QVERIFY(status.last().at(0).toString().contains(QStringLiteral("ignored 1")));
    }

    void dragOutWritesM3u8()
    {
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Late / night: ünïcode"));
        QVERIFY(m_catalog->setPlaylistTracks(id, {m_ids.at(2), m_ids.at(0)}));
        const auto data = mime(m_panel->playlistMimeData(id));
        QVERIFY(data);
        QCOMPARE(data->urls().size(), 1);
        const QString file = data->urls().first().toLocalFile();
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("Late _ night_ ünïcode.m3u8"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.startsWith(QStringLiteral("#EXTM3U\n#PLAYLIST:Late / night: ünïcode\n#EXTINF:50,Artist - Gamma\n")), qPrintable(text));
        QString error;
        const auto back = readPlaylist(file, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->entries.size(), 2);
        QCOMPARE(back->entries.at(0).path, m_dir->filePath(QStringLiteral("music/Gamma.ogg")));
        QCOMPARE(back->entries.at(1).path, m_dir->filePath(QStringLiteral("music/Alpha.ogg")));
        // Dropped onto another playlist, it adds its tracks.
        QCOMPARE(trackmime::decodeTrackIds(data.get()), QList<qint64>({m_ids.at(2), m_ids.at(0)}));
        const qint64 copy = m_panel->createPlaylist(QStringLiteral("Copy"));
        QVERIFY(m_panel->listModel()->dropMimeData(data.get(), Qt::CopyAction, -1, -1, listIndex(copy)));
        QCOMPARE(m_catalog->playlistTracks(copy), QList<qint64>({m_ids.at(2), m_ids.at(0)}));
        // And the file imports back as a playlist.
        const qint64 imported = m_panel->importPlaylist(file);
        QVERIFY(imported > 0);
        QCOMPARE(m_catalog->playlist(imported)->name, QStringLiteral("Late / night: ünïcode"));
        QCOMPARE(m_catalog->playlistTracks(imported), QList<qint64>({m_ids.at(2), m_ids.at(0)}));
    }

    void exportFromThePanel()
    {
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Out"));
        QVERIFY(m_catalog->setPlaylistTracks(id, {m_ids.at(1)}));
        QSignalSpy status(m_panel.get(), &PlaylistPanel::statusMessage);
        const QString xspf = m_dir->filePath(QStringLiteral("out.xspf"));
        QVERIFY(m_panel->exportPlaylist(id, xspf, PlaylistFormat::Xspf));
        QString error;
        const auto back = readPlaylist(xspf, &error);
        QVERIFY(back);
        QCOMPARE(back->entries.size(), 1);
        QCOMPARE(back->entries.at(0).title, QStringLiteral("Beta"));
        const QString bad = m_dir->filePath(QStringLiteral("c.sqlite/out.m3u8"));  // parent is a file
        QVERIFY(!m_panel->exportPlaylist(id, bad, PlaylistFormat::M3u8));
        QVERIFY(status.last().at(0).toString().contains(QStringLiteral("out.m3u8")));
        QVERIFY(!QFileInfo::exists(bad));
    }

    void smartPlaylistFollowsTheLibrary()
    {
        QAbstractItemModelTester tester(m_panel->trackModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Short calm"), {}, QStringLiteral("mood:calm duration<250"));
        QCOMPARE(m_catalog->playlistTracks(id), QList<qint64>({m_ids.at(0), m_ids.at(2)}));
        QVERIFY(m_panel->trackModel()->isSmart());
        QCOMPARE(m_panel->trackModel()->rowCount(), 2);

        // A new calm track appears (after the coalescing timer), a track that turns happy goes.
        const qint64 added = m_catalog->upsertTrack(makeTrack(m_dir->filePath(QStringLiteral("music/Eta.ogg")), QStringLiteral("Eta"), QStringLiteral("calm"), 10));
        TrackRecord gamma = *m_catalog->track(m_ids.at(2));
        gamma.mood = QStringLiteral("happy");
        QVERIFY(m_catalog->upsertTrack(gamma) == m_ids.at(2));
        m_catalog->notifyTracksChanged({added, m_ids.at(2)});  // upsertTrack leaves telling to its caller (the scanner)
        QTRY_COMPARE(m_catalog->playlistTracks(id), QList<qint64>({m_ids.at(0), added}));
        QTRY_COMPARE(m_panel->trackModel()->trackIds(), QList<qint64>({m_ids.at(0), added}));
        QCOMPARE(SmartPlaylists::matchingTracks(m_library.get(), QStringLiteral("mood:calm duration<250")), QList<qint64>({m_ids.at(0), added}));

        // A new query takes effect at once; a smart playlist takes no drops and no moves.
        QVERIFY(m_catalog->setPlaylistQuery(id, QStringLiteral("-mood:calm")));
        m_panel->smartPlaylists()->refreshNow();
        QCOMPARE(m_catalog->playlistTracks(id), QList<qint64>({m_ids.at(1), m_ids.at(2), m_ids.at(3)}));
        const auto data = mime(m_library->mimeData({m_library->index(0, 0)}));
        QVERIFY(!m_panel->listModel()->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, listIndex(id)));
        QVERIFY(!m_panel->trackModel()->dropMimeData(data.get(), Qt::CopyAction, 0, 0, {}));
        QVERIFY(!m_panel->trackModel()->moveRows({}, 0, 1, {}, 3));
        QVERIFY(!m_panel->trackModel()->removeRows(0, 1));
        QCOMPARE(m_catalog->playlistTracks(id).size(), 3);
    }

    // The views' own drop handling (position -> row, canDrop, dropMimeData), fed the events a
    // drag would send: onto a playlist's name, and between two rows of the track list.
    void viewDropEventsReachTheModels()
    {
        const qint64 target = m_panel->createPlaylist(QStringLiteral("Target"));
        m_panel->createPlaylist(QStringLiteral("Another"));
        const qint64 shown = m_panel->createPlaylist(QStringLiteral("Shown"));
        QVERIFY(m_catalog->setPlaylistTracks(shown, {m_ids.at(0), m_ids.at(1)}));
        m_panel->resize(300, 500);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        auto dropAt = [](QWidget *viewport, const QPoint &pos, QMimeData *data) {
            QDragEnterEvent enter(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &enter);
            QDragMoveEvent move(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
            if (!move.isAccepted())
                return false;
            QDropEvent drop(QPointF(pos), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &drop);
            return drop.isAccepted();
        };
        const auto two = mime(m_library->mimeData({m_library->index(3, 0), m_library->index(2, 0)}));
        QListView *lists = m_panel->listView();
        const QPoint onTarget = lists->visualRect(listIndex(target)).center();
        QVERIFY(dropAt(lists->viewport(), onTarget, two.get()));
        QCOMPARE(m_catalog->playlistTracks(target), QList<qint64>({m_ids.at(3), m_ids.at(2)}));

        QListView *tracks = m_panel->trackView();
        QCOMPARE(m_panel->currentPlaylist(), shown);
        const QRect second = tracks->visualRect(m_panel->trackModel()->index(1));
        QVERIFY(dropAt(tracks->viewport(), QPoint(second.center().x(), second.top() + 1), two.get()));  // above row 1
        QCOMPARE(m_catalog->playlistTracks(shown), QList<qint64>({m_ids.at(0), m_ids.at(3), m_ids.at(2), m_ids.at(1)}));
    }

    void viewsAreWiredForDragAndDrop()
    {
        QCOMPARE(m_panel->trackView()->dragDropMode(), QAbstractItemView::DragDrop);
        QCOMPARE(m_panel->trackView()->defaultDropAction(), Qt::MoveAction);
        QVERIFY(m_panel->listView()->acceptDrops());
        const qint64 id = m_panel->createPlaylist(QStringLiteral("Flags"));
        QVERIFY(m_panel->listModel()->flags(listIndex(id)) & Qt::ItemIsDropEnabled);
        QVERIFY(m_panel->trackModel()->flags({}) & Qt::ItemIsDropEnabled);
        QVERIFY(m_catalog->setPlaylistTracks(id, {m_ids.at(0)}));
        // Rows are not drop targets themselves: a drop on a row inserts next to it.
        QVERIFY(!(m_panel->trackModel()->flags(m_panel->trackModel()->index(0)) & Qt::ItemIsDropEnabled));
    }
};

QTEST_MAIN(TestPlaylistPanel)
#include "tst_playlistpanel.moc"
