#pragma once

#include "inference/analysisresult.h"

#include <QHash>

#include <mutex>
#include <optional>

namespace spectag {

// Analysis results keyed by (audio payload fingerprint, model version hash): a file analysed
// once by a model is never decoded again for it, even after a rename or a tag edit.
// Implementations must be thread-safe: AnalysisQueue calls them from worker threads.
// The stored result's segments and embedding are what matter; the queue re-aggregates them.
class AnalysisCache {
public:
    virtual ~AnalysisCache() = default;
    virtual std::optional<TrackResult> lookup(const QByteArray &fingerprint, const QString &modelHash) = 0;
    virtual void store(const TrackResult &result) = 0;  // keyed by result.fingerprint, result.modelHash
    // A lookup hit, handed back with the file's own path (on the worker that looked it up): a
    // persistent cache that also records per-file predictions files the copy of known audio here.
    virtual void noteHit(const TrackResult &result) { Q_UNUSED(result); }
};

// In-memory cache (tests, one-shot CLI runs). The catalog provides the persistent SQLite one.
class MemoryAnalysisCache : public AnalysisCache {
public:
    std::optional<TrackResult> lookup(const QByteArray &fingerprint, const QString &modelHash) override;
    void store(const TrackResult &result) override;
    int size() const;

private:
    mutable std::mutex m_mutex;
    QHash<QByteArray, TrackResult> m_results;
};

} // namespace spectag
