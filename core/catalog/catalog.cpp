#include "catalog/catalog.h"
#include "catalog/sqlvalues.h"
#include "catalog/transaction.h"
#include "util/sqlitewal.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>
#include <mutex>

namespace spectag {

using namespace catalogsql;

namespace {

QString stateText(TrackState s)
{
    return s == TrackState::Missing ? QStringLiteral("missing") : QStringLiteral("present");
}

} // namespace

const char *const Catalog::kTrackColumns =
    "id, path, folder, size, mtime, fingerprint, duration, format, codec, sample_rate, channels, bitrate, "
    "title, artist, album, genre, mood, state, tag_write_state, added_at, scanned_at";

TrackRecord Catalog::trackFromQuery(const QSqlQuery &q)
{
    TrackRecord t;
    t.id = q.value(0).toLongLong();
    t.path = q.value(1).toString();
    t.folder = q.value(2).toString();
    t.size = q.value(3).toLongLong();
    t.mtimeMs = q.value(4).toLongLong();
    t.fingerprint = q.value(5).toString().toLatin1();
    t.duration = q.value(6).toDouble();
    t.format = q.value(7).toString();
    t.codec = q.value(8).toString();
    t.sampleRate = q.value(9).toInt();
    t.channels = q.value(10).toInt();
    t.bitrate = q.value(11).toInt();
    t.title = q.value(12).toString();
    t.artist = q.value(13).toString();
    t.album = q.value(14).toString();
    t.genre = q.value(15).toString();
    t.mood = q.value(16).toString();
    t.state = q.value(17).toString() == QLatin1String("missing") ? TrackState::Missing : TrackState::Present;
    t.tagWriteState = q.value(18).toString();
    t.addedAt = fromText(q.value(19));
    t.scannedAt = fromText(q.value(20));
    return t;
}

namespace {

// Predictions stored by analysis threads reach the views at most this often (see
// notifyPredictionsChanged): short enough to look immediate, long enough that a library answered
// from the cache at hundreds of tracks a second costs each view a few queries a second.
constexpr int kPredictionDeliveryMs = 100;

// SQLite counts every allocation under one process-wide mutex unless told not to. With analysis
// threads storing results, the GUI thread's queries waited on that mutex, held by threads that run
// at a lower priority (priority inversion): event-loop stalls of 0.2-0.5 s (bench_guistall, perf
// sched_switch). Only sqlite3_memory_used() and the soft heap limit need the statistics; Spectag
// uses neither. Must run before SQLite initialises, i.e. before the first connection opens;
// sqlite3_config() refuses harmlessly if something opened one earlier.
void configureSqlite()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// Adds ids to one of the two lists waiting for delivery; true when they start a new batch (both
// lists were empty), which the caller then schedules.
bool appendPending(QList<qint64> &pending, const QList<qint64> &other, const QList<qint64> &ids)
{
    const bool first = pending.isEmpty() && other.isEmpty();
    pending += ids;
    return first;
}

} // namespace

Catalog::Catalog(QObject *parent)
    : QObject(parent)
{
    configureSqlite();
    m_deliverTimer = new QTimer(this);
    m_deliverTimer->setSingleShot(true);
    m_deliverTimer->setInterval(kPredictionDeliveryMs);
    connect(m_deliverTimer, &QTimer::timeout, this, &Catalog::deliverPendingPredictions);
    // Connection names must not repeat across catalogs, even one constructed at a freed address.
    static std::atomic<quint64> instances{0};
    m_instance = ++instances;
}

Catalog::~Catalog()
{
    close();
}

bool Catalog::open(const QString &path)
{
    close();
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath())) {
        setError(QStringLiteral("cannot create the folder %1").arg(fi.absolutePath()));
        return false;
    }
    m_path = fi.absoluteFilePath();
    // The handles live in this lambda so that close() on failure finds no query or database copy
    // still in use (removeDatabase() would warn that the connection is still in use).
    const bool ok = [this] {
        QSqlDatabase db = database();
        if (!db.isOpen())
            return false;
        QString error;
        if (!enableWal(db, &error)) {
            setError(QStringLiteral("%1: %2").arg(m_path, error));
            return false;
        }
        if (!migrate(db, latestSchemaVersion(), &error)) {
            setError(QStringLiteral("%1: %2").arg(m_path, error));
            return false;
        }
        return true;
    }();
    if (!ok)
        close();
    return ok;
}

