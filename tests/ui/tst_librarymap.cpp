// The Library Map dock on the offscreen platform, over a catalog whose predictions carry synthetic
// embeddings in three well-separated clusters: one dot per analysed track, colours by label, the
// lasso, the playlist, double-click and hover, background reloads, and the main window's hook.
#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "inference/catalogcache.h"
#include "ui/librarymap.h"
#include "ui/libraryproxymodel.h"
#include "ui/mainwindow.h"
#include "ui/qcp.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QHelpEvent>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include <cmath>
#include <random>

using namespace spectag;
using spectag::ui::LibraryMap;

namespace {

constexpr int kDim = 16;
constexpr int kPerCluster = 6;

struct Cluster {
    QString mood, genre;
    int axis;      // the embedding dimension the cluster sits out along
    float offset;
};
const Cluster kClusters[] = {{QStringLiteral("happy"), QStringLiteral("rock"), 0, 6.f},
                             {QStringLiteral("sad"), QStringLiteral("jazz"), 1, 6.f},
                             {QStringLiteral("calm"), QStringLiteral("rock"), 0, -6.f}};

std::vector<float> embeddingNear(const Cluster &c, std::mt19937 &rng, int dim = kDim)
{
    std::normal_distribution<float> noise(0.f, 0.25f);
    std::vector<float> e(static_cast<size_t>(dim));
    for (int j = 0; j < dim; ++j)
        e[size_t(j)] = noise(rng) + (j == c.axis ? c.offset : 0.f);
    return e;
}

QJsonObject scoresFor(const Cluster &c)
{
    QJsonObject mood, genre;
    for (const Cluster &k : kClusters) {
        mood.insert(k.mood, k.mood == c.mood ? 0.9 : 0.1);
        genre.insert(k.genre, k.genre == c.genre ? 0.8 : 0.2);
    }
    return QJsonObject{{QStringLiteral("mood"), mood}, {QStringLiteral("genre"), genre}};
}

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestLibraryMap : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    // The fixture's truth: which tracks are on the map and in which cluster.
    QHash<qint64, int> m_clusterOf;
    qint64 m_unanalysed = 0, m_noEmbedding = 0, m_missing = 0, m_otherDimension = 0;
    qint64 m_modelId = 0;

