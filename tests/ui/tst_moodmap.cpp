// The Mood Map dock and the mood-trajectory dialog on the offscreen platform, over a catalog whose
// predictions sit on a known grid of the valence/arousal plane: dots at their valence/arousal,
// genre colours, quadrant lines and words, hover, double-click, the lasso and its playlist, the
// context menu, the dialog's preview and playlist, and the main window's dock, menu and shortcut.
#include "catalog/catalog.h"
#include "inference/moodcatalog.h"
#include "ui/mainwindow.h"
#include "ui/moodmap.h"
#include "ui/qcp.h"
#include "ui/trajectorydialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include <cmath>

using namespace spectag;
using spectag::ui::MoodMap;
using spectag::ui::TrajectoryDialog;

namespace {

const QString kGenres[] = {QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("folk")};
constexpr int kGrid = 5;  // valence and arousal in {-1, -0.5, 0, 0.5, 1}

double gridValue(int i)
{
    return -1 + 0.5 * i;
}

QString gridTitle(double v, double a)
{
    return QStringLiteral("v%1 a%2").arg(v).arg(a);
}

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

bool near(QPointF a, QPointF b)
{
    return std::abs(a.x() - b.x()) < 1e-5 && std::abs(a.y() - b.y()) < 1e-5;
}

} // namespace

