// The safe writer's refusals (read-only, permissions, disk full, changed files), what it keeps
// (mode, owner, symlinks), its temporary-file hygiene, and the journal with undo.
#include "tagtesthelpers.h"

#include "tags/safetagwriter.h"
#include "tags/tagbatch.h"
#include "tags/tagfile.h"
#include "tags/tagjournal.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QTest>

#include <latch>

#include <sys/stat.h>
#include <unistd.h>

using namespace spectag;

namespace {

QString helper()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/tags_writehelper");
}

QStringList moodOf(const QString &path)
{
    return tagtest::valuesOf(path, TagField::Mood);
}

QStringList dirEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}

} // namespace

class TestTagWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readOnlyFile();
    void noPermission_data();
    void noPermission();
    void diskFull();
    void changedSinceRead();
    void keepsModeOwnerAndSymlink();
    void staleTempFiles();
    void liveWriterLookedUpLateIsKept();
    void journalAndUndo();
    void undoRefusesChangedFile();
    void undoAfterInterruptedBatch();
    void sameFileTwice();
    void undoWhenAFileIsAlreadyRestored();
    void journalsOpenANewCatalogAtOnce();
};

void TestTagWriter::readOnlyFile()
{
    QTemporaryDir dir;
    const QString path = testutil::makeAudio(dir.path(), QStringLiteral("ro.flac"), 0.5);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray bytes = tagtest::readAll(path);
    const SafeWriteResult r = SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("Happy")}}});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("read-only")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(path), bytes);
    QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("ro.flac")});
}

void TestTagWriter::noPermission_data()
{
    QTest::addColumn<int>("fileMode");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("file not writable by user") << 0644 << "no permission to write";
    QTest::newRow("directory not writable by user") << 0666 << "no permission to create files";
}

void TestTagWriter::noPermission()
{
    QFETCH(int, fileMode);
    QFETCH(QString, errorPart);
    if (::geteuid() != 0 || !testutil::haveProgram(QStringLiteral("setpriv")))
        QSKIP("needs root and setpriv to run the writer as another user");
    // Tests run as root, which bypasses permissions: the write runs as nobody in a subprocess.
    QTemporaryDir dir(QStringLiteral("/tmp/spectag-perm-XXXXXX"));
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
    const QString path = testutil::makeAudio(dir.path(), QStringLiteral("p.mp3"), 0.5);
    QVERIFY(!path.isEmpty());
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(fileMode)) == 0);
    const QByteArray bytes = tagtest::readAll(path);
    const testutil::ProcResult r = testutil::run(
        QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                    helper(), QStringLiteral("write"), path, QStringLiteral("Happy")});
    if (r.err.contains("Permission denied") && r.err.contains("tags_writehelper"))
        QSKIP("the build directory is not reachable by user nobody");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(errorPart), r.err.constData());
    QCOMPARE(tagtest::readAll(path), bytes);
    QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("p.mp3")});
}

void TestTagWriter::diskFull()
{
    if (!testutil::haveProgram(QStringLiteral("prlimit")))
        QSKIP("prlimit (util-linux) is missing");
    QTemporaryDir dir;
    const QString path = testutil::makeAudio(dir.path(), QStringLiteral("big.flac"), 2.0);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFileInfo(path).size() > 8192);
    const QByteArray bytes = tagtest::readAll(path);
    // A file-size limit makes write(2) fail part-way, as a full disk does (SIGXFSZ ignored so the
    // writer sees the error instead of dying).
    const testutil::ProcResult r = testutil::run(
        QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; exec prlimit --fsize=8192 \"$0\" write \"$1\" Happy"),
                               helper(), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cannot write the temporary copy"), r.err.constData());
    QVERIFY2(r.err.contains("not changed"), r.err.constData());
    QCOMPARE(tagtest::readAll(path), bytes);
    QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("big.flac")});
}

void TestTagWriter::changedSinceRead()
{
    QTemporaryDir dir;
    const QString path = testutil::makeAudio(dir.path(), QStringLiteral("c.ogg"), 0.5);
    QVERIFY(!path.isEmpty());
    const TagFileState state = SafeTagWriter::readState(path, true);
    QVERIFY2(state.ok(), qPrintable(state.error));
    // Somebody else tags the file in between.
    QVERIFY(SafeTagWriter().write(path, {{TagField::Genre, {QStringLiteral("Other")}}}).ok());
    const QByteArray bytes = tagtest::readAll(path);
    const SafeWriteResult r = SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("Happy")}}}, &state);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("changed")), qPrintable(r.error));
    QCOMPARE(tagtest::readAll(path), bytes);
    // Same size and mtime but other tags (e.g. restored timestamps): still refused.
    TagFileState stale = SafeTagWriter::readState(path, true);
    stale.values.insert(TagField::Mood, {QStringLiteral("Something else")});
    QVERIFY(!SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("Happy")}}}, &stale).ok());
    // And a different audio payload.
    stale = SafeTagWriter::readState(path, true);
    stale.payloadHash = QByteArray(64, 'a');
    const SafeWriteResult r2 = SafeTagWriter().write(path, {{TagField::Mood, {QStringLiteral("Happy")}}}, &stale);
    QVERIFY2(r2.error.contains(QStringLiteral("audio changed")), qPrintable(r2.error));
    QCOMPARE(tagtest::readAll(path), bytes);
}

