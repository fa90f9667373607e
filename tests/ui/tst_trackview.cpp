// The track view's widgets render real decoded audio: the waveform follows the signal's envelope,
// the spectrogram's bright row sits at the tone's frequency on every frequency scale, the timeline
// asks to play the clicked segment, and the playhead and followed views track a position.
#include "common/testutil.h"

#include "ui/predictionspanel.h"
#include "ui/segmenttimeline.h"
#include "ui/spectrogramview.h"
#include "ui/trackdata.h"
#include "ui/trackview.h"
#include "ui/waveformview.h"

#include "ui/qcp.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace spectag::ui;

namespace {
// Height in pixels of the non-background run in column x (the waveform's min..max line).
int columnExtent(const QImage &img, int x, QRgb background)
{
    int top = -1, bottom = -1;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb c = img.pixel(x, y);
        if (qAbs(qRed(c) - qRed(background)) + qAbs(qGreen(c) - qGreen(background)) + qAbs(qBlue(c) - qBlue(background)) > 60) {
            if (top < 0)
                top = y;
            bottom = y;
        }
    }
    return top < 0 ? 0 : bottom - top + 1;
}

bool isPlayheadRed(QRgb c)
{
    return qRed(c) > 180 && qGreen(c) < 110 && qBlue(c) < 110;
}
} // namespace

