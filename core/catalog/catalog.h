#pragma once

#include "catalog/records.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QTimer>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace spectag {

// The library catalog: one SQLite database per user (paths::defaultCatalogPath()), opened in WAL
// mode with foreign keys on and a busy timeout, its schema versioned by PRAGMA user_version and
// brought up to date by ordered migration steps, each in its own transaction.
//
// Threads: QSqlDatabase connections may only be used by the thread that made them, so the catalog
// keeps one connection per thread, named "spectag-catalog-<catalog instance>-<thread>", made on that
// thread's first call to database() (any accessor) and removed when the thread finishes or the
// catalog is closed. Every accessor may therefore be called from any thread; SQLite serialises the
// writers (WAL lets readers go on meanwhile). Signals are emitted on the calling thread: connect
// with Qt::AutoConnection and GUI receivers get them queued.
//
// The tag-write journal tables (tag_write_batches, tag_write_changes) share this database file but
// belong to the tag writer, which creates them itself; the catalog neither creates nor migrates them.
class Catalog : public QObject {
    Q_OBJECT
public:
    explicit Catalog(QObject *parent = nullptr);
    ~Catalog() override;

    // Opens (creating if needed) and migrates the database. False with lastError() on failure,
    // e.g. a file written by a newer Spectag (schema version above latestSchemaVersion()).
    bool open(const QString &path);
    void close();
    bool isOpen() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    QString lastError() const;

    static int latestSchemaVersion();
    int schemaVersion() const;
    // Runs the migration steps after the database's current version up to `targetVersion`, each in
    // its own transaction. Public for tests and tools that need an older schema.
    static bool migrate(QSqlDatabase db, int targetVersion, QString *error);
    // The pragmas every connection gets (foreign keys, busy timeout, synchronous=NORMAL).
    static bool configureConnection(QSqlDatabase db, QString *error);

    // This thread's connection (made on first use).
    QSqlDatabase database() const;

    // --- tracks
    qint64 upsertTrack(const TrackRecord &track);            // by path; returns the id, 0 on error
    bool updateTrackFile(qint64 id, const TrackRecord &track);// same row, new path/file data (a move)
    // The two above with their statements prepared once, for many rows on one thread (a scan's
    // writer): preparing the long upsert again for every file was a third of a first scan's time.
    class TrackWriter {
    public:
        explicit TrackWriter(const Catalog &catalog);
        ~TrackWriter();
        qint64 upsert(const TrackRecord &track);
        bool updateFile(qint64 id, const TrackRecord &track);
        // The row's recorded size and mtime (ms) for a path, if there is one (read inside the
        // writer's transaction: what another program committed since a scan began shows here).
        std::optional<std::pair<qint64, qint64>> fileStamp(const QString &path);

    private:
        const Catalog &m_catalog;
        std::unique_ptr<class QSqlQuery> m_upsert, m_update, m_stamp;
    };
    bool markMissing(const QList<qint64> &ids);
    bool setTagWriteState(qint64 id, const QString &state);
    std::optional<TrackRecord> track(qint64 id) const;
    std::optional<TrackRecord> trackByPath(const QString &path) const;
    QList<TrackRecord> tracksByFingerprint(const QByteArray &fingerprint) const;
    QList<TrackRecord> tracks() const;
    QList<qint64> trackIds() const;
    int trackCount(std::optional<TrackState> state = std::nullopt) const;
    // path -> what the scanner compares; one query for the whole library.
    QHash<QString, KnownFile> knownFiles() const;

    // --- models and predictions
    qint64 upsertModel(const ModelRecord &model);             // by versionHash
    bool setActiveModel(qint64 modelId);
    std::optional<ModelRecord> activeModel() const;
    std::optional<ModelRecord> modelByHash(const QString &versionHash) const;
    QList<ModelRecord> models() const;
    bool storePrediction(PredictionRecord prediction);       // replaces (track, model)
    std::optional<PredictionRecord> prediction(qint64 trackId, qint64 modelId) const;
    // Every prediction of one model, by track id (the library map and charts read them at once).
    // Timelines (segmentScores, a few KiB per track) are left empty unless asked for: the views
    // that read the whole library use the per-track figures only.
    enum class Timelines { Skip, Read };
    QList<PredictionRecord> predictions(qint64 modelId, Timelines timelines = Timelines::Skip) const;
    // The analysis cache: a stored prediction of the model with this hash for any track whose
    // audio has this fingerprint.
    std::optional<PredictionRecord> cachedPrediction(const QByteArray &fingerprint, const QString &modelHash) const;

