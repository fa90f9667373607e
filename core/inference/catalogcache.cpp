#include "inference/catalogcache.h"
#include "inference/moodcatalog.h"

#include "catalog/catalog.h"
#include "model/model.h"

#include <QDataStream>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

namespace {

constexpr char kMagic[4] = {'S', 'T', 'S', '1'};
// Guards against a corrupt row asking for absurd allocations (a week of audio, 64k labels).
constexpr quint32 kMaxSegments = 1u << 20;
constexpr quint32 kMaxLabels = 1u << 16;

void writeText(QDataStream &s, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    s << quint32(utf8.size());
    s.writeRawData(utf8.constData(), int(utf8.size()));
}

bool readText(QDataStream &s, QString *text)
{
    quint32 n = 0;
    s >> n;
    if (s.status() != QDataStream::Ok || n > 4096)
        return false;
    QByteArray utf8(qsizetype(n), Qt::Uninitialized);
    if (s.readRawData(utf8.data(), int(n)) != int(n))
        return false;
    *text = QString::fromUtf8(utf8);
    return true;
}

void littleEndian(QDataStream &s)
{
    s.setByteOrder(QDataStream::LittleEndian);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

std::vector<SegmentTable::Head> headsOf(const ModelSpec &spec)
{
    std::vector<SegmentTable::Head> heads;
    for (const HeadSpec &h : spec.heads)
        heads.push_back({h.name, h.labels});
    return heads;
}

} // namespace

QByteArray encodeSegmentTable(const SegmentTable &table)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    littleEndian(s);
    s.writeRawData(kMagic, 4);
    s << quint32(table.heads.size());
    for (const SegmentTable::Head &h : table.heads) {
        writeText(s, h.name);
        s << quint32(h.labels.size());
        for (const QString &l : h.labels)
            writeText(s, l);
    }
    s << quint32(table.segments.size());
    for (const SegmentScores &seg : table.segments) {
        s.setFloatingPointPrecision(QDataStream::DoublePrecision);
        s << seg.start << seg.end;
        s.setFloatingPointPrecision(QDataStream::SinglePrecision);
        // Fixed layout: a head a segment lacks (a failed batch) is written as zeros.
        for (size_t h = 0; h < table.heads.size(); ++h) {
            const size_t n = size_t(table.heads[h].labels.size());
            for (size_t i = 0; i < n; ++i)
                s << (h < seg.heads.size() && i < seg.heads[h].size() ? seg.heads[h][i] : 0.0f);
        }
    }
    return bytes;
}

bool decodeSegmentTable(const QByteArray &blob, SegmentTable *out)
{
    *out = {};
    if (blob.size() < 12 || !blob.startsWith(QByteArray(kMagic, 4)))
        return false;
    QByteArray bytes = blob;
    QDataStream s(&bytes, QIODevice::ReadOnly);
    littleEndian(s);
    s.skipRawData(4);
    quint32 headCount = 0;
    s >> headCount;
    if (headCount > 64)
        return false;
    size_t labelsPerSegment = 0;
    for (quint32 h = 0; h < headCount; ++h) {
        SegmentTable::Head head;
        quint32 n = 0;
        if (!readText(s, &head.name))
            return false;
        s >> n;
        if (n > kMaxLabels)
            return false;
        for (quint32 i = 0; i < n; ++i) {
            QString label;
            if (!readText(s, &label))
                return false;
            head.labels.append(label);
        }
        labelsPerSegment += n;
        out->heads.push_back(std::move(head));
    }
    quint32 segCount = 0;
    s >> segCount;
    if (s.status() != QDataStream::Ok || segCount > kMaxSegments
        || quint64(bytes.size() - s.device()->pos()) != quint64(segCount) * (16 + 4 * labelsPerSegment)) {
        *out = {};
        return false;
    }
    out->segments.resize(segCount);
    for (SegmentScores &seg : out->segments) {
        s.setFloatingPointPrecision(QDataStream::DoublePrecision);
        s >> seg.start >> seg.end;
        s.setFloatingPointPrecision(QDataStream::SinglePrecision);
        seg.heads.resize(out->heads.size());
        for (size_t h = 0; h < out->heads.size(); ++h) {
            seg.heads[h].resize(size_t(out->heads[h].labels.size()));
            for (float &v : seg.heads[h])
                s >> v;
        }
    }
    if (s.status() != QDataStream::Ok) {
        *out = {};
        return false;
    }
    return true;
}

QByteArray encodeEmbedding(const std::vector<float> &embedding)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    littleEndian(s);
    for (float v : embedding)
        s << v;
    return bytes;
}

