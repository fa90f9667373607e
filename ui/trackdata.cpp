#include "trackdata.h"

#include "audio/audiodecoder.h"
#include "util/workerpool.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace spectag::ui {

bool WaveformPeaks::range(double t0, double t1, float *lo, float *hi) const
{
    const double bps = bucketsPerSecond();
    const int n = size();
    int a = int(std::floor(t0 * bps));
    int b = int(std::ceil(t1 * bps));
    a = std::clamp(a, 0, n);
    b = std::clamp(b, 0, n);
    if (b <= a) {
        if (a >= n || a < 0)
            return false;
        b = a + 1;  // zoomed in beyond one bucket per pixel: show the bucket under the pixel
    }
    const auto [mn, mx] = std::pair(std::min_element(mins.begin() + a, mins.begin() + b),
                                    std::max_element(maxs.begin() + a, maxs.begin() + b));
    *lo = *mn;
    *hi = *mx;
    return true;
}

TrackDataLoader::TrackDataLoader(QObject *parent)
    : QObject(parent)
    , m_cache(256)  // cost = MiB, roughly eight five-minute tracks
{
    qRegisterMetaType<std::shared_ptr<const spectag::ui::TrackData>>();
}

TrackDataLoader::~TrackDataLoader()
{
    if (m_cancel)
        *m_cancel = true;
}

FrontEnd TrackDataLoader::spectrogramFrontEnd()
{
    FrontEnd fe;
    fe.sampleRate = kSampleRate;
    fe.nFft = 1024;  // 10.8 Hz bins: a log axis still has detail near 100 Hz
    fe.winLength = 1024;
    fe.hop = 256;    // 43 columns/s, more than one per frame of a 30 fps scroll at normal zoom
    fe.nMels = 0;    // linear STFT; the view resamples to linear/log/mel rows itself
    fe.fMin = 0;
    fe.fMax = kSampleRate / 2.0;
    fe.toDb = true;
    fe.topDb = 0;    // the view's dB range does the clamping
    return fe;
}

std::shared_ptr<TrackData> TrackDataLoader::compute(const QString &path, const std::atomic_bool *cancel)
{
    auto data = std::make_shared<TrackData>();
    data->path = path;
    data->frontEnd = spectrogramFrontEnd();
    AudioDecoder decoder(kSampleRate);
    decoder.setCancelFlag(cancel);
    if (!decoder.open(path)) {
        data->error = decoder.error().message;
        return data;
    }
    WaveformPeaks &p = data->peaks;
    p.sampleRate = kSampleRate;
    p.samplesPerBucket = kSamplesPerBucket;
    const double expected = decoder.info().durationSeconds;
    if (expected > 0) {
        p.mins.reserve(size_t(expected * p.bucketsPerSecond()) + 16);
        p.maxs.reserve(p.mins.capacity());
    }
    MelSpectrogram stft(data->frontEnd);
    std::vector<float> block, carry;
    qint64 total = 0;
    for (;;) {
        if (cancel && *cancel)
            return nullptr;
        block.clear();
        const qint64 got = decoder.read(block, 1 << 15);
        if (got <= 0)
            break;
        total += got;
        stft.push(block.data(), block.size(), data->spectrogram);
        // Peaks in whole buckets; the remainder waits in `carry` for the next block.
        carry.insert(carry.end(), block.begin(), block.end());
        size_t i = 0;
        for (; i + kSamplesPerBucket <= carry.size(); i += kSamplesPerBucket) {
            const auto [mn, mx] = std::minmax_element(carry.begin() + qsizetype(i), carry.begin() + qsizetype(i) + kSamplesPerBucket);
            p.mins.push_back(*mn);
            p.maxs.push_back(*mx);
        }
        carry.erase(carry.begin(), carry.begin() + qsizetype(i));
    }
    if (!decoder.error().ok() && total == 0) {
        data->error = decoder.error().message;
        return data;
    }
    if (!carry.empty()) {
        const auto [mn, mx] = std::minmax_element(carry.begin(), carry.end());
        p.mins.push_back(*mn);
        p.maxs.push_back(*mx);
    }
    stft.finish(data->spectrogram);
    data->duration = double(total) / kSampleRate;
    data->maxDb = data->spectrogram.data.empty() ? 0.f : *std::max_element(data->spectrogram.data.begin(), data->spectrogram.data.end());
    return data;
}

std::shared_ptr<const TrackData> TrackDataLoader::cached(const QString &path) const
{
    const Entry *e = m_cache.object(path);
    return e ? e->data : nullptr;
}

void TrackDataLoader::request(const QString &path)
{
    if (m_cancel)
        *m_cancel = true;  // the previous decode's result would be stale
    m_pending = path;
    if (auto hit = cached(path)) {
        m_busy = false;
        QTimer::singleShot(0, this, [this, hit] {
            if (m_pending == hit->path)
                Q_EMIT loaded(hit);
        });
        return;
    }
    m_busy = true;
    Q_EMIT started(path);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    auto *watcher = new QFutureWatcher<std::shared_ptr<TrackData>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, cancel] {
        watcher->deleteLater();
        std::shared_ptr<const TrackData> data = watcher->result();
        if (!data || *cancel)
            return;
        if (data->error.isEmpty()) {
            const size_t bytes = data->spectrogram.data.size() * sizeof(float) + data->peaks.mins.size() * 8;
            m_cache.insert(path, new Entry{data}, int(bytes >> 20) + 1);
        }
        if (path == m_pending) {
            m_busy = false;
            Q_EMIT loaded(data);
        }
    });
    watcher->setFuture(spectag::runInBackground([path, cancel] { return compute(path, cancel.get()); }));
}

} // namespace spectag::ui
