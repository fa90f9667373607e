// Data safety when the process dies: `spectag scan`, `spectag analyze --catalog` and `spectag tag`
// are SIGKILLed at random moments. After every kill the catalog must pass PRAGMA integrity_check
// and keep what earlier runs committed; a rerun must complete the work; and the tag journal must
// let a fresh process (`spectag undo`) restore every file the killed batch changed.
#include "common/testutil.h"

#include "tags/safetagwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spectag;

namespace {

struct Sql {
    QString integrity;
    int tracks = -1;
    int distinctPaths = -1;
    int predictions = -1;
    int pendingChanges = -1;
};

// Reads the catalog through its own connection (as a fresh process would after the crash).
Sql inspect(const QString &db)
{
    Sql s;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        c.setDatabaseName(db);
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                s.integrity = q.value(0).toString();
            auto count = [&](const QString &sql) {
                return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
            };
            s.tracks = count(QStringLiteral("SELECT count(*) FROM tracks"));
            s.distinctPaths = count(QStringLiteral("SELECT count(DISTINCT path) FROM tracks"));
            s.predictions = count(QStringLiteral("SELECT count(*) FROM predictions"));
            s.pendingChanges = count(QStringLiteral("SELECT count(*) FROM tag_write_changes WHERE status = 'pending'"));
        } else {
            s.integrity = c.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return s;
}

// Starts spectag, waits `delayUs` (after it started), SIGKILLs it. Returns false when it had
// already finished on its own (then the kill proved nothing, but it is not an error).
bool runAndKill(const QStringList &args, int delayUs, QByteArray *err = nullptr)
{
    QProcess p;
    p.start(testutil::spectagBinary(), args);
    if (!p.waitForStarted(30000))
        return false;
    const bool finished = p.waitForFinished(std::max(1, delayUs / 1000));
    if (!finished)
        p.kill();
    p.waitForFinished(30000);
    if (err)
        *err = p.readAllStandardError();
    return !finished;
}

QStringList moodOf(const QString &path)
{
    return SafeTagWriter::readState(path, false).values.value(TagField::Mood);
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killDuringScan();
    void killDuringAnalysis();
    void killDuringTagBatchThenUndo();

private:
    // n small audio files in folders of ten; distinctAudio: each its own sound (else copies).
    QStringList makeLibrary(const QString &dir, int n, double seconds, bool distinctAudio);
    QTemporaryDir m_fixtures;
};

void TestFaults::initTestCase()
{
    QVERIFY2(QFileInfo(testutil::spectagBinary()).isExecutable(), "the spectag binary is not built");
    QVERIFY(m_fixtures.isValid());
}

QStringList TestFaults::makeLibrary(const QString &dir, int n, double seconds, bool distinctAudio)
{
    QStringList out;
    QDir().mkpath(dir);
    const char *exts[] = {"mp3", "flac", "ogg", "m4a", "wav"};
    for (int i = 0; i < n; ++i) {
        const QString ext = QLatin1String(exts[i % 5]);
        const QString name = QStringLiteral("track %1.%2").arg(i, 2, 10, QLatin1Char('0')).arg(ext);
        const QString folder = QDir(dir).filePath(QStringLiteral("album %1").arg(i / 10));
        QDir().mkpath(folder);
        if (distinctAudio) {
            // Its own audio, so its own fingerprint: the analysis cache cannot share results.
            if (testutil::makeAudio(folder, name, seconds, QStringLiteral("sine=frequency=%1").arg(150 + 37 * i)).isEmpty())
                return {};
        } else {
            const QString src = m_fixtures.filePath(QStringLiteral("src%1.%2").arg(seconds).arg(ext));
            if (!QFileInfo::exists(src) && testutil::makeAudio(m_fixtures.path(), QFileInfo(src).fileName(), seconds).isEmpty())
                return {};
            if (!QFile::copy(src, QDir(folder).filePath(name)))
                return {};
        }
        const QString path = QDir(folder).filePath(name);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        out << path;
    }
    return out;
}

void TestFaults::killDuringScan()
{
    QTemporaryDir dir;
    const QString music = dir.filePath(QStringLiteral("music"));
    constexpr int kFiles = 60;
    QCOMPARE(makeLibrary(music, kFiles, 0.5, true).size(), kFiles);
    const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
    const QStringList args{QStringLiteral("scan"), music, QStringLiteral("--catalog"), db, QStringLiteral("--threads"), QStringLiteral("2")};

    // How long an uninterrupted scan takes here, to spread the kills over it.
    QElapsedTimer t;
    t.start();
    const testutil::ProcResult probe = testutil::run(testutil::spectagBinary(), {QStringLiteral("scan"), music, QStringLiteral("--catalog"),
                                                                                  dir.filePath(QStringLiteral("probe.sqlite"))});
    QVERIFY2(probe.ok(), probe.err.constData());
    const qint64 fullMs = std::max<qint64>(50, t.elapsed());

    QRandomGenerator rng(8001);
    int killed = 0;
    int lastTracks = 0;
    for (int i = 0; i < 10; ++i) {
        // Each kill lands in a new scan of a partly scanned catalog; every few, a new file appears.
        if (i % 3 == 2)
            QVERIFY(!testutil::makeAudio(music, QStringLiteral("late %1.ogg").arg(i), 0.5, QStringLiteral("sine=frequency=%1").arg(3000 + i)).isEmpty());
        killed += runAndKill(args, int(rng.bounded(qint64(1000), fullMs * 1200))) ? 1 : 0;
        const Sql s = inspect(db);
        if (!QFileInfo::exists(db))
            continue;  // killed before the catalog was created
        QCOMPARE(s.integrity, QStringLiteral("ok"));
        if (s.tracks < 0 && lastTracks == 0)
            continue;  // killed while the first run created the schema: nothing was committed yet
        QCOMPARE(s.tracks, s.distinctPaths);
        QVERIFY2(s.tracks >= lastTracks,
                 qPrintable(QStringLiteral("a killed scan lost tracks an earlier scan had committed: %1 after %2").arg(s.tracks).arg(lastTracks)));
        lastTracks = s.tracks;
    }
    QVERIFY2(killed > 0, "no scan was interrupted: the test proved nothing");
    // The rerun completes the work, and a second one finds nothing left to do.
    const testutil::ProcResult r = testutil::run(testutil::spectagBinary(), args + QStringList{QStringLiteral("--json")});
    QVERIFY2(r.ok(), r.err.constData());
    const int expected = kFiles + 3;
    const Sql done = inspect(db);
    QCOMPARE(done.integrity, QStringLiteral("ok"));
    QCOMPARE(done.tracks, expected);
    QCOMPARE(done.distinctPaths, expected);
    const testutil::ProcResult again = testutil::run(testutil::spectagBinary(), args + QStringList{QStringLiteral("--json")});
    QVERIFY2(again.ok(), again.err.constData());
    QVERIFY2(again.out.contains(QStringLiteral("\"unchanged\":%1").arg(expected).toUtf8()), again.out.constData());
    qInfo("scan of %d files (%lld ms uninterrupted): %d of 10 runs killed mid-scan", kFiles, fullMs, killed);
}

void TestFaults::killDuringAnalysis()
{
    QTemporaryDir dir;
    const QString music = dir.filePath(QStringLiteral("music"));
    constexpr int kFiles = 12;
    QCOMPARE(makeLibrary(music, kFiles, 4.0, true).size(), kFiles);
    const QString model = dir.filePath(QStringLiteral("m.stm"));
    testutil::ProcResult r = testutil::run(testutil::spectagBinary(),
                                           {QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                                            QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz;mood:multi:calm,power"),
                                            QStringLiteral("--out"), model, QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY2(r.ok(), r.err.constData());
    const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
    const QStringList args{QStringLiteral("analyze"), music, QStringLiteral("--model"), model, QStringLiteral("--device"),
                           QStringLiteral("cpu"), QStringLiteral("--catalog"), db, QStringLiteral("--threads"), QStringLiteral("2")};

    QElapsedTimer t;
    t.start();
    r = testutil::run(testutil::spectagBinary(), {QStringLiteral("analyze"), music, QStringLiteral("--model"), model, QStringLiteral("--device"),
                                                  QStringLiteral("cpu"), QStringLiteral("--catalog"), dir.filePath(QStringLiteral("probe.sqlite"))},
                      600000);
    QVERIFY2(r.ok(), r.err.constData());
    const qint64 fullMs = t.elapsed();

    QRandomGenerator rng(8002);
    int killed = 0;
    int lastPredictions = 0;
    for (int i = 0; i < 5; ++i) {
        killed += runAndKill(args, int(rng.bounded(qint64(1000), fullMs * 900))) ? 1 : 0;
        if (!QFileInfo::exists(db))
            continue;
        const Sql s = inspect(db);
        QCOMPARE(s.integrity, QStringLiteral("ok"));
        QVERIFY2(s.predictions >= lastPredictions, "a killed analysis lost predictions an earlier run had stored");
        QVERIFY(s.predictions <= s.tracks);
        lastPredictions = s.predictions;
    }
    QVERIFY2(killed > 0, "no analysis was interrupted: the test proved nothing");
    r = testutil::run(testutil::spectagBinary(), args, 600000);
    QVERIFY2(r.ok(), r.err.constData());
    // The rerun reuses what the killed runs stored and decodes only the rest.
    QVERIFY2(r.err.contains(QStringLiteral("%1 of %2 track(s) from cache, %3 decoded")
                                .arg(lastPredictions).arg(kFiles).arg(kFiles - lastPredictions).toUtf8()),
             r.err.constData());
    const Sql done = inspect(db);
    QCOMPARE(done.integrity, QStringLiteral("ok"));
    QCOMPARE(done.tracks, kFiles);
    QCOMPARE(done.predictions, kFiles);
    qInfo("analysis of %d files (%lld ms uninterrupted): %d of 5 runs killed, %d predictions survived the kills",
          kFiles, fullMs, killed, lastPredictions);
}

// A `spectag tag` batch is killed part-way; a new process's `spectag undo` must restore every file
// the batch changed, whatever the journal had time to record about it.
void TestFaults::killDuringTagBatchThenUndo()
{
    QRandomGenerator rng(8003);
    int killed = 0, restoredFiles = 0;
    for (int round = 0; round < 6; ++round) {
        QTemporaryDir dir;
        const QString music = dir.filePath(QStringLiteral("music"));
        constexpr int kFiles = 25;
        const QStringList files = makeLibrary(music, kFiles, 0.5, false);
        QCOMPARE(files.size(), kFiles);
        const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
        // An earlier, completed batch that must stay undoable after the crash of the next one.
        testutil::ProcResult r = testutil::run(testutil::spectagBinary(), {QStringLiteral("tag"), files.at(0), QStringLiteral("--mood"),
                                                                            QStringLiteral("Calm"), QStringLiteral("--catalog"), db});
        QVERIFY2(r.ok(), r.err.constData());

        QElapsedTimer t;
        t.start();
        const QStringList args = QStringList{QStringLiteral("tag")} + files
                                 + QStringList{QStringLiteral("--mood"), QStringLiteral("Happy,Energetic"), QStringLiteral("--genre"),
                                               QStringLiteral("Rock"), QStringLiteral("--catalog"), db};
        // Kills spread over what a full batch of 25 small files takes here (a few hundred ms).
        killed += runAndKill(args, int(rng.bounded(20000, 1500000))) ? 1 : 0;
        const Sql s = inspect(db);
        QCOMPARE(s.integrity, QStringLiteral("ok"));
        int changed = 0;
        for (const QString &f : files)
            changed += moodOf(f) == QStringList{QStringLiteral("Happy"), QStringLiteral("Energetic")} ? 1 : 0;

        r = testutil::run(testutil::spectagBinary(), {QStringLiteral("undo"), QStringLiteral("--catalog"), db});
        if (changed == 0 && s.pendingChanges <= 0) {
            // Killed before anything was written: the undo may pick the earlier batch instead.
            QVERIFY2(r.exitCode == 0 || r.err.contains("nothing to undo"), r.err.constData());
            continue;
        }
        QVERIFY2(r.ok(), QByteArray(r.out + r.err).constData());
        for (int i = 0; i < files.size(); ++i) {
            const QStringList want = i == 0 ? QStringList{QStringLiteral("Calm")} : QStringList{};
            QVERIFY2(moodOf(files.at(i)) == want,
                     qPrintable(QStringLiteral("round %1: %2 still holds %3 after undo (%4 files were changed)")
                                    .arg(round)
                                    .arg(files.at(i), moodOf(files.at(i)).join(QLatin1Char(',')))
                                    .arg(changed)));
        }
        restoredFiles += changed;
        // The earlier batch is next in line and still undoable.
        r = testutil::run(testutil::spectagBinary(), {QStringLiteral("undo"), QStringLiteral("--catalog"), db});
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(moodOf(files.at(0)), QStringList());
        QCOMPARE(inspect(db).integrity, QStringLiteral("ok"));
    }
    QVERIFY2(killed > 0, "no tag batch was interrupted: the test proved nothing");
    qInfo("%d of 6 tag batches killed; undo in a new process restored %d changed files", killed, restoredFiles);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
