#include "segmenttimeline.h"

#include <QHash>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

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
    // A stable colour per label (the same mood is the same colour in every track, every run and
    // on every machine), spread over the hue circle by a string hash; saturation and value fixed
    // so light and dark palettes both work. The hash is FNV-1a over the UTF-8 bytes, written out
    // here because Qt 6's qHash mixes in a per-process seed: "calmness" changed colour with each
    // start of the app.
    quint32 h = 2166136261u;
    for (const char c : label.toUtf8()) {
        h ^= quint8(c);
        h *= 16777619u;
    }
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
    // A later segment of the same head is drawn on top of an earlier one it overlaps; the earlier
    // one shows only up to where the next begins. Per head in order of start, so an hour-long
    // track's thousands of segments cost a sort, not a pass over all of them for each.
    m_shownEnd.clear();
    for (const SegmentPrediction &s : segments)
        m_shownEnd.append(s.end);
    QHash<QString, QList<qsizetype>> byHead;
    for (qsizetype i = 0; i < segments.size(); ++i)
        byHead[segments.at(i).head].append(i);
    for (QList<qsizetype> &order : byHead) {
        std::stable_sort(order.begin(), order.end(),
                         [&](qsizetype a, qsizetype b) { return segments.at(a).start < segments.at(b).start; });
        for (qsizetype k = 0; k + 1 < order.size(); ++k) {
            // The next one that starts later (equal starts overlap whole, as before).
            qsizetype n = k + 1;
            while (n < order.size() && segments.at(order.at(n)).start <= segments.at(order.at(k)).start)
                ++n;
            if (n < order.size())
                m_shownEnd[order.at(k)] = std::min(m_shownEnd.at(order.at(k)), segments.at(order.at(n)).start);
        }
    }
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

void SegmentTimeline::setVisibleRange(double start, double end)
{
    if (start == m_from && end == m_to)
        return;
    m_from = start;
    m_to = end;
    update();
}

void SegmentTimeline::setTimeAxis(int left, int right)
{
    if (left == m_axisLeft && right == m_axisRight)
        return;
    m_axisLeft = left;
    m_axisRight = right;
    update();
}

std::pair<double, double> SegmentTimeline::visibleRange() const
{
    return m_to > m_from ? std::pair{m_from, m_to} : std::pair{0.0, m_duration};
}

QRect SegmentTimeline::plotArea() const
{
    if (m_axisRight > m_axisLeft)
        return QRect(m_axisLeft, 0, std::min(m_axisRight, width()) - m_axisLeft, height());
    return QRect(headerWidth(), 0, width() - headerWidth(), height());
}

double SegmentTimeline::timeToX(double seconds) const
{
    const auto [from, to] = visibleRange();
    const QRect a = plotArea();
    return a.left() + (seconds - from) / std::max(1e-9, to - from) * a.width();
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
    const QRectF r(QPointF(timeToX(s.start), kGap + row * (kRowHeight + kGap)),
                   QPointF(timeToX(m_shownEnd.at(index)), kGap + row * (kRowHeight + kGap) + kRowHeight));
    // Out of view (zoomed in elsewhere): nothing drawn, nothing to click.
    return r.intersected(QRectF(plotArea()));
}

int SegmentTimeline::segmentAt(const QPointF &pos) const
{
    // Segments overlap when their hop is shorter than their length: the later one is on top.
    for (int i = int(m_segments.size()) - 1; i >= 0; --i)
        if (const QRectF r = segmentRect(i); !r.isEmpty() && r.contains(pos))
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
    const int names = std::max(0, plotArea().left() - 6);  // the head names' room, elided if narrow
    for (int r = 0; r < m_heads.size(); ++r)
        p.drawText(QRect(2, kGap + r * (kRowHeight + kGap), names, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(m_heads.at(r), Qt::ElideRight, names));
    for (int i = 0; i < m_segments.size(); ++i) {
        const SegmentPrediction &s = m_segments.at(i);
        const QRectF r = segmentRect(i);
        if (r.isEmpty())
            continue;
        QColor c = colorForLabel(s.label);
        c.setAlphaF(float(0.35 + 0.65 * std::clamp(s.probability, 0.0, 1.0)));
        p.fillRect(r.adjusted(0, 0, -1, 0), c);
        const QString text = fontMetrics().elidedText(s.label, Qt::ElideRight, int(r.width()) - 4);
        if (text.size() > 1 && !text.startsWith(QChar(0x2026))) {
            p.setPen(Qt::black);
            p.drawText(r.adjusted(3, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    const double x = timeToX(m_position);
    if (x >= plotArea().left() && x <= plotArea().right() + 1) {
        p.setPen(QPen(QColor(230, 60, 50), 2));
        p.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
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
