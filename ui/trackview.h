#pragma once

#include "predictiontypes.h"
#include "trackdata.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QAudioOutput;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QSpinBox;
class QTimer;
class QToolButton;

namespace spectag::ui {

class SegmentTimeline;
class SpectrogramView;
class WaveformView;

// One track as a Sonic Visualiser / Mixxx user expects to see it: a whole-track waveform
// overview, a zoomable waveform and a spectrogram over the same time range, the per-segment
// prediction timeline, and a transport. Playback is QMediaPlayer; the playhead is interpolated
// between the player's (coarse) position reports by a display-rate timer, and while playing the
// zoom views follow it. All decoding happens in TrackDataLoader's worker.
class TrackView : public QWidget {
    Q_OBJECT
public:
    explicit TrackView(QWidget *parent = nullptr);
    ~TrackView() override;

    void loadTrack(const QString &path, const QString &title = {});
    QString path() const { return m_path; }
    std::shared_ptr<const TrackData> data() const { return m_data; }
    void setSegments(const QList<SegmentPrediction> &segments);

    double position() const { return m_position; }
    double visibleStart() const { return m_start; }
    double visibleEnd() const { return m_end; }
    bool isPlaying() const;
    bool followsPlayhead() const { return m_follow; }

    WaveformView *overview() const { return m_overview; }
    WaveformView *waveform() const { return m_waveform; }
    SpectrogramView *spectrogram() const { return m_spectrogram; }
    SegmentTimeline *timeline() const { return m_timeline; }
    TrackDataLoader *loader() const { return m_loader; }
    QMediaPlayer *player() const { return m_player; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlayback();
    void seek(double seconds);            // moves the playhead (and the player) and shows it
    void seekRelative(double seconds);
    void playSegment(double start, double end);
    void zoomBy(double factor, double anchorSeconds = -1);  // < 1 zooms in
    void zoomIn() { zoomBy(0.5); }
    void zoomOut() { zoomBy(2.0); }
    void zoomToFit();
    void setVisibleRange(double start, double end);
    void setFollowPlayhead(bool follow);
    // The playhead at a position as if playback had reached it: every view follows.
    void setPlayheadPosition(double seconds);

Q_SIGNALS:
    void trackLoaded(const QString &path);
    void positionChanged(double seconds);
    void seeked(double seconds);
    void playingChanged(bool playing);

private:
    void buildUi();
    void onLoaded(std::shared_ptr<const spectag::ui::TrackData> data);
    void onFrame();
    void applyRange();
    void updateTimeLabel();

    TrackDataLoader *m_loader;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    QTimer *m_frameTimer;
    QElapsedTimer m_sinceReport;
    double m_reported = 0;     // last position the player reported (s)
    double m_stopAt = -1;      // end of a segment being played

    WaveformView *m_overview;
    WaveformView *m_waveform;
    SpectrogramView *m_spectrogram;
    SegmentTimeline *m_timeline;
    QToolButton *m_playButton;
    QLabel *m_title;
    QLabel *m_time;
    QComboBox *m_gradient;
    QComboBox *m_scale;
    QSpinBox *m_dbRange;

    QString m_path;
    std::shared_ptr<const TrackData> m_data;
    QList<SegmentPrediction> m_segments;
    double m_position = 0;
    double m_start = 0, m_end = 0;
    bool m_follow = true;
};

} // namespace spectag::ui
