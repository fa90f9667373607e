#include "tags/tagbatch.h"
#include "util/progressthrottle.h"
#include "tags/tagfile.h"
#include "tags/tagjournal.h"

#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

namespace spectag {

namespace {

std::unique_ptr<TagFile> openForPlan(const TagFileState &state, const TagWriteOptions &options, QString *error)
{
    std::unique_ptr<TagFile> tf = TagFile::open(state.path, error);
    if (tf)
        tf->setId3v2Version(options.id3v2);
    return tf;
}

// One request per file. The same file named twice (`tag a.mp3 a.mp3`, or overlapping folders
// under --predicted) would otherwise be planned twice from the same "before" state: the second
// write fails its changed-since-read check and, sharing the journal rows of the first, marks
// them failed, so undo would never restore that file. Later requests' fields win.
std::vector<TagChangeRequest> mergeSameFile(const std::vector<TagChangeRequest> &requests)
{
    std::vector<TagChangeRequest> merged;
    QHash<QString, size_t> index;
    for (const TagChangeRequest &req : requests) {
        const QFileInfo fi(req.path);
        const QString key = fi.exists() ? fi.canonicalFilePath() : fi.absoluteFilePath();
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            index.insert(key, merged.size());
            merged.push_back(req);
            continue;
        }
        for (auto v = req.values.cbegin(); v != req.values.cend(); ++v)
            merged[*it].values.insert(v.key(), v.value());
    }
    return merged;
}

} // namespace

std::vector<FilePlan> planTagWrites(const std::vector<TagChangeRequest> &requests, const TagWriteOptions &options,
                                    const std::atomic_bool *cancel)
{
    std::vector<FilePlan> plans;
    for (const TagChangeRequest &req : mergeSameFile(requests)) {
        if (cancel && *cancel)
            break;
        FilePlan p;
        p.state = SafeTagWriter::readState(req.path, true);
        p.path = p.state.path;
        if (!p.state.ok()) {
            p.error = p.state.error;
            plans.push_back(p);
            continue;
        }
        std::unique_ptr<TagFile> tf = openForPlan(p.state, options, &p.error);
        if (!tf) {
            plans.push_back(p);
            continue;
        }
        for (auto it = req.values.cbegin(); it != req.values.cend(); ++it) {
            p.oldValues.insert(it.key(), p.state.values.value(it.key()));
            p.newValues.insert(it.key(), tf->storedForm(it.key(), it.value()));
            p.warnings << tf->warnings(it.key(), it.value());
        }
        p.warnings.removeDuplicates();
        plans.push_back(p);
    }
    return plans;
}

BatchOutcome applyTagWrites(TagJournal &journal, const std::vector<FilePlan> &plans, const QString &description,
                            const TagWriteOptions &options, const std::atomic_bool *cancel, qint64 undoOf,
                            const BatchProgress &progress)
{
    BatchOutcome out;
    // A plan list from elsewhere may still name a file twice: only its first plan is journaled
    // and written (see mergeSameFile for why a second one must not touch the journal).
    QSet<QString> seen;
    std::vector<bool> repeated;
    for (const FilePlan &p : plans) {
        repeated.push_back(!p.path.isEmpty() && seen.contains(p.path));
        seen.insert(p.path);
    }
    std::vector<JournalChange> changes;
    for (size_t i = 0; i < plans.size(); ++i) {
        const FilePlan &p = plans[i];
        if (!p.hasChanges() || repeated[i])
            continue;
        for (auto it = p.newValues.cbegin(); it != p.newValues.cend(); ++it) {
            if (p.oldValues.value(it.key()) == it.value())
                continue;
            JournalChange c;
            c.path = p.path;
            c.field = it.key();
            c.oldValues = p.oldValues.value(it.key());
            c.newValues = it.value();
            changes.push_back(c);
        }
    }
    if (!changes.empty()) {
        out.batchId = journal.addBatch(description, changes, undoOf);
        if (out.batchId == 0) {
            out.error = journal.error() + QStringLiteral(" (nothing was written)");
            return out;
        }
    }
    SafeTagWriter writer;
    writer.setId3v2Version(options.id3v2);
    ProgressThrottle throttle;
    const int total = int(plans.size());
    for (size_t i = 0; i < plans.size(); ++i) {
        const FilePlan &p = plans[i];
        if (progress && throttle.due())
            progress(int(out.files.size()), total, p.path);
        FileOutcome f{p.path, QString(), p.error, p.warnings};
        if (repeated[i]) {
            f.status = QStringLiteral("skipped");
            f.error = QStringLiteral("%1: listed twice; written once").arg(p.path);
        } else if (!p.error.isEmpty()) {
            f.status = QStringLiteral("failed");
            ++out.failed;
        } else if (!p.hasChanges()) {
            f.status = QStringLiteral("unchanged");
            ++out.unchanged;
        } else if (cancel && *cancel) {
            f.status = QStringLiteral("skipped");
            out.cancelled = true;
            journal.setFileStatus(out.batchId, p.path, f.status);
        } else {
            TagValueMap values;
            for (auto it = p.newValues.cbegin(); it != p.newValues.cend(); ++it) {
                if (p.oldValues.value(it.key()) != it.value())
                    values.insert(it.key(), it.value());
            }
            const SafeWriteResult r = writer.write(p.path, values, &p.state);
            f.status = r.ok() ? QStringLiteral("written") : QStringLiteral("failed");
            f.error = r.error;
            r.ok() ? ++out.written : ++out.failed;
            if (!journal.setFileStatus(out.batchId, p.path, f.status, f.error) && out.error.isEmpty())
                // Say what did happen: the files are done, only their outcome is not recorded. Rows
                // left "pending" are what undo already handles after a crash.
                out.error = QStringLiteral("%1; files were written, their journal rows stay \"pending\" (undo still restores them)")
                                .arg(journal.error());
        }
        out.files.push_back(f);
    }
    if (progress)
        progress(total, total, QString());
    return out;
}

