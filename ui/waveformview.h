#pragma once

#include "trackdata.h"

#include <QPixmap>
#include <QWidget>

#include <memory>

namespace spectag::ui {

// A min/max waveform over a time range with a playhead. Two uses in the track view:
// the overview (whole track, the zoom window outlined, rendered once into a pixmap) and the zoom
// view (the visible range, re-aggregated per paint from the precomputed peaks). Click or drag
// to seek; the wheel asks for a zoom around the pointer.
class WaveformView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Overview, Zoom };
    explicit WaveformView(Mode mode, QWidget *parent = nullptr);

    void setTrack(std::shared_ptr<const TrackData> data);
    void setMessage(const QString &message);  // shown instead of a waveform (loading, error)
    void setPosition(double seconds);
    void setVisibleRange(double start, double end);  // Zoom: what is shown; Overview: the outline
    double position() const { return m_position; }
    double visibleStart() const { return m_start; }
    double visibleEnd() const { return m_end; }
    double duration() const { return m_data ? m_data->duration : 0; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(double seconds);
    void zoomRequested(double factor, double anchorSeconds);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    double shownStart() const { return m_mode == Mode::Overview ? 0.0 : m_start; }
    double shownEnd() const;
    double xToTime(double x) const;
    double timeToX(double t) const;
    void drawPeaks(QPainter &p, const QRect &area) const;

    Mode m_mode;
    std::shared_ptr<const TrackData> m_data;
    QString m_message;
    double m_position = 0;
    double m_start = 0, m_end = 0;
    QPixmap m_cache;  // Overview only: the waveform without the playhead
};

} // namespace spectag::ui
