#include "inference/analysiscache.h"

namespace spectag {

namespace {
QByteArray keyOf(const QByteArray &fingerprint, const QString &modelHash)
{
    return fingerprint + '/' + modelHash.toLatin1();
}
} // namespace

std::optional<TrackResult> MemoryAnalysisCache::lookup(const QByteArray &fingerprint, const QString &modelHash)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_results.constFind(keyOf(fingerprint, modelHash));
    if (it == m_results.constEnd())
        return std::nullopt;
    return *it;
}

void MemoryAnalysisCache::store(const TrackResult &result)
{
    if (result.fingerprint.isEmpty() || !result.ok())
        return;
    std::lock_guard lock(m_mutex);
    m_results.insert(keyOf(result.fingerprint, result.modelHash), result);
}

int MemoryAnalysisCache::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_results.size());
}

} // namespace spectag