BatchOutcome undoTagBatch(TagJournal &journal, qint64 batchId, const TagWriteOptions &options)
{
    BatchOutcome out;
    std::optional<JournalBatch> b = batchId > 0 ? journal.batch(batchId) : journal.lastUndoableBatch();
    if (!b) {
        out.error = batchId > 0 ? QStringLiteral("no batch %1 in the journal").arg(batchId)
                                : QStringLiteral("nothing to undo");
        return out;
    }
    if (b->undoneAt.isValid()) {
        out.error = QStringLiteral("batch %1 was already undone").arg(b->id);
        return out;
    }
    // Per file: the values to restore, and the values the batch left (which must still be there).
    QMap<QString, TagValueMap> restore;
    QMap<QString, TagValueMap> expectedNow;
    QStringList order;
    // "pending": the batch's process died (killed, power cut) after journaling the batch but before
    // recording this file's outcome, possibly after the file was already swapped. Such a file is
    // restored when it holds what the batch wrote and left alone when it still holds the old values.
    QSet<QString> pending;
    for (const JournalChange &c : journal.changes(b->id)) {
        if (c.status == QLatin1String("pending"))
            pending.insert(c.path);
        else if (c.status != QLatin1String("written"))
            continue;
        if (!restore.contains(c.path))
            order << c.path;
        restore[c.path].insert(c.field, c.oldValues);
        expectedNow[c.path].insert(c.field, c.newValues);
    }
    std::vector<TagChangeRequest> requests;
    for (const QString &path : std::as_const(order))
        requests.push_back({path, restore.value(path)});
    std::vector<FilePlan> plans = planTagWrites(requests, options);
    for (FilePlan &p : plans) {
        // A file that already holds the values to restore needs nothing: a pending one was never
        // written, and a written one was put back already (by hand, or by another undo of this
        // batch running at the same time). Calling it "changed since the batch" left the batch
        // undoable forever, in the way of every later plain `undo`.
        if (!p.error.isEmpty() || !p.hasChanges())
            continue;
        const TagValueMap want = expectedNow.value(p.path);
        for (auto it = want.cbegin(); it != want.cend(); ++it) {
            if (p.oldValues.value(it.key()) != it.value()) {
                p.error = QStringLiteral("%1: %2 changed since batch %3 (now \"%4\"); not undone")
                              .arg(p.path, tagFieldName(it.key()))
                              .arg(b->id)
                              .arg(p.oldValues.value(it.key()).join(QLatin1String("; ")));
                break;
            }
        }
    }
    out = applyTagWrites(journal, plans, QStringLiteral("undo of batch %1").arg(b->id), options, nullptr, b->id);
    if (out.failed == 0 && out.error.isEmpty() && !journal.markUndone(b->id))
        out.error = journal.error();
    return out;
}

} // namespace spectag
