#pragma once

#include "trackdata.h"

#include <QColor>
#include <QPixmap>
#include <QWidget>

#include <memory>
#include <optional>

namespace spectag::ui {

// A min/max waveform over a time range with a playhead. Two uses in the track view:
// the overview (whole track, the zoom window outlined, rendered once into a pixmap) and the zoom
// view (the visible range, re-aggregated per paint from the precomputed peaks). Click or drag
// to seek; the wheel asks for a zoom around the pointer. Shift+drag selects a region (plain
// drags seek), which a right-click offers for labelling (selectionMenuRequested); labelled
// regions (setRegions) are drawn as coloured bands over the waveform.
class WaveformView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Overview, Zoom };
    // A labelled stretch of the track (a segment annotation), drawn as a band with its text.
    struct Region {
        double start = 0, end = 0;  // seconds
        QString text;
        QColor color;
    };
    explicit WaveformView(Mode mode, QWidget *parent = nullptr);

    void setTrack(std::shared_ptr<const TrackData> data);
    void setMessage(const QString &message);  // shown instead of a waveform (loading, error)
    void setPosition(double seconds);
    void setVisibleRange(double start, double end);  // Zoom: what is shown; Overview: the outline
    // Zoom: the x span [left, right) the visible range is drawn across (the spectrogram's time
    // axis, so the two line up); right <= left: the whole width. The overview ignores it.
    void setTimeAxis(int left, int right);
    double position() const { return m_position; }
    double visibleStart() const { return m_start; }
    double visibleEnd() const { return m_end; }
    double duration() const { return m_data ? m_data->duration : 0; }

    void setRegions(const QList<Region> &regions);
    const QList<Region> &regions() const { return m_regions; }
    // The Shift+drag selection in seconds (start < end), if any.
    std::optional<std::pair<double, double>> selection() const;
    void setSelection(double start, double end);
    void clearSelection();
    double xToSeconds(double x) const { return xToTime(x); }
    double secondsToX(double t) const { return timeToX(t); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(double seconds);
    void zoomRequested(double factor, double anchorSeconds);
    void selectionChanged(double start, double end);  // a finished Shift+drag (start < end)
    void selectionMenuRequested(double start, double end, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    double shownStart() const { return m_mode == Mode::Overview ? 0.0 : m_start; }
    QRect plotArea() const;  // where the time axis runs
    double shownEnd() const;
    double xToTime(double x) const;
    double timeToX(double t) const;
    void drawPeaks(QPainter &p, const QRect &area) const;
    void drawRegions(QPainter &p) const;

    Mode m_mode;
    std::shared_ptr<const TrackData> m_data;
    QString m_message;
    double m_position = 0;
    double m_start = 0, m_end = 0;
    int m_axisLeft = 0, m_axisRight = 0;  // Zoom: setTimeAxis()
    QPixmap m_cache;  // Overview only: the waveform without the playhead
    QList<Region> m_regions;
    double m_selStart = 0, m_selEnd = 0;  // m_selEnd > m_selStart: a selection is shown
    double m_anchor = -1;                 // where the Shift+drag began, -1 when not selecting
};

} // namespace spectag::ui
