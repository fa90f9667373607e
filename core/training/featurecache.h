#pragma once

#include "dsp/frontend.h"
#include "dsp/melspectrogram.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace spectag {

// One piece of audio to learn from: a whole file or a [start, end) excerpt of it.
struct FeatureSource {
    QString path;
    double start = 0.0;
    double end = 0.0;  // 0 = to the end of the file
};

// Mel spectrograms of a training set, computed once and kept on disk in one compact file
// (float16 dB values, time-major) that is memory-mapped: epochs never decode again, and the
// operating system shares the pages between runs. The file's name hashes the front end and
// the sources (path, size, mtime, excerpt), so a changed front end or a changed file makes a
// new cache instead of silently reusing stale features.
class FeatureCache {
public:
    using Progress = std::function<void(int done, int total)>;

    FeatureCache(const FrontEnd &fe, const QString &cacheDir);
    ~FeatureCache();
    FeatureCache(const FeatureCache &) = delete;
    FeatureCache &operator=(const FeatureCache &) = delete;

    // Maps an existing cache for these sources or computes it (decode + mel on `threads`
    // threads). Sources that cannot be decoded are listed in errors() and have(i) is false.
    // Returns false only when nothing usable could be produced (or on cancel).
    bool build(const std::vector<FeatureSource> &sources, int threads = 2, const Progress &progress = {},
               const std::atomic_bool *cancel = nullptr);

    bool reusedExisting() const { return m_reused; }
    QString filePath() const { return m_file.fileName(); }
    const QStringList &errors() const { return m_errors; }
    int size() const { return int(m_index.size()); }
    int bins() const { return m_fe.bins(); }
    const FrontEnd &frontEnd() const { return m_fe; }

    bool has(int i) const { return i >= 0 && i < size() && m_index[size_t(i)].frames > 0; }
    int frames(int i) const { return has(i) ? m_index[size_t(i)].frames : 0; }
    // Frames [first, first+count) of source i as a float spectrogram (clipped to the source).
    Spectrogram slice(int i, int first, int count) const;
    Spectrogram whole(int i) const { return slice(i, 0, frames(i)); }

private:
    struct Entry {
        qint64 offset = 0;  // in bytes from the start of the data section
        int frames = 0;
    };
    bool mapFile();

    FrontEnd m_fe;
    QString m_dir;
    QFile m_file;
    const uchar *m_data = nullptr;
    qint64 m_dataStart = 0;
    std::vector<Entry> m_index;
    QStringList m_errors;
    bool m_reused = false;
};

} // namespace spectag