class TestMoodMap : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    QHash<qint64, QPointF> m_placeOf;   // the fixture's truth: track -> (valence, arousal)
    QHash<qint64, QString> m_genreOf;
    QHash<QString, qint64> m_idOf;      // title -> track
    qint64 m_fromScores = 0, m_noQuadrant = 0, m_missing = 0, m_unanalysed = 0, m_modelId = 0;

    // 25 tracks on the grid (stored valence/arousal columns, as analysis stores them), one placed
    // only by its quadrant scores (an older row), and three that must stay off the map.
    bool makeCatalog(Catalog &catalog, bool withModel = true)
    {
        m_placeOf.clear();
        m_genreOf.clear();
        m_idOf.clear();
        if (!catalog.open(m_dir.filePath(QStringLiteral("mood-%1.sqlite").arg(++m_counter))))
            return false;
        if (!withModel)
            return true;
        ModelRecord model;
        model.name = QStringLiteral("va");
        model.versionHash = QStringLiteral("hash-mood");
        model.labelSets = QJsonObject{{QStringLiteral("genre"), QJsonArray{kGenres[0], kGenres[1], kGenres[2]}},
                                      {QStringLiteral("quadrant"), QJsonArray{QStringLiteral("Q1"), QStringLiteral("Q2"),
                                                                              QStringLiteral("Q3"), QStringLiteral("Q4")}}};
        m_modelId = catalog.upsertModel(model);
        if (m_modelId <= 0 || !catalog.setActiveModel(m_modelId))
            return false;
        auto addTrack = [&](const QString &title) {
            TrackRecord t;
            t.path = m_dir.filePath(QStringLiteral("music/%1.flac").arg(title));
            t.title = title;
            t.artist = QStringLiteral("Band");
            t.duration = 100;
            const qint64 id = catalog.upsertTrack(t);
            m_idOf.insert(title, id);
            return id;
        };
        auto predict = [&](qint64 track, double v, double a, const QString &genre, bool columns, bool quadrant = true) {
            PredictionRecord p;
            p.trackId = track;
            p.modelId = m_modelId;
            QJsonObject genres;
            for (const QString &g : kGenres)
                genres.insert(g, g == genre ? 0.8 : 0.1);
            p.scores.insert(QStringLiteral("genre"), genres);
            if (quadrant)  // probabilities that land on (v, a) where |v| + |a| <= 1; the columns rule elsewhere
                p.scores.insert(QStringLiteral("quadrant"),
                                QJsonObject{{QStringLiteral("Q1"), std::max(0.0, (1 + v + a) / 4)}, {QStringLiteral("Q2"), std::max(0.0, (1 - v + a) / 4)},
                                            {QStringLiteral("Q3"), std::max(0.0, (1 - v - a) / 4)}, {QStringLiteral("Q4"), std::max(0.0, (1 + v - a) / 4)}});
            if (columns) {
                p.valence = v;
                p.arousal = a;
            }
            return catalog.storePrediction(p);
        };
        int n = 0;
        for (int i = 0; i < kGrid; ++i) {
            for (int j = 0; j < kGrid; ++j) {
                const double v = gridValue(i), a = gridValue(j);
                const QString genre = kGenres[n++ % 3];
                const qint64 id = addTrack(gridTitle(v, a));
                if (id <= 0 || !predict(id, v, a, genre, true))
                    return false;
                m_placeOf.insert(id, QPointF(v, a));
                m_genreOf.insert(id, genre);
            }
        }
        m_fromScores = addTrack(QStringLiteral("older row"));
        if (!predict(m_fromScores, 0.25, -0.5, kGenres[1], false))
            return false;
        m_placeOf.insert(m_fromScores, QPointF(0.25, -0.5));
        m_genreOf.insert(m_fromScores, kGenres[1]);
        m_noQuadrant = addTrack(QStringLiteral("genre only"));
        m_missing = addTrack(QStringLiteral("gone"));
        m_unanalysed = addTrack(QStringLiteral("not analysed"));
        return predict(m_noQuadrant, 0, 0, kGenres[0], false, false) && predict(m_missing, 0.5, 0.5, kGenres[0], true)
            && catalog.markMissing({m_missing});
    }

    static bool openMap(MoodMap &map)
    {
        map.resize(700, 600);
        map.show();
        if (!QTest::qWaitForWindowExposed(&map))
            return false;
        map.reload();
        map.waitForLoaded();
        map.plot()->replot();  // lays the axes out, so pixel positions are final
        return true;
    }

    QList<qint64> idsInside(const QRectF &r) const
    {
        QList<qint64> ids;
        for (auto it = m_placeOf.begin(); it != m_placeOf.end(); ++it)
            if (r.contains(it.value()))
                ids.append(it.key());
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-moodmap-test"));
    }

    void pointsSitAtTheirValenceAndArousal()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        MoodMap map(&catalog);
        QVERIFY(openMap(map));
        QCOMPARE(map.pointCount(), kGrid * kGrid + 1);
        QCOMPARE(map.data().skipped, 2);  // no quadrant head; the missing file
        for (auto it = m_placeOf.begin(); it != m_placeOf.end(); ++it)
            QVERIFY2(near(map.positionOf(it.key()), it.value()),
                     qPrintable(QStringLiteral("track %1 at (%2, %3)").arg(it.key()).arg(map.positionOf(it.key()).x()).arg(map.positionOf(it.key()).y())));
        for (qint64 off : {m_noQuadrant, m_missing, m_unanalysed})
            QVERIFY(map.positionOf(off).isNull() && !map.groupOf(off).size());
        // The pixel of a dot is where valence and arousal put it: right of and above the centre
        // for happy, left of and below for sad.
        const QPointF centre(map.plot()->xAxis->coordToPixel(0), map.plot()->yAxis->coordToPixel(0));
        const QPointF happy = map.pixelOf(m_idOf.value(gridTitle(1, 1))), sad = map.pixelOf(m_idOf.value(gridTitle(-1, -1)));
        QVERIFY(happy.x() > centre.x() && happy.y() < centre.y());
        QVERIFY(sad.x() < centre.x() && sad.y() > centre.y());
        QCOMPARE(map.trackAt(happy), m_idOf.value(gridTitle(1, 1)));

        // The whole plane, whatever the data, with named axes.
        QCOMPARE_LE(map.plot()->xAxis->range().lower, -1.0);
        QCOMPARE_GE(map.plot()->xAxis->range().upper, 1.0);
        QCOMPARE_LE(map.plot()->yAxis->range().lower, -1.0);
        QCOMPARE_GE(map.plot()->yAxis->range().upper, 1.0);
        QVERIFY(map.plot()->xAxis->label().startsWith(QStringLiteral("Valence")));
        QVERIFY(map.plot()->yAxis->label().startsWith(QStringLiteral("Arousal")));
        // Quadrant lines through the origin and the four everyday words in the right corners.
        int lines = 0;
        QHash<QString, QPointF> words;
        for (int i = 0; i < map.plot()->itemCount(); ++i) {
            QCPAbstractItem *item = map.plot()->item(i);
            if (auto *line = qobject_cast<QCPItemStraightLine *>(item)) {
                QCOMPARE(line->point1->coords(), QPointF(0, 0));
                ++lines;
            } else if (auto *text = qobject_cast<QCPItemText *>(item); text && text->objectName() == QStringLiteral("moodCorner")) {
                words.insert(text->text(), text->position->coords());
            }
        }
        QCOMPARE(lines, 2);
        QCOMPARE(words.size(), 4);
        auto cornerOf = [&](const QString &prefix) {
            for (auto it = words.begin(); it != words.end(); ++it)
                if (it.key().startsWith(prefix))
                    return it.value();
            return QPointF(9, 9);
        };
        QCOMPARE(cornerOf(QStringLiteral("happy")), QPointF(1, 1));
        QCOMPARE(cornerOf(QStringLiteral("angry")), QPointF(-1, 1));
        QCOMPARE(cornerOf(QStringLiteral("sad")), QPointF(-1, -1));
        QCOMPARE(cornerOf(QStringLiteral("calm")), QPointF(1, -1));
        // Fit shows the whole plane again after a zoom.
        map.plot()->xAxis->setRange(0.2, 0.4);
        QTest::mouseClick(map.findChild<QPushButton *>(QStringLiteral("mapFitButton")), Qt::LeftButton);
        QCOMPARE_LE(map.plot()->xAxis->range().lower, -1.0);
    }

    void colouredByGenre()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        MoodMap map(&catalog);
        QVERIFY(openMap(map));
        QCOMPARE(map.colourHead(), QStringLiteral("genre"));
        QCOMPARE(map.groups(), (QStringList{QStringLiteral("folk"), QStringLiteral("jazz"), QStringLiteral("rock")}));
        QHash<QString, QRgb> colour;
        for (auto it = m_genreOf.begin(); it != m_genreOf.end(); ++it) {
            QCOMPARE(map.groupOf(it.key()), it.value());
            const QRgb c = map.colourOf(it.key()).rgb();
            QCOMPARE(colour.value(it.value(), c), c);  // one colour per genre
            colour.insert(it.value(), c);
        }
        QCOMPARE(QSet<QRgb>({colour[QStringLiteral("rock")], colour[QStringLiteral("jazz")], colour[QStringLiteral("folk")]}).size(), 3);
        int dots = 0;
        for (int g = 0; g < map.plot()->graphCount(); ++g) {
            QCPGraph *graph = map.plot()->graph(g);
            const QString label = graph->property("label").toString();
            if (label.isEmpty())
                continue;
            QCOMPARE(graph->scatterStyle().brush().color().rgb(), colour.value(label));
            dots += graph->dataCount();
        }
        QCOMPARE(dots, kGrid * kGrid + 1);
        if (qEnvironmentVariableIsSet("SPECTAG_MOOD_SHOT"))  // to look at
            map.plot()->replot(), map.grab().save(qEnvironmentVariable("SPECTAG_MOOD_SHOT"));
    }

    void hoverAndDoubleClick()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        MoodMap map(&catalog);
        QVERIFY(openMap(map));
        const qint64 id = m_idOf.value(gridTitle(0.5, -0.5));
        const QString text = map.toolTipFor(id);
        QVERIFY2(text.contains(QStringLiteral("<b>v0.5 a-0.5</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Band")));
        QVERIFY(text.contains(QStringLiteral("Genre: %1").arg(m_genreOf.value(id))));
        QVERIFY2(text.contains(QStringLiteral("Valence 0.50, arousal -0.50")), qPrintable(text));
        const QPointF at = map.pixelOf(id) + QPointF(1, 2);
        QHelpEvent help(QEvent::ToolTip, at.toPoint(), map.plot()->mapToGlobal(at.toPoint()));
        QApplication::sendEvent(map.plot(), &help);
        QTRY_COMPARE(QToolTip::text(), text);
        QToolTip::hideText();

        QSignalSpy activated(&map, &MoodMap::trackActivated);
        sendMouse(map.plot(), QEvent::MouseButtonDblClick, at, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), id);
    }

    void lassoMakesAPlaylist()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        MoodMap map(&catalog);
        QVERIFY(openMap(map));
        // The calm quadrant, away from the axes: dragged with the mouse round its corners.
        const QRectF calm(QPointF(0.1, -1.05), QPointF(1.05, -0.1));
        const QList<qint64> expected = idsInside(calm);
        QCOMPARE(expected.size(), 5);  // (0.5|1, -0.5|-1) and the older row at (0.25, -0.5)
        QVERIFY(expected.contains(m_fromScores));
        auto pixel = [&](QPointF p) { return QPointF(map.plot()->xAxis->coordToPixel(p.x()), map.plot()->yAxis->coordToPixel(p.y())); };
        const QPointF corners[] = {calm.topLeft(), calm.topRight(), calm.bottomRight(), calm.bottomLeft(), calm.topLeft()};
        sendMouse(map.plot(), QEvent::MouseButtonPress, pixel(corners[0]), Qt::LeftButton, Qt::LeftButton);
        for (int c = 1; c < 5; ++c)
            for (int step = 1; step <= 4; ++step)
                sendMouse(map.plot(), QEvent::MouseMove, pixel(corners[c - 1] + (corners[c] - corners[c - 1]) * step / 4.0),
                          Qt::NoButton, Qt::LeftButton);
        sendMouse(map.plot(), QEvent::MouseButtonRelease, pixel(corners[0]), Qt::LeftButton, Qt::NoButton);
        QCOMPARE(map.selectedTrackIds(), expected);
        QVERIFY(map.playlistButton()->isEnabled());

        QSignalSpy created(&map, &MoodMap::playlistCreated);
        const qint64 playlist = map.createPlaylistFromSelection(QStringLiteral("Calm corner"));
        QVERIFY(playlist > 0);
        QCOMPARE(created.count(), 1);
        QCOMPARE(catalog.playlist(playlist)->name, QStringLiteral("Calm corner"));
        QCOMPARE(catalog.playlistTracks(playlist), expected);
    }

    void contextMenuAsksForATrajectoryFromThePoint()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        MoodMap map(&catalog);
        QVERIFY(openMap(map));
        QSignalSpy requested(&map, &MoodMap::trajectoryRequested);
        const QPoint at(int(map.plot()->xAxis->coordToPixel(-0.6)), int(map.plot()->yAxis->coordToPixel(0.4)));
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, map.plot()->mapToGlobal(at));
        QApplication::sendEvent(map.plot(), &event);
        QMenu *menu = map.findChild<QMenu *>(QStringLiteral("moodMapMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->actions().size(), 2);
        QVERIFY(menu->actions().contains(map.trajectoryAction()));
        menu->actions().first()->trigger();
        QCOMPARE(requested.count(), 1);
        const auto from = requested.first().at(0).value<std::optional<ValenceArousal>>();
        QVERIFY(from);
        QCOMPARE_LT(std::abs(from->valence + 0.6), 0.02);  // within a pixel
        QCOMPARE_LT(std::abs(from->arousal - 0.4), 0.02);
        menu->close();
        map.trajectoryAction()->trigger();
        QCOMPARE(requested.count(), 2);
        QVERIFY(!requested.last().at(0).value<std::optional<ValenceArousal>>());
        // The path a dialog previews is drawn, and goes again.
        QVERIFY(!map.trajectoryShown());
        map.showTrajectory({0.5, -0.5}, {0.5, 0.5});
        QVERIFY(map.trajectoryShown());
        map.clearTrajectory();
        QVERIFY(!map.trajectoryShown());
    }

    void noQuadrantHeadSaysWhy()
    {
        Catalog catalog;
        QVERIFY(makeCatalog(catalog, false));
        MoodMap empty(&catalog);
        QVERIFY(openMap(empty));
        QCOMPARE(empty.pointCount(), 0);
        QVERIFY(empty.data().message.contains(QStringLiteral("No model")));

        ModelRecord model;
        model.name = QStringLiteral("genre only");
        model.versionHash = QStringLiteral("hash-genre");
        const qint64 id = catalog.upsertModel(model);
        QVERIFY(catalog.setActiveModel(id));
        TrackRecord t;
        t.path = m_dir.filePath(QStringLiteral("x.flac"));
        PredictionRecord p;
        p.trackId = catalog.upsertTrack(t);
        p.modelId = id;
        p.scores = QJsonObject{{QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 1.0}}}};
        QVERIFY(catalog.storePrediction(p));
        empty.reload();
        empty.waitForLoaded();
        QCOMPARE(empty.pointCount(), 0);
        QVERIFY2(empty.data().message.contains(QStringLiteral("quadrant")), qPrintable(empty.data().message));
    }

    void trajectoryDialogPreviewsAndSaves()
    {
        Catalog catalog;
        QVERIFY2(makeCatalog(catalog), qPrintable(catalog.lastError()));
        TrajectoryDialog dialog(&catalog);
        QAbstractItemModelTester tester(dialog.previewList()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        dialog.waitForLoaded();
        QCOMPARE(dialog.candidateCount(), kGrid * kGrid + 1);
        // Calm to energetic by default, in 20 steps: 20 distinct tracks, never stepping back.
        QCOMPARE(dialog.fromCombo()->currentData().toInt(), 4);
        QCOMPARE(dialog.toCombo()->currentData().toInt(), 1);
        QCOMPARE(dialog.from().valence, 0.5);
        QCOMPARE(dialog.from().arousal, -0.5);
        QCOMPARE(dialog.picks().size(), size_t(20));
        for (size_t i = 1; i < dialog.picks().size(); ++i)
            QVERIFY(dialog.picks()[i].along >= dialog.picks()[i - 1].along);
        QVERIFY(dialog.playlistName().contains(QStringLiteral("calm")));

        // Three steps: exactly the grid points on the path, bottom to top.
        QSignalSpy path(&dialog, &TrajectoryDialog::pathChanged);
        dialog.setCount(3);
        QCOMPARE(dialog.previewTitles(), (QStringList{QStringLiteral("Band \u2013 v0.5 a-0.5"), QStringLiteral("Band \u2013 v0.5 a0"),
                                                      QStringLiteral("Band \u2013 v0.5 a0.5")}));
        QVERIFY(!path.isEmpty());
        // A point for a start: the combo says so, the name follows, the path turns.
        dialog.setFrom({-1, 0});
        QCOMPARE(dialog.fromCombo()->currentData().toInt(), -1);
        QVERIFY2(dialog.playlistName().contains(QStringLiteral("(-1.00, 0.00)")), qPrintable(dialog.playlistName()));
        QCOMPARE(dialog.previewTitles().first(), QStringLiteral("Band \u2013 v-1 a0"));
        // Typing the quadrant's place shows its word again; choosing a word moves the spin boxes.
        auto *valence = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("trajectoryFromValence"));
        auto *arousal = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("trajectoryFromArousal"));
        QVERIFY(valence && arousal);
        valence->setValue(-0.5);
        arousal->setValue(-0.5);
        QCOMPARE(dialog.fromCombo()->currentData().toInt(), 3);
        dialog.setToQuadrant(2);
        QCOMPARE(dialog.to().valence, -0.5);
        QCOMPARE(dialog.to().arousal, 0.5);
        QCOMPARE(dialog.previewTitles(), (QStringList{QStringLiteral("Band \u2013 v-0.5 a-0.5"), QStringLiteral("Band \u2013 v-0.5 a0"),
                                                      QStringLiteral("Band \u2013 v-0.5 a0.5")}));
        // More tracks than the plane holds: all of them, and the status says so.
        dialog.setCount(100);
        QCOMPARE(dialog.picks().size(), size_t(kGrid * kGrid + 1));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Only 26")), qPrintable(dialog.statusText()));

        // Create saves the previewed tracks in their order under the typed name.
        dialog.setCount(3);
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("trajectoryName"));
        name->clear();
        QVERIFY(!dialog.createButton()->isEnabled());
        QTest::keyClicks(name, QStringLiteral("Brooding"));
        dialog.setToQuadrant(1);  // the typed name stays
        QCOMPARE(dialog.playlistName(), QStringLiteral("Brooding"));
        QVERIFY(dialog.createButton()->isEnabled());
        QList<qint64> expected;
        for (const TrajectoryPick &p : dialog.picks())
            expected << p.trackId;
        QSignalSpy created(&dialog, &TrajectoryDialog::playlistCreated);
        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QCOMPARE(created.count(), 1);
        const qint64 id = created.first().at(0).toLongLong();
        QCOMPARE(catalog.playlist(id)->name, QStringLiteral("Brooding"));
        QCOMPARE(catalog.playlistTracks(id), expected);
        QVERIFY(!dialog.isVisible());  // accepted
    }

    void trajectoryDialogOnAnEmptyCatalog()
    {
        Catalog catalog;
        QVERIFY(makeCatalog(catalog, false));
        TrajectoryDialog dialog(&catalog);
        dialog.show();
        dialog.waitForLoaded();
        QVERIFY(dialog.picks().empty());
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("No model")), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.createPlaylist(), qint64(0));
        QVERIFY(catalog.playlists().isEmpty());
    }

    void mainWindowDockMenuAndShortcut()
    {
        Catalog fixture;
        QVERIFY2(makeCatalog(fixture), qPrintable(fixture.lastError()));
        const QString path = fixture.path();
        fixture.close();

        ui::MainWindow w(path, m_dir.filePath(QStringLiteral("no model.stm")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.moodMap());
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("moodMapDock"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), static_cast<QWidget *>(w.moodMap()));
        QVERIFY(w.tabifiedDockWidgets(dock).contains(w.findChild<QDockWidget *>(QStringLiteral("libraryMapDock"))));
        QCOMPARE(w.showMoodMapAction()->shortcut(), QKeySequence(Qt::Key_F9));

        // Tabbed away, the map stays isVisible() to Qt, yet a catalog change only marks it stale:
        // no reload behind the user's back (each one cost the GUI thread while analysis ran).
        QVERIFY(w.moodMap()->visibleRegion().isEmpty());
        QVERIFY(w.moodMap()->isVisible());
        QVERIFY(!w.catalog()->tracks().isEmpty());
        w.catalog()->notifyTracksChanged({w.catalog()->tracks().first().id});
        QTest::qWait(2300);  // past the 2 s reload throttle
        QVERIFY(!w.moodMap()->isLoading());
        QCOMPARE(w.moodMap()->pointCount(), 0);
        // F9 brings the tabbed-away map up, and it loads when shown.
        QTest::keyClick(&w, Qt::Key_F9);
        QTRY_VERIFY(!w.moodMap()->visibleRegion().isEmpty());
        QTRY_COMPARE(w.moodMap()->pointCount(), kGrid * kGrid + 1);

        // The File menu's entry opens the dialog; the map draws its path until it closes.
        QStringList fileEntries;
        for (QAction *menu : w.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(w.moodMap()->trajectoryAction()))
                fileEntries << menu->text();
        QCOMPARE(fileEntries, QStringList{QStringLiteral("&File")});
        w.moodMap()->trajectoryAction()->trigger();
        TrajectoryDialog *dialog = w.trajectoryDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(w.moodMap()->trajectoryShown());
        dialog->reject();
        QVERIFY(!w.moodMap()->trajectoryShown());
        // From the map's point: the same dialog, starting there.
        QCOMPARE(w.showTrajectoryDialog(ValenceArousal{-0.25, 0.75}), dialog);
        QCOMPARE(dialog->from().valence, -0.25);
        QCOMPARE(dialog->from().arousal, 0.75);

        // Double-click on a dot selects and plays that track in the library.
        const qint64 id = m_idOf.value(gridTitle(-1, 1));
        Q_EMIT w.moodMap()->trackActivated(id);
        QCOMPARE(w.selectedPaths(), QStringList{m_dir.filePath(QStringLiteral("music/%1.flac").arg(gridTitle(-1, 1)))});
    }
};

QTEST_MAIN(TestMoodMap)
#include "tst_moodmap.moc"
