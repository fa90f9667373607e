#pragma once

#include "trackdata.h"

#include <QWidget>

#include <memory>
#include <utility>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPItemStraightLine;
class QCPItemText;

namespace spectag::ui {

// The track's spectrogram as a QCustomPlot colour map: time across, frequency up, dB as colour.
// The STFT is precomputed (TrackData); this view only resamples its bins into rows of the chosen
// frequency scale when the track or the scale changes. Following the playhead then costs one
// axis-range change and a replot of the cached map image, so it scrolls at display rate.
class SpectrogramView : public QWidget {
    Q_OBJECT
public:
    enum class FrequencyScale { Linear, Log, Mel };
    Q_ENUM(FrequencyScale)
    static constexpr int kRows = 256;

    explicit SpectrogramView(QWidget *parent = nullptr);
    ~SpectrogramView() override;

    void setTrack(std::shared_ptr<const TrackData> data);
    void setMessage(const QString &message);
    void setPosition(double seconds);                 // moves the playhead line
    void setVisibleRange(double start, double end);   // the time axis
    void setGradientPreset(int preset);               // a QCPColorGradient::GradientPreset
    int gradientPreset() const { return m_preset; }
    void setDbRange(double db);                       // colours span [max - db, max]
    double dbRange() const { return m_dbRange; }
    void setFrequencyScale(FrequencyScale scale);
    FrequencyScale frequencyScale() const { return m_scale; }

    // Row coordinate (0..kRows) <-> Hz for the current scale; the axis ticks use these too.
    double rowForHz(double hz) const;
    double hzForRow(double row) const;

    // Replots now and returns how long the replot took (ms): the live-scroll frame cost.
    double replotNow();
    QCustomPlot *plot() const { return m_plot; }
    // Where the time axis runs in this widget's x coordinates: [left, right) of the plot area.
    // The zoomed waveform and the segment lanes line up with it (timeAxisChanged on every move).
    std::pair<int, int> timeAxisSpan() const;
    // Keeps at least `pixels` left of the time axis (room for the segment lanes' head names).
    void setMinimumAxisLeft(int pixels);

    QSize sizeHint() const override { return {600, 220}; }

Q_SIGNALS:
    void seekRequested(double seconds);
    void zoomRequested(double factor, double anchorSeconds);
    void timeAxisChanged(int left, int right);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildMap();
    void updateTicks();
    void applyPalette();

    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scaleBar;
    QCPItemStraightLine *m_playhead;
    QCPItemText *m_messageItem;
    std::shared_ptr<const TrackData> m_data;
    int m_preset;
    double m_dbRange = 80;
    FrequencyScale m_scale = FrequencyScale::Log;
    std::pair<int, int> m_axisSpan{0, 0};  // last reported by timeAxisChanged
};

} // namespace spectag::ui