    // --- annotations
    // Annotations are an append-only history: a correction adds a row (value 1 = the label
    // applies, 0 = it does not) and the newest row per (track, segment, head, label) is what
    // counts (effectiveAnnotations). Undoing a correction removes its row.
    qint64 addAnnotation(const Annotation &annotation);
    // Several rows in one transaction (one keyboard toggle, one drop of many tracks): all or none.
    bool addAnnotations(const QList<Annotation> &annotations);
    QList<Annotation> annotations(qint64 trackId) const;
    // Every annotation of the catalog (optionally of one source), in insertion order.
    QList<Annotation> allAnnotations(std::optional<Annotation::Source> source = std::nullopt) const;
    // The newest row per (track, segment, head, label), optionally of one source, in insertion order.
    QList<Annotation> effectiveAnnotations(std::optional<Annotation::Source> source = std::nullopt,
                                           qint64 trackId = 0) const;
    // Track ids with at least one human annotation.
    QList<qint64> annotatedTrackIds() const;
    bool removeAnnotation(qint64 id);

    // --- playlists (items keep their order in `position`, 0-based and dense)
    qint64 createPlaylist(const QString &name, const QString &mood = {}, const QString &query = {});
    bool renamePlaylist(qint64 id, const QString &name);
    bool setPlaylistMood(qint64 id, const QString &mood);    // empty: no mood
    bool setPlaylistQuery(qint64 id, const QString &query);  // empty: an ordinary playlist
    bool removePlaylist(qint64 id);
    QList<PlaylistRecord> playlists() const;
    std::optional<PlaylistRecord> playlist(qint64 id) const;
    QList<qint64> playlistTracks(qint64 id) const;
    bool setPlaylistTracks(qint64 id, const QList<qint64> &trackIds);
    bool appendToPlaylist(qint64 id, const QList<qint64> &trackIds);
    bool removeFromPlaylist(qint64 id, int position);
    bool movePlaylistItem(qint64 id, int from, int to);

    // --- library folders
    bool addLibraryFolder(const QString &path);
    bool removeLibraryFolder(const QString &path);
    QStringList libraryFolders() const;

    // For writers that changed tracks through their own SQL (the scanner's batches): tells the
    // models. Emits tracksChanged: at once on the catalog's thread, from other threads collected
    // with the predictions' notifications (see notifyPredictionsChanged in the .cpp).
    void notifyTracksChanged(const QList<qint64> &ids);
    // Catalog thread: delivers now the tracksChanged / predictionsChanged that other threads'
    // writes are waiting to batch, e.g. when an analysis run ends, so the views are current when
    // its idle signal goes out.
    void flushNotifications() { deliverPendingPredictions(); }

    static TrackRecord trackFromQuery(const class QSqlQuery &q);  // columns of kTrackColumns
    static const char *const kTrackColumns;

Q_SIGNALS:
    void tracksChanged(const QList<qint64> &ids);   // inserted, updated, moved or marked missing
    void predictionsChanged(const QList<qint64> &trackIds);
    void annotationsChanged(const QList<qint64> &trackIds);  // added or removed
    void activeModelChanged();
    void playlistsChanged();                        // created, renamed or removed
    void playlistChanged(qint64 playlistId);        // items changed

private:
    void setError(const QString &error) const;
    void dropConnection(const QString &name);
    bool exec(class QSqlQuery &q) const;
    // predictionsChanged from the catalog's thread at once; from analysis threads collected and
    // delivered as one signal at most every kPredictionDeliveryMs (see the .cpp). The same for
    // tracksChanged.
    void notifyPredictionsChanged(const QList<qint64> &trackIds);
    void scheduleDelivery();  // under m_pendingMutex, when the first id of a batch arrives
    void deliverPendingPredictions();  // tracks, then predictions

    QString m_path;
    quint64 m_instance = 0;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connections;
    mutable QString m_lastError;
    QMutex m_pendingMutex;
    QList<qint64> m_pendingPredictions;
    QList<qint64> m_pendingTracks;
    QTimer *m_deliverTimer = nullptr;  // catalog thread: delivers the collected ids
};

} // namespace spectag
