#pragma once

#include "tags/tagfields.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace spectag {

struct JournalChange {
    qint64 id = 0;
    qint64 batchId = 0;
    QString path;
    TagField field = TagField::Mood;
    QStringList oldValues;
    QStringList newValues;
    QString status;  // pending, written, unchanged, failed
    QString error;
};

struct JournalBatch {
    qint64 id = 0;
    QDateTime createdAt;
    QString description;
    QDateTime undoneAt;  // invalid while not undone
    qint64 undoOf = 0;   // the batch this one undid, 0 for ordinary batches
};

// The tag-write journal in the catalog database: tables tag_write_batches and tag_write_changes
// (owned by core/tags; the catalog's own tables are never touched). One connection per object.
// A batch and its changes are inserted as "pending" in one transaction *before* any file is
// written, and each file's outcome is recorded as soon as it is known: after a crash the journal
// still says which files may have changed and what they held before.
class TagJournal {
public:
    explicit TagJournal(const QString &databasePath);
    ~TagJournal();
    TagJournal(const TagJournal &) = delete;
    TagJournal &operator=(const TagJournal &) = delete;

    bool open();  // creates the directory, the file and the tables when missing
    QString error() const { return m_error; }
    QString databasePath() const { return m_path; }

    // Returns the new batch id (0 on error); the changes' ids and statuses are ignored.
    qint64 addBatch(const QString &description, const std::vector<JournalChange> &changes, qint64 undoOf = 0);
    bool setFileStatus(qint64 batchId, const QString &path, const QString &status, const QString &error = {});
    bool markUndone(qint64 batchId);

    std::optional<JournalBatch> batch(qint64 id);
    // The newest batch that is neither undone nor itself an undo, with at least one written change
    // (or one still pending: its process died mid-batch, see undoTagBatch).
    std::optional<JournalBatch> lastUndoableBatch();
    std::vector<JournalBatch> batches(int limit = 50);
    std::vector<JournalChange> changes(qint64 batchId);

private:
    bool exec(const QString &sql);
    QString m_path;
    QString m_connection;
    QString m_error;
};

} // namespace spectag
