// `spectag tag`, `spectag tags` and `spectag undo` end to end, through the real binary.
#include "tagtesthelpers.h"

#include "tags/tagfile.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spectag;

namespace {

testutil::ProcResult runSpectag(const QStringList &args)
{
    return testutil::run(testutil::spectagBinary(), args);
}

using tagtest::valuesOf;

} // namespace

class TestTagCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dryRunTagShowUndo();
    void id3v23Warning();
    void predictedTagsAndUndo();
    void undoNamedBatch();
    void tagsOnNonAudio();
    void usageErrors_data();
    void usageErrors();
};

void TestTagCli::initTestCase()
{
    QVERIFY2(QFileInfo(testutil::spectagBinary()).isExecutable(), "the spectag binary is not built");
}

void TestTagCli::dryRunTagShowUndo()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.flac"), 0.5);
    const QString b = testutil::makeAudio(dir.path(), QStringLiteral("b.mp3"), 0.5);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString catalog = dir.filePath(QStringLiteral("cat/catalog.sqlite"));
    const QStringList tagArgs{QStringLiteral("tag"), a, b, QStringLiteral("--mood"), QStringLiteral("happy,dark"),
                              QStringLiteral("--genre"), QStringLiteral("Rock"), QStringLiteral("--mood-scores"),
                              QStringLiteral("happy=0.8,dark=0.25"), QStringLiteral("--catalog"), catalog};
    const QByteArray before = tagtest::readAll(a);

    testutil::ProcResult r = runSpectag(tagArgs + QStringList{QStringLiteral("--dry-run")});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("mood: (none) -> happy; dark"), r.out.constData());
    QVERIFY(r.out.contains("nothing written"));
    QCOMPARE(tagtest::readAll(a), before);
    QVERIFY(!QFileInfo::exists(catalog));

    r = runSpectag(tagArgs);
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("2 written, 0 unchanged, 0 failed (batch 1)"), r.out.constData());
    QCOMPARE(valuesOf(a, TagField::Mood), (QStringList{QStringLiteral("happy"), QStringLiteral("dark")}));
    QCOMPARE(valuesOf(b, TagField::MoodScores), QStringList{QStringLiteral("happy=0.800;dark=0.250")});

    r = runSpectag({QStringLiteral("tags"), b});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("MP3 (ID3v2.4)") && r.out.contains("happy; dark") && r.out.contains("happy=0.800;dark=0.250"),
             r.out.constData());

    r = runSpectag({QStringLiteral("undo"), QStringLiteral("--catalog"), catalog});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("2 written"), r.out.constData());
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList());
    QCOMPARE(valuesOf(b, TagField::Genre), QStringList());
    r = runSpectag({QStringLiteral("undo"), QStringLiteral("--catalog"), catalog});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nothing to undo"), r.err.constData());
}

void TestTagCli::id3v23Warning()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.mp3"), 0.5);
    QVERIFY(!a.isEmpty());
    const testutil::ProcResult r = runSpectag({QStringLiteral("tag"), a, QStringLiteral("--genre"), QStringLiteral("Rock,Pop"),
                                            QStringLiteral("--id3v2.3"), QStringLiteral("--dry-run")});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("warning: ID3v2.3 has no multi-value genre frame"), r.out.constData());
    QVERIFY2(r.out.contains("\"Rock; Pop\""), r.out.constData());
}

void TestTagCli::predictedTagsAndUndo()
{
    QTemporaryDir dir;
    const QString music = dir.filePath(QStringLiteral("music"));
    QVERIFY(QDir().mkpath(music));
    const QString a = testutil::makeAudio(music, QStringLiteral("a.flac"), 4.0, QStringLiteral("sine=frequency=220"));
    const QString b = testutil::makeAudio(music, QStringLiteral("b.ogg"), 4.0, QStringLiteral("anoisesrc=color=pink"));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString model = dir.filePath(QStringLiteral("m.stm")), catalog = dir.filePath(QStringLiteral("c.sqlite"));
    testutil::ProcResult r = runSpectag({QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                                         QStringLiteral("--heads"), QStringLiteral("genre:single:rock,jazz;mood:multi:calm,power;quadrant:single:Q1,Q2,Q3,Q4"),
                                         QStringLiteral("--out"), model});
    QVERIFY2(r.ok(), r.err.constData());
    // What the model says about a, from `analyze --json`: the tags must say the same.
    r = runSpectag({QStringLiteral("analyze"), a, QStringLiteral("--model"), model, QStringLiteral("--json")});
    QVERIFY2(r.ok(), r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QString genre = o.value(QLatin1String("genre")).toObject().value(QLatin1String("label")).toString();
    const QString quadrant = o.value(QLatin1String("quadrant")).toObject().value(QLatin1String("label")).toString();
    QVERIFY(!genre.isEmpty() && !quadrant.isEmpty());
    const QHash<QString, QString> words{{QStringLiteral("Q1"), QStringLiteral("upbeat")}, {QStringLiteral("Q2"), QStringLiteral("angry")},
                                        {QStringLiteral("Q3"), QStringLiteral("sad")}, {QStringLiteral("Q4"), QStringLiteral("relaxed")}};

    const QStringList args{QStringLiteral("tag"), QStringLiteral("--predicted"), music, QStringLiteral("--model"), model,
                           QStringLiteral("--catalog"), catalog, QStringLiteral("--min-confidence"), QStringLiteral("0"),
                           QStringLiteral("--mood-words"), QStringLiteral("Q1=upbeat")};
    r = runSpectag(args);
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("2 written, 0 unchanged, 0 failed"), r.out.constData());
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList{genre});
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList{words.value(quadrant)});
    QVERIFY(valuesOf(b, TagField::MoodScores).value(0).contains(QLatin1String("relaxed=")));

    // Again: the predictions come from the catalog, nothing is decoded, nothing changes.
    r = runSpectag(args);
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.err.contains("2 of 2 track(s) from cache, 0 decoded"), r.err.constData());
    QVERIFY2(r.out.contains("0 written, 2 unchanged"), r.out.constData());

    // A gate no prediction passes leaves the labels alone (scores are not claims: off here too).
    r = runSpectag({QStringLiteral("tag"), QStringLiteral("--predicted"), a, QStringLiteral("--model"), model, QStringLiteral("--catalog"),
                    catalog, QStringLiteral("--min-confidence"), QStringLiteral("1"), QStringLiteral("--no-scores")});
    QVERIFY2(r.ok(), r.err.constData());
    QVERIFY2(r.out.contains("left as it is"), r.out.constData());

    r = runSpectag({QStringLiteral("undo"), QStringLiteral("--catalog"), catalog});
    QVERIFY2(r.ok(), r.err.constData());
    QCOMPARE(valuesOf(a, TagField::Genre), QStringList());
    QCOMPARE(valuesOf(b, TagField::Mood), QStringList());

    r = runSpectag({QStringLiteral("tag"), QStringLiteral("--predicted"), a, QStringLiteral("--vocabulary"), QStringLiteral("emoji")});
    QCOMPARE(r.exitCode, 2);
}

