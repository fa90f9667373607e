#include "trackview.h"

#include "resources.h"
#include "segmenttimeline.h"
#include "spectrogramview.h"
#include "waveformview.h"

#include "qcp.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace spectag::ui {

namespace {
constexpr double kMinSpan = 0.5;     // seconds across the zoom views at the deepest zoom
constexpr double kDefaultSpan = 20;  // what a freshly loaded track shows

QString clock(double s)
{
    const int t = std::max(0, int(s));
    return QStringLiteral("%1:%2.%3").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0')).arg(int((s - t) * 10) % 10);
}

QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setToolTip(text);
    b->setAutoRaise(true);
    return b;
}
} // namespace

TrackView::TrackView(QWidget *parent)
    : QWidget(parent)
    , m_loader(new TrackDataLoader(this))
    , m_frameTimer(new QTimer(this))
{
    initResources();
    buildUi();
    // ~60 Hz: the playhead and the followed views move at display rate even though QMediaPlayer
    // reports its position only every few tens of milliseconds.
    m_frameTimer->setInterval(16);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    connect(m_frameTimer, &QTimer::timeout, this, &TrackView::onFrame);
    connect(m_loader, &TrackDataLoader::loaded, this, &TrackView::onLoaded);
    connect(m_loader, &TrackDataLoader::started, this, [this] {
        m_overview->setMessage(tr("Decoding\u2026"));
        m_waveform->setMessage(tr("Decoding\u2026"));
        m_spectrogram->setMessage(tr("Decoding\u2026"));
    });
}

TrackView::~TrackView() = default;

