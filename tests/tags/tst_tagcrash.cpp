// Crash consistency: a helper process rewrites tags in a loop and is SIGKILLed at random moments;
// after every kill each file must hold either all old or all new values, decode, keep its audio
// payload, and any leftover temporary file must be recognisable (and removable) as such.
// The same runs with a full disk (RLIMIT_FSIZE in the helper: writes fail part-way for the larger
// files) and with permissions taken away and given back while the helper writes.
#include "common/testutil.h"

#include "audio/payloadhash.h"
#include "tags/safetagwriter.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>
#include <unistd.h>

using namespace spectag;

class TestTagCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killDuringWrites_data();
    void killDuringWrites();
};

void TestTagCrash::killDuringWrites_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("kills");
    QTest::newRow("plain") << "none" << 200;
    QTest::newRow("disk full") << "diskfull" << 80;
    QTest::newRow("permissions change") << "permissions" << 80;
}

namespace {

bool setMode(const QString &path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

void TestTagCrash::killDuringWrites()
{
    QFETCH(QString, fault);
    QFETCH(int, kills);
    // Root ignores permission bits: the helper then runs as nobody, in a folder nobody may write.
    const bool asNobody = fault == QLatin1String("permissions") && ::geteuid() == 0;
    if (asNobody && !testutil::haveProgram(QStringLiteral("setpriv")))
        QSKIP("needs setpriv to run the writer as another user");
    if (fault == QLatin1String("diskfull") && !testutil::haveProgram(QStringLiteral("prlimit")))
        QSKIP("prlimit (util-linux) is missing");
    QTemporaryDir base(QStringLiteral("/tmp/spectag-crash-XXXXXX"));
    QVERIFY(base.isValid());
    QVERIFY(setMode(base.path(), 0755));
    QDir dir(base.filePath(QStringLiteral("music")));
    QVERIFY(QDir().mkpath(dir.path()));
    QStringList files;
    for (const char *name : {"a.mp3", "b.flac", "c.ogg", "d.m4a", "e.wav"}) {
        const QString f = testutil::makeAudio(dir.path(), QString::fromLatin1(name), 0.3);
        QVERIFY(!f.isEmpty());
        files << f;
    }
    const TagValueMap oldSet{{TagField::Mood, {QStringLiteral("Calm")}},
                             {TagField::Genre, {QStringLiteral("Ambient")}},
                             {TagField::MoodScores, {QStringLiteral("calm=0.900")}}};
    const TagValueMap newSet{{TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Energetic")}},
                             {TagField::Genre, {QStringLiteral("Rock"), QStringLiteral("Pop")}},
                             {TagField::MoodScores, {QStringLiteral("happy=0.800;energetic=0.700")}}};
    QMap<QString, QByteArray> payload;
    for (const QString &f : std::as_const(files)) {
        const SafeWriteResult r = SafeTagWriter().write(f, oldSet);
        QVERIFY2(r.ok(), qPrintable(r.error));
        payload.insert(f, audioPayloadHash(f, PayloadHashMode::Full).hash);
        QVERIFY(!payload.value(f).isEmpty());
    }
    // A file-size limit between the small and the large files: the large ones can never be
    // written (the copy fails part-way, as on a full disk), the small ones still can.
    constexpr qint64 kFsizeLimit = 24 * 1024;
    QStringList tooLarge;
    for (const QString &f : std::as_const(files))
        if (QFileInfo(f).size() > kFsizeLimit)
            tooLarge << f;
    if (fault == QLatin1String("diskfull"))
        QVERIFY2(!tooLarge.isEmpty() && tooLarge.size() < files.size(), "fixture sizes do not straddle the limit");
    if (asNobody) {
        for (const QString &p : QStringList{dir.path()} + files)
            QVERIFY(::chown(QFile::encodeName(p).constData(), 65534, 65534) == 0);
    }

    const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/tags_writehelper");
    QRandomGenerator rng(20240611);  // fixed seed: the same kill schedule every run
    int tempFilesSeen = 0;
    int newStates = 0;
    int faultErrors = 0;
    for (int i = 0; i < kills; ++i) {
        QProcess p;
        // With a full disk the large files go first, so that most kills find a write of one of them
        // failed or failing (the loop starts over with each helper).
        QStringList order = files;
        if (fault == QLatin1String("diskfull")) {
            for (const QString &f : std::as_const(tooLarge))
                order.move(order.indexOf(f), 0);
        }
        const QStringList loop = QStringList{fault == QLatin1String("none") ? QStringLiteral("loop") : QStringLiteral("loop-on")} + order;
        if (fault == QLatin1String("diskfull")) {
            // SIGXFSZ ignored so the writer sees EFBIG instead of dying; prlimit execs the helper.
            p.start(QStringLiteral("sh"), QStringList{QStringLiteral("-c"),
                                                      QStringLiteral("trap '' XFSZ; exec prlimit --fsize=%1 \"$@\"").arg(kFsizeLimit),
                                                      QStringLiteral("sh"), helper} + loop);
        } else if (asNobody) {
            p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                                           QStringLiteral("--clear-groups"), helper} + loop);
        } else {
            p.start(helper, loop);
        }
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        if (!p.waitForReadyRead(30000)) {  // "ready": the loop is about to write
            const QByteArray err = p.readAllStandardError();
            if (asNobody && err.contains("Permission denied"))
                QSKIP("the build directory is not reachable by user nobody");
            QFAIL(err.constData());
        }
        if (fault == QLatin1String("permissions")) {
            // Take write permission away from files and the folder, and give it back, while the
            // helper writes: each step a random file or the folder flips, then a short pause.
            const int steps = int(rng.bounded(1, 12));
            for (int k = 0; k < steps; ++k) {
                const int which = int(rng.bounded(files.size() + 1));
                const bool writable = rng.bounded(2) == 0;
                if (which == files.size())
                    QVERIFY(setMode(dir.path(), writable ? 0755 : 0555));
                else
                    QVERIFY(setMode(files.at(which), writable ? 0644 : 0444));
                QThread::usleep(rng.bounded(1000, 20000));  // (long enough for a slow, sanitized writer)
            }
        } else {
            // A random moment within the next few writes (each takes a few ms on these small files;
            // with a full disk the loop starts with a failing large file, so give it longer to reach
            // the small ones, several times more under a sanitizer).
            QThread::usleep(rng.bounded(1, fault == QLatin1String("diskfull") ? 200000 : 40000));
        }
        p.kill();  // SIGKILL on Unix: no chance to clean up
        QVERIFY(p.waitForFinished(30000));
        const QByteArray err = p.readAllStandardError();
        if (p.exitStatus() == QProcess::NormalExit)
            QFAIL(qPrintable(QStringLiteral("helper stopped by itself: ") + QString::fromUtf8(err)));
        // Every failure the fault caused is a clean refusal that left the file alone.
        for (const QByteArray &line : err.split('\n')) {
            if (!line.startsWith(QFile::encodeName(dir.path())))
                continue;  // FFmpeg's own log lines; the writer's errors start with the file's path
            ++faultErrors;
            // (A chmod moves the file's change time, so a write under way when the mode flips is
            // refused as "changed on disk ...; not written".)
            const bool clean = line.contains("not changed") || line.contains("not written") || line.contains("read-only")
                               || line.contains("no permission");
            QVERIFY2(clean, line.constData());
        }
        QVERIFY(setMode(dir.path(), 0755));
        for (const QString &f : std::as_const(files))
            QVERIFY(setMode(f, 0644));

        const QStringList present = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : present) {
            const QString full = dir.filePath(name);
            if (files.contains(full))
                continue;
            QVERIFY2(SafeTagWriter::isTempFileName(name), qPrintable(QStringLiteral("stray file ") + name));
            QVERIFY2(name.startsWith(QLatin1Char('.')), "temporary files are hidden");
            ++tempFilesSeen;
        }
        for (const QString &f : std::as_const(files)) {
            const TagFileState s = SafeTagWriter::readState(f, true);
            QVERIFY2(s.ok(), qPrintable(QStringLiteral("kill %1: %2").arg(i).arg(s.error)));
            QCOMPARE(s.payloadHash, payload.value(f));
            TagValueMap got;
            for (auto it = oldSet.cbegin(); it != oldSet.cend(); ++it)
                got.insert(it.key(), s.values.value(it.key()));
            QVERIFY2(got == oldSet || got == newSet,
                     qPrintable(QStringLiteral("kill %1: %2 is half old, half new: %3")
                                    .arg(i)
                                    .arg(f, s.values.value(TagField::Mood).join(QLatin1Char(',')))));
            if (fault == QLatin1String("diskfull") && tooLarge.contains(f))
                QVERIFY2(got == oldSet, "a file larger than the size limit cannot have been written");
            newStates += got == newSet ? 1 : 0;
        }
        // The killed process is gone: its temporary files are stale and are removed.
        SafeTagWriter::removeStaleTempFiles(dir.path());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), files.size());
    }
    qInfo("%s: %d kills: %d leftover temporary files found and removed, %d file states were 'new', %d refused writes"
          " (%d of %d files above the size limit)",
          qPrintable(fault), kills, tempFilesSeen, newStates, faultErrors, int(tooLarge.size()), int(files.size()));
    QVERIFY(newStates > 0);  // the helper did get to write (otherwise the test proves nothing)
    if (fault != QLatin1String("none"))
        QVERIFY(faultErrors > 0);  // and the fault did make writes fail
}

QTEST_GUILESS_MAIN(TestTagCrash)
#include "tst_tagcrash.moc"
