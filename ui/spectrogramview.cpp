#include "spectrogramview.h"

#include "qcp.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace spectag::ui {

namespace {
constexpr double kLogMinHz = 30.0;

QString hzLabel(double hz)
{
    return hz >= 1000 ? QStringLiteral("%1k").arg(hz / 1000.0, 0, 'g', 3) : QString::number(int(hz));
}
} // namespace

SpectrogramView::SpectrogramView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_preset(QCPColorGradient::gpThermal)  // close to Sonic Visualiser's default "Green"/"Sunset" look
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    m_plot->axisRect()->setupFullAxesBox(false);
    m_plot->xAxis2->setVisible(false);
    m_plot->yAxis2->setVisible(false);
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 4, 0, 0));
    m_plot->yAxis->setLabel(tr("Hz"));
    QSharedPointer<QCPAxisTickerTime> timeTicker(new QCPAxisTickerTime);
    timeTicker->setTimeFormat(QStringLiteral("%m:%s"));
    m_plot->xAxis->setTicker(timeTicker);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(true);
    m_map->setTightBoundary(true);
    m_scaleBar = new QCPColorScale(m_plot);
    m_scaleBar->setType(QCPAxis::atRight);
    m_scaleBar->setBarWidth(8);
    m_scaleBar->axis()->setLabel(tr("dB"));
    m_plot->plotLayout()->addElement(0, 1, m_scaleBar);
    m_map->setColorScale(m_scaleBar);
    auto *group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scaleBar->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    m_playhead = new QCPItemStraightLine(m_plot);
    m_playhead->setPen(QPen(QColor(255, 255, 255, 220), 1.5));
    m_playhead->point1->setCoords(0, 0);
    m_playhead->point2->setCoords(0, 1);

    m_messageItem = new QCPItemText(m_plot);
    m_messageItem->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_messageItem->position->setCoords(0.5, 0.5);
    m_messageItem->setPositionAlignment(Qt::AlignCenter);
    m_messageItem->setText(tr("No track"));

    // The plot area moves when the widget is resized or the frequency labels change width: tell
    // the views that share the time axis after each replot that moved it.
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] {
        const auto span = timeAxisSpan();
        if (span != m_axisSpan) {
            m_axisSpan = span;
            Q_EMIT timeAxisChanged(span.first, span.second);
        }
    });
    m_plot->installEventFilter(this);
    setGradientPreset(m_preset);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, kRows);
    updateTicks();
    applyPalette();
}

SpectrogramView::~SpectrogramView() = default;

std::pair<int, int> SpectrogramView::timeAxisSpan() const
{
    const QRect area = m_plot->axisRect()->rect();
    const int x0 = m_plot->geometry().x();
    return {x0 + area.left(), x0 + area.left() + area.width()};
}

double SpectrogramView::hzForRow(double row) const
{
    const double nyquist = TrackDataLoader::kSampleRate / 2.0;
    const double u = row / kRows;
    switch (m_scale) {
    case FrequencyScale::Linear:
        return u * nyquist;
    case FrequencyScale::Log:
        return kLogMinHz * std::pow(nyquist / kLogMinHz, u);
    case FrequencyScale::Mel:
        return melToHz(u * hzToMel(nyquist, FrontEnd::MelScale::Htk), FrontEnd::MelScale::Htk);
    }
    return 0;
}

double SpectrogramView::rowForHz(double hz) const
{
    const double nyquist = TrackDataLoader::kSampleRate / 2.0;
    switch (m_scale) {
    case FrequencyScale::Linear:
        return hz / nyquist * kRows;
    case FrequencyScale::Log:
        return std::log(std::max(hz, 1.0) / kLogMinHz) / std::log(nyquist / kLogMinHz) * kRows;
    case FrequencyScale::Mel:
        return hzToMel(hz, FrontEnd::MelScale::Htk) / hzToMel(nyquist, FrontEnd::MelScale::Htk) * kRows;
    }
    return 0;
}

