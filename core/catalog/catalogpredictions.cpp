// Catalog: analysis models and their predictions (the results cache keyed by audio fingerprint
// and model version). Delivery of change notifications to the views stays in catalog.cpp.
#include "catalog/catalog.h"
#include "catalog/sqlvalues.h"
#include "catalog/transaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

using namespace catalogsql;

namespace {

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject jsonFrom(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Top label and score of one head of a {head: {label: score}} object.
std::pair<QString, double> topOf(const QJsonObject &scores, const QString &head)
{
    std::pair<QString, double> best{QString(), -1.0};
    const QJsonObject labels = scores.value(head).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it.value().toDouble() > best.second)
            best = {it.key(), it.value().toDouble()};
    return best;
}

const char *const kModelColumns = "id, name, architecture, version_hash, label_sets, file_path, created_at, active";

ModelRecord modelFromQuery(const QSqlQuery &q)
{
    ModelRecord m;
    m.id = q.value(0).toLongLong();
    m.name = q.value(1).toString();
    m.architecture = q.value(2).toString();
    m.versionHash = q.value(3).toString();
    m.labelSets = jsonFrom(q.value(4));
    m.filePath = q.value(5).toString();
    m.createdAt = fromText(q.value(6));
    m.active = q.value(7).toBool();
    return m;
}

const char *const kPredictionColumns =
    "p.track_id, p.model_id, p.scores, p.segment_scores, p.segment_seconds, p.embedding, p.valence, p.arousal, "
    "p.top_genre, p.top_mood, p.confidence, p.analysed_at";

PredictionRecord predictionFromQuery(const QSqlQuery &q)
{
    PredictionRecord p;
    p.trackId = q.value(0).toLongLong();
    p.modelId = q.value(1).toLongLong();
    p.scores = jsonFrom(q.value(2));
    p.segmentScores = q.value(3).toByteArray();
    p.segmentSeconds = q.value(4).toDouble();
    p.embedding = q.value(5).toByteArray();
    p.valence = optionalFrom(q.value(6));
    p.arousal = optionalFrom(q.value(7));
    p.topGenre = q.value(8).toString();
    p.topMood = q.value(9).toString();
    p.confidence = q.value(10).toDouble();
    p.analysedAt = fromText(q.value(11));
    return p;
}

} // namespace

qint64 Catalog::upsertModel(const ModelRecord &m)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO models (name, architecture, version_hash, label_sets, file_path, created_at, active) "
        "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(version_hash) DO UPDATE SET name=excluded.name, "
        "architecture=excluded.architecture, label_sets=excluded.label_sets, file_path=excluded.file_path "
        "RETURNING id"));
    q.addBindValue(m.name);
    q.addBindValue(m.architecture);
    q.addBindValue(m.versionHash);
    q.addBindValue(jsonText(m.labelSets));
    q.addBindValue(m.filePath);
    q.addBindValue(toText(m.createdAt));
    if (!exec(q) || !q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (m.active && !setActiveModel(id))
        return 0;
    return id;
}

bool Catalog::setActiveModel(qint64 modelId)
{
    {
        Transaction tx(database());
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE models SET active = (id = ?)"));
        q.addBindValue(modelId);
        if (!exec(q))
            return false;
        if (!tx.commit()) {
            setError(tx.error());
            return false;
        }
    }
    Q_EMIT activeModelChanged();
    return true;
}

std::optional<ModelRecord> Catalog::activeModel() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT %1 FROM models WHERE active=1 LIMIT 1").arg(QLatin1String(kModelColumns))) && q.next())
        return modelFromQuery(q);
    return std::nullopt;
}

std::optional<ModelRecord> Catalog::modelByHash(const QString &versionHash) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM models WHERE version_hash=?").arg(QLatin1String(kModelColumns)));
    q.addBindValue(versionHash);
    if (exec(q) && q.next())
        return modelFromQuery(q);
    return std::nullopt;
}

QList<ModelRecord> Catalog::models() const
{
    QList<ModelRecord> out;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT %1 FROM models ORDER BY id").arg(QLatin1String(kModelColumns))))
        while (q.next())
            out.append(modelFromQuery(q));
    return out;
}