void Catalog::close()
{
    QMutexLocker lock(&m_mutex);
    const QSet<QString> names = std::exchange(m_connections, {});
    lock.unlock();
    // Not QSqlDatabase::database(name): Qt refuses to hand out another thread's connection.
    // removeDatabase() invalidates it; SQLite closes the handle with the last reference.
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
    m_path.clear();
}

void Catalog::dropConnection(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    if (!m_connections.remove(name))
        return;
    lock.unlock();
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QSqlDatabase Catalog::database() const
{
    const QString name = QStringLiteral("spectag-catalog-%1-%2")
                             .arg(m_instance)
                             .arg(quintptr(QThread::currentThreadId()), 0, 16);
    {
        QMutexLocker lock(&m_mutex);
        if (m_connections.contains(name))
            return QSqlDatabase::database(name, false);
        if (m_path.isEmpty())
            return {};
        m_connections.insert(name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    QString error;
    if (!db.open()) {
        setError(QStringLiteral("%1: %2").arg(m_path, db.lastError().text()));
    } else if (!configureConnection(db, &error)) {
        setError(error);
        db.close();
    }
    // Worker threads (thread pools) outlive single calls: remove the connection when the thread ends.
    QThread *thread = QThread::currentThread();
    if (thread != this->thread()) {
        auto *self = const_cast<Catalog *>(this);
        connect(thread, &QThread::finished, self, [self, name] { self->dropConnection(name); }, Qt::DirectConnection);
    }
    return db;
}

void Catalog::setError(const QString &error) const
{
    QMutexLocker lock(&m_mutex);
    m_lastError = error;
}

QString Catalog::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

bool Catalog::exec(QSqlQuery &q) const
{
    if (q.exec())
        return true;
    setError(q.lastError().text() + QStringLiteral(" [") + q.lastQuery() + QLatin1Char(']'));
    return false;
}

// ---------------------------------------------------------------------------------------- tracks

namespace {
// The file and tag columns of a track row, in the order both statements below bind them.
QVariantList trackFileValues(const TrackRecord &t)
{
    const QString folder = t.folder.isEmpty() ? QFileInfo(t.path).path() : t.folder;
    return {QVariant(t.path), QVariant(folder), QVariant(t.size), QVariant(t.mtimeMs), QVariant(QString::fromLatin1(t.fingerprint)),
            QVariant(t.duration), QVariant(t.format), QVariant(t.codec), QVariant(t.sampleRate), QVariant(t.channels),
            QVariant(t.bitrate), QVariant(t.title), QVariant(t.artist), QVariant(t.album), QVariant(t.genre), QVariant(t.mood)};
}
} // namespace

Catalog::TrackWriter::TrackWriter(const Catalog &catalog)
    : m_catalog(catalog)
{
}

Catalog::TrackWriter::~TrackWriter() = default;

qint64 Catalog::TrackWriter::upsert(const TrackRecord &t)
{
    if (!m_upsert) {
        m_upsert = std::make_unique<QSqlQuery>(m_catalog.database());
        m_upsert->prepare(QStringLiteral(
            "INSERT INTO tracks (path, folder, size, mtime, fingerprint, duration, format, codec, sample_rate, channels, "
            "bitrate, title, artist, album, genre, mood, state, added_at, scanned_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET folder=excluded.folder, size=excluded.size, mtime=excluded.mtime, "
            "fingerprint=excluded.fingerprint, duration=excluded.duration, format=excluded.format, codec=excluded.codec, "
            "sample_rate=excluded.sample_rate, channels=excluded.channels, bitrate=excluded.bitrate, title=excluded.title, "
            "artist=excluded.artist, album=excluded.album, genre=excluded.genre, mood=excluded.mood, state=excluded.state, "
            "scanned_at=excluded.scanned_at RETURNING id"));
    }
    QSqlQuery &q = *m_upsert;
    QVariantList values = trackFileValues(t);
    values << QVariant(stateText(t.state)) << QVariant(toText(t.addedAt)) << QVariant(toText(t.scannedAt));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    qint64 id = 0;
    if (m_catalog.exec(q) && q.next())
        id = q.value(0).toLongLong();
    q.finish();  // RETURNING leaves the statement open until it is reset
    return id;
}

bool Catalog::TrackWriter::updateFile(qint64 id, const TrackRecord &t)
{
    if (!m_update) {
        m_update = std::make_unique<QSqlQuery>(m_catalog.database());
        m_update->prepare(QStringLiteral(
            "UPDATE tracks SET path=?, folder=?, size=?, mtime=?, fingerprint=?, duration=?, format=?, codec=?, "
            "sample_rate=?, channels=?, bitrate=?, title=?, artist=?, album=?, genre=?, mood=?, state='present', "
            "scanned_at=? WHERE id=?"));
    }
    QSqlQuery &q = *m_update;
    QVariantList values = trackFileValues(t);
    values << QVariant(toText(t.scannedAt)) << QVariant(id);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = m_catalog.exec(q) && q.numRowsAffected() == 1;
    q.finish();  // no statement left active across the scan's COMMIT
    return ok;
}

std::optional<std::pair<qint64, qint64>> Catalog::TrackWriter::fileStamp(const QString &path)
{
    if (!m_stamp) {
        m_stamp = std::make_unique<QSqlQuery>(m_catalog.database());
        m_stamp->prepare(QStringLiteral("SELECT size, mtime FROM tracks WHERE path = ?"));
    }
    QSqlQuery &q = *m_stamp;
    q.bindValue(0, path);
    std::optional<std::pair<qint64, qint64>> stamp;
    if (m_catalog.exec(q) && q.next())
        stamp.emplace(q.value(0).toLongLong(), q.value(1).toLongLong());
    q.finish();
    return stamp;
}

qint64 Catalog::upsertTrack(const TrackRecord &t)
{
    return TrackWriter(*this).upsert(t);
}

bool Catalog::updateTrackFile(qint64 id, const TrackRecord &t)
{
    return TrackWriter(*this).updateFile(id, t);
}

bool Catalog::markMissing(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return true;
    Transaction tx(database());
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE tracks SET state='missing' WHERE id=?"));
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (!exec(q))
            return false;
    }
    if (!tx.commit()) {
        setError(tx.error());
        return false;
    }
    notifyTracksChanged(ids);
    return true;
}

bool Catalog::setTagWriteState(qint64 id, const QString &state)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE tracks SET tag_write_state=? WHERE id=?"));
    q.addBindValue(state.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(state));
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1)
        return false;
    notifyTracksChanged({id});
    return true;
}

