// The catalog's schema: ordered migration steps, applied from PRAGMA user_version upwards.
// Never edit a released step; add a new one.
#include "catalog/catalog.h"
#include "catalog/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

namespace {

// Step 1: the library itself and what the models say about it.
const char *const kStep1[] = {
    R"(CREATE TABLE tracks (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        folder TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        mtime INTEGER NOT NULL DEFAULT 0,
        fingerprint TEXT,
        duration REAL NOT NULL DEFAULT 0,
        format TEXT, codec TEXT,
        sample_rate INTEGER NOT NULL DEFAULT 0,
        channels INTEGER NOT NULL DEFAULT 0,
        bitrate INTEGER NOT NULL DEFAULT 0,
        title TEXT, artist TEXT, album TEXT, genre TEXT, mood TEXT,
        state TEXT NOT NULL DEFAULT 'present' CHECK (state IN ('present', 'missing')),
        added_at TEXT NOT NULL,
        scanned_at TEXT NOT NULL))",
    "CREATE INDEX tracks_fingerprint ON tracks(fingerprint)",
    "CREATE INDEX tracks_folder ON tracks(folder)",
    R"(CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        architecture TEXT,
        version_hash TEXT NOT NULL UNIQUE,
        label_sets TEXT NOT NULL DEFAULT '{}',
        file_path TEXT,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE predictions (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        scores TEXT NOT NULL DEFAULT '{}',
        segment_scores BLOB,
        segment_seconds REAL NOT NULL DEFAULT 0,
        embedding BLOB,
        valence REAL, arousal REAL,
        top_genre TEXT, top_mood TEXT,
        confidence REAL NOT NULL DEFAULT 0,
        analysed_at TEXT NOT NULL,
        UNIQUE (track_id, model_id)))",
    "CREATE INDEX predictions_model ON predictions(model_id)",
    R"(CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        segment_start REAL, segment_end REAL,
        head TEXT NOT NULL,
        label TEXT NOT NULL,
        value REAL NOT NULL DEFAULT 1,
        source TEXT NOT NULL CHECK (source IN ('model', 'human')),
        annotator TEXT,
        created_at TEXT NOT NULL))",
    "CREATE INDEX annotations_track ON annotations(track_id)",
};

// Step 2: playlists, the folders the user added, and the tag writer's per-track state.
const char *const kStep2[] = {
    "ALTER TABLE tracks ADD COLUMN tag_write_state TEXT",
    R"(CREATE TABLE playlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL))",
    R"(CREATE TABLE playlist_items (
        playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        PRIMARY KEY (playlist_id, position)))",
    "CREATE INDEX playlist_items_track ON playlist_items(track_id)",
    R"(CREATE TABLE library_folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL))",
};

// Step 3: what makes a playlist more than a list. `mood` (a label of the "mood" head) means
// dropping a track into it says the track has that mood; `query` (the library search syntax)
// makes it a smart playlist whose items the application keeps equal to the matching tracks.
const char *const kStep3[] = {
    "ALTER TABLE playlists ADD COLUMN mood TEXT",
    "ALTER TABLE playlists ADD COLUMN query TEXT",
};

struct Step {
    const char *const *statements;
    size_t count;
};

template <size_t N>
constexpr Step step(const char *const (&s)[N])
{
    return {s, N};
}

const Step kSteps[] = {step(kStep1), step(kStep2), step(kStep3)};

int userVersion(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace

int Catalog::latestSchemaVersion()
{
    return int(std::size(kSteps));
}

bool Catalog::configureConnection(QSqlDatabase db, QString *error)
{
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QLatin1String(pragma))) {
            *error = QStringLiteral("%1: %2").arg(QLatin1String(pragma), q.lastError().text());
            return false;
        }
    }
    return true;
}

bool Catalog::migrate(QSqlDatabase db, int targetVersion, QString *error)
{
    const int current = userVersion(db);
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
        return false;
    }
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the catalog has schema version %1, newer than this Spectag understands (%2)")
                     .arg(current)
                     .arg(latestSchemaVersion());
        return false;
    }
    for (int v = current + 1; v <= std::min(targetVersion, latestSchemaVersion()); ++v) {
        const Step &s = kSteps[v - 1];
        Transaction tx(db);
        if (!tx.isActive()) {
            *error = QStringLiteral("migration to version %1: %2").arg(v).arg(tx.error());
            return false;
        }
        // Another process (the app and a cron scan starting on a new catalog) may have migrated
        // while this one waited for the lock: the version read above is stale then.
        const int now = userVersion(db);
        if (now >= v) {
            tx.rollback();
            continue;
        }
        QSqlQuery q(db);
        for (size_t i = 0; i < s.count; ++i) {
            if (!q.exec(QLatin1String(s.statements[i]))) {
                *error = QStringLiteral("migration to version %1 failed: %2").arg(v).arg(q.lastError().text());
                return false;  // tx rolls back: the file stays at version v - 1
            }
        }
        // user_version lives in the database header and is part of this transaction.
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v)) || !tx.commit()) {
            *error = QStringLiteral("migration to version %1 could not be committed: %2").arg(v).arg(tx.error());
            return false;
        }
    }
    return true;
}

int Catalog::schemaVersion() const
{
    return userVersion(database());
}

} // namespace spectag
