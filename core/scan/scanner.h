#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>

namespace spectag {

class Catalog;

struct ScanFailure {
    QString path;
    QString reason;
};

// What one scan did. Every audio file found lands in exactly one of added, updated, moved,
// unchanged or failed; `missing` counts catalog tracks under the scanned folders that are gone.
struct ScanStats {
    int found = 0;      // audio files (by extension) under the roots
    int read = 0;       // files whose tags and fingerprint were actually read
    int added = 0;
    int updated = 0;    // known path, changed size or mtime (or back after being missing)
    int moved = 0;      // new path, fingerprint of a vanished track: same row, new path
    int missing = 0;    // present before, gone now: marked missing (kept with their predictions)
    int unchanged = 0;  // same size and mtime: not opened
    int failed = 0;     // files that could not be read (see failures)
    QList<ScanFailure> failures;  // unreadable files, and folders that could not be listed
    bool cancelled = false;
    qint64 elapsedMs = 0;
    QJsonObject toJson() const;
};

// Scans folders into the catalog.
//
// The walk runs on the calling thread (QDirIterator, symlinks followed, each directory's canonical
// path visited once so symlink loops end), skipping non-audio by extension. Files whose size and
// mtime match the catalog (one bulk query up front) are not opened. The rest are read on a private
// thread pool (TagLib + audioPayloadHash Quick) while this thread writes the results in batched
// transactions (batchSize() rows each) and tells the catalog after each batch. Moves are found by
// fingerprint among the tracks that vanished from the scanned folders (and tracks already missing),
// so a moved or renamed file keeps its id and thus its predictions and annotations. Vanished tracks
// that no file claims are marked missing, never deleted. A cancelled scan keeps the committed
// batches and marks nothing missing.
class Scanner : public QObject {
    Q_OBJECT
public:
    explicit Scanner(Catalog *catalog, QObject *parent = nullptr);
    ~Scanner() override;

    // Blocking scan on the calling thread (which needs no event loop).
    ScanStats scan(const QStringList &roots);
    // The same on a worker thread; finished() is emitted when it is done.
    QFuture<ScanStats> start(const QStringList &roots);
    void cancel() { m_cancel = true; }
    bool isCancelled() const;
    // An extra cancellation flag (e.g. the CLI's Ctrl+C), polled like cancel().
    void setCancelFlag(const std::atomic_bool *flag) { m_externalCancel = flag; }

    void setBatchSize(int rows) { m_batchSize = std::max(1, rows); }
    int batchSize() const { return m_batchSize; }
    void setMaxThreads(int threads) { m_pool.setMaxThreadCount(std::max(1, threads)); }

    static bool isAudioFileName(const QString &fileName);
    static const QStringList &audioExtensions();

Q_SIGNALS:
    // Throttled to one every ~60 ms; the last one (done == total) is always sent. Emitted on the
    // scanning thread.
    void progress(int done, int total, const QString &currentPath);
    void finished(const spectag::ScanStats &stats);

private:
    ScanStats run(const QStringList &roots);

    Catalog *m_catalog;
    QThreadPool m_pool;
    int m_batchSize = 500;
    std::atomic_bool m_cancel{false};
    const std::atomic_bool *m_externalCancel = nullptr;
    QFuture<ScanStats> m_future;
};

} // namespace spectag

Q_DECLARE_METATYPE(spectag::ScanStats)
