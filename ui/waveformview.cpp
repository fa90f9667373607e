#include "waveformview.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace spectag::ui {

WaveformView::WaveformView(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setCursor(Qt::IBeamCursor);
    setToolTip(mode == Mode::Overview ? tr("Whole track: click to seek") : tr("Click or drag to seek, wheel to zoom; Shift+drag selects a region to label (right-click it)"));
}

QSize WaveformView::sizeHint() const
{
    return {600, m_mode == Mode::Overview ? 48 : 110};
}

QSize WaveformView::minimumSizeHint() const
{
    return {100, m_mode == Mode::Overview ? 28 : 50};
}

void WaveformView::setTrack(std::shared_ptr<const TrackData> data)
{
    m_data = std::move(data);
    m_message = m_data && !m_data->error.isEmpty() ? m_data->error : QString();
    m_cache = {};
    if (m_data && m_end <= m_start)
        m_end = m_data->duration;
    update();
}

void WaveformView::setMessage(const QString &message)
{
    m_message = message;
    m_data.reset();
    m_cache = {};
    update();
}

void WaveformView::setPosition(double seconds)
{
    if (seconds == m_position)
        return;
    m_position = seconds;
    update();
}

void WaveformView::setVisibleRange(double start, double end)
{
    if (start == m_start && end == m_end)
        return;
    m_start = start;
    m_end = end;
    update();
}

double WaveformView::shownEnd() const
{
    if (m_mode == Mode::Overview || m_end <= m_start)
        return m_data ? std::max(m_data->duration, 1e-3) : 1.0;
    return m_end;
}

QRect WaveformView::plotArea() const
{
    if (m_mode == Mode::Zoom && m_axisRight > m_axisLeft)
        return QRect(m_axisLeft, 0, std::min(m_axisRight, width()) - m_axisLeft, height());
    return rect();
}

void WaveformView::setTimeAxis(int left, int right)
{
    if (left == m_axisLeft && right == m_axisRight)
        return;
    m_axisLeft = std::max(0, left);
    m_axisRight = right;
    update();
}

double WaveformView::xToTime(double x) const
{
    const QRect a = plotArea();
    const double w = std::max(1, a.width());
    return shownStart() + ((x - a.left()) / w) * (shownEnd() - shownStart());
}

double WaveformView::timeToX(double t) const
{
    const QRect a = plotArea();
    return a.left() + (t - shownStart()) / (shownEnd() - shownStart()) * a.width();
}

void WaveformView::drawPeaks(QPainter &p, const QRect &area) const
{
    const QPalette &pal = palette();
    p.fillRect(area, pal.color(QPalette::Base));
    const double mid = area.center().y() + 0.5;
    const double half = area.height() / 2.0 - 1;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(area.left(), mid), QPointF(area.right(), mid));
    if (!m_data || m_data->peaks.size() == 0)
        return;
    // Aggregating bucket ranges per column is O(visible buckets) and keeps the zoom view cheap to
    // repaint at 60 fps; the line per column is one QPainter call.
    QColor wave = pal.color(QPalette::Highlight);
    p.setPen(wave);
    const double t0 = shownStart(), span = shownEnd() - t0;
    const int w = area.width();
    for (int x = 0; x < w; ++x) {
        float lo = 0, hi = 0;
        const double a = t0 + span * x / w, b = t0 + span * (x + 1) / w;
        if (!m_data->peaks.range(a, b, &lo, &hi))
            continue;
        const double y1 = mid - std::clamp(hi, -1.f, 1.f) * half;
        const double y2 = mid - std::clamp(lo, -1.f, 1.f) * half;
        p.drawLine(QPointF(area.left() + x + 0.5, y1), QPointF(area.left() + x + 0.5, std::max(y2, y1 + 1)));
    }
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = rect();
    if (!m_message.isEmpty() || !m_data) {
        p.fillRect(r, palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, m_message.isEmpty() ? tr("No track") : m_message);
        return;
    }
    if (m_mode == Mode::Overview) {
        const qreal dpr = devicePixelRatioF();
        if (m_cache.size() != r.size() * dpr) {
            m_cache = QPixmap(r.size() * dpr);
            m_cache.setDevicePixelRatio(dpr);
            QPainter cp(&m_cache);
            drawPeaks(cp, r);
        }
        p.drawPixmap(0, 0, m_cache);
        // The zoom window, so the overview says which part the zoom view shows.
        if (m_end > m_start && (m_start > 0 || m_end < m_data->duration)) {
            const QRectF win(QPointF(timeToX(m_start), 0.5), QPointF(timeToX(m_end), r.height() - 0.5));
            QColor fill = palette().color(QPalette::Highlight);
            fill.setAlpha(40);
            p.fillRect(win, fill);
            p.setPen(palette().color(QPalette::Highlight).darker(130));
            p.drawRect(win);
        }
    } else {
        p.fillRect(r, palette().color(QPalette::Window));  // the margins beside the time axis
        drawPeaks(p, plotArea());
    }
    drawRegions(p);
    const double x = timeToX(m_position);
    if (x >= plotArea().left() && x <= plotArea().right() + 1) {
        p.setPen(QPen(QColor(230, 60, 50), 2));
        p.drawLine(QPointF(x, 0), QPointF(x, r.height()));
    }
}