void SpectrogramView::setTrack(std::shared_ptr<const TrackData> data)
{
    m_data = std::move(data);
    if (m_data && !m_data->error.isEmpty()) {
        setMessage(m_data->error);
        return;
    }
    m_messageItem->setVisible(!m_data);
    rebuildMap();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setMessage(const QString &message)
{
    m_messageItem->setText(message);
    m_messageItem->setVisible(true);
    m_map->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::rebuildMap()
{
    if (!m_data || m_data->spectrogram.frames() == 0) {
        m_map->data()->clear();
        return;
    }
    const Spectrogram &s = m_data->spectrogram;
    const FrontEnd &fe = m_data->frontEnd;
    const int frames = s.frames();
    const double hzPerBin = double(fe.sampleRate) / fe.nFft;
    // Each row takes the loudest bin it covers (high rows of a log axis span many bins) or, when
    // it is narrower than one bin, interpolates between the two nearest: no peak gets lost.
    struct RowSource { int lo, hi; double frac; };
    std::vector<RowSource> rows(kRows);
    for (int r = 0; r < kRows; ++r) {
        const double b0 = hzForRow(r) / hzPerBin, b1 = hzForRow(r + 1) / hzPerBin;
        const double centre = hzForRow(r + 0.5) / hzPerBin;
        if (b1 - b0 >= 1.0)
            rows[size_t(r)] = {std::clamp(int(std::ceil(b0)), 0, s.bins - 1), std::clamp(int(std::floor(b1)), 0, s.bins - 1), -1};
        else
            rows[size_t(r)] = {std::clamp(int(centre), 0, s.bins - 1), std::clamp(int(centre) + 1, 0, s.bins - 1), centre - std::floor(centre)};
    }
    QCPColorMapData *d = new QCPColorMapData(frames, kRows, QCPRange(0, double(frames - 1) * fe.hop / fe.sampleRate),
                                             QCPRange(0.5, kRows - 0.5));
    for (int t = 0; t < frames; ++t) {
        const float *f = s.frame(t);
        for (int r = 0; r < kRows; ++r) {
            const RowSource &src = rows[size_t(r)];
            double v;
            if (src.frac < 0)
                v = *std::max_element(f + src.lo, f + src.hi + 1);
            else
                v = f[src.lo] * (1 - src.frac) + f[src.hi] * src.frac;
            d->setCell(t, r, v);
        }
    }
    m_map->setData(d, false);
    m_map->setDataRange(QCPRange(m_data->maxDb - m_dbRange, m_data->maxDb));
}

void SpectrogramView::updateTicks()
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QList<double> hz;
    switch (m_scale) {
    case FrequencyScale::Linear: hz = {0, 1000, 2000, 3000, 4000, 5000}; break;
    case FrequencyScale::Log: hz = {50, 100, 200, 500, 1000, 2000, 5000}; break;
    case FrequencyScale::Mel: hz = {0, 200, 500, 1000, 2000, 3000, 5000}; break;
    }
    for (double f : hz)
        ticker->addTick(rowForHz(f), hzLabel(f));
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(m_scale == FrequencyScale::Linear ? tr("Hz") : m_scale == FrequencyScale::Log ? tr("Hz (log)") : tr("Hz (mel)"));
}

void SpectrogramView::setPosition(double seconds)
{
    m_playhead->point1->setCoords(seconds, 0);
    m_playhead->point2->setCoords(seconds, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setMinimumAxisLeft(int pixels)
{
    QMargins m = m_plot->axisRect()->minimumMargins();
    if (m.left() == pixels)
        return;
    m.setLeft(pixels);
    m_plot->axisRect()->setMinimumMargins(m);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setVisibleRange(double start, double end)
{
    if (end <= start)
        return;
    m_plot->xAxis->setRange(start, end);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setGradientPreset(int preset)
{
    m_preset = preset;
    m_map->setGradient(QCPColorGradient(QCPColorGradient::GradientPreset(preset)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setDbRange(double db)
{
    m_dbRange = std::max(10.0, db);
    if (m_data)
        m_map->setDataRange(QCPRange(m_data->maxDb - m_dbRange, m_data->maxDb));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setFrequencyScale(FrequencyScale scale)
{
    if (scale == m_scale)
        return;
    m_scale = scale;
    rebuildMap();
    updateTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double SpectrogramView::replotNow()
{
    QElapsedTimer t;
    t.start();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return t.nsecsElapsed() / 1e6;
}

bool SpectrogramView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot || !m_data)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove: {
        auto *me = static_cast<QMouseEvent *>(event);
        if ((event->type() == QEvent::MouseButtonPress && me->button() == Qt::LeftButton) || (me->buttons() & Qt::LeftButton)) {
            const double t = m_plot->xAxis->pixelToCoord(me->position().x());
            Q_EMIT seekRequested(std::clamp(t, 0.0, m_data->duration));
            return true;
        }
        break;
    }
    case QEvent::Wheel: {
        auto *we = static_cast<QWheelEvent *>(event);
        if (we->angleDelta().y() != 0) {
            Q_EMIT zoomRequested(std::pow(0.8, we->angleDelta().y() / 120.0), m_plot->xAxis->pixelToCoord(we->position().x()));
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void SpectrogramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void SpectrogramView::applyPalette()
{
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::WindowText), bg = pal.color(QPalette::Window);
    m_plot->setBackground(bg);
    m_plot->axisRect()->setBackground(QColor(0, 0, 0));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_scaleBar->axis()}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setVisible(false);
    }
    m_messageItem->setColor(QColor(220, 220, 220));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace spectag::ui