void TrackView::buildUi()
{
    m_overview = new WaveformView(WaveformView::Mode::Overview, this);
    m_waveform = new WaveformView(WaveformView::Mode::Zoom, this);
    m_spectrogram = new SpectrogramView(this);
    m_timeline = new SegmentTimeline(this);

    m_playButton = toolButton(QStringLiteral(":/icons/play.svg"), tr("Play/Pause (Space)"), this);
    auto *zoomIn = toolButton(QStringLiteral(":/icons/zoom-in.svg"), tr("Zoom in (+)"), this);
    auto *zoomOut = toolButton(QStringLiteral(":/icons/zoom-out.svg"), tr("Zoom out (-)"), this);
    auto *zoomFit = toolButton(QStringLiteral(":/icons/zoom-fit.svg"), tr("Whole track (0)"), this);
    auto *follow = toolButton(QStringLiteral(":/icons/follow.svg"), tr("Follow the playhead"), this);
    follow->setCheckable(true);
    follow->setChecked(m_follow);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);
    m_time = new QLabel(this);
    m_time->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_gradient = new QComboBox(this);
    m_gradient->setToolTip(tr("Spectrogram colours"));
    const std::pair<QString, int> presets[] = {
        {tr("Thermal"), QCPColorGradient::gpThermal}, {tr("Hot"), QCPColorGradient::gpHot},
        {tr("Night"), QCPColorGradient::gpNight},     {tr("Ion"), QCPColorGradient::gpIon},
        {tr("Jet"), QCPColorGradient::gpJet},         {tr("Spectrum"), QCPColorGradient::gpSpectrum},
        {tr("Candy"), QCPColorGradient::gpCandy},     {tr("Grey"), QCPColorGradient::gpGrayscale},
        {tr("Polar"), QCPColorGradient::gpPolar},     {tr("Cold"), QCPColorGradient::gpCold}};
    for (const auto &[name, preset] : presets)
        m_gradient->addItem(name, preset);
    m_scale = new QComboBox(this);
    m_scale->setToolTip(tr("Frequency axis"));
    m_scale->addItem(tr("Log"), int(SpectrogramView::FrequencyScale::Log));
    m_scale->addItem(tr("Mel"), int(SpectrogramView::FrequencyScale::Mel));
    m_scale->addItem(tr("Linear"), int(SpectrogramView::FrequencyScale::Linear));
    m_dbRange = new QSpinBox(this);
    m_dbRange->setRange(20, 140);
    m_dbRange->setSingleStep(10);
    m_dbRange->setValue(80);
    m_dbRange->setSuffix(tr(" dB"));
    m_dbRange->setToolTip(tr("Dynamic range of the spectrogram colours"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_playButton);
    bar->addWidget(m_time);
    bar->addSpacing(8);
    bar->addWidget(m_title, 1);
    for (QWidget *w : {static_cast<QWidget *>(zoomIn), static_cast<QWidget *>(zoomOut), static_cast<QWidget *>(zoomFit),
                       static_cast<QWidget *>(follow), static_cast<QWidget *>(m_gradient), static_cast<QWidget *>(m_scale),
                       static_cast<QWidget *>(m_dbRange)})
        bar->addWidget(w);

    auto *views = new QSplitter(Qt::Vertical, this);
    views->setChildrenCollapsible(false);
    views->addWidget(m_waveform);
    views->addWidget(m_spectrogram);
    views->setStretchFactor(0, 1);
    views->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_overview);
    layout->addWidget(views, 1);
    layout->addWidget(m_timeline);

    connect(m_playButton, &QToolButton::clicked, this, &TrackView::togglePlayback);
    connect(zoomIn, &QToolButton::clicked, this, &TrackView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, this, &TrackView::zoomOut);
    connect(zoomFit, &QToolButton::clicked, this, &TrackView::zoomToFit);
    connect(follow, &QToolButton::toggled, this, &TrackView::setFollowPlayhead);
    connect(m_gradient, &QComboBox::currentIndexChanged, this, [this] { m_spectrogram->setGradientPreset(m_gradient->currentData().toInt()); });
    connect(m_scale, &QComboBox::currentIndexChanged, this, [this] {
        m_spectrogram->setFrequencyScale(SpectrogramView::FrequencyScale(m_scale->currentData().toInt()));
    });
    connect(m_dbRange, &QSpinBox::valueChanged, m_spectrogram, &SpectrogramView::setDbRange);
    for (WaveformView *w : {m_overview, m_waveform}) {
        connect(w, &WaveformView::seekRequested, this, &TrackView::seek);
        connect(w, &WaveformView::zoomRequested, this, &TrackView::zoomBy);
    }
    connect(m_spectrogram, &SpectrogramView::seekRequested, this, &TrackView::seek);
    connect(m_spectrogram, &SpectrogramView::zoomRequested, this, &TrackView::zoomBy);
    connect(m_timeline, &SegmentTimeline::segmentActivated, this, &TrackView::playSegment);
    // One time axis for the zoomed waveform, the spectrogram and the segment lanes, as in Sonic
    // Visualiser's panes: the spectrogram's plot area (its frequency labels on the left, its
    // colour scale on the right) sets where the others draw the visible range. The three share
    // the track view's x origin (full-width children of one layout).
    connect(m_spectrogram, &SpectrogramView::timeAxisChanged, this, [this](int left, int right) {
        m_waveform->setTimeAxis(left, right);
        m_timeline->setTimeAxis(left, right);
    });
    m_spectrogram->setFrequencyScale(SpectrogramView::FrequencyScale::Log);
    updateTimeLabel();
}

void TrackView::loadTrack(const QString &path, const QString &title)
{
    pause();
    m_path = path;
    m_data.reset();
    m_title->setText(title.isEmpty() ? path.section(u'/', -1) : title);
    m_title->setToolTip(path);
    m_position = m_reported = 0;
    m_stopAt = -1;
    m_segments.clear();
    m_timeline->setSegments({}, 0);
    if (m_player)
        m_player->setSource(QUrl::fromLocalFile(path));
    m_loader->request(path);
}

void TrackView::onLoaded(std::shared_ptr<const TrackData> data)
{
    if (!data || data->path != m_path)
        return;
    m_data = data;
    m_overview->setTrack(data);
    m_waveform->setTrack(data);
    m_spectrogram->setTrack(data);
    m_timeline->setSegments(m_segments, data->duration);
    m_start = 0;
    m_end = std::min(data->duration, kDefaultSpan);
    applyRange();
    setPlayheadPosition(m_position);
    Q_EMIT trackLoaded(data->path);
}

void TrackView::setSegments(const QList<SegmentPrediction> &segments)
{
    m_segments = segments;
    m_timeline->setSegments(segments, m_data ? m_data->duration : 0);
    // The lanes' head names sit left of the shared time axis: make the spectrogram leave them room.
    m_spectrogram->setMinimumAxisLeft(m_timeline->headerWidth());
}

bool TrackView::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

