// `spectag tag`, `spectag tags` and `spectag undo` end to end, through the real binary.
#include "tagtesthelpers.h"

#include "tags/tagfile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spectag;

namespace {

testutil::ProcResult runSpectag(const QStringList &args)
{
    return testutil::run(testutil::spectagBinary(), args);
}

QStringList valuesOf(const QString &path, TagField field)
{
    QString error;
    std::unique_ptr<TagFile> tf = TagFile::open(path, &error);
    return tf ? tf->values(field) : QStringList{error};
}

} // namespace

class TestTagCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dryRunTagShowUndo();
    void id3v23Warning();
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