class TestTrackView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_envelope;  // 2 s at amplitude 0.1, then 2 s at 0.8
    QString m_tone;      // 1 kHz, 3 s

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_envelope = testutil::makeAudio(m_dir.path(), QStringLiteral("envelope.flac"), 4,
                                         QStringLiteral("aevalsrc='if(lt(t,2),0.1,0.8)*sin(2*PI*440*t)':s=44100"), 1);
        m_tone = testutil::makeAudio(m_dir.path(), QStringLiteral("tone 1k \u00e9.ogg"), 3,
                                     QStringLiteral("aevalsrc='0.5*sin(2*PI*1000*t)':s=44100"), 2);
        QVERIFY(!m_envelope.isEmpty() && !m_tone.isEmpty());
    }

    void peaksFollowTheSignal()
    {
        const auto data = TrackDataLoader::compute(m_envelope);
        QVERIFY(data && data->error.isEmpty());
        QCOMPARE_LT(qAbs(data->duration - 4.0), 0.05);
        float lo = 0, hi = 0;
        QVERIFY(data->peaks.range(0.2, 1.8, &lo, &hi));
        QCOMPARE_LT(qAbs(hi - 0.1f), 0.02f);
        QCOMPARE_LT(qAbs(lo + 0.1f), 0.02f);
        QVERIFY(data->peaks.range(2.2, 3.8, &lo, &hi));
        QCOMPARE_LT(qAbs(hi - 0.8f), 0.05f);
        // The spectrogram covers the same time: one column per hop.
        const double fps = data->frontEnd.framesPerSecond();
        QCOMPARE_LT(qAbs(data->spectrogram.frames() - data->duration * fps), 3.0);
    }

    void waveformRendersEnvelope()
    {
        WaveformView view(WaveformView::Mode::Zoom);
        view.resize(400, 100);
        view.setTrack(TrackDataLoader::compute(m_envelope));
        view.setVisibleRange(0, 4);
        view.setPosition(-1);  // no playhead in the picture
        const QImage img = view.grab().toImage();
        const QRgb bg = view.palette().color(QPalette::Base).rgb();
        double quiet = 0, loud = 0;
        for (int x = 20; x < 180; ++x)
            quiet += columnExtent(img, x, bg);
        for (int x = 220; x < 380; ++x)
            loud += columnExtent(img, x, bg);
        quiet /= 160;
        loud /= 160;
        // Amplitude 0.1 spans ~10 % of the height, 0.8 spans ~80 %.
        QVERIFY2(quiet > 4 && quiet < 20, qPrintable(QString::number(quiet)));
        QVERIFY2(loud > 70 && loud < 95, qPrintable(QString::number(loud)));
        QVERIFY(loud / quiet > 5);
    }

    void spectrogramBrightRowAtToneFrequency_data()
    {
        QTest::addColumn<int>("scale");
        QTest::newRow("linear") << int(SpectrogramView::FrequencyScale::Linear);
        QTest::newRow("log") << int(SpectrogramView::FrequencyScale::Log);
        QTest::newRow("mel") << int(SpectrogramView::FrequencyScale::Mel);
    }

    void spectrogramBrightRowAtToneFrequency()
    {
        QFETCH(int, scale);
        SpectrogramView view;
        view.resize(600, 400);
        view.setGradientPreset(QCPColorGradient::gpGrayscale);  // brightness = level
        view.setFrequencyScale(SpectrogramView::FrequencyScale(scale));
        const auto data = TrackDataLoader::compute(m_tone);
        QVERIFY(data && data->error.isEmpty());
        view.setTrack(data);
        view.setVisibleRange(0, data->duration);
        view.setPosition(-10);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.replotNow();
        const QImage img = view.grab().toImage();
        const QRect plotArea = view.plot()->axisRect()->rect();
        QVERIFY(plotArea.height() > 100);
        for (double t : {0.8, 1.5, 2.2}) {
            const int x = int(view.plot()->xAxis->coordToPixel(t));
            int bestY = -1, best = -1;
            for (int y = plotArea.top() + 1; y < plotArea.bottom(); ++y)
                if (qGray(img.pixel(x, y)) > best) {
                    best = qGray(img.pixel(x, y));
                    bestY = y;
                }
            const double hz = view.hzForRow(view.plot()->yAxis->pixelToCoord(bestY));
            QVERIFY2(qAbs(hz - 1000) < 60, qPrintable(QStringLiteral("t=%1: brightest at %2 Hz").arg(t).arg(hz)));
            // Far from the tone the picture is dark: the colour range is the track's own.
            const int yFar = int(view.plot()->yAxis->coordToPixel(view.rowForHz(3500)));
            QVERIFY(qGray(img.pixel(x, yFar)) < best - 100);
        }
    }

    void realMusicLoadsThroughTheWorker()
    {
        const QStringList files = testutil::realMusicFiles(1);
        if (files.isEmpty())
            QSKIP("wesnoth-1.16-music is not installed");
        TrackView view;
        view.resize(900, 500);
        QSignalSpy loaded(&view, &TrackView::trackLoaded);
        view.loadTrack(files.first());
        QVERIFY(loaded.wait(120000));
        const auto data = view.data();
        QVERIFY(data && data->error.isEmpty());
        QVERIFY(data->duration > 30);
        float lo = 0, hi = 0;
        QVERIFY(data->peaks.range(0, data->duration, &lo, &hi));
        QVERIFY(hi > 0.1f && lo < -0.1f);  // real music, not silence
        QCOMPARE(view.waveform()->duration(), data->duration);
        // Cached: asking again answers from memory, through the same signal.
        QSignalSpy again(view.loader(), &TrackDataLoader::loaded);
        view.loader()->request(files.first());
        QVERIFY(again.wait(1000));
        QCOMPARE(again.first().first().value<std::shared_ptr<const TrackData>>().get(), data.get());
    }

    void badFileShowsError()
    {
        const QString bad = m_dir.filePath(QStringLiteral("broken.mp3"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        TrackView view;
        QSignalSpy loaded(view.loader(), &TrackDataLoader::loaded);
        view.loadTrack(bad);
        QVERIFY(loaded.wait(30000));
        QVERIFY(view.data());
        QVERIFY(!view.data()->error.isEmpty());
        QVERIFY(view.data()->error.contains(QStringLiteral("broken.mp3")));
    }

    // A label has one colour in every run of the app and on every machine. The values are FNV-1a
    // of the label's UTF-8 (hue = hash mod 360), worked out by hand once. Qt's qHash, used before,
    // is seeded per process, so these rows failed in almost every run.
    void labelColoursAreTheSameInEveryRun_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("hue");
        QTest::addColumn<int>("saturation");
        QTest::newRow("calmness") << QStringLiteral("calmness") << 141 << 156;
        QTest::newRow("classical") << QStringLiteral("classical") << 222 << 193;
        QTest::newRow("Q1") << QStringLiteral("Q1") << 303 << 157;
    }

    void labelColoursAreTheSameInEveryRun()
    {
        QFETCH(QString, label);
        QFETCH(int, hue);
        QFETCH(int, saturation);
        const QColor c = SegmentTimeline::colorForLabel(label);
        QCOMPARE(c.hsvHue(), hue);
        QCOMPARE(c.hsvSaturation(), saturation);
        QCOMPARE(c.value(), 200);
    }

    void timelineClickAsksToPlaySegment()
    {
        SegmentTimeline timeline;
        timeline.resize(600, 60);
        const QList<SegmentPrediction> segs = {
            {0, 3, QStringLiteral("mood"), QStringLiteral("calm"), 0.9},
            {3, 6, QStringLiteral("mood"), QStringLiteral("tense"), 0.6},
            {0, 6, QStringLiteral("genre"), QStringLiteral("film score"), 0.8},
        };
        timeline.setSegments(segs, 6);
        QCOMPARE(timeline.heads(), (QStringList{QStringLiteral("mood"), QStringLiteral("genre")}));
        QSignalSpy spy(&timeline, &SegmentTimeline::segmentActivated);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, timeline.segmentRect(1).center().toPoint());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toDouble(), 3.0);
        QCOMPARE(spy.at(0).at(1).toDouble(), 6.0);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, timeline.segmentRect(2).center().toPoint());
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(1).toDouble(), 6.0);
        QCOMPARE(spy.at(1).at(0).toDouble(), 0.0);
        // The block is drawn in its label's colour.
        const QImage img = timeline.grab().toImage();
        const QPoint inTense = timeline.segmentRect(1).topLeft().toPoint() + QPoint(2, 2);
        const QColor want = SegmentTimeline::colorForLabel(QStringLiteral("tense"));
        QCOMPARE_LT(qAbs(QColor(img.pixel(inTense)).hue() - want.hue()), 12);
    }

    // Analysis segments overlap (6 s every 3 s). Each is drawn up to where the next one of its
    // head begins, so the lane reads as one block per hop and an earlier label does not show
    // through the later block's translucent fill.
    void overlappingSegmentsAreDrawnOneHopLong()
    {
        SegmentTimeline timeline;
        timeline.resize(360, 60);
        const QString longLabel = QStringLiteral("joyful activation");
        const QList<SegmentPrediction> segs = {
            {0, 6, QStringLiteral("mood"), longLabel, 0.5},
            {3, 9, QStringLiteral("mood"), QStringLiteral("calm"), 0.5},
            {6, 12, QStringLiteral("mood"), QStringLiteral("calm"), 0.5},
            {0, 12, QStringLiteral("genre"), QStringLiteral("rock"), 0.9},
        };
        timeline.setSegments(segs, 12);
        const QRectF first = timeline.segmentRect(0), second = timeline.segmentRect(1), last = timeline.segmentRect(2);
        const double perSecond = timeline.segmentRect(3).width() / 12;
        QCOMPARE_LE(qAbs(first.width() - 3 * perSecond), 1.0);  // 0..3 s: the second starts at 3
        QCOMPARE_LE(qAbs(first.right() - second.left()), 1.0);
        QCOMPARE_LE(qAbs(second.width() - 3 * perSecond), 1.0);
        QCOMPARE_LE(qAbs(last.width() - 6 * perSecond), 1.0);   // the last one runs to its end
        // The long label is elided to its block instead of running under the next one.
        QCOMPARE_GE(timeline.fontMetrics().horizontalAdvance(longLabel), int(3 * perSecond));
        // A click on the overlap plays the segment on top, the one whose block is shown there.
        QSignalSpy spy(&timeline, &SegmentTimeline::segmentActivated);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPointF(first.right() + perSecond, first.center().y()).toPoint());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toDouble(), 3.0);
    }

    void trackViewSeeksFromTimelineAndWaveform()
    {
        TrackView view;
        view.resize(800, 500);
        QSignalSpy loaded(&view, &TrackView::trackLoaded);
        view.loadTrack(m_envelope);
        QVERIFY(loaded.wait(30000));
        view.setSegments({{1.0, 2.5, QStringLiteral("mood"), QStringLiteral("calm"), 0.7}});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy seeked(&view, &TrackView::seeked);
        QTest::mouseClick(view.timeline(), Qt::LeftButton, {}, view.timeline()->segmentRect(0).center().toPoint());
        QCOMPARE(seeked.size(), 1);
        QCOMPARE(seeked.first().first().toDouble(), 1.0);
        view.pause();
        // Clicking the overview at 3/4 of its width seeks to 3/4 of the track.
        QTest::mouseClick(view.overview(), Qt::LeftButton, {}, QPoint(view.overview()->width() * 3 / 4, 5));
        QCOMPARE(seeked.size(), 2);
        QCOMPARE_LT(qAbs(seeked.last().first().toDouble() - 3.0), 0.05);
        QCOMPARE_LT(qAbs(view.position() - 3.0), 0.05);
    }

    // The zoomed waveform, the spectrogram and the segment lanes share one time axis: a moment is
    // at the same x in all three, whatever the zoom. The lanes used to span the whole track under
    // a zoomed spectrogram, and the waveform the whole widget width beside the spectrogram's
    // frequency labels and colour scale, so nothing lined up.
    void waveformSpectrogramAndLanesShareOneTimeAxis()
    {
        TrackView view;
        view.resize(900, 500);
        QSignalSpy loaded(&view, &TrackView::trackLoaded);
        view.loadTrack(m_envelope);
        QVERIFY(loaded.wait(30000));
        QList<SegmentPrediction> lanes;
        for (int i = 0; i < 4; ++i)
            lanes.append({double(i), i + 1.0, QStringLiteral("mood"), i % 2 ? QStringLiteral("tense") : QStringLiteral("calm"), 0.7});
        view.setSegments(lanes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setVisibleRange(1.0, 3.0);
        view.spectrogram()->replotNow();
        QCustomPlot *plot = view.spectrogram()->plot();
        const auto spectrogramX = [&](double t) {
            return plot->mapTo(&view, QPoint(int(std::lround(plot->xAxis->coordToPixel(t))), 0)).x();
        };
        const auto inView = [&](QWidget *w, double x) { return w->mapTo(&view, QPoint(int(std::lround(x)), 0)).x(); };
        // The spectrogram keeps room for its labels and colour scale: the axis is narrower than the view.
        const auto [left, right] = view.spectrogram()->timeAxisSpan();
        QVERIFY2(left > 10 && right < view.spectrogram()->width() - 10, qPrintable(QStringLiteral("%1..%2").arg(left).arg(right)));
        for (const double t : {1.0, 1.5, 2.25, 3.0}) {
            QCOMPARE_LE(qAbs(inView(view.waveform(), view.waveform()->secondsToX(t)) - spectrogramX(t)), 1);
            QCOMPARE_LE(qAbs(view.waveform()->xToSeconds(view.waveform()->secondsToX(t)) - t), 1e-9);
        }
        // The lane of 1..2 s lies under 1..2 s of the spectrogram, and 2..3 s ends where its axis ends.
        const QRectF second = view.timeline()->segmentRect(1), third = view.timeline()->segmentRect(2);
        QCOMPARE_LE(qAbs(inView(view.timeline(), second.left()) - spectrogramX(1.0)), 1);
        QCOMPARE_LE(qAbs(inView(view.timeline(), second.right()) - spectrogramX(2.0)), 1);
        QCOMPARE_LE(qAbs(inView(view.timeline(), third.right()) - spectrogramX(3.0)), 1);
        // Out of view: not drawn and not clickable.
        QVERIFY(view.timeline()->segmentRect(0).isEmpty());
        QVERIFY(view.timeline()->segmentRect(3).isEmpty());
        QSignalSpy activated(view.timeline(), &SegmentTimeline::segmentActivated);
        QTest::mouseClick(view.timeline(), Qt::LeftButton, {}, QPoint(2, 8));  // the head names' column
        QCOMPARE(activated.size(), 0);
        // Back to the whole track: the lanes follow.
        view.zoomToFit();
        view.spectrogram()->replotNow();
        QCOMPARE_LE(qAbs(inView(view.timeline(), view.timeline()->segmentRect(0).left()) - spectrogramX(0.0)), 1);
        QCOMPARE_LE(qAbs(inView(view.timeline(), view.timeline()->segmentRect(3).right()) - spectrogramX(4.0)), 1);
        // A head name wider than the frequency labels widens the margin, so it is not cut short.
        lanes.append({0.0, 1.0, QStringLiteral("a rather long head name"), QStringLiteral("x"), 0.5});
        view.setSegments(lanes);
        view.spectrogram()->replotNow();
        QVERIFY(view.timeline()->headerWidth() > left);
        QCOMPARE_GE(view.spectrogram()->timeAxisSpan().first, view.timeline()->headerWidth());
        QCOMPARE_LE(qAbs(inView(view.timeline(), view.timeline()->segmentRect(0).left()) - spectrogramX(0.0)), 1);
    }

    void playheadFollowsPosition()
    {
        const QStringList real = testutil::realMusicFiles(1);
        TrackView view;
        view.resize(800, 500);
        QSignalSpy loaded(&view, &TrackView::trackLoaded);
        view.loadTrack(real.isEmpty() ? m_envelope : real.first());
        QVERIFY(loaded.wait(120000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double duration = view.data()->duration;
        view.setVisibleRange(0, duration / 4);
        const double target = duration * 0.6;  // outside the visible range: the views must scroll
        view.setPlayheadPosition(target);
        QCOMPARE(view.position(), target);
        QVERIFY(view.visibleStart() <= target && target <= view.visibleEnd());
        QCOMPARE_LT(qAbs(view.visibleEnd() - view.visibleStart() - duration / 4), 1e-6);  // the zoom is kept
        QCOMPARE(view.waveform()->position(), target);
        QCOMPARE(view.timeline()->position(), target);
        QCOMPARE(view.spectrogram()->plot()->xAxis->range().lower, view.visibleStart());
        // The red playhead line is drawn where the position maps to in the zoom waveform.
        const QImage img = view.waveform()->grab().toImage();
        const int x = int(view.waveform()->secondsToX(target));
        int red = 0;
        for (int dx = -2; dx <= 2; ++dx)
            red += isPlayheadRed(img.pixel(std::clamp(x + dx, 0, img.width() - 1), img.height() / 4)) ? 1 : 0;
        QVERIFY(red > 0);
        QVERIFY(!isPlayheadRed(img.pixel(std::clamp(x + 60, 0, img.width() - 1), img.height() / 4)));
        // Without following, the visible range stays put.
        view.setFollowPlayhead(false);
        const double start = view.visibleStart();
        view.setPlayheadPosition(duration * 0.05);
        QCOMPARE(view.visibleStart(), start);
    }

    void predictionsPanelBarsAndThresholds()
    {
        PredictionsPanel panel;
        panel.resize(300, 200);
        panel.setPredictions({{QStringLiteral("mood"), {QStringLiteral("calm"), QStringLiteral("tense")}, {0.25, 0.8}, {0.5, 0.6}}});
        const QImage img = panel.grab().toImage();
        const QColor highlight = panel.palette().color(QPalette::Highlight);
        for (const auto &[label, prob] : {std::pair(QStringLiteral("calm"), 0.25), std::pair(QStringLiteral("tense"), 0.8)}) {
            const QRectF bar = panel.barRect(QStringLiteral("mood"), label);
            QVERIFY(bar.width() > 50);
            const int y = int(bar.center().y());
            // Filled up to the probability, empty after it (skip the threshold tick).
            int filled = 0;
            const QRgb empty = img.pixel(int(bar.right()) - 1, y);
            for (int x = int(bar.left()) + 1; x < int(bar.right()); ++x)
                if (img.pixel(x, y) != empty && qAbs(x - panel.thresholdX(QStringLiteral("mood"), label)) > 2)
                    ++filled;
            QVERIFY2(qAbs(filled - prob * bar.width()) < 5, qPrintable(QStringLiteral("%1: %2 px").arg(label).arg(filled)));
        }
        // Above its threshold 'tense' is in the highlight colour; 'calm' below its threshold is not.
        const QRectF tense = panel.barRect(QStringLiteral("mood"), QStringLiteral("tense"));
        const QRectF calm = panel.barRect(QStringLiteral("mood"), QStringLiteral("calm"));
        QCOMPARE(QColor(img.pixel(int(tense.left()) + 3, int(tense.center().y()))), highlight);
        QVERIFY(QColor(img.pixel(int(calm.left()) + 3, int(calm.center().y()))) != highlight);
        QVERIFY(tense.top() < calm.top());  // sorted by probability
        QCOMPARE(panel.thresholdX(QStringLiteral("mood"), QStringLiteral("tense")), tense.left() + 0.6 * tense.width());
    }
};

QTEST_MAIN(TestTrackView)
#include "tst_trackview.moc"