void TrackView::play()
{
    if (m_path.isEmpty())
        return;
    if (!m_player) {
        // Made on first use: tests and screenshots never open an audio device.
        m_player = new QMediaPlayer(this);
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
        connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
            m_reported = ms / 1000.0;
            m_sinceReport.restart();
        });
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState s) {
            const bool playing = s == QMediaPlayer::PlayingState;
            m_playButton->setIcon(QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
            if (playing) {
                m_sinceReport.restart();
                m_frameTimer->start();
            } else {
                m_frameTimer->stop();
            }
            Q_EMIT playingChanged(playing);
        });
        m_player->setSource(QUrl::fromLocalFile(m_path));
    }
    m_player->setPosition(qint64(m_position * 1000));
    m_reported = m_position;
    m_sinceReport.restart();
    m_player->play();
}

void TrackView::pause()
{
    if (m_player)
        m_player->pause();
    m_stopAt = -1;
}

void TrackView::togglePlayback()
{
    isPlaying() ? pause() : play();
}

void TrackView::onFrame()
{
    double pos = m_reported;
    if (isPlaying())
        pos += m_sinceReport.nsecsElapsed() / 1e9;
    if (m_stopAt >= 0 && pos >= m_stopAt) {
        pause();
        pos = m_stopAt;
    }
    setPlayheadPosition(pos);
}

void TrackView::setPlayheadPosition(double seconds)
{
    const double duration = m_data ? m_data->duration : 0;
    m_position = std::clamp(seconds, 0.0, std::max(duration, seconds));
    if (m_follow && m_data && m_end > m_start && (m_position < m_start || m_position > m_start + 0.5 * (m_end - m_start))) {
        // Keep the playhead at the centre, as Sonic Visualiser's "page follow" scroll does smoothly.
        const double span = m_end - m_start;
        m_start = std::max(0.0, m_position - span / 2);
        m_end = m_start + span;
        applyRange();
    }
    m_overview->setPosition(m_position);
    m_waveform->setPosition(m_position);
    m_spectrogram->setPosition(m_position);
    m_timeline->setPosition(m_position);
    updateTimeLabel();
    Q_EMIT positionChanged(m_position);
}

void TrackView::seek(double seconds)
{
    m_reported = std::max(0.0, seconds);
    m_sinceReport.restart();
    if (m_player)
        m_player->setPosition(qint64(m_reported * 1000));
    setPlayheadPosition(m_reported);
    Q_EMIT seeked(m_reported);
}

void TrackView::seekRelative(double seconds)
{
    seek(std::clamp(m_position + seconds, 0.0, m_data ? m_data->duration : 0.0));
}

void TrackView::playSegment(double start, double end)
{
    seek(start);
    play();
    m_stopAt = end;
}

void TrackView::setVisibleRange(double start, double end)
{
    const double duration = m_data ? m_data->duration : end;
    double span = std::clamp(end - start, std::min(kMinSpan, duration), std::max(duration, kMinSpan));
    m_start = std::clamp(start, 0.0, std::max(0.0, duration - span));
    m_end = m_start + span;
    applyRange();
}

void TrackView::zoomBy(double factor, double anchor)
{
    if (!m_data)
        return;
    if (anchor < 0)
        anchor = (m_position >= m_start && m_position <= m_end) ? m_position : (m_start + m_end) / 2;
    // The anchor keeps its place on screen (the pointer under the wheel, else the playhead).
    const double span = m_end - m_start;
    const double newSpan = std::clamp(span * factor, kMinSpan, std::max(kMinSpan, m_data->duration));
    const double ratio = span > 0 ? (anchor - m_start) / span : 0.5;
    setVisibleRange(anchor - ratio * newSpan, anchor - ratio * newSpan + newSpan);
}

void TrackView::zoomToFit()
{
    if (m_data)
        setVisibleRange(0, m_data->duration);
}

void TrackView::setFollowPlayhead(bool follow)
{
    m_follow = follow;
}

void TrackView::applyRange()
{
    m_overview->setVisibleRange(m_start, m_end);
    m_waveform->setVisibleRange(m_start, m_end);
    m_spectrogram->setVisibleRange(m_start, m_end);
    m_timeline->setVisibleRange(m_start, m_end);
}

void TrackView::updateTimeLabel()
{
    m_time->setText(QStringLiteral("%1 / %2").arg(clock(m_position), clock(m_data ? m_data->duration : 0)));
}

} // namespace spectag::ui