// `spectag undo 1`, as the README writes it, undoes batch 1, not the last batch (it used to
// ignore the number).
void TestTagCli::undoNamedBatch()
{
    QTemporaryDir dir;
    const QString a = testutil::makeAudio(dir.path(), QStringLiteral("a.ogg"), 0.5);
    const QString b = testutil::makeAudio(dir.path(), QStringLiteral("b.flac"), 0.5);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QString catalog = dir.filePath(QStringLiteral("catalog.sqlite"));
    for (const QString &f : {a, b}) {
        const testutil::ProcResult r = runSpectag({QStringLiteral("tag"), f, QStringLiteral("--mood"), QStringLiteral("calm"),
                                                   QStringLiteral("--catalog"), catalog});
        QVERIFY2(r.ok(), r.err.constData());
    }
    const testutil::ProcResult r = runSpectag({QStringLiteral("undo"), QStringLiteral("1"), QStringLiteral("--catalog"), catalog});
    QVERIFY2(r.ok(), r.err.constData());
    QCOMPARE(valuesOf(a, TagField::Mood), QStringList());
    QCOMPARE(valuesOf(b, TagField::Mood), QStringList{QStringLiteral("calm")});
}

// TagLib opens an empty file or a text file named .mp3 without complaint; `tags` used to print
// "0 Hz x0" and exit 0 for them.
void TestTagCli::tagsOnNonAudio()
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.mp3")), text = dir.filePath(QStringLiteral("notes.mp3"));
    QFile e(empty), t(text);
    QVERIFY(e.open(QIODevice::WriteOnly) && t.open(QIODevice::WriteOnly));
    t.write("just some words, not audio\n");
    e.close();
    t.close();
    const QString good = testutil::makeAudio(dir.path(), QStringLiteral("good.mp3"), 0.5);
    QVERIFY(!good.isEmpty());
    testutil::ProcResult r = runSpectag({QStringLiteral("tags"), empty, text});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("empty.mp3: no audio found") && r.err.contains("notes.mp3: no audio found"), r.err.constData());
    r = runSpectag({QStringLiteral("tags"), empty, good});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.contains("good.mp3") && !r.out.contains("empty.mp3"), r.out.constData());
}

void TestTagCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no files") << QStringList{QStringLiteral("tag"), QStringLiteral("--mood"), QStringLiteral("x")} << 2;
    QTest::newRow("no fields") << QStringList{QStringLiteral("tag"), QStringLiteral("/nonexistent.mp3")} << 2;
    QTest::newRow("bad scores") << QStringList{QStringLiteral("tag"), QStringLiteral("/nonexistent.mp3"),
                                               QStringLiteral("--mood-scores"), QStringLiteral("happy")} << 2;
    QTest::newRow("both versions") << QStringList{QStringLiteral("tag"), QStringLiteral("/x.mp3"), QStringLiteral("--id3v2.3"),
                                                  QStringLiteral("--id3v2.4"), QStringLiteral("--mood"), QStringLiteral("x")} << 2;
    QTest::newRow("missing file") << QStringList{QStringLiteral("tag"), QStringLiteral("/nonexistent.mp3"), QStringLiteral("--mood"),
                                                 QStringLiteral("x"), QStringLiteral("--dry-run")} << 1;
    QTest::newRow("bad batch") << QStringList{QStringLiteral("undo"), QStringLiteral("--batch"), QStringLiteral("zero")} << 2;
    QTest::newRow("score above 1") << QStringList{QStringLiteral("tag"), QStringLiteral("/nonexistent.mp3"), QStringLiteral("--mood-scores"),
                                                  QStringLiteral("happy=2")} << 2;
    QTest::newRow("score twice") << QStringList{QStringLiteral("tag"), QStringLiteral("/nonexistent.mp3"), QStringLiteral("--mood-scores"),
                                                QStringLiteral("happy=0.5,happy=0.7")} << 2;
    QTest::newRow("two batches") << QStringList{QStringLiteral("undo"), QStringLiteral("1"), QStringLiteral("2")} << 2;
    QTest::newRow("batch twice") << QStringList{QStringLiteral("undo"), QStringLiteral("1"), QStringLiteral("--batch"),
                                                QStringLiteral("1")} << 2;
}

void TestTagCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const testutil::ProcResult r = runSpectag(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestTagCli)
#include "tst_tagcli.moc"
