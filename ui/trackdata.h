#pragma once

#include "dsp/frontend.h"
#include "dsp/melspectrogram.h"

#include <QCache>
#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace spectag::ui {

// Min/max sample peaks of a whole track at a fixed resolution (kSamplesPerBucket samples of the
// kSampleRate mono signal per bucket). Views aggregate buckets per pixel column, so zooming never
// decodes again.
struct WaveformPeaks {
    int sampleRate = 0;
    int samplesPerBucket = 0;
    std::vector<float> mins, maxs;

    int size() const { return int(mins.size()); }
    double bucketsPerSecond() const { return samplesPerBucket > 0 ? double(sampleRate) / samplesPerBucket : 0; }
    // The extremes over [t0, t1) seconds; false when no bucket lies there.
    bool range(double t0, double t1, float *lo, float *hi) const;
};

// Everything the track view shows about one file, computed once on a worker thread.
struct TrackData {
    QString path;
    QString error;          // decoding failed: the views show this instead
    double duration = 0;    // seconds of decoded audio
    WaveformPeaks peaks;
    FrontEnd frontEnd;      // of `spectrogram` (linear-frequency STFT, dB)
    Spectrogram spectrogram;
    float maxDb = 0;        // loudest cell, the top of the colour range
};

// Decodes tracks off the GUI thread (QtConcurrent) into TrackData and keeps the last few in a
// cache keyed by path. Only the newest request is delivered: selecting tracks quickly cancels
// the decodes of the ones skipped over.
class TrackDataLoader : public QObject {
    Q_OBJECT
public:
    static constexpr int kSampleRate = 11025;   // enough for a waveform and a 0..5.5 kHz spectrogram
    static constexpr int kSamplesPerBucket = 32; // ~344 buckets/s: one bucket per pixel at ~3 ms/px

    explicit TrackDataLoader(QObject *parent = nullptr);
    ~TrackDataLoader() override;

    // Starts loading (or answers at once from the cache, still through `loaded`, queued).
    void request(const QString &path);
    std::shared_ptr<const TrackData> cached(const QString &path) const;
    bool isBusy() const { return m_busy; }

    // The blocking computation itself, for workers and tests.
    static std::shared_ptr<TrackData> compute(const QString &path, const std::atomic_bool *cancel = nullptr);
    static FrontEnd spectrogramFrontEnd();

Q_SIGNALS:
    void started(const QString &path);
    void loaded(std::shared_ptr<const spectag::ui::TrackData> data);

private:
    struct Entry { std::shared_ptr<const TrackData> data; };
    QCache<QString, Entry> m_cache;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_pending;
    bool m_busy = false;
};

} // namespace spectag::ui