bool Catalog::storePrediction(PredictionRecord p)
{
    if (p.topGenre.isEmpty())
        p.topGenre = topOf(p.scores, QStringLiteral("genre")).first;
    if (p.topMood.isEmpty())
        p.topMood = topOf(p.scores, QStringLiteral("mood")).first;
    if (p.confidence <= 0) {
        const auto mood = topOf(p.scores, QStringLiteral("mood"));
        p.confidence = std::max(0.0, mood.first.isEmpty() ? topOf(p.scores, QStringLiteral("genre")).second : mood.second);
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO predictions (track_id, model_id, scores, segment_scores, segment_seconds, embedding, valence, "
        "arousal, top_genre, top_mood, confidence, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(track_id, model_id) DO UPDATE SET scores=excluded.scores, segment_scores=excluded.segment_scores, "
        "segment_seconds=excluded.segment_seconds, embedding=excluded.embedding, valence=excluded.valence, "
        "arousal=excluded.arousal, top_genre=excluded.top_genre, top_mood=excluded.top_mood, "
        "confidence=excluded.confidence, analysed_at=excluded.analysed_at"));
    q.addBindValue(p.trackId);
    q.addBindValue(p.modelId);
    q.addBindValue(jsonText(p.scores));
    q.addBindValue(p.segmentScores);
    q.addBindValue(p.segmentSeconds);
    q.addBindValue(p.embedding);
    q.addBindValue(optionalValue(p.valence));
    q.addBindValue(optionalValue(p.arousal));
    q.addBindValue(p.topGenre);
    q.addBindValue(p.topMood);
    q.addBindValue(p.confidence);
    q.addBindValue(toText(p.analysedAt));
    if (!exec(q))
        return false;
    notifyPredictionsChanged({p.trackId});
    return true;
}

std::optional<PredictionRecord> Catalog::prediction(qint64 trackId, qint64 modelId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM predictions p WHERE p.track_id=? AND p.model_id=?")
                  .arg(QLatin1String(kPredictionColumns)));
    q.addBindValue(trackId);
    q.addBindValue(modelId);
    if (exec(q) && q.next())
        return predictionFromQuery(q);
    return std::nullopt;
}

QList<PredictionRecord> Catalog::predictions(qint64 modelId, Timelines timelines) const
{
    QList<PredictionRecord> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    QString columns = QLatin1String(kPredictionColumns);
    if (timelines == Timelines::Skip)  // same column positions, no BLOB read
        columns.replace(QStringLiteral("p.segment_scores"), QStringLiteral("NULL"));
    q.prepare(QStringLiteral("SELECT %1 FROM predictions p WHERE p.model_id=? ORDER BY p.track_id").arg(columns));
    q.addBindValue(modelId);
    if (exec(q))
        while (q.next())
            out.append(predictionFromQuery(q));
    return out;
}

std::optional<PredictionRecord> Catalog::cachedPrediction(const QByteArray &fingerprint, const QString &modelHash) const
{
    if (fingerprint.isEmpty())
        return std::nullopt;
    QSqlQuery q(database());
    // CROSS JOIN fixes SQLite's loop order: tracks by fingerprint first. Left to itself the planner
    // walked every prediction of the model (predictions_model) and looked each track up, one
    // lookup per analysed track for every file queued: analysing a 10,000-track library went
    // quadratic, and the cache lookups starved the GUI thread of CPU (bench_guistall).
    q.prepare(QStringLiteral("SELECT %1 FROM tracks t CROSS JOIN predictions p ON p.track_id = t.id "
                             "JOIN models m ON m.id = p.model_id WHERE t.fingerprint=? AND m.version_hash=? "
                             "ORDER BY p.analysed_at DESC LIMIT 1")
                  .arg(QLatin1String(kPredictionColumns)));
    q.addBindValue(QString::fromLatin1(fingerprint));
    q.addBindValue(modelHash);
    if (exec(q) && q.next())
        return predictionFromQuery(q);
    return std::nullopt;
}

} // namespace spectag