std::optional<TrackRecord> Catalog::track(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE id=?").arg(QLatin1String(kTrackColumns)));
    q.addBindValue(id);
    if (exec(q) && q.next())
        return trackFromQuery(q);
    return std::nullopt;
}

std::optional<TrackRecord> Catalog::trackByPath(const QString &path) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE path=?").arg(QLatin1String(kTrackColumns)));
    q.addBindValue(path);
    if (exec(q) && q.next())
        return trackFromQuery(q);
    return std::nullopt;
}

QList<TrackRecord> Catalog::tracksByFingerprint(const QByteArray &fingerprint) const
{
    QList<TrackRecord> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE fingerprint=? ORDER BY id").arg(QLatin1String(kTrackColumns)));
    q.addBindValue(QString::fromLatin1(fingerprint));
    if (exec(q))
        while (q.next())
            out.append(trackFromQuery(q));
    return out;
}

QList<TrackRecord> Catalog::tracks() const
{
    QList<TrackRecord> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM tracks ORDER BY id").arg(QLatin1String(kTrackColumns)));
    if (exec(q))
        while (q.next())
            out.append(trackFromQuery(q));
    return out;
}

QList<qint64> Catalog::trackIds() const
{
    QList<qint64> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id FROM tracks ORDER BY id")))
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

int Catalog::trackCount(std::optional<TrackState> state) const
{
    QSqlQuery q(database());
    if (state) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM tracks WHERE state=?"));
        q.addBindValue(stateText(*state));
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM tracks"));
    }
    return exec(q) && q.next() ? q.value(0).toInt() : -1;
}

