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
// new cache instead of silently reusing stale features. Because every changed set makes a new
// file, the folder is kept to a size limit: after each build the least recently used other
// cache files are removed (a reused file counts as used: its modification time is renewed).
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

    // Total size of the folder's cache files that build() keeps (default 4 GiB; 0: no limit).
    // The file just built or reused always stays, even when it alone is larger.
    static constexpr qint64 kDefaultSizeLimit = qint64(4) << 30;
    void setSizeLimit(qint64 bytes) { m_sizeLimit = bytes; }
    qint64 sizeLimit() const { return m_sizeLimit; }
    // The files the last build() removed to stay under the limit, and their total size.
    const QStringList &prunedFiles() const { return m_pruned; }
    qint64 prunedBytes() const { return m_prunedBytes; }

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
    void prune();

    FrontEnd m_fe;
    QString m_dir;
    QFile m_file;
    const uchar *m_data = nullptr;
    qint64 m_dataStart = 0;
    std::vector<Entry> m_index;
    QStringList m_errors;
    QStringList m_pruned;
    qint64 m_prunedBytes = 0;
    qint64 m_sizeLimit = kDefaultSizeLimit;
    bool m_reused = false;
};

} // namespace spectag