void TestTagWriter::keepsModeOwnerAndSymlink()
{
    QTemporaryDir dir;
    const QString path = testutil::makeAudio(dir.path(), QStringLiteral("m.m4a"), 0.5);
    QVERIFY(!path.isEmpty());
    const QByteArray p = QFile::encodeName(path);
    QVERIFY(::chmod(p.constData(), 0640) == 0);
    const bool root = ::geteuid() == 0;
    if (root)
        QVERIFY(::chown(p.constData(), 65534, 65534) == 0);
    const QString link = dir.filePath(QStringLiteral("link.m4a"));
    QVERIFY(QFile::link(path, link));
    const SafeWriteResult r = SafeTagWriter().write(link, {{TagField::Mood, {QStringLiteral("Dark")}}});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(QFileInfo(link).isSymLink());  // the link still points at the (rewritten) file
    QCOMPARE(moodOf(path), QStringList{QStringLiteral("Dark")});
    struct stat st;
    QVERIFY(::stat(p.constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
    if (root) {
        QCOMPARE(int(st.st_uid), 65534);
        QCOMPARE(int(st.st_gid), 65534);
    }
}

void TestTagWriter::staleTempFiles()
{
    QTemporaryDir dir;
    const QString dead = QStringLiteral(".a.mp3.spectag-%1-k3j2.tmp").arg(0x3FFFFFFF);  // no such pid
    const QString alive = QStringLiteral(".a.mp3.spectag-%1-k3j2.tmp").arg(::getpid());
    for (const QString &n : {dead, alive, QStringLiteral("a.mp3"), QStringLiteral(".hidden.tmp")}) {
        QFile f(dir.filePath(n));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(SafeTagWriter::isTempFileName(dead));
    QVERIFY(SafeTagWriter::isTempFileName(dir.filePath(alive)));
    QVERIFY(!SafeTagWriter::isTempFileName(QStringLiteral("a.mp3")));
    QVERIFY(!SafeTagWriter::isTempFileName(QStringLiteral(".hidden.tmp")));
    QVERIFY(!SafeTagWriter::isTempFileName(QStringLiteral("a.mp3.spectag-1-x.tmp")));  // not hidden: not ours
    // A writer killed in 2001 whose process id now belongs to this (younger) process: abandoned.
    const QString reused = QStringLiteral(".b.mp3.spectag-%1-old1.tmp").arg(::getpid());
    {
        QFile f(dir.filePath(reused));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime(QDate(2001, 1, 1), QTime(0, 0)), QFileDevice::FileModificationTime));
    }
    QCOMPARE(SafeTagWriter::removeStaleTempFiles(dir.path()), 2);
    QCOMPARE(dirEntries(dir.path()), (QStringList{alive, QStringLiteral(".hidden.tmp"), QStringLiteral("a.mp3")}));
}

// A writer that is still at work keeps its temporary copy even when nothing looked at its process
// until long after the copy was written, and loses it once the writer is gone. On kernels whose
// procfs stamps /proc/PID at its first look-up this fails if the start time is judged by those
// stamps instead of /proc/PID/stat (the development machine's kernel stamps the process start, so
// there the case passes either way: it guards the live/dead decision, not that mend alone).
void TestTagWriter::liveWriterLookedUpLateIsKept()
{
    QTemporaryDir dir;
    QProcess writer;
    writer.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(writer.waitForStarted());
    const QString temp = QStringLiteral(".c.mp3.spectag-%1-live.tmp").arg(writer.processId());
    {
        QFile f(dir.filePath(temp));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QTest::qWait(3500);  // past the 2 s allowance for btime's rounding; nothing has read /proc/PID yet
    QCOMPARE(SafeTagWriter::removeStaleTempFiles(dir.path()), 0);
    QVERIFY(QFile::exists(dir.filePath(temp)));
    writer.kill();
    QVERIFY(writer.waitForFinished());
    QCOMPARE(SafeTagWriter::removeStaleTempFiles(dir.path()), 1);  // its writer is gone: abandoned
    QVERIFY(!QFile::exists(dir.filePath(temp)));
}

void TestTagWriter::journalAndUndo()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.mp3"), 0.5);
    const QString b = testutil::makeAudio(dir.path(), QStringLiteral("b.flac"), 0.5);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QVERIFY(SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Calm")}}}).ok());
    const QString db = dir.filePath(QStringLiteral("sub/dir/catalog.sqlite"));  // directory created on open
    TagJournal journal(db);
    QVERIFY2(journal.open(), qPrintable(journal.error()));

    const TagValueMap values{{TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Sad")}},
                             {TagField::Genre, {QStringLiteral("Rock")}}};
    std::vector<FilePlan> plans = planTagWrites({{a, values}, {b, values}, {dir.filePath(QStringLiteral("missing.ogg")), values}}, {});
    QCOMPARE(plans.size(), size_t(3));
    QCOMPARE(plans[0].oldValues.value(TagField::Mood), QStringList{QStringLiteral("Calm")});
    QVERIFY(!plans[2].error.isEmpty());
    const BatchOutcome o = applyTagWrites(journal, plans, QStringLiteral("test batch"), {});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.written, 2);
    QCOMPARE(o.failed, 1);
    QVERIFY(o.batchId > 0);
    QCOMPARE(moodOf(a), values.value(TagField::Mood));

    // The journal rows, read with plain SQL (another connection to the same file).
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        c.setDatabaseName(db);
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT path, field, old_values_json, new_values_json, status FROM tag_write_changes "
                                      "WHERE batch_id = %1 ORDER BY id").arg(o.batchId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QFileInfo(a).canonicalFilePath());
        QCOMPARE(q.value(1).toString(), QStringLiteral("mood"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("[\"Calm\"]"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("[\"Happy\",\"Sad\"]"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("written"));
        int rows = 1;
        while (q.next())
            ++rows;
        QCOMPARE(rows, 4);  // a: mood, genre; b: mood, genre
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    const BatchOutcome u = undoTagBatch(journal, 0);
    QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
    QCOMPARE(u.written, 2);
    QCOMPARE(moodOf(a), QStringList{QStringLiteral("Calm")});
    QCOMPARE(moodOf(b), QStringList());
    QVERIFY(journal.batch(o.batchId)->undoneAt.isValid());
    QCOMPARE(journal.batch(u.batchId)->undoOf, o.batchId);
    // Nothing left to undo: the undo batch itself is not "the last batch" to undo.
    const BatchOutcome again = undoTagBatch(journal, 0);
    QCOMPARE(again.error, QStringLiteral("nothing to undo"));
    QVERIFY(undoTagBatch(journal, o.batchId).error.contains(QStringLiteral("already undone")));
}

void TestTagWriter::undoRefusesChangedFile()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.opus"), 0.5);
    QVERIFY(!a.isEmpty());
    TagJournal journal(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(journal.open());
    const BatchOutcome o = applyTagWrites(journal, planTagWrites({{a, {{TagField::Mood, {QStringLiteral("Happy")}}}}}, {}),
                                          QStringLiteral("first"), {});
    QCOMPARE(o.written, 1);
    QVERIFY(SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Edited by hand")}}}).ok());
    const BatchOutcome u = undoTagBatch(journal, o.batchId);
    QCOMPARE(u.failed, 1);
    QVERIFY(u.files.at(0).error.contains(QStringLiteral("changed since batch")));
    QCOMPARE(moodOf(a), QStringList{QStringLiteral("Edited by hand")});
    QVERIFY(!journal.batch(o.batchId)->undoneAt.isValid());
}

// A batch whose process died between swapping a file and recording it: the journal still says
// "pending". Undo (in a later process) restores that file and leaves the never-written one alone.
void TestTagWriter::undoAfterInterruptedBatch()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    const QString b = testutil::makeAudio(dir.path(), QStringLiteral("b.mp3"), 0.5);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QVERIFY(SafeTagWriter().write(b, {{TagField::Mood, {QStringLiteral("Calm")}}}).ok());
    const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
    {
        TagJournal journal(db);
        QVERIFY(journal.open());
        std::vector<JournalChange> changes;
        for (const QString &f : {a, b}) {
            JournalChange c;
            c.path = QFileInfo(f).canonicalFilePath();
            c.field = TagField::Mood;
            c.oldValues = moodOf(f);
            c.newValues = {QStringLiteral("Happy")};
            changes.push_back(c);
        }
        QVERIFY(journal.addBatch(QStringLiteral("killed"), changes) > 0);
        // a was swapped, then the process died: neither outcome was recorded.
        QVERIFY(SafeTagWriter().write(a, {{TagField::Mood, {QStringLiteral("Happy")}}}).ok());
    }
    TagJournal journal(db);  // a new process
    QVERIFY(journal.open());
    QVERIFY(journal.lastUndoableBatch());
    const BatchOutcome u = undoTagBatch(journal, 0);
    QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
    QCOMPARE(u.written, 1);
    QCOMPARE(u.unchanged, 1);
    QCOMPARE(u.failed, 0);
    QCOMPARE(moodOf(a), QStringList());
    QCOMPARE(moodOf(b), QStringList{QStringLiteral("Calm")});
    QVERIFY(!journal.lastUndoableBatch());
}


// The same file named twice (here once through a symlinked folder), as `spectag tag a a` or
// overlapping folders give: planned and written once, and the batch stays undoable. Before the
// fix the second write failed its changed-since-read check and marked the first one's journal
// rows failed, so undo left the file tagged.
void TestTagWriter::sameFileTwice()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    QVERIFY(!a.isEmpty());
    QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("link"))));
    const QString viaLink = dir.filePath(QStringLiteral("link/a.flac"));
    TagJournal journal(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(journal.open());

    const TagValueMap mood{{TagField::Mood, {QStringLiteral("Happy")}}};
    const TagValueMap genre{{TagField::Genre, {QStringLiteral("Rock")}}};
    const std::vector<FilePlan> plans = planTagWrites({{a, mood}, {viaLink, genre}, {a, mood}}, {});
    QCOMPARE(plans.size(), size_t(1));
    QCOMPARE(plans[0].newValues.size(), 2);  // the requests' fields are merged
    const BatchOutcome o = applyTagWrites(journal, plans, QStringLiteral("twice"), {});
    QCOMPARE(o.written, 1);
    QCOMPARE(o.failed, 0);
    QCOMPARE(moodOf(a), QStringList{QStringLiteral("Happy")});
    QVERIFY(undoTagBatch(journal, o.batchId).error.isEmpty());
    QCOMPARE(moodOf(a), QStringList());
    QVERIFY(journal.batch(o.batchId)->undoneAt.isValid());

    // A plan list built elsewhere that repeats a file: the repeat is skipped, not journaled.
    const std::vector<FilePlan> one = planTagWrites({{a, mood}}, {});
    const BatchOutcome r = applyTagWrites(journal, {one[0], one[0]}, QStringLiteral("repeated plan"), {});
    QCOMPARE(r.written, 1);
    QCOMPARE(r.failed, 0);
    QCOMPARE(r.files.at(1).status, QStringLiteral("skipped"));
    const BatchOutcome u = undoTagBatch(journal, r.batchId);
    QCOMPARE(u.written, 1);
    QCOMPARE(moodOf(a), QStringList());
}

// Two undos of one batch at once (or a file put back by hand): each restores some files and
// finds the others already restored. Those count as done, so the batch ends up marked undone;
// before, it stayed "undoable" for good and every later plain `undo` failed on it.
void TestTagWriter::undoWhenAFileIsAlreadyRestored()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.ogg"), 0.5);
    const QString b = testutil::makeAudio(dir.path(), QStringLiteral("b.flac"), 0.5);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    TagJournal journal(dir.filePath(QStringLiteral("catalog.sqlite")));
    QVERIFY(journal.open());
    const TagValueMap mood{{TagField::Mood, {QStringLiteral("Tense")}}};
    const BatchOutcome o = applyTagWrites(journal, planTagWrites({{a, mood}, {b, mood}}, {}), QStringLiteral("two"), {});
    QCOMPARE(o.written, 2);
    QVERIFY(SafeTagWriter().write(a, {{TagField::Mood, {}}}).ok());  // a is back as it was
    const BatchOutcome u = undoTagBatch(journal, 0);
    QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
    QCOMPARE(u.failed, 0);
    QCOMPARE(u.written, 1);
    QCOMPARE(moodOf(b), QStringList());
    QVERIFY(journal.batch(o.batchId)->undoneAt.isValid());
    QCOMPARE(undoTagBatch(journal, 0).error, QStringLiteral("nothing to undo"));
}

// Two `spectag tag` runs starting on a new catalog at once: switching it to WAL used to fail at
// once with "database is locked" for one of them (SQLite does not wait there).
void TestTagWriter::journalsOpenANewCatalogAtOnce()
{
    QTemporaryDir dir;
    for (int round = 0; round < 50; ++round) {
        const QString path = dir.filePath(QStringLiteral("race-%1.sqlite").arg(round));
        std::latch start(2);
        const auto openIt = [&] {
            start.arrive_and_wait();
            TagJournal journal(path);
            return journal.open() ? QString() : journal.error();
        };
        QFuture<QString> a = QtConcurrent::run(openIt), b = QtConcurrent::run(openIt);
        QVERIFY2(a.result().isEmpty(), qPrintable(a.result()));
        QVERIFY2(b.result().isEmpty(), qPrintable(b.result()));
    }
}

QTEST_GUILESS_MAIN(TestTagWriter)
#include "tst_tagwriter.moc"