std::vector<float> decodeEmbedding(const QByteArray &blob)
{
    QByteArray bytes = blob;
    QDataStream s(&bytes, QIODevice::ReadOnly);
    littleEndian(s);
    std::vector<float> out(size_t(blob.size() / 4));
    for (float &v : out)
        s >> v;
    return out;
}

// ------------------------------------------------------------------------------------------ cache

CatalogAnalysisCache::CatalogAnalysisCache(Catalog *catalog, ModelSpec spec, ModelRecord model, Aggregation how)
    : m_catalog(catalog)
    , m_spec(std::move(spec))
    , m_model(std::move(model))
    , m_aggregation(how)
    , m_heads(headsOf(m_spec))
{
}

ModelRecord CatalogAnalysisCache::describe(const Model &model, const QString &filePath)
{
    ModelRecord r;
    r.name = filePath.isEmpty() ? model.spec().architecture : QFileInfo(filePath).completeBaseName();
    r.architecture = model.spec().architecture;
    r.versionHash = model.versionHash();
    for (const HeadSpec &h : model.spec().heads)
        r.labelSets.insert(h.name, QJsonArray::fromStringList(h.labels));
    r.filePath = filePath.isEmpty() ? QString() : QFileInfo(filePath).absoluteFilePath();
    return r;
}

qint64 CatalogAnalysisCache::modelId()
{
    std::lock_guard lock(m_mutex);
    if (m_modelId == 0) {
        // A model already registered as it is needs no write: a read-only run (every track
        // cached) then never waits for another program's write lock on the catalog.
        if (const auto known = m_catalog->modelByHash(m_model.versionHash);
            known && known->name == m_model.name && known->architecture == m_model.architecture
            && known->labelSets == m_model.labelSets && known->filePath == m_model.filePath) {
            m_modelId = known->id;
            return m_modelId;
        }
        // upsert by version hash: registering twice, or from two processes, keeps one row.
        m_modelId = m_catalog->upsertModel(m_model);
        if (m_modelId == 0)
            m_lastError = QStringLiteral("cannot register model %1: %2").arg(m_model.versionHash, m_catalog->lastError());
    }
    return m_modelId;
}

bool CatalogAnalysisCache::activate()
{
    const qint64 id = modelId();
    if (id == 0)
        return false;
    const auto active = m_catalog->activeModel();
    if (active && active->id == id)
        return true;  // no activeModelChanged: the library would reload for nothing
    return m_catalog->setActiveModel(id);
}

QString CatalogAnalysisCache::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void CatalogAnalysisCache::setError(const QString &error) const
{
    std::lock_guard lock(m_mutex);
    m_lastError = error;
}

void CatalogAnalysisCache::storeFailed(const QString &error)
{
    std::lock_guard lock(m_mutex);
    m_lastError = error;
    ++m_failedStores;
}

int CatalogAnalysisCache::failedStores() const
{
    std::lock_guard lock(m_mutex);
    return m_failedStores;
}

int CatalogAnalysisCache::storedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_stored;
}

std::optional<TrackResult> CatalogAnalysisCache::lookup(const QByteArray &fingerprint, const QString &modelHash)
{
    const auto p = m_catalog->cachedPrediction(fingerprint, modelHash);
    if (!p)
        return std::nullopt;
    QString why;
    std::vector<SegmentTable::Head> heads;
    auto r = fromPrediction(*p, &why, &heads);
    // A row this model cannot re-aggregate (damaged, or another head layout under the same hash)
    // is a miss: the file is analysed again and the row replaced.
    if (!r || (modelHash == m_model.versionHash && heads != m_heads)) {
        setError(why.isEmpty() ? QStringLiteral("stored prediction does not match the model's heads") : why);
        return std::nullopt;
    }
    if (r->durationSeconds <= 0)
        if (const auto t = m_catalog->track(p->trackId))
            r->durationSeconds = t->duration;
    r->fingerprint = fingerprint;
    r->modelHash = modelHash;
    return r;
}

std::optional<TrackResult> CatalogAnalysisCache::fromPrediction(const PredictionRecord &p, QString *error,
                                                                std::vector<SegmentTable::Head> *heads)
{
    SegmentTable table;
    if (!decodeSegmentTable(p.segmentScores, &table) || table.segments.empty()) {
        if (error)
            *error = QStringLiteral("stored prediction of track %1 has no readable timeline").arg(p.trackId);
        return std::nullopt;
    }
    TrackResult r;
    if (heads)
        *heads = table.heads;
    r.segments = std::move(table.segments);
    r.embedding = decodeEmbedding(p.embedding);
    r.durationSeconds = r.segments.back().end;
    return r;
}