    // Three clusters of analysed tracks plus four that must stay off the map.
    bool makeCatalog(Catalog &catalog)
    {
        m_clusterOf.clear();
        if (!catalog.open(m_dir.filePath(QStringLiteral("map-%1.sqlite").arg(++m_counter))))
            return false;
        ModelRecord model;
        model.name = QStringLiteral("tiny");
        model.architecture = QStringLiteral("spectag");
        model.versionHash = QStringLiteral("hash-map");
        model.labelSets = QJsonObject{{QStringLiteral("mood"), QJsonArray{QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("calm")}},
                                      {QStringLiteral("genre"), QJsonArray{QStringLiteral("rock"), QStringLiteral("jazz")}}};
        m_modelId = catalog.upsertModel(model);
        if (m_modelId <= 0 || !catalog.setActiveModel(m_modelId))
            return false;
        std::mt19937 rng(5);
        auto addTrack = [&](const QString &name, const QString &artist) {
            TrackRecord t;
            t.path = m_dir.filePath(QStringLiteral("music/%1.flac").arg(name));
            t.title = name;
            t.artist = artist;
            t.duration = 100;
            return catalog.upsertTrack(t);
        };
        auto predict = [&](qint64 track, const Cluster &c, const std::vector<float> &embedding) {
            PredictionRecord p;
            p.trackId = track;
            p.modelId = m_modelId;
            p.scores = scoresFor(c);
            p.embedding = encodeEmbedding(embedding);
            return catalog.storePrediction(p);
        };
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < kPerCluster; ++i) {
                const qint64 id = addTrack(QStringLiteral("%1 %2").arg(kClusters[c].mood).arg(i), QStringLiteral("Artist %1").arg(c));
                if (id <= 0 || !predict(id, kClusters[c], embeddingNear(kClusters[c], rng)))
                    return false;
                m_clusterOf.insert(id, c);
            }
        }
        m_unanalysed = addTrack(QStringLiteral("not analysed"), {});
        m_noEmbedding = addTrack(QStringLiteral("no embedding"), {});
        m_missing = addTrack(QStringLiteral("gone"), {});
        m_otherDimension = addTrack(QStringLiteral("older model layout"), {});
        return predict(m_noEmbedding, kClusters[0], {}) && predict(m_missing, kClusters[0], embeddingNear(kClusters[0], rng))
            && catalog.markMissing({m_missing}) && predict(m_otherDimension, kClusters[1], embeddingNear(kClusters[1], rng, 8));
    }

    QList<qint64> idsOf(int cluster) const
    {
        QList<qint64> ids;
        for (auto it = m_clusterOf.begin(); it != m_clusterOf.end(); ++it)
            if (it.value() == cluster)
                ids.append(it.key());
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    // A diamond around a cluster's centre, reaching halfway to the nearest other cluster.
    QPolygonF diamondAround(const LibraryMap &map, int cluster) const
    {
        auto centre = [&](int c) {
            QPointF sum;
            const QList<qint64> ids = idsOf(c);
            for (qint64 id : ids)
                sum += map.positionOf(id);
            return sum / double(ids.size());
        };
        const QPointF mid = centre(cluster);
        double nearest = 1e300;
        for (int c = 0; c < 3; ++c)
            if (c != cluster)
                nearest = std::min(nearest, QLineF(mid, centre(c)).length());
        const double r = nearest / 2;
        return QPolygonF{{mid.x() - r, mid.y()}, {mid.x(), mid.y() - r}, {mid.x() + r, mid.y()}, {mid.x(), mid.y() + r}};
    }

    static bool openMap(LibraryMap &map)
    {
        map.resize(700, 500);
        map.show();
        if (!QTest::qWaitForWindowExposed(&map))
            return false;
        map.reload();
        map.waitForLoaded();
        map.plot()->replot();  // lays the axes out, so pixel positions are final
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-map-test"));
    }

    void onePointPerAnalysedTrackColouredByLabel()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QCOMPARE(map.pointCount(), 3 * kPerCluster);
        QList<qint64> expected = m_clusterOf.keys(), shown;
        std::sort(expected.begin(), expected.end());
        for (const ui::MapPoint &p : map.data().points)
            shown.append(p.trackId);
        QCOMPARE(shown, expected);
        // Off the map: the unanalysed, the embedding-less, the missing file, the odd dimension.
        QCOMPARE(map.data().skipped, 3);
        QCOMPARE(map.data().dimension, kDim);
        QVERIFY(map.positionOf(m_unanalysed).isNull());

        // Colours follow the top mood: one per label, shared within a label, different between.
        QCOMPARE(map.colourHead(), QStringLiteral("mood"));
        QCOMPARE(map.groups(), (QStringList{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad")}));
        QHash<QString, QColor> seen;
        for (auto it = m_clusterOf.begin(); it != m_clusterOf.end(); ++it) {
            const QString mood = kClusters[it.value()].mood;
            QCOMPARE(map.groupOf(it.key()), mood);
            QVERIFY(map.colourOf(it.key()).isValid());
            if (seen.contains(mood))
                QCOMPARE(map.colourOf(it.key()), seen.value(mood));
            seen.insert(mood, map.colourOf(it.key()));
        }
        QCOMPARE(QSet<QRgb>({seen.value(QStringLiteral("calm")).rgb(), seen.value(QStringLiteral("happy")).rgb(),
                             seen.value(QStringLiteral("sad")).rgb()}).size(), 3);
        // The plot draws them that way: a graph per label, with its dots, its colour and a legend entry.
        int dots = 0;
        for (int g = 0; g < map.plot()->graphCount(); ++g) {
            QCPGraph *graph = map.plot()->graph(g);
            const QString label = graph->property("label").toString();
            if (label.isEmpty())
                continue;  // the selection rings
            QCOMPARE(graph->dataCount(), kPerCluster);
            QCOMPARE(graph->scatterStyle().brush().color(), seen.value(label));
            QVERIFY(map.plot()->legend->hasItemWithPlottable(graph));
            QCOMPARE(graph->name(), QStringLiteral("%1 (%2)").arg(label).arg(kPerCluster));
            dots += graph->dataCount();
        }
        QCOMPARE(dots, 3 * kPerCluster);

        // By genre: two labels, the calm and happy clusters share "rock".
        map.setColourHead(QStringLiteral("genre"));
        QCOMPARE(map.colourCombo()->currentData().toString(), QStringLiteral("genre"));
        QCOMPARE(map.groups(), (QStringList{QStringLiteral("jazz"), QStringLiteral("rock")}));
        for (auto it = m_clusterOf.begin(); it != m_clusterOf.end(); ++it)
            QCOMPARE(map.groupOf(it.key()), kClusters[it.value()].genre);
        QCOMPARE(map.colourOf(idsOf(0).first()), map.colourOf(idsOf(2).first()));
        QVERIFY(map.colourOf(idsOf(0).first()) != map.colourOf(idsOf(1).first()));
    }

    void clustersStaySeparateOnTheMap()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        // Every track is nearer to its own cluster-mates than to any track of another cluster.
        for (auto a = m_clusterOf.begin(); a != m_clusterOf.end(); ++a) {
            double own = 0, other = 1e300;
            for (auto b = m_clusterOf.begin(); b != m_clusterOf.end(); ++b) {
                if (a.key() == b.key())
                    continue;
                const double d = QLineF(map.positionOf(a.key()), map.positionOf(b.key())).length();
                if (a.value() == b.value())
                    own = std::max(own, d);
                else
                    other = std::min(other, d);
            }
            QVERIFY2(own < other, qPrintable(QStringLiteral("track %1: own %2, other %3").arg(a.key()).arg(own).arg(other)));
        }
    }

    void lassoSelectsExactlyThePointsInside()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QSignalSpy changed(&map, &LibraryMap::selectionChanged);
        QVERIFY(!map.playlistButton()->isEnabled());

        map.selectInPolygon(diamondAround(map, 1));
        QCOMPARE(map.selectedTrackIds(), idsOf(1));
        QCOMPARE(changed.count(), 1);
        QVERIFY(map.playlistButton()->isEnabled());
        // The selection is drawn as rings on the selected dots.
        QCPGraph *rings = nullptr;
        for (int g = 0; g < map.plot()->graphCount(); ++g)
            if (map.plot()->graph(g)->property("label").toString().isEmpty())
                rings = map.plot()->graph(g);
        QVERIFY(rings);
        QCOMPARE(rings->dataCount(), kPerCluster);
        QVERIFY(map.statusText().contains(QStringLiteral("%1 selected").arg(kPerCluster)));

        // A polygon through the middle of a cluster takes only the dots on its inside.
        const QList<qint64> happy = idsOf(0);
        double splitX = 0;
        for (qint64 id : happy)
            splitX += map.positionOf(id).x();
        splitX /= happy.size();
        QPolygonF half = diamondAround(map, 0);
        half[2].setX(splitX);  // the right-hand corner pulled in to the centre: a triangle-ish left half
        map.selectInPolygon(half);
        QList<qint64> expected;
        for (qint64 id : happy)
            if (half.containsPoint(map.positionOf(id), Qt::OddEvenFill))
                expected.append(id);
        QVERIFY(!expected.isEmpty() && expected.size() < happy.size());
        QCOMPARE(map.selectedTrackIds(), expected);

        // Free-hand with the mouse: a circle dragged around the calm cluster, Shift adds to a
        // fresh selection of the sad one.
        map.selectInPolygon(diamondAround(map, 1));
        const QPolygonF diamond = diamondAround(map, 2);
        const QPointF centre((diamond[0].x() + diamond[2].x()) / 2, (diamond[1].y() + diamond[3].y()) / 2);
        const double r = (diamond[2].x() - diamond[0].x()) / 2 * 0.9;
        QWidget *plot = map.plot();
        auto pixel = [&](double a) {
            return QPointF(map.plot()->xAxis->coordToPixel(centre.x() + r * std::cos(a)),
                           map.plot()->yAxis->coordToPixel(centre.y() + r * std::sin(a)));
        };
        sendMouse(plot, QEvent::MouseButtonPress, pixel(0), Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        for (int step = 1; step <= 24; ++step)
            sendMouse(plot, QEvent::MouseMove, pixel(step * 2 * M_PI / 24), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(plot, QEvent::MouseButtonRelease, pixel(0), Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QList<qint64> both = idsOf(1) + idsOf(2);
        std::sort(both.begin(), both.end());
        QCOMPARE(map.selectedTrackIds(), both);

        // A click on empty ground clears it; a click on a dot selects that dot alone.
        const QPointF corner(map.plot()->axisRect()->left() + 3, map.plot()->axisRect()->top() + 3);
        QCOMPARE(map.trackAt(corner), qint64(0));
        sendMouse(plot, QEvent::MouseButtonPress, corner, Qt::LeftButton, Qt::LeftButton);
        sendMouse(plot, QEvent::MouseButtonRelease, corner, Qt::LeftButton, Qt::NoButton);
        QVERIFY(map.selectedTrackIds().isEmpty());
        QVERIFY(!map.playlistButton()->isEnabled());
        const qint64 one = idsOf(0).first();
        sendMouse(plot, QEvent::MouseButtonPress, map.pixelOf(one), Qt::LeftButton, Qt::LeftButton);
        sendMouse(plot, QEvent::MouseButtonRelease, map.pixelOf(one), Qt::LeftButton, Qt::NoButton);
        QCOMPARE(map.selectedTrackIds(), QList<qint64>{one});
    }

    void playlistFromSelection()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QSignalSpy created(&map, &LibraryMap::playlistCreated);
        QCOMPARE(map.createPlaylistFromSelection(QStringLiteral("nothing")), qint64(0));  // no selection
        QVERIFY(catalog.playlists().isEmpty());

        map.selectInPolygon(diamondAround(map, 2));
        const qint64 id = map.createPlaylistFromSelection(QStringLiteral("Calm corner"));
        QVERIFY(id > 0);
        QCOMPARE(catalog.playlist(id)->name, QStringLiteral("Calm corner"));
        QCOMPARE(catalog.playlistTracks(id), idsOf(2));
        QCOMPARE(created.count(), 1);

        // The button asks for a name (without blocking) and makes the playlist on OK.
        map.selectInPolygon(diamondAround(map, 0));
        QTest::mouseClick(map.playlistButton(), Qt::LeftButton);
        auto *dialog = map.findChild<QInputDialog *>(QStringLiteral("mapPlaylistDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->textValue().startsWith(QStringLiteral("Map selection ")));
        dialog->setTextValue(QStringLiteral("Happy bunch"));
        dialog->accept();
        QCOMPARE(created.count(), 2);
        const qint64 second = created.last().at(0).toLongLong();
        QCOMPARE(catalog.playlist(second)->name, QStringLiteral("Happy bunch"));
        QCOMPARE(catalog.playlistTracks(second), idsOf(0));
        QCOMPARE(catalog.playlists().size(), 2);
    }

    void doubleClickActivatesAndHoverNamesTheTrack()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QSignalSpy activated(&map, &LibraryMap::trackActivated);
        const qint64 id = idsOf(1).at(2);
        const QPointF at = map.pixelOf(id) + QPointF(2, -1);  // near enough is enough
        QCOMPARE(map.trackAt(at), id);
        sendMouse(map.plot(), QEvent::MouseButtonDblClick, at, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), id);
        const QPointF corner(map.plot()->axisRect()->left() + 3, map.plot()->axisRect()->top() + 3);
        sendMouse(map.plot(), QEvent::MouseButtonDblClick, corner, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(activated.count(), 1);  // nothing there

        const QString text = map.toolTipFor(id);
        QVERIFY2(text.contains(QStringLiteral("<b>sad 2</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Artist 1")));
        QVERIFY(text.contains(QStringLiteral("Mood: sad")));
        QVERIFY(text.contains(QStringLiteral("Genre: jazz")));
        QHelpEvent help(QEvent::ToolTip, at.toPoint(), map.plot()->mapToGlobal(at.toPoint()));
        QApplication::sendEvent(map.plot(), &help);
        QTRY_COMPARE(QToolTip::text(), text);
        QToolTip::hideText();
    }

    void reloadsWhenPredictionsChange()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QSignalSpy loaded(&map, &LibraryMap::loaded);
        map.selectInPolygon(diamondAround(map, 0));
        // Analysis stores a prediction for the unanalysed track: the map follows, once, shortly.
        std::mt19937 rng(9);
        PredictionRecord p;
        p.trackId = m_unanalysed;
        p.modelId = m_modelId;
        p.scores = scoresFor(kClusters[1]);
        p.embedding = encodeEmbedding(embeddingNear(kClusters[1], rng));
        QVERIFY(catalog.storePrediction(p));
        p.trackId = m_noEmbedding;
        QVERIFY(catalog.storePrediction(p));
        QVERIFY(loaded.isEmpty());  // throttled, not per prediction
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        map.waitForLoaded();
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(map.pointCount(), 3 * kPerCluster + 2);
        QCOMPARE(map.groupOf(m_unanalysed), QStringLiteral("sad"));
        QCOMPARE(map.selectedTrackIds(), idsOf(0));  // the selection survived the reload

        // Hidden, it only notes the change and loads when shown again.
        map.hide();
        p.trackId = idsOf(0).first();
        p.scores = scoresFor(kClusters[2]);
        QVERIFY(catalog.storePrediction(p));
        QTest::qWait(2500);
        QCOMPARE(loaded.count(), 1);
        map.show();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 10000);
        QCOMPARE(map.groupOf(idsOf(0).first()), QStringLiteral("calm"));
    }

    void emptyCatalogSaysWhy()
    {
        Catalog catalog;
        QVERIFY(catalog.open(m_dir.filePath(QStringLiteral("empty.sqlite"))));
        LibraryMap map(&catalog);
        QVERIFY(openMap(map));
        QCOMPARE(map.pointCount(), 0);
        QVERIFY(map.data().message.contains(QStringLiteral("No model")));
        QVERIFY(map.groups().isEmpty());
    }

    void mainWindowPlaysWhatTheMapActivates()
    {
        Catalog fixture;
        QVERIFY2(makeCatalog(fixture), qPrintable(fixture.lastError()));
        const QString path = fixture.path();
        fixture.close();

        ui::MainWindow w(path, m_dir.filePath(QStringLiteral("no model.stm")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.libraryMap());
        QVERIFY(w.libraryCharts());
        QStringList viewEntries;
        for (QAction *menu : w.menuBar()->actions())
            if (menu->menu() && menu->menu()->objectName() == QStringLiteral("viewMenu"))
                for (QAction *a : menu->menu()->actions())
                    viewEntries << a->text();
        QVERIFY2(viewEntries.contains(QStringLiteral("Library Map")) && viewEntries.contains(QStringLiteral("Library Charts")),
                 qPrintable(viewEntries.join(u',')));

        // A search that hides the track: activating it shows the whole library again.
        const qint64 id = idsOf(1).at(3);
        w.searchField()->setText(QStringLiteral("happy"));
        QTRY_VERIFY(w.proxyModel()->rowCount() > 0);
        Q_EMIT w.libraryMap()->trackActivated(id);
        const QModelIndex current = w.libraryView()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(LibraryModel::TrackIdRole).toLongLong(), id);
        QVERIFY(w.searchField()->text().isEmpty());
        QCOMPARE(w.selectedPaths(), QStringList{m_dir.filePath(QStringLiteral("music/sad 3.flac"))});
    }
};

QTEST_MAIN(TestLibraryMap)
#include "tst_librarymap.moc"
