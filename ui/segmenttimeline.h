#pragma once

#include "predictiontypes.h"

#include <QWidget>

namespace spectag::ui {

// Per-segment predictions of a track over its whole length: one row per head, one coloured block
// per segment (the label's colour, opacity = probability), labels drawn where they fit.
// Clicking a block asks to play that segment.
class SegmentTimeline : public QWidget {
    Q_OBJECT
public:
    explicit SegmentTimeline(QWidget *parent = nullptr);

    void setSegments(const QList<SegmentPrediction> &segments, double duration);
    const QList<SegmentPrediction> &segments() const { return m_segments; }
    void setPosition(double seconds);
    double position() const { return m_position; }
    void setPlaceholder(const QString &text);

    QStringList heads() const { return m_heads; }
    QRectF segmentRect(int index) const;       // where segment `index` is drawn
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
    int headerWidth() const;

    QList<SegmentPrediction> m_segments;
    QStringList m_heads;
    double m_duration = 0;
    double m_position = 0;
    QString m_placeholder;
};

} // namespace spectag::ui
