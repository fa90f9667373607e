// The `spectag` executable as a user runs it: --help/--version, exit codes, `decode` and `mel`.
#include "common/testutil.h"

#include "cli/cli.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testutil::ProcResult spectag(const QStringList &args) { return testutil::run(testutil::spectagBinary(), args); }

private Q_SLOTS:
    void versionAndHelp()
    {
        auto r = spectag({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("spectag " SPECTAG_VERSION));
        r = spectag({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *verb : {"decode", "mel"})
            QVERIFY2(r.out.contains(verb), r.out.constData());
        r = spectag({QStringLiteral("mel"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--png"));
    }

    void usageErrors()
    {
        QCOMPARE(spectag({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(spectag({QStringLiteral("mel")}).exitCode, 2);
        QCOMPARE(spectag({QStringLiteral("mel"), QStringLiteral("x.ogg"), QStringLiteral("--n-mels"), QStringLiteral("-3")}).exitCode, 2);
        QCOMPARE(spectag({QStringLiteral("mel"), QStringLiteral("x.ogg"), QStringLiteral("--top-db"), QStringLiteral("-5")}).exitCode, 2);
        QCOMPARE(spectag({QStringLiteral("mel"), QStringLiteral("x.ogg"), QStringLiteral("--max-seconds"), QStringLiteral("-1")}).exitCode, 2);
        // An option before the verb, or one the app does not know, used to start the GUI (which
        // aborts without a display): now a usage error that says what to do.
        auto r = spectag({QStringLiteral("--catalog"), QStringLiteral("x.db"), QStringLiteral("scan"), m_dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("options go after the verb: spectag scan --catalog"), r.err.constData());
        r = spectag({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown option '--frobnicate'"), r.err.constData());
    }

    // What opens the GUI and what is a command line: the desktop entry runs `spectag %F`, so
    // existing files and folders open the app (they used to be "unknown verb" errors and the app
    // never opened); a verb, an unknown word or option, or options before a verb go to the CLI.
    void guiOrCommandLine()
    {
        const QString file = testutil::makeAudio(m_dir.path(), QStringLiteral("open me.ogg"), 0.5);
        QVERIFY(!file.isEmpty());
        const std::vector<spectag::cli::Verb> verbs = spectag::cli::torchFreeVerbs();
        const auto cli = [&](QStringList args) {
            args.prepend(QStringLiteral("spectag"));
            return spectag::cli::isCliInvocation(args, verbs);
        };
        QVERIFY(!cli({}));
        QVERIFY(!cli({file}));
        QVERIFY(!cli({m_dir.path(), file}));
        QVERIFY(!cli({QStringLiteral("-platform"), QStringLiteral("offscreen")}));
        QVERIFY(!cli({QStringLiteral("--lang"), QStringLiteral("de"), m_dir.path()}));
        // Every option of the app's screenshot mode (README, docs/screenshot.png) opens the app.
        QVERIFY(!cli({QStringLiteral("--screenshot"), QStringLiteral("out.png"), QStringLiteral("--library"), m_dir.path(),
                      QStringLiteral("--track"), QStringLiteral("2"), QStringLiteral("--theme"), QStringLiteral("dark"),
                      QStringLiteral("--size"), QStringLiteral("1100x700"), QStringLiteral("--lang"), QStringLiteral("fr")}));
        QVERIFY(cli({QStringLiteral("scan"), m_dir.path()}));
        QVERIFY(cli({QStringLiteral("/nonexistent/file.mp3")}));
        QVERIFY(cli({file, QStringLiteral("/nonexistent/file.mp3")}));
        QVERIFY(cli({QStringLiteral("frobnicate")}));
        QVERIFY(cli({QStringLiteral("--frobnicate")}));
        QVERIFY(cli({QStringLiteral("--catalog"), QStringLiteral("x.db"), QStringLiteral("scan")}));
    }

    // The scan summary counts paths the walk could not take apart from files it could not read:
    // a dangling link was reported and made the exit status 3 under a "0 failed" summary.
    void scanSummaryCountsWhatWasNotScanned()
    {
        QTemporaryDir dir;
        QVERIFY(!testutil::makeAudio(dir.path(), QStringLiteral("good.ogg"), 0.5).isEmpty());
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.flac")), dir.filePath(QStringLiteral("gone.flac"))));
        const auto r = spectag({QStringLiteral("scan"), dir.path(), QStringLiteral("--catalog"), dir.filePath(QStringLiteral("c.sqlite"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("1 added") && r.out.contains("0 failed, 1 not scanned"), r.out.constData());
        QVERIFY2(r.err.contains("gone.flac: broken symbolic link"), r.err.constData());
    }

    void decodeJson()
    {
        const QString good = testutil::makeAudio(m_dir.path(), QStringLiteral("a.ogg"), 2.0);
        const QString bad = m_dir.filePath(QStringLiteral("b.mp3"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not audio at all, just words");
        f.close();
        const auto r = spectag({QStringLiteral("decode"), QStringLiteral("--json"), good, bad});
        QCOMPARE(r.exitCode, 3);  // some files failed
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject a = QJsonDocument::fromJson(lines[0]).object(), b = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(a.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(std::abs(a.value(QStringLiteral("decoded_seconds")).toDouble() - 2.0) < 0.05);
        QCOMPARE(b.value(QStringLiteral("error")).toString(), QStringLiteral("not-audio"));
    }

    // A truncated MP3 makes FFmpeg log "[mp3 @ 0x…] …" itself; Spectag's own message says it in
    // the user's words, so FFmpeg's goes to the spectag.ffmpeg logging category, off by default.
    void ffmpegLogOnlyOnRequest()
    {
        const QString full = testutil::makeAudio(m_dir.path(), QStringLiteral("full.mp3"), 6.0);
        QVERIFY(!full.isEmpty());
        QFile in(full);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString cut = m_dir.filePath(QStringLiteral("cut.mp3"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.read(in.size() / 3));
        out.close();
        auto r = spectag({QStringLiteral("decode"), cut});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cut.mp3: file ends after"), r.err.constData());
        QVERIFY2(!r.err.contains("[mp3 @"), r.err.constData());
        qputenv("QT_LOGGING_RULES", "spectag.ffmpeg.debug=true");
        r = spectag({QStringLiteral("decode"), cut});
        qunsetenv("QT_LOGGING_RULES");
        QVERIFY2(r.err.contains("[mp3 @"), r.err.constData());
    }

    void melPng()
    {
        // A tone that rises over time: the picture's bright ridge must climb from left to right.
        const QString src = testutil::makeAudio(m_dir.path(), QStringLiteral("sweep.flac"), 4.0,
                                                QStringLiteral("aevalsrc=0.5*sin(2*PI*(200+400*t)*t)"), 1, 16000);
        const QString png = m_dir.filePath(QStringLiteral("sweep.png"));
        const auto r = spectag({QStringLiteral("mel"), src, QStringLiteral("--png"), png});
        QVERIFY2(r.ok(), r.err.constData());
        QImage img(png);
        QVERIFY(!img.isNull());
        QCOMPARE(img.width(), 1 + 4 * 16000 / 256);
        auto brightestRow = [&](int x) {
            int best = 0, bestV = -1;
            for (int y = 0; y < img.height(); ++y) {
                const int v = qGray(img.pixel(x, y));
                if (v > bestV) {
                    bestV = v;
                    best = y;
                }
            }
            return best;
        };
        // Image rows grow downwards, frequencies upwards.
        const int early = brightestRow(img.width() / 8), late = brightestRow(img.width() * 7 / 8);
        QVERIFY2(late < early - 10, qPrintable(QStringLiteral("%1 -> %2").arg(early).arg(late)));
    }

    void melNpy()
    {
        const QString src = testutil::makeAudio(m_dir.path(), QStringLiteral("n.wav"), 1.0);
        const QString npy = m_dir.filePath(QStringLiteral("n.npy"));
        const auto r = spectag({QStringLiteral("mel"), src, QStringLiteral("--npy"), npy, QStringLiteral("--n-mels"), QStringLiteral("40")});
        QVERIFY2(r.ok(), r.err.constData());
        QFile f(npy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(all.startsWith("\x93NUMPY"));
        QVERIFY(all.contains("'shape': (63, 40)"));
        const int headerLen = 10 + quint8(all[8]) + 256 * quint8(all[9]);
        QCOMPARE(headerLen % 64, 0);
        QCOMPARE(all.size(), headerLen + 63 * 40 * 4);
        if (testutil::havePythonModule(QStringLiteral("numpy"))) {
            const auto py = testutil::run(testutil::python(), {QStringLiteral("-c"),
                                                              QStringLiteral("import numpy,sys; a=numpy.load(sys.argv[1]); print(a.shape, a.dtype)"), npy});
            QCOMPARE(py.out.trimmed(), QByteArray("(63, 40) float32"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
