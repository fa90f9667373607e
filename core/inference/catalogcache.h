#pragma once

#include "catalog/records.h"
#include "inference/analysiscache.h"
#include "model/modelspec.h"

#include <QStringList>

#include <mutex>

namespace spectag {

class Catalog;
class Model;

// A stored per-segment timeline, self-describing: the catalog's models table keeps label sets in a
// JSON object, which does not keep head order, and readers (the GUI) must decode a timeline
// without loading the network. heads[h] names the labels of every segment's heads[h].
struct SegmentTable {
    struct Head {
        QString name;
        QStringList labels;
        bool operator==(const Head &) const = default;
    };
    std::vector<Head> heads;
    std::vector<SegmentScores> segments;
};

// PredictionRecord::segmentScores: "STS1", then little-endian u32 head count, per head a
// length-prefixed UTF-8 name and label list, u32 segment count, per segment f64 start, f64 end
// and one f32 per label of every head. Compact (a 4-minute track with 10 labels is ~3 KB).
QByteArray encodeSegmentTable(const SegmentTable &table);
bool decodeSegmentTable(const QByteArray &blob, SegmentTable *out);
// PredictionRecord::embedding: float32 little-endian.
QByteArray encodeEmbedding(const std::vector<float> &embedding);
std::vector<float> decodeEmbedding(const QByteArray &blob);

// The persistent, thread-safe AnalysisCache: predictions live in the catalog (one row per track and
// model), so a file analysed once is never decoded again by the same model, across runs and across
// renames (lookups go by audio fingerprint). Every call may come from any thread; the catalog
// keeps one SQLite connection per thread and SQLite serialises the writers.
//
// store() also records the result as the track's prediction: the track row is found by path, or
// created (size and mtime 0, so the next scan reads its tags) when the file was analysed without
// being scanned, e.g. by `spectag analyze --catalog`. The model is registered in the catalog's
// models table on first use.
class CatalogAnalysisCache : public AnalysisCache {
public:
    // `model` names the network (name, architecture, version hash, label sets, file); results of
    // another version hash are refused. Track scores are aggregated with `how`.
    CatalogAnalysisCache(Catalog *catalog, ModelSpec spec, ModelRecord model, Aggregation how = Aggregation::Mean);
    // The models-table record of a loaded network (name: the file's base name).
    static ModelRecord describe(const Model &model, const QString &filePath);

    std::optional<TrackResult> lookup(const QByteArray &fingerprint, const QString &modelHash) override;
    void store(const TrackResult &result) override;
    // A hit for a file whose own track has no prediction yet (a copy of analysed audio): stores it.
    void noteHit(const TrackResult &result) override;

    qint64 modelId();     // registers the model on first call; 0 when the catalog refuses
    bool activate();      // registers the model and makes it the catalog's active one
    const ModelRecord &modelRecord() const { return m_model; }
    QString lastError() const;  // the last failure, a refused store or an unreadable stored row
    int storedCount() const;
    int failedStores() const;

    // Present tracks without a prediction of this model, in catalog order.
    QStringList unanalysedPaths();

    // The prediction row for a result (scores aggregated from its segments when heads is empty).
    PredictionRecord toPrediction(const TrackResult &result) const;
    // A result from a stored row: segments and embedding; heads left to the caller's aggregation.
    // `heads` (optional) receives the timeline's head layout.
    static std::optional<TrackResult> fromPrediction(const PredictionRecord &p, QString *error = nullptr,
                                                     std::vector<SegmentTable::Head> *heads = nullptr);

private:
    qint64 trackIdFor(const TrackResult &result);
    void setError(const QString &error) const;
    void storeFailed(const QString &error);

    Catalog *m_catalog;
    ModelSpec m_spec;
    ModelRecord m_model;
    Aggregation m_aggregation;
    std::vector<SegmentTable::Head> m_heads;

    mutable std::mutex m_mutex;
    qint64 m_modelId = 0;
    int m_stored = 0;
    int m_failedStores = 0;
    mutable QString m_lastError;
};

} // namespace spectag
