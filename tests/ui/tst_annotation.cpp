// Annotation in the desktop app: a click on a label in the predictions panel writes the right human
// rows (and a second click writes them back), Accept confirms the model's decision, human labels
// are drawn differently from the model's bars, the keyboard annotation mode's keys, a Shift+drag
// region labelled from its menu becomes a segment annotation, and the review queue's order by
// uncertainty, with tracks leaving it once annotated.
#include "common/testutil.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/reviewqueuemodel.h"
#include "ui/annotationcontroller.h"
#include "ui/appsettings.h"
#include "ui/annotationmode.h"
#include "ui/mainwindow.h"
#include "ui/predictionspanel.h"
#include "ui/segmenttimeline.h"
#include "ui/trackview.h"
#include "ui/waveformview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace spectag;
using namespace spectag::ui;

namespace {

QJsonObject scores(std::initializer_list<std::pair<const char *, double>> labels)
{
    QJsonObject o;
    for (const auto &[label, p] : labels)
        o.insert(QLatin1String(label), p);
    return o;
}

// Four tracks: A (real audio, 6 s), B, C analysed with known scores, D not analysed.
// Uncertainty (mood multi-label, genre single-label; the mean of the two heads):
//   A: mood (0.2 + 0.2 + 0.1 + 0.6) / 4 = 0.275, genre 1 - (0.8 - 0.15) = 0.35  -> 0.3125
//   B: mood (1 + 1 + 0.9 + 0.9) / 4 = 0.95,      genre 1 - (0.4 - 0.35) = 0.95  -> 0.95
//   C: mood (0.02 + 0.02 + 0.04 + 0.04) / 4 = 0.03, genre 1 - (0.98 - 0.01) = 0.03 -> 0.03
struct Fixture {
    qint64 a = 0, b = 0, c = 0, d = 0, model = 0;
};

TrackRecord track(const QString &path, const QString &title)
{
    TrackRecord t;
    t.path = path;
    t.folder = QFileInfo(path).absolutePath();
    t.title = title;
    t.duration = 6;
    t.format = QStringLiteral("flac");
    return t;
}

bool fill(Catalog &c, const QString &dir, Fixture *f)
{
    const QString audio = testutil::makeAudio(dir, QStringLiteral("a.flac"), 6, QStringLiteral("sine=frequency=330"));
    if (audio.isEmpty())
        return false;
    f->a = c.upsertTrack(track(audio, QStringLiteral("Alpha")));
    f->b = c.upsertTrack(track(dir + QStringLiteral("/b.flac"), QStringLiteral("Bravo")));
    f->c = c.upsertTrack(track(dir + QStringLiteral("/c.flac"), QStringLiteral("Charlie")));
    f->d = c.upsertTrack(track(dir + QStringLiteral("/d.flac"), QStringLiteral("Delta")));
    ModelRecord m;
    m.name = QStringLiteral("cnn");
    m.versionHash = QStringLiteral("hash-annot");
    m.labelSets = QJsonObject{{QStringLiteral("mood"), QJsonArray{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("tense")}},
                              {QStringLiteral("genre"), QJsonArray{QStringLiteral("jazz"), QStringLiteral("pop"), QStringLiteral("rock")}}};
    f->model = c.upsertModel(m);
    if (f->model <= 0 || !c.setActiveModel(f->model))
        return false;
    auto predict = [&](qint64 id, const QJsonObject &mood, const QJsonObject &genre) {
        PredictionRecord p;
        p.trackId = id;
        p.modelId = f->model;
        p.scores = QJsonObject{{QStringLiteral("mood"), mood}, {QStringLiteral("genre"), genre}};
        return c.storePrediction(p);
    };
    return predict(f->a, scores({{"calm", 0.9}, {"happy", 0.1}, {"sad", 0.05}, {"tense", 0.7}}), scores({{"jazz", 0.8}, {"rock", 0.15}, {"pop", 0.05}}))
        && predict(f->b, scores({{"calm", 0.5}, {"happy", 0.5}, {"sad", 0.45}, {"tense", 0.55}}), scores({{"jazz", 0.4}, {"rock", 0.35}, {"pop", 0.25}}))
        && predict(f->c, scores({{"calm", 0.99}, {"happy", 0.01}, {"sad", 0.02}, {"tense", 0.98}}), scores({{"jazz", 0.98}, {"rock", 0.01}, {"pop", 0.01}}));
}

// head/label -> value of the newest human whole-track row of a track.
QMap<QString, double> humanLabels(const Catalog &c, qint64 trackId)
{
    QMap<QString, double> out;
    for (const Annotation &a : c.effectiveAnnotations(Annotation::Source::Human, trackId))
        if (!a.segmentStart)
            out.insert(a.head + u'/' + a.label, a.value);
    return out;
}

Annotation human(qint64 trackId, const QString &head, const QString &label, double value)
{
    Annotation a;
    a.trackId = trackId;
    a.head = head;
    a.label = label;
    a.value = value;
    a.annotator = QStringLiteral("someone");
    a.createdAt = QDateTime::currentDateTimeUtc();
    return a;
}

// Antialiased glyphs blend into the background at their edges: close counts.
bool near(QRgb pixel, const QColor &color)
{
    return qAbs(qRed(pixel) - color.red()) + qAbs(qGreen(pixel) - color.green()) + qAbs(qBlue(pixel) - color.blue()) < 60;
}

void sendMouse(QWidget *w, QEvent::Type type, double x, Qt::MouseButton button, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods)
{
    const QPointF pos(x, w->height() / 2.0);
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestAnnotation : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_windows = 0;

    struct Window {
        std::unique_ptr<MainWindow> w;
        Fixture f;
    };
    Window openWindow()
    {
        const QString sub = m_dir.filePath(QStringLiteral("w%1").arg(++m_windows));
        QDir().mkpath(sub);
        Window out;
        {
            Catalog c;
            if (!c.open(sub + QStringLiteral("/catalog.sqlite")) || !fill(c, sub, &out.f))
                return out;
        }
        out.w = std::make_unique<MainWindow>(sub + QStringLiteral("/catalog.sqlite"), sub + QStringLiteral("/no-model.pt"));
        out.w->show();
        if (!QTest::qWaitForWindowExposed(out.w.get()))
            out.w.reset();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-annotation-test"));
        AnnotationController::setAnnotatorName(QStringLiteral("tester"));
    }

    void annotatorNameDefaultsToLogin()
    {
        AnnotationController::setAnnotatorName({});
        QCOMPARE(AnnotationController::annotatorName(), AppSettings::defaultAnnotator());
        AnnotationController::setAnnotatorName(QStringLiteral("  Ada  "));
        QCOMPARE(QSettings().value(QStringLiteral("annotation/annotator")).toString(), QStringLiteral("Ada"));
        QCOMPARE(AnnotationController::annotatorName(), QStringLiteral("Ada"));
        AnnotationController::setAnnotatorName(QStringLiteral("tester"));
    }

    void reviewQueueOrderAndLeaving()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("queue.sqlite"))));
        QDir().mkpath(m_dir.filePath(QStringLiteral("queue")));
        Fixture f;
        QVERIFY(fill(c, m_dir.filePath(QStringLiteral("queue")), &f));
        ReviewQueueModel queue(&c);
        QAbstractItemModelTester tester(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(queue.rowCount(), 3);  // D has no prediction
        QCOMPARE(queue.trackIdAt(0), f.b);
        QCOMPARE(queue.trackIdAt(1), f.a);
        QCOMPARE(queue.trackIdAt(2), f.c);
        QCOMPARE_LT(qAbs(queue.uncertaintyAt(0) - 0.95), 1e-9);
        QCOMPARE_LT(qAbs(queue.uncertaintyAt(1) - 0.3125), 1e-9);
        QCOMPARE_LT(qAbs(queue.uncertaintyAt(2) - 0.03), 1e-9);
        QCOMPARE(queue.index(0, ReviewQueueModel::Track).data().toString(), QStringLiteral("Bravo"));
        QCOMPARE(queue.index(1, ReviewQueueModel::Uncertainty).data().toString(), QStringLiteral("0.31"));
        for (int r = 0; r < 3; ++r)
            QCOMPARE(queue.rowForTrack(queue.trackIdAt(r)), r);
        // The tool tip names the file and every head's uncertainty.
        const QString tip = queue.index(1, ReviewQueueModel::Track).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(queue.index(1, 0).data(ReviewQueueModel::PathRole).toString() + u'\n'), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("mood (distance from 0/1): ")), qPrintable(tip));

        // A human label takes A out; a model-made row does not count as reviewed.
        QSignalSpy removed(&queue, &QAbstractItemModel::rowsRemoved);
        Annotation byModel = human(f.c, QStringLiteral("mood"), QStringLiteral("calm"), 1);
        byModel.source = Annotation::Source::Model;
        QVERIFY(c.addAnnotation(byModel) > 0);
        QCOMPARE(queue.rowCount(), 3);
        const qint64 row = c.addAnnotation(human(f.a, QStringLiteral("mood"), QStringLiteral("sad"), 1));
        QVERIFY(row > 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(queue.rowCount(), 2);
        QCOMPARE(queue.rowForTrack(f.a), -1);
        QCOMPARE(queue.trackIdAt(1), f.c);
        // Undoing the label puts it back in its place.
        QVERIFY(c.removeAnnotation(row));
        QCOMPARE(queue.rowForTrack(f.a), 1);

        // A new, very uncertain prediction goes to the top.
        PredictionRecord p;
        p.trackId = f.d;
        p.modelId = f.model;
        p.scores = QJsonObject{{QStringLiteral("mood"), scores({{"calm", 0.5}, {"happy", 0.5}, {"sad", 0.5}, {"tense", 0.5}})}};
        QVERIFY(c.storePrediction(p));
        QCOMPARE(queue.rowCount(), 4);
        QCOMPARE(queue.trackIdAt(0), f.d);
        QCOMPARE(queue.uncertaintyAt(0), 1.0);

        // Several tracks in one notification (a burst from the analysis): both missing ones leave.
        QVERIFY(c.markMissing({f.a, f.b}));
        QCOMPARE(queue.rowCount(), 2);
        QCOMPARE(queue.rowForTrack(f.a), -1);
        QCOMPARE(queue.rowForTrack(f.b), -1);
        QCOMPARE(queue.trackIdAt(0), f.d);
        QCOMPARE(queue.trackIdAt(1), f.c);

        // With genre declared multi-label, its sigmoid-style uncertainty applies instead of the margin:
        // C's genre becomes (0.04 + 0.02 + 0.02) / 3.
        queue.setHeadKinds({{QStringLiteral("genre"), false}, {QStringLiteral("mood"), false}});
        QCOMPARE_LT(qAbs(queue.uncertaintyAt(queue.rowForTrack(f.c)) - (0.03 + 0.08 / 3) / 2), 1e-9);
        for (int r = 0; r < queue.rowCount(); ++r)
            QCOMPARE(queue.rowForTrack(queue.trackIdAt(r)), r);
    }

    void uncertaintyDefinitions()
    {
        QCOMPARE(ReviewQueueModel::headUncertainty(scores({{"x", 0.5}, {"y", 0.0}}), false), 0.5);
        QCOMPARE(ReviewQueueModel::headUncertainty(scores({{"x", 1.0}, {"y", 0.0}}), false), 0.0);
        QCOMPARE_LT(qAbs(ReviewQueueModel::headUncertainty(scores({{"a", 0.6}, {"b", 0.3}, {"c", 0.1}}), true) - 0.7), 1e-12);
        QVERIFY(ReviewQueueModel::looksSingleLabel(scores({{"a", 0.6}, {"b", 0.3}, {"c", 0.1}})));
        QVERIFY(!ReviewQueueModel::looksSingleLabel(scores({{"a", 0.6}, {"b", 0.6}})));
        QCOMPARE(ReviewQueueModel::trackUncertainty({}), -1.0);
    }

    void clickingALabelRecordsAndTogglesBack()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        AnnotationController *ann = win.w->annotation();
        QVERIFY(ann);
        QVERIFY(ann->selectTrack(win.f.b));
        QCOMPARE(ann->currentTrackId(), win.f.b);
        PredictionsPanel *panel = win.w->predictionsPanel();
        QCOMPARE(panel->predictions().size(), 2);
        QVERIFY(ann->queueModel()->rowForTrack(win.f.b) >= 0);
        Catalog *c = win.w->catalog();

        // calm is at 0.5, on for the model: the click says it does not apply.
        QVERIFY(panel->modelDecision(QStringLiteral("mood"), QStringLiteral("calm")));
        QSignalSpy requested(panel, &PredictionsPanel::annotationsRequested);
        QTest::mouseClick(panel, Qt::LeftButton, {}, panel->barRect(QStringLiteral("mood"), QStringLiteral("calm")).center().toPoint());
        QCOMPARE(requested.size(), 1);
        QCOMPARE((humanLabels(*c, win.f.b)), (QMap<QString, double>{{QStringLiteral("mood/calm"), 0.0}}));
        const QList<Annotation> rows = c->annotations(win.f.b);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().annotator, QStringLiteral("tester"));
        QVERIFY(rows.first().source == Annotation::Source::Human);
        QVERIFY(rows.first().createdAt.isValid());
        QVERIFY(!panel->isOn(QStringLiteral("mood"), QStringLiteral("calm")));
        QCOMPARE(panel->humanAnnotation(QStringLiteral("mood"), QStringLiteral("calm"))->value, 0.0);
        // Annotated: out of the review queue.
        QCOMPARE(ann->queueModel()->rowForTrack(win.f.b), -1);

        // Again: back to applying (a second row; the newest counts).
        QTest::mouseClick(panel, Qt::LeftButton, {}, panel->barRect(QStringLiteral("mood"), QStringLiteral("calm")).center().toPoint());
        QCOMPARE(c->annotations(win.f.b).size(), 2);
        QCOMPARE((humanLabels(*c, win.f.b)), (QMap<QString, double>{{QStringLiteral("mood/calm"), 1.0}}));
        QVERIFY(panel->isOn(QStringLiteral("mood"), QStringLiteral("calm")));

        // Genre is single-label: choosing rock records rock 1 and the others 0; choosing it again
        // changes nothing.
        QTest::mouseClick(panel, Qt::LeftButton, {}, panel->barRect(QStringLiteral("genre"), QStringLiteral("rock")).center().toPoint());
        QCOMPARE((humanLabels(*c, win.f.b)), (QMap<QString, double>{{QStringLiteral("mood/calm"), 1.0},
                                                                     {QStringLiteral("genre/jazz"), 0.0},
                                                                     {QStringLiteral("genre/pop"), 0.0},
                                                                     {QStringLiteral("genre/rock"), 1.0}}));
        const qsizetype before = c->annotations(win.f.b).size();
        QTest::mouseClick(panel, Qt::LeftButton, {}, panel->barRect(QStringLiteral("genre"), QStringLiteral("rock")).center().toPoint());
        QCOMPARE(c->annotations(win.f.b).size(), before);
        // A click on a head's title is no label.
        QTest::mouseClick(panel, Qt::LeftButton, {}, QPoint(20, 10));
        QCOMPARE(c->annotations(win.f.b).size(), before);
    }

    void acceptRecordsTheModelsDecision()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        QVERIFY(win.w->annotation()->selectTrack(win.f.a));
        win.w->annotation()->acceptAction()->trigger();
        QCOMPARE((humanLabels(*win.w->catalog(), win.f.a)),
                 (QMap<QString, double>{{QStringLiteral("mood/calm"), 1.0}, {QStringLiteral("mood/happy"), 0.0},
                                        {QStringLiteral("mood/sad"), 0.0}, {QStringLiteral("mood/tense"), 1.0},
                                        {QStringLiteral("genre/jazz"), 1.0}, {QStringLiteral("genre/pop"), 0.0},
                                        {QStringLiteral("genre/rock"), 0.0}}));
        QCOMPARE(win.w->annotation()->queueModel()->rowForTrack(win.f.a), -1);
        // Other tracks untouched.
        QVERIFY(humanLabels(*win.w->catalog(), win.f.b).isEmpty());
    }

    void humanLabelsAreDrawnDifferently()
    {
        PredictionsPanel panel;
        panel.resize(320, 200);
        panel.setPredictions({{QStringLiteral("mood"), {QStringLiteral("calm"), QStringLiteral("happy")}, {0.9, 0.2}, {}}});
        const QImage plain = panel.grab().toImage();
        Annotation no = human(1, QStringLiteral("mood"), QStringLiteral("calm"), 0);
        no.id = 7;
        Annotation yes = human(1, QStringLiteral("mood"), QStringLiteral("happy"), 1);
        yes.id = 8;
        panel.setAnnotations({no, yes});
        const QImage marked = panel.grab().toImage();
        for (const auto &[label, applies] : {std::pair(QStringLiteral("calm"), false), std::pair(QStringLiteral("happy"), true)}) {
            const QRectF bar = panel.barRect(QStringLiteral("mood"), label);
            const int y = int(bar.center().y());
            // The outline left of the bar, in the human colour; not there without the annotation.
            QCOMPARE(marked.pixel(int(bar.left()) - 1, y), PredictionsPanel::humanColor(applies).rgb());
            QVERIFY(plain.pixel(int(bar.left()) - 1, y) != PredictionsPanel::humanColor(applies).rgb());
            // The check or cross beside the label's name (left of the outline).
            int markPixels = 0;
            for (int x = 0; x < int(bar.left()) - 3; ++x)
                for (int yy = int(bar.top()) - 3; yy < int(bar.bottom()) + 3; ++yy)
                    markPixels += near(marked.pixel(x, yy), PredictionsPanel::humanColor(applies)) ? 1 : 0;
            QVERIFY2(markPixels >= 4, qPrintable(QStringLiteral("%1: %2 mark pixels").arg(label).arg(markPixels)));
            // The model's bar inside is unchanged.
            QCOMPARE(marked.pixel(int(bar.left()) + 4, y), plain.pixel(int(bar.left()) + 4, y));
        }
        QCOMPARE(panel.humanAnnotation(QStringLiteral("mood"), QStringLiteral("calm"))->annotator, QStringLiteral("someone"));
        QVERIFY(!panel.isOn(QStringLiteral("mood"), QStringLiteral("calm")));
        QVERIFY(panel.modelDecision(QStringLiteral("mood"), QStringLiteral("calm")));
        QVERIFY(panel.isOn(QStringLiteral("mood"), QStringLiteral("happy")));
        // Segment rows are not whole-track labels.
        Annotation segment = human(1, QStringLiteral("mood"), QStringLiteral("happy"), 0);
        segment.segmentStart = 1;
        segment.segmentEnd = 2;
        panel.setAnnotations({segment});
        QVERIFY(!panel.humanAnnotation(QStringLiteral("mood"), QStringLiteral("happy")));
    }

    void modeKeysAlone()
    {
        AnnotationMode mode;
        QSignalSpy moods(&mode, &AnnotationMode::moodToggled);
        QSignalSpy next(&mode, &AnnotationMode::nextTrack);
        QSignalSpy previous(&mode, &AnnotationMode::previousTrack);
        QSignalSpy play(&mode, &AnnotationMode::playSegment);
        // Off: nothing is the mode's.
        for (int key : {int(Qt::Key_1), int(Qt::Key_J), int(Qt::Key_K), int(Qt::Key_Space), int(Qt::Key_Escape)})
            QVERIFY(!mode.handleKey(key));
        QVERIFY(moods.isEmpty() && next.isEmpty() && previous.isEmpty() && play.isEmpty());
        QCOMPARE(mode.action()->shortcut(), QKeySequence(Qt::Key_F8));
        mode.action()->trigger();
        QVERIFY(mode.isActive());
        QVERIFY(mode.handleKey(Qt::Key_1));
        QVERIFY(mode.handleKey(Qt::Key_9));
        QCOMPARE(moods.size(), 2);
        QCOMPARE(moods.at(0).at(0).toInt(), 0);
        QCOMPARE(moods.at(1).at(0).toInt(), 8);
        QVERIFY(!mode.handleKey(Qt::Key_0));
        QVERIFY(!mode.handleKey(Qt::Key_1, Qt::ControlModifier));  // Ctrl+1 stays a menu's
        QVERIFY(mode.handleKey(Qt::Key_J) && mode.handleKey(Qt::Key_K) && mode.handleKey(Qt::Key_Space));
        QCOMPARE(next.size(), 1);
        QCOMPARE(previous.size(), 1);
        QCOMPARE(play.size(), 1);
        QVERIFY(mode.handleKey(Qt::Key_Escape));
        QVERIFY(!mode.isActive());
        QVERIFY(!mode.action()->isChecked());
    }

    void modeKeysInTheWindow()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        AnnotationController *ann = win.w->annotation();
        Catalog *c = win.w->catalog();
        QVERIFY(ann->selectTrack(win.f.b));
        PredictionsPanel *panel = win.w->predictionsPanel();
        QCOMPARE(panel->keyHead(), QStringLiteral("mood"));
        QCOMPARE(panel->keyLabels(), (QStringList{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("tense")}));

        // Off: digits and J do nothing.
        QVERIFY(!ann->mode()->handleKey(Qt::Key_2));
        QVERIFY(!ann->mode()->handleKey(Qt::Key_J));
        QTest::keyClick(win.w->libraryView(), Qt::Key_2);
        QVERIFY(c->annotations(win.f.b).isEmpty());
        QCOMPARE(ann->currentTrackId(), win.f.b);
        QVERIFY(!panel->showsKeys());

        ann->mode()->action()->trigger();  // F8
        QVERIFY(panel->showsKeys());
        // 2 = happy (0.5, on for the model) -> does not apply; 3 = sad (0.45, off) -> applies.
        QVERIFY(ann->mode()->handleKey(Qt::Key_2));
        QCOMPARE((humanLabels(*c, win.f.b)), (QMap<QString, double>{{QStringLiteral("mood/happy"), 0.0}}));
        // Through the window's key events as a user types them.
        QTest::keyClick(win.w->libraryView(), Qt::Key_3);
        QCOMPARE((humanLabels(*c, win.f.b)), (QMap<QString, double>{{QStringLiteral("mood/happy"), 0.0}, {QStringLiteral("mood/sad"), 1.0}}));
        QTest::keyClick(win.w->libraryView(), Qt::Key_2);
        QCOMPARE(humanLabels(*c, win.f.b).value(QStringLiteral("mood/happy")), 1.0);
        // A key without a mood (the head has four) writes nothing.
        const qsizetype rows = c->annotations(win.f.b).size();
        QVERIFY(ann->mode()->handleKey(Qt::Key_7));
        QCOMPARE(c->annotations(win.f.b).size(), rows);
        // Typing in the search field stays typing.
        win.w->searchField()->setFocus();
        QTest::keyClick(win.w->searchField(), Qt::Key_4);
        QCOMPARE(win.w->searchField()->text(), QStringLiteral("4"));
        QCOMPARE(c->annotations(win.f.b).size(), rows);
        win.w->searchField()->clear();  // the filter may have taken the current row away
        QVERIFY(ann->selectTrack(win.f.b));
        win.w->libraryView()->setFocus();

        // J/K: next and previous track in the library table.
        QTest::keyClick(win.w->libraryView(), Qt::Key_J);
        QCOMPARE(ann->currentTrackId(), win.f.c);
        QVERIFY(ann->mode()->handleKey(Qt::Key_J));
        QCOMPARE(ann->currentTrackId(), win.f.d);
        QVERIFY(ann->mode()->handleKey(Qt::Key_J));  // the last row stays
        QCOMPARE(ann->currentTrackId(), win.f.d);
        QVERIFY(ann->mode()->handleKey(Qt::Key_K));
        QVERIFY(ann->mode()->handleKey(Qt::Key_K));
        QCOMPARE(ann->currentTrackId(), win.f.b);
        QCOMPARE(win.w->libraryView()->selectionModel()->selectedRows().size(), 1);

        // Space plays the segment under the playhead: the mood row of the timeline.
        win.w->trackView()->setSegments({{0, 2, QStringLiteral("mood"), QStringLiteral("calm"), 0.8},
                                         {2, 4, QStringLiteral("genre"), QStringLiteral("jazz"), 0.8},
                                         {2, 4.5, QStringLiteral("mood"), QStringLiteral("sad"), 0.6}});
        win.w->trackView()->setPlayheadPosition(3.0);
        const auto segment = ann->currentSegment();
        QVERIFY(segment);
        QCOMPARE(segment->first, 2.0);
        QCOMPARE(segment->second, 4.5);

        // Esc leaves; the digits are plain keys again.
        QTest::keyClick(win.w->libraryView(), Qt::Key_Escape);
        QVERIFY(!ann->mode()->isActive());
        QVERIFY(!panel->showsKeys());
        QTest::keyClick(win.w->libraryView(), Qt::Key_1);
        QCOMPARE(c->annotations(win.f.b).size(), rows);
    }

    void shiftDragRegionBecomesSegmentAnnotation()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        AnnotationController *ann = win.w->annotation();
        QSignalSpy loaded(win.w->trackView(), &TrackView::trackLoaded);
        QVERIFY(ann->selectTrack(win.f.a));
        QVERIFY(loaded.wait(30000));
        WaveformView *wave = win.w->trackView()->waveform();
        QVERIFY(wave->width() > 100);
        QCOMPARE_LT(qAbs(wave->duration() - 6.0), 0.05);
        QSignalSpy seeks(wave, &WaveformView::seekRequested);
        QSignalSpy selected(wave, &WaveformView::selectionChanged);
        const double x1 = wave->width() * 0.25, x2 = wave->width() * 0.6;
        sendMouse(wave, QEvent::MouseButtonPress, x1, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(wave, QEvent::MouseMove, (x1 + x2) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(wave, QEvent::MouseMove, x2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(wave, QEvent::MouseButtonRelease, x2, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QVERIFY(seeks.isEmpty());  // a Shift+drag selects, it does not seek
        QCOMPARE(selected.size(), 1);
        const auto sel = wave->selection();
        QVERIFY(sel);
        QCOMPARE_LT(qAbs(sel->first - wave->xToSeconds(x1)), 0.02);
        QCOMPARE_LT(qAbs(sel->second - wave->xToSeconds(x2)), 0.02);
        QVERIFY(sel->first > 0.5 && sel->second < 5.5);

        // The right-click asks for the menu of that region.
        QSignalSpy menuAsked(wave, &WaveformView::selectionMenuRequested);
        const QPoint inside(int((x1 + x2) / 2), wave->height() / 2);
        QContextMenuEvent context(QContextMenuEvent::Mouse, inside, wave->mapToGlobal(inside));
        QApplication::sendEvent(wave, &context);
        QCOMPARE(menuAsked.size(), 1);
        QCOMPARE(menuAsked.first().at(0).toDouble(), sel->first);
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();

        // The menu lists the heads' labels; choosing 'tense' writes a segment row with the bounds.
        std::unique_ptr<QMenu> menu(ann->segmentMenu(sel->first, sel->second, nullptr));
        QAction *tense = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QStringLiteral("tense") && a->data().toString() == QStringLiteral("mood"))
                tense = a;
        QVERIFY(tense);
        QVERIFY(!tense->isChecked());
        tense->trigger();
        const QList<Annotation> rows = win.w->catalog()->annotations(win.f.a);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().segmentStart && rows.first().segmentEnd);
        QCOMPARE_LT(qAbs(*rows.first().segmentStart - sel->first), 0.006);
        QCOMPARE_LT(qAbs(*rows.first().segmentEnd - sel->second), 0.006);
        QCOMPARE(rows.first().head, QStringLiteral("mood"));
        QCOMPARE(rows.first().label, QStringLiteral("tense"));
        QCOMPARE(rows.first().value, 1.0);
        QCOMPARE(rows.first().annotator, QStringLiteral("tester"));
        QVERIFY(!wave->selection());  // labelled: the selection is done
        // Not a whole-track label.
        QVERIFY(!win.w->predictionsPanel()->humanAnnotation(QStringLiteral("mood"), QStringLiteral("tense")));

        // Drawn as a band over the waveform, in the label's colour.
        QCOMPARE(wave->regions().size(), 1);
        QCOMPARE(wave->regions().first().text, QStringLiteral("tense"));
        QCOMPARE(win.w->trackView()->overview()->regions().size(), 1);
        const QImage img = wave->grab().toImage();
        const int mid = int((wave->secondsToX(*rows.first().segmentStart) + wave->secondsToX(*rows.first().segmentEnd)) / 2);
        QCOMPARE(img.pixel(mid, 2), SegmentTimeline::colorForLabel(QStringLiteral("tense")).rgb());
        QVERIFY(img.pixel(2, 2) != SegmentTimeline::colorForLabel(QStringLiteral("tense")).rgb());

        // The same region's menu now shows it checked; choosing it again says it does not apply.
        std::unique_ptr<QMenu> again(ann->segmentMenu(*rows.first().segmentStart, *rows.first().segmentEnd, nullptr));
        for (QAction *a : again->actions()) {
            if (a->text() == QStringLiteral("tense") && a->data().toString() == QStringLiteral("mood")) {
                QVERIFY(a->isChecked());
                a->trigger();
            }
        }
        const QList<Annotation> effective = win.w->catalog()->effectiveAnnotations(Annotation::Source::Human, win.f.a);
        QCOMPARE(effective.size(), 1);
        QCOMPARE(effective.first().value, 0.0);
        QCOMPARE(wave->regions().first().text, QStringLiteral("not tense"));
        // A plain click still seeks.
        sendMouse(wave, QEvent::MouseButtonPress, x1, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        sendMouse(wave, QEvent::MouseButtonRelease, x1, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QCOMPARE(seeks.size(), 1);
    }

    void exportWritesTrainingManifest()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        AnnotationController *ann = win.w->annotation();
        const QString manifest = QFileInfo(win.w->catalog()->path()).absoluteDir().filePath(QStringLiteral("annotations.jsonl"));
        QString error;
        QVERIFY(!ann->exportManifestTo(manifest, &error));  // nothing annotated yet
        QVERIFY(!error.isEmpty());
        QVERIFY(ann->selectTrack(win.f.a));
        ann->acceptAction()->trigger();
        // B's file does not exist: its labels are reported, not exported.
        QVERIFY(ann->selectTrack(win.f.b));
        win.w->predictionsPanel()->toggleLabel(QStringLiteral("genre"), QStringLiteral("rock"));
        int items = 0, issues = 0;
        QVERIFY2(ann->exportManifestTo(manifest, &error, &items, &issues), qPrintable(error));
        QCOMPARE(items, 1);
        QVERIFY(issues >= 1);
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject item = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(item.value(QStringLiteral("path")).toString(), QStringLiteral("a.flac"));
        QCOMPARE(item.value(QStringLiteral("genre")).toString(), QStringLiteral("jazz"));
        QCOMPARE(item.value(QStringLiteral("mood")).toArray(), (QJsonArray{QStringLiteral("calm"), QStringLiteral("tense")}));
        QCOMPARE(ann->exportAction()->objectName(), QStringLiteral("exportAnnotations"));
    }

    void reviewQueueDockSelectsTrack()
    {
        Window win = openWindow();
        QVERIFY(win.w);
        AnnotationController *ann = win.w->annotation();
        QTableView *view = ann->queueView();
        QCOMPARE(view->model()->rowCount(), 3);
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->index(0, 0).data(ReviewQueueModel::TrackIdRole).toLongLong(), win.f.b);
        // Hidden by a search, the track is still found: the filter gives way.
        win.w->searchField()->setText(QStringLiteral("Charlie"));
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(ann->currentTrackId(), win.f.b);
        QVERIFY(win.w->searchField()->text().isEmpty());
        // Annotated from the panel, it leaves the queue; the next most uncertain is first.
        win.w->predictionsPanel()->acceptPredictions();
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->index(0, 0).data(ReviewQueueModel::TrackIdRole).toLongLong(), win.f.a);
        QVERIFY(win.w->findChild<QDockWidget *>(QStringLiteral("reviewQueueDock")));
    }
};

QTEST_MAIN(TestAnnotation)
#include "tst_annotation.moc"