PredictionRecord CatalogAnalysisCache::toPrediction(const TrackResult &result) const
{
    TrackResult r = result;
    if (r.heads.size() != m_spec.heads.size())
        aggregate(m_spec, r, m_aggregation);
    PredictionRecord p;
    for (size_t h = 0; h < m_spec.heads.size(); ++h) {
        QJsonObject labels;
        const HeadSpec &head = m_spec.heads[h];
        for (qsizetype i = 0; i < head.labels.size() && size_t(i) < r.heads[h].size(); ++i)
            labels.insert(head.labels[i], double(r.heads[h][size_t(i)]));
        p.scores.insert(head.name, labels);
    }
    p.segmentScores = encodeSegmentTable({m_heads, r.segments});
    p.segmentSeconds = m_spec.frontEnd.segmentHopSeconds;
    p.embedding = encodeEmbedding(r.embedding);
    // The place in the mood plane, for the mood map and trajectory playlists to read without
    // re-deriving it per row.
    if (const auto va = predictionValenceArousal(p)) {
        p.valence = va->valence;
        p.arousal = va->arousal;
    }
    // Top genre/mood and confidence are derived by the catalog from `scores`.
    return p;
}

qint64 CatalogAnalysisCache::trackIdFor(const TrackResult &r)
{
    const QFileInfo fi(r.path);
    std::optional<TrackRecord> track = m_catalog->trackByPath(fi.absoluteFilePath());
    if (!track && !fi.canonicalFilePath().isEmpty() && fi.canonicalFilePath() != fi.absoluteFilePath())
        track = m_catalog->trackByPath(fi.canonicalFilePath());
    if (!track) {
        TrackRecord t;
        t.path = fi.absoluteFilePath();
        t.fingerprint = r.fingerprint;
        t.duration = r.durationSeconds;
        t.format = fi.suffix().toLower();
        // size and mtime stay 0: the scanner then sees a changed file and reads its tags.
        const qint64 id = m_catalog->upsertTrack(t);
        if (id != 0)
            m_catalog->notifyTracksChanged({id});
        return id;
    }
    if (track->fingerprint != r.fingerprint) {
        // The file changed since it was scanned: the prediction describes the audio now there, and
        // cache lookups go by the track's fingerprint. The next scan refreshes the rest.
        track->fingerprint = r.fingerprint;
        if (track->duration <= 0)
            track->duration = r.durationSeconds;
        if (m_catalog->updateTrackFile(track->id, *track))
            m_catalog->notifyTracksChanged({track->id});
    }
    return track->id;
}

void CatalogAnalysisCache::store(const TrackResult &result)
{
    if (!result.ok() || result.fingerprint.isEmpty() || result.segments.empty())
        return;
    if (result.modelHash != m_model.versionHash) {
        storeFailed(QStringLiteral("result of model %1 offered to the cache of model %2").arg(result.modelHash, m_model.versionHash));
        return;
    }
    const qint64 model = modelId();
    const qint64 track = model ? trackIdFor(result) : 0;
    if (track == 0) {
        storeFailed(QStringLiteral("%1: cannot record the track: %2").arg(result.path, m_catalog->lastError()));
        return;
    }
    PredictionRecord p = toPrediction(result);
    p.trackId = track;
    p.modelId = model;
    if (!m_catalog->storePrediction(p)) {
        storeFailed(QStringLiteral("%1: cannot store the prediction: %2").arg(result.path, m_catalog->lastError()));
        return;
    }
    std::lock_guard lock(m_mutex);
    ++m_stored;
}

void CatalogAnalysisCache::noteHit(const TrackResult &result)
{
    if (!result.ok() || result.path.isEmpty() || result.modelHash != m_model.versionHash)
        return;
    const qint64 model = modelId();
    const auto track = m_catalog->trackByPath(QFileInfo(result.path).absoluteFilePath());
    if (model && track && track->fingerprint == result.fingerprint && m_catalog->prediction(track->id, model))
        return;  // the usual case: the hit is this very track's own row
    store(result);
}

QStringList CatalogAnalysisCache::unanalysedPaths()
{
    QStringList paths;
    const qint64 model = modelId();
    if (model == 0)
        return paths;
    QSqlQuery q(m_catalog->database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT path FROM tracks WHERE state = 'present' AND NOT EXISTS "
                             "(SELECT 1 FROM predictions p WHERE p.track_id = tracks.id AND p.model_id = ?) ORDER BY id"));
    q.addBindValue(model);
    if (q.exec())
        while (q.next())
            paths.append(q.value(0).toString());
    return paths;
}

} // namespace spectag
