#include "segmenttimeline.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace spectag::ui {

namespace {
constexpr int kRowHeight = 22;
constexpr int kGap = 2;
} // namespace

SegmentTimeline::SegmentTimeline(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(tr("No segment predictions: analyse the track to see its mood and genre over time."))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize SegmentTimeline::sizeHint() const
{
    return {600, std::max<int>(1, int(m_heads.size())) * (kRowHeight + kGap) + kGap};
}

QSize SegmentTimeline::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

QColor SegmentTimeline::colorForLabel(const QString &label)
{
    // A stable colour per label (the same mood is the same colour in every track), spread over the
    // hue circle by a string hash; saturation and value fixed so light and dark palettes both work.
    const size_t h = qHash(label, 0x5eed);
    return QColor::fromHsv(int(h % 360), 150 + int((h >> 9) % 60), 200);
}

void SegmentTimeline::setSegments(const QList<SegmentPrediction> &segments, double duration)
{
    m_segments = segments;
    m_duration = duration;
    m_heads.clear();
    for (const SegmentPrediction &s : segments)
        if (!m_heads.contains(s.head))
            m_heads.append(s.head);
    updateGeometry();
    update();
}

void SegmentTimeline::setPosition(double seconds)
{
    if (seconds == m_position)
        return;
    m_position = seconds;
    update();
}

void SegmentTimeline::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

int SegmentTimeline::headerWidth() const
{
    int w = 0;
    for (const QString &h : m_heads)
        w = std::max(w, fontMetrics().horizontalAdvance(h));
    return m_heads.isEmpty() ? 0 : w + 10;
}

QRectF SegmentTimeline::segmentRect(int index) const
{
    if (index < 0 || index >= m_segments.size() || m_duration <= 0)
        return {};
    const SegmentPrediction &s = m_segments.at(index);
    const int row = int(m_heads.indexOf(s.head));
    const double x0 = headerWidth(), w = width() - x0;
    return QRectF(QPointF(x0 + s.start / m_duration * w, kGap + row * (kRowHeight + kGap)),
                  QPointF(x0 + s.end / m_duration * w, kGap + row * (kRowHeight + kGap) + kRowHeight));
}

int SegmentTimeline::segmentAt(const QPointF &pos) const
{
    // Segments overlap when their hop is shorter than their length: the later one is on top.
    for (int i = int(m_segments.size()) - 1; i >= 0; --i)
        if (segmentRect(i).contains(pos))
            return i;
    return -1;
}

void SegmentTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window));
    if (m_segments.isEmpty() || m_duration <= 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    p.setPen(pal.color(QPalette::WindowText));
    for (int r = 0; r < m_heads.size(); ++r)
        p.drawText(QRect(2, kGap + r * (kRowHeight + kGap), headerWidth() - 4, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, m_heads.at(r));
    for (int i = 0; i < m_segments.size(); ++i) {
        const SegmentPrediction &s = m_segments.at(i);
        const QRectF r = segmentRect(i);
        QColor c = colorForLabel(s.label);
        c.setAlphaF(float(0.35 + 0.65 * std::clamp(s.probability, 0.0, 1.0)));
        p.fillRect(r.adjusted(0, 0, -1, 0), c);
        const QString text = fontMetrics().elidedText(s.label, Qt::ElideRight, int(r.width()) - 4);
        if (text.size() > 1 && !text.startsWith(QChar(0x2026))) {
            p.setPen(Qt::black);
            p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    const double x = headerWidth() + m_position / m_duration * (width() - headerWidth());
    p.setPen(QPen(QColor(230, 60, 50), 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
}

void SegmentTimeline::mousePressEvent(QMouseEvent *event)
{
    const int i = segmentAt(event->position());
    if (event->button() == Qt::LeftButton && i >= 0)
        Q_EMIT segmentActivated(m_segments.at(i).start, m_segments.at(i).end);
}

bool SegmentTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(event);
        const int i = segmentAt(he->pos());
        if (i >= 0) {
            const SegmentPrediction &s = m_segments.at(i);
            QToolTip::showText(he->globalPos(), tr("%1: %2 (%3 %)\n%4 s \u2013 %5 s, click to play")
                                                    .arg(s.head, s.label).arg(qRound(s.probability * 100))
                                                    .arg(s.start, 0, 'f', 1).arg(s.end, 0, 'f', 1), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace spectag::ui
