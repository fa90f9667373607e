#include "waveformview.h"

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
    setToolTip(mode == Mode::Overview ? tr("Whole track: click to seek") : tr("Click or drag to seek, wheel to zoom"));
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

double WaveformView::xToTime(double x) const
{
    const double w = std::max(1, width());
    return shownStart() + (x / w) * (shownEnd() - shownStart());
}

double WaveformView::timeToX(double t) const
{
    return (t - shownStart()) / (shownEnd() - shownStart()) * width();
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
        drawPeaks(p, r);
    }
    const double x = timeToX(m_position);
    if (x >= 0 && x <= r.width()) {
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
    if (event->button() == Qt::LeftButton && m_data)
        Q_EMIT seekRequested(std::clamp(xToTime(event->position().x()), 0.0, m_data->duration));
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_data)
        Q_EMIT seekRequested(std::clamp(xToTime(event->position().x()), 0.0, m_data->duration));
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
