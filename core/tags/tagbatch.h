#pragma once

#include "tags/safetagwriter.h"
#include "tags/tagfields.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace spectag {

class TagJournal;

struct TagWriteOptions {
    Id3v2Version id3v2 = Id3v2Version::Keep;
};

// One file of a planned batch: what it holds now and what it will hold (the stored form, so a
// preview shows what an ID3v2.3 join or a dropped value really does).
struct FilePlan {
    QString path;           // canonical
    TagValueMap oldValues;  // the requested fields only
    TagValueMap newValues;
    QStringList warnings;
    QString error;          // the file cannot be written at all (unreadable, unsupported...)
    TagFileState state;     // for the "changed since read" check at write time
    bool hasChanges() const { return error.isEmpty() && oldValues != newValues; }
};

// Reads every file once (tags + audio payload hash) and computes the plan. Nothing is written.
std::vector<FilePlan> planTagWrites(const std::vector<TagChangeRequest> &requests, const TagWriteOptions &options,
                                    const std::atomic_bool *cancel = nullptr);

struct FileOutcome {
    QString path;
    QString status;  // written, unchanged, failed, skipped
    QString error;
    QStringList warnings;
};

struct BatchOutcome {
    qint64 batchId = 0;  // 0 when nothing was journaled (nothing to write, or journal error)
    int written = 0;
    int unchanged = 0;
    int failed = 0;
    bool cancelled = false;
    QString error;       // journal errors: nothing was written then
    std::vector<FileOutcome> files;
};

// Per-file progress of a batch: `done` of `total` files handled, `path` the one about to be
// written (empty at the end). Called on the writing thread, at most every ~60 ms, and always
// for the last file.
using BatchProgress = std::function<void(int done, int total, const QString &path)>;

// Journals the batch, then writes each changed file with SafeTagWriter, recording each outcome.
// Files that cannot be planned count as failed; a cancel stops before the next file.
BatchOutcome applyTagWrites(TagJournal &journal, const std::vector<FilePlan> &plans, const QString &description,
                            const TagWriteOptions &options, const std::atomic_bool *cancel = nullptr, qint64 undoOf = 0,
                            const BatchProgress &progress = {});

// Restores the old values of `batchId` (0 = the last undoable batch) through the same writer, as a
// new journaled batch. A file whose fields no longer hold what the batch wrote is left alone and
// reported. The batch is marked undone when every written file was restored. Changes still
// "pending" (the batch's process died) are restored where the file holds the batch's values.
BatchOutcome undoTagBatch(TagJournal &journal, qint64 batchId, const TagWriteOptions &options = {});

} // namespace spectag