QHash<QString, KnownFile> Catalog::knownFiles() const
{
    QHash<QString, KnownFile> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT path, id, size, mtime, fingerprint, state FROM tracks"));
    if (!exec(q))
        return out;
    while (q.next()) {
        KnownFile k;
        k.id = q.value(1).toLongLong();
        k.size = q.value(2).toLongLong();
        k.mtimeMs = q.value(3).toLongLong();
        k.fingerprint = q.value(4).toString().toLatin1();
        k.state = q.value(5).toString() == QLatin1String("missing") ? TrackState::Missing : TrackState::Present;
        out.insert(q.value(0).toString(), k);
    }
    return out;
}

// --------------------------------------------------------- change notifications (catalogpredictions.cpp stores)

void Catalog::notifyPredictionsChanged(const QList<qint64> &trackIds)
{
    if (QThread::currentThread() == thread()) {
        Q_EMIT predictionsChanged(trackIds);
        return;
    }
    // An analysis thread stores a prediction every few milliseconds when the cache answers. One
    // queued signal each made every view (library table, review queue) run its query per track on
    // the GUI thread, in bursts: stalls of 0.5-0.9 s while 10,000 tracks were analysed
    // (bench_guistall). Collected here, they arrive as one signal per kPredictionDeliveryMs, one
    // query per view. (One per event-loop turn was not enough: turns come every few milliseconds.)
    QMutexLocker lock(&m_pendingMutex);
    if (appendPending(m_pendingPredictions, m_pendingTracks, trackIds))
        scheduleDelivery();
}

void Catalog::notifyTracksChanged(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    if (QThread::currentThread() == thread()) {
        Q_EMIT tracksChanged(ids);
        return;
    }
    // Batched like predictions: analysis records each file's fingerprint as it goes (a track
    // change per file), and a queued signal each refreshed every view per track.
    QMutexLocker lock(&m_pendingMutex);
    if (appendPending(m_pendingTracks, m_pendingPredictions, ids))
        scheduleDelivery();
}

void Catalog::scheduleDelivery()
{
    // The timer belongs to the catalog's thread: start it there.
    QMetaObject::invokeMethod(this, [this] { if (!m_deliverTimer->isActive()) m_deliverTimer->start(); }, Qt::QueuedConnection);
}

void Catalog::deliverPendingPredictions()
{
    QList<qint64> tracks, predictions;
    {
        QMutexLocker lock(&m_pendingMutex);
        tracks.swap(m_pendingTracks);
        predictions.swap(m_pendingPredictions);
    }
    // Tracks first: a view that learns of a new track from tracksChanged has its row before the
    // track's prediction arrives.
    if (!tracks.isEmpty())
        Q_EMIT tracksChanged(tracks);
    if (!predictions.isEmpty())
        Q_EMIT predictionsChanged(predictions);
}

// ------------------------------------------------------------------------------- library folders

bool Catalog::addLibraryFolder(const QString &path)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO library_folders (path, added_at) VALUES (?, ?)"));
    q.addBindValue(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    q.addBindValue(toText({}));
    return exec(q);
}

bool Catalog::removeLibraryFolder(const QString &path)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM library_folders WHERE path=?"));
    q.addBindValue(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    return exec(q) && q.numRowsAffected() == 1;
}

QStringList Catalog::libraryFolders() const
{
    QStringList out;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT path FROM library_folders ORDER BY path")))
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

} // namespace spectag
