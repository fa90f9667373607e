// Crash consistency: a helper process rewrites tags in a loop and is SIGKILLed at random moments;
// after every kill each file must hold either all old or all new values, decode, keep its audio
// payload, and any leftover temporary file must be recognisable (and removable) as such.
#include "common/testutil.h"

#include "audio/payloadhash.h"
#include "tags/safetagwriter.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spectag;

class TestTagCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killDuringWrites();
};

void TestTagCrash::killDuringWrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
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

    const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/tags_writehelper");
    QRandomGenerator rng(20240611);  // fixed seed: the same kill schedule every run
    constexpr int kKills = 200;
    int tempFilesSeen = 0;
    int newStates = 0;
    for (int i = 0; i < kKills; ++i) {
        QProcess p;
        p.start(helper, QStringList{QStringLiteral("loop")} + files);
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        QVERIFY(p.waitForReadyRead(30000));  // "ready": the loop is about to write
        // A random moment within the next few writes (each takes a few ms on these small files).
        QThread::usleep(rng.bounded(1, 40000));
        p.kill();  // SIGKILL on Unix: no chance to clean up
        QVERIFY(p.waitForFinished(30000));
        if (p.exitStatus() == QProcess::NormalExit)
            QFAIL(qPrintable(QStringLiteral("helper stopped by itself: ") + QString::fromUtf8(p.readAllStandardError())));

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
            newStates += got == newSet ? 1 : 0;
        }
        // The killed process is gone: its temporary files are stale and are removed.
        SafeTagWriter::removeStaleTempFiles(dir.path());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), files.size());
    }
    qInfo("%d kills: %d leftover temporary files found and removed, %d file states were 'new'", kKills,
          tempFilesSeen, newStates);
    QVERIFY(newStates > 0);  // the helper did get to write (otherwise the test proves nothing)
}

QTEST_GUILESS_MAIN(TestTagCrash)
#include "tst_tagcrash.moc"
