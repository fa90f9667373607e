// `spectag model init|info` and `spectag analyze` end to end, through the built binary.
#include "common/testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestAnalyzeCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_model;

    testutil::ProcResult spectag(const QStringList &args)
    {
        return testutil::run(m_bin, args, 300000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bin = testutil::spectagBinary();
        if (!QFile::exists(m_bin))
            QSKIP("the spectag binary is not built");
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("music/sub"));
        QVERIFY(!testutil::makeAudio(m_dir.filePath(QStringLiteral("music")), QStringLiteral("one.flac"), 4.0).isEmpty());
        QVERIFY(!testutil::makeAudio(m_dir.filePath(QStringLiteral("music/sub")), QStringLiteral("two ä.ogg"), 5.0,
                                     QStringLiteral("sine=frequency=880")).isEmpty());
        QFile notes(m_dir.filePath(QStringLiteral("music/notes.txt")));  // not audio: skipped by the walk
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();
        m_model = m_dir.filePath(QStringLiteral("m.stm"));
        const auto r = spectag({QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                                QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"),
                                QStringLiteral("--out"), m_model, QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.ok(), r.err.constData());
    }

    void info()
    {
        const auto r = spectag({QStringLiteral("model"), QStringLiteral("info"), m_model, QStringLiteral("--json")});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("spec")).toObject().value(QLatin1String("architecture")).toString(), QStringLiteral("spectag"));
        QCOMPARE(o.value(QLatin1String("version")).toString().size(), 16);
        QVERIFY(o.value(QLatin1String("parameters")).toDouble() > 1000);
    }

    void analyzeJson()
    {
        const auto r = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music")), QStringLiteral("--model"), m_model,
                                QStringLiteral("--json"), QStringLiteral("--timeline"), QStringLiteral("--device"), QStringLiteral("cpu")});
        QVERIFY2(r.ok(), r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QStringList paths;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            paths << QFileInfo(o.value(QLatin1String("path")).toString()).fileName();
            QCOMPARE(o.value(QLatin1String("model")).toString().size(), 16);
            const QJsonObject genre = o.value(QLatin1String("genre")).toObject();
            QVERIFY(QStringList({QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}).contains(genre.value(QLatin1String("label")).toString()));
            QCOMPARE(genre.value(QLatin1String("scores")).toObject().size(), 3);
            const QJsonObject mood = o.value(QLatin1String("mood")).toObject();
            QVERIFY(mood.value(QLatin1String("labels")).isArray());
            QCOMPARE(mood.value(QLatin1String("scores")).toObject().size(), 2);
            const QJsonArray segs = o.value(QLatin1String("segments")).toArray();
            QVERIFY(segs.size() >= 2);
            QVERIFY(segs[0].toObject().contains(QLatin1String("genre")));
            QCOMPARE(segs[0].toObject().value(QLatin1String("start")).toDouble(), 0.0);
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("one.flac"), QStringLiteral("two ä.ogg")}));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing model") << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent/x.stm")} << 1 << QStringLiteral("does not exist");
        QTest::newRow("bad aggregate") << QStringList{QStringLiteral("--aggregate"), QStringLiteral("median")} << 2 << QString();
        QTest::newRow("bad device") << QStringList{QStringLiteral("--device"), QStringLiteral("tpu")} << 2 << QString();
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = spectag(QStringList{QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac"))} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void damagedModel()
    {
        QFile in(m_model);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString bad = m_dir.filePath(QStringLiteral("bad.stm"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();
        const auto r = spectag({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("music/one.flac")), QStringLiteral("--model"), bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("truncated"), r.err.constData());
    }

    void partialFailure()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.mp3"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4000, 'z'));
        f.close();
        const auto r = spectag({QStringLiteral("analyze"), corrupt, m_dir.filePath(QStringLiteral("music/one.flac")),
                                QStringLiteral("--model"), m_model, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.out.trimmed().split('\n').size(), 2);  // the failure is reported as a JSON line too
        QVERIFY(r.out.contains("\"error\""));
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyzecli.moc"
