#include "tags/tagjournal.h"
#include "util/sqlitewal.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>

namespace spectag {

namespace {

std::atomic<quint64> s_connectionCounter{0};

QString toJson(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &json)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

QDateTime fromEpochMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

JournalBatch batchFromQuery(const QSqlQuery &q)
{
    JournalBatch b;
    b.id = q.value(0).toLongLong();
    b.createdAt = fromEpochMs(q.value(1));
    b.description = q.value(2).toString();
    b.undoneAt = fromEpochMs(q.value(3));
    b.undoOf = q.value(4).toLongLong();
    return b;
}

const QString kBatchColumns = QStringLiteral("id, created_at, description, undone_at, undo_of");

} // namespace

TagJournal::TagJournal(const QString &databasePath)
    : m_path(databasePath)
    , m_connection(QStringLiteral("spectag-tagjournal-%1-%2")
                       .arg(quintptr(QThread::currentThreadId()))
                       .arg(s_connectionCounter.fetch_add(1)))
{
}

TagJournal::~TagJournal()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool TagJournal::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql)) {
        m_error = QStringLiteral("journal: %1 (%2)").arg(q.lastError().text(), sql.left(60));
        return false;
    }
    return true;
}

bool TagJournal::open()
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        m_error = QStringLiteral("journal: cannot create the directory %1").arg(dir);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        m_error = QStringLiteral("journal: cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    // The catalog uses WAL too; the tables are ours alone (IF NOT EXISTS: the catalog may have
    // created the file first, or a later Spectag may find them already there).
    if (QString walError; !enableWal(db, &walError)) {
        m_error = QStringLiteral("journal: %1").arg(walError);
        return false;
    }
    return exec(QStringLiteral("PRAGMA foreign_keys=ON"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS tag_write_batches ("
                               "id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL, "
                               "description TEXT NOT NULL DEFAULT '', undone_at INTEGER, undo_of INTEGER)"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS tag_write_changes ("
                               "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "batch_id INTEGER NOT NULL REFERENCES tag_write_batches(id) ON DELETE CASCADE, "
                               "path TEXT NOT NULL, field TEXT NOT NULL, old_values_json TEXT NOT NULL, "
                               "new_values_json TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', error TEXT)"))
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS tag_write_changes_batch ON tag_write_changes(batch_id, path)"));
}

qint64 TagJournal::addBatch(const QString &description, const std::vector<JournalChange> &changes, qint64 undoOf)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_error = QStringLiteral("journal: %1").arg(db.lastError().text());
        return 0;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO tag_write_batches (created_at, description, undo_of) VALUES (?, ?, ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(description);
    q.addBindValue(undoOf > 0 ? QVariant(undoOf) : QVariant());
    if (!q.exec()) {
        m_error = QStringLiteral("journal: %1").arg(q.lastError().text());
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO tag_write_changes (batch_id, path, field, old_values_json, new_values_json, status) "
                             "VALUES (?, ?, ?, ?, ?, 'pending')"));
    for (const JournalChange &c : changes) {
        q.addBindValue(id);
        q.addBindValue(c.path);
        q.addBindValue(tagFieldName(c.field));
        q.addBindValue(toJson(c.oldValues));
        q.addBindValue(toJson(c.newValues));
        if (!q.exec()) {
            m_error = QStringLiteral("journal: %1").arg(q.lastError().text());
            db.rollback();
            return 0;
        }
    }
    if (!db.commit()) {
        m_error = QStringLiteral("journal: %1").arg(db.lastError().text());
        return 0;
    }
    return id;
}

bool TagJournal::setFileStatus(qint64 batchId, const QString &path, const QString &status, const QString &error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE tag_write_changes SET status = ?, error = ? WHERE batch_id = ? AND path = ?"));
    q.addBindValue(status);
    q.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    q.addBindValue(batchId);
    q.addBindValue(path);
    if (!q.exec()) {
        m_error = QStringLiteral("journal: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

bool TagJournal::markUndone(qint64 batchId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE tag_write_batches SET undone_at = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(batchId);
    if (!q.exec()) {
        m_error = QStringLiteral("journal: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

std::optional<JournalBatch> TagJournal::batch(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM tag_write_batches WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return batchFromQuery(q);
    return std::nullopt;
}

std::optional<JournalBatch> TagJournal::lastUndoableBatch()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT ") + kBatchColumns
               + QStringLiteral(" FROM tag_write_batches b WHERE undone_at IS NULL AND undo_of IS NULL AND EXISTS "
                                "(SELECT 1 FROM tag_write_changes c WHERE c.batch_id = b.id AND c.status IN ('written', 'pending')) "
                                "ORDER BY id DESC LIMIT 1"))
        && q.next())
        return batchFromQuery(q);
    return std::nullopt;
}

std::vector<JournalBatch> TagJournal::batches(int limit)
{
    std::vector<JournalBatch> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM tag_write_batches ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.push_back(batchFromQuery(q));
    }
    return out;
}

std::vector<JournalChange> TagJournal::changes(qint64 batchId)
{
    std::vector<JournalChange> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id, batch_id, path, field, old_values_json, new_values_json, status, error "
                             "FROM tag_write_changes WHERE batch_id = ? ORDER BY id"));
    q.addBindValue(batchId);
    if (!q.exec())
        return out;
    while (q.next()) {
        JournalChange c;
        c.id = q.value(0).toLongLong();
        c.batchId = q.value(1).toLongLong();
        c.path = q.value(2).toString();
        const std::optional<TagField> f = tagFieldFromName(q.value(3).toString());
        if (!f)
            continue;  // written by a newer Spectag with fields this one does not know
        c.field = *f;
        c.oldValues = fromJson(q.value(4).toString());
        c.newValues = fromJson(q.value(5).toString());
        c.status = q.value(6).toString();
        c.error = q.value(7).toString();
        out.push_back(c);
    }
    return out;
}

} // namespace spectag