void WaveformView::resizeEvent(QResizeEvent *event)
{
    m_cache = {};
    QWidget::resizeEvent(event);
}

void WaveformView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_cache = {};  // light/dark switch
    QWidget::changeEvent(event);
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_data)
        return;
    const double t = std::clamp(xToTime(event->position().x()), 0.0, m_data->duration);
    if (event->modifiers() & Qt::ShiftModifier) {
        m_anchor = t;
        m_selStart = m_selEnd = t;
        update();
        return;
    }
    clearSelection();
    Q_EMIT seekRequested(t);
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_data)
        return;
    const double t = std::clamp(xToTime(event->position().x()), 0.0, m_data->duration);
    if (m_anchor >= 0) {
        m_selStart = std::min(m_anchor, t);
        m_selEnd = std::max(m_anchor, t);
        update();
        return;
    }
    Q_EMIT seekRequested(t);
}

void WaveformView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_anchor < 0)
        return;
    m_anchor = -1;
    // A Shift+click without a drag selects nothing: a region needs at least a couple of pixels.
    if (timeToX(m_selEnd) - timeToX(m_selStart) < 2) {
        clearSelection();
        return;
    }
    Q_EMIT selectionChanged(m_selStart, m_selEnd);
}

void WaveformView::contextMenuEvent(QContextMenuEvent *event)
{
    if (const auto sel = selection()) {
        Q_EMIT selectionMenuRequested(sel->first, sel->second, event->globalPos());
        event->accept();
        return;
    }
    // No selection: a labelled region under the pointer is offered instead, to correct it.
    const double t = xToTime(event->pos().x());
    for (qsizetype i = m_regions.size() - 1; i >= 0; --i) {
        if (t >= m_regions.at(i).start && t <= m_regions.at(i).end) {
            Q_EMIT selectionMenuRequested(m_regions.at(i).start, m_regions.at(i).end, event->globalPos());
            event->accept();
            return;
        }
    }
    QWidget::contextMenuEvent(event);
}

std::optional<std::pair<double, double>> WaveformView::selection() const
{
    if (m_selEnd > m_selStart)
        return std::pair(m_selStart, m_selEnd);
    return std::nullopt;
}

void WaveformView::setSelection(double start, double end)
{
    m_selStart = std::min(start, end);
    m_selEnd = std::max(start, end);
    update();
}

void WaveformView::clearSelection()
{
    if (m_selEnd <= m_selStart && m_anchor < 0)
        return;
    m_selStart = m_selEnd = 0;
    m_anchor = -1;
    update();
}

void WaveformView::setRegions(const QList<Region> &regions)
{
    m_regions = regions;
    update();
}

void WaveformView::drawRegions(QPainter &p) const
{
    const int h = height();
    const int band = std::min(16, std::max(8, h / 5));
    p.save();
    p.setClipRect(plotArea());  // a region half out of view stops at the time axis' edge
    for (const Region &r : m_regions) {
        const QRectF area(QPointF(timeToX(r.start), 0), QPointF(timeToX(r.end), h));
        if (area.right() < 0 || area.left() > width())
            continue;
        QColor wash = r.color;
        wash.setAlpha(45);
        p.fillRect(area, wash);
        // A solid band along the top carries the label, so it reads over any waveform.
        const QRectF top(area.topLeft(), QSizeF(area.width(), band));
        p.fillRect(top, r.color);
        p.setPen(Qt::black);
        const QString text = fontMetrics().elidedText(r.text, Qt::ElideRight, int(top.width()) - 4);
        if (text.size() > 1 && band >= 12)
            p.drawText(top.adjusted(2, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    }
    if (const auto sel = selection()) {
        const QRectF area(QPointF(timeToX(sel->first), 0.5), QPointF(timeToX(sel->second), h - 0.5));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(70);
        p.fillRect(area, fill);
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        p.drawRect(area);
    }
    p.restore();
}

void WaveformView::wheelEvent(QWheelEvent *event)
{
    if (!m_data || event->angleDelta().y() == 0)
        return;
    const double steps = event->angleDelta().y() / 120.0;
    Q_EMIT zoomRequested(std::pow(0.8, steps), xToTime(event->position().x()));
    event->accept();
}

} // namespace spectag::ui
