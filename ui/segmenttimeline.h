#pragma once

#include "predictiontypes.h"

#include <QWidget>

#include <utility>

namespace spectag::ui {

// Per-segment predictions of a track: one row per head, one coloured block per segment (the
// label's colour, opacity = probability), labels drawn where they fit. Segments overlap (6 s
// every 3 s): a segment is drawn up to where the next one of its head begins, so each block is
// one hop long and no label shows through another's translucent block. Clicking a block asks to
// play that segment. It shows the whole track unless given a visible range; the track view gives
// it the spectrogram's range and time axis, so each lane sits under the music it describes.
class SegmentTimeline : public QWidget {
    Q_OBJECT
public:
    explicit SegmentTimeline(QWidget *parent = nullptr);

    void setSegments(const QList<SegmentPrediction> &segments, double duration);
    const QList<SegmentPrediction> &segments() const { return m_segments; }
    void setPosition(double seconds);
    // The time range shown (end <= start: the whole track) and the x span [left, right) it is
    // drawn across (right <= left: from after the head names to the right edge). The head names
    // sit left of the span.
    void setVisibleRange(double start, double end);
    void setTimeAxis(int left, int right);
    std::pair<double, double> visibleRange() const;
    int headerWidth() const;  // what the head names need (0 without segments)
    double position() const { return m_position; }
    void setPlaceholder(const QString &text);

    QStringList heads() const { return m_heads; }
    QRectF segmentRect(int index) const;       // where segment `index` is drawn (clipped to the view)
    static QColor colorForLabel(const QString &label);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void segmentActivated(double start, double end);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;  // tool tips

private:
    int segmentAt(const QPointF &pos) const;
    QRect plotArea() const;  // where the time axis runs
    double timeToX(double seconds) const;

    QList<SegmentPrediction> m_segments;
    QList<double> m_shownEnd;  // per segment: its end, or the start of the next one on top of it
    QStringList m_heads;
    double m_duration = 0;
    double m_position = 0;
    double m_from = 0, m_to = 0;          // setVisibleRange
    int m_axisLeft = 0, m_axisRight = 0;  // setTimeAxis
    QString m_placeholder;
};

} // namespace spectag::ui
