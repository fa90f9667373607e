// Manifests (CSV, JSON Lines), the folder layout, the Emotify and 4Q importers, bad input.

#include "common/testutil.h"
#include "training/dataset.h"
#include "training/datasetcsv.h"
#include "training/datasetimport.h"
#include "training/trainingdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace spectag::training;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(data);
}

// Placeholder "audio": checkFiles only needs a non-empty readable regular file.
void touch(const QString &path)
{
    writeFile(path, QByteArray("not really audio"));
}

DatasetSpec genreMoodSpec()
{
    DatasetSpec s;
    s.heads << HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::Single,
                        {QStringLiteral("jazz"), QStringLiteral("rock")}, 0.5}
            << HeadSpec{QStringLiteral("mood"), HeadSpec::Kind::Multi, {}, 0.5};
    return s;
}

std::vector<float> floats(std::initializer_list<float> v)
{
    return std::vector<float>(v);
}

bool hasIssue(const Dataset &ds, int line, const QString &fragment)
{
    for (const DatasetIssue &i : ds.issues)
        if (i.line == line && i.message.contains(fragment, Qt::CaseInsensitive))
            return true;
    return false;
}

QString issuesText(const Dataset &ds)
{
    QStringList l;
    for (const DatasetIssue &i : ds.issues)
        l << i.toString();
    return l.join(QLatin1Char('\n'));
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void csvManifest();
    void csvShareColumns();
    void jsonlManifest();
    void headsFromTheManifest();
    void badRows_data();
    void badRows();
    void unterminatedQuote();
    void missingManifest();
    void probeAudio();
    void folderLayout();
    void combineMasksMissingHeads();
    void jsonlRoundTrip();
    void specJson();
    void realEmotify();
    void real4Q();
    void allMusicGenres_data();
    void allMusicGenres();
    void fourQBorrowsGenres();
    void borrowedLabelsAreNotScored();
    void real4QBorrowedGenres();
};

void TestDataset::csvManifest()
{
    QTemporaryDir dir;
    for (const char *f : {"a.ogg", "sub/b.ogg", "ünï cödé, \"q\".ogg"})
        touch(dir.filePath(QString::fromUtf8(f)));
    writeFile(dir.filePath(QStringLiteral("m.csv")),
              "path,start,end,artist,genre,mood,title\n"
              "a.ogg,,,Miles,jazz,calm;sad,x\n"
              "sub/b.ogg,10,40, Some  Band ,rock,happy,y\n"
              "\n"
              "\"\xC3\xBCn\xC3\xAF c\xC3\xB6" "d\xC3\xA9, \"\"q\"\".ogg\",0,30,,,;,\"multi\nline\"\n");
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.csv")), genreMoodSpec());
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.items.size(), 3);
    // discovered labels are sorted
    QCOMPARE(ds.spec.heads.at(1).labels, (QStringList{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad")}));

    const DatasetItem &a = ds.items.at(0);
    QCOMPARE(a.path, dir.filePath(QStringLiteral("a.ogg")));
    QVERIFY(!a.isSegment());
    QCOMPARE(a.groupKey, QStringLiteral("artist:miles"));
    QCOMPARE(a.line, 2);
    QVERIFY(a.targets[0].present);
    QCOMPARE(a.targets[0].classIndex, 0);
    QCOMPARE(a.targets[1].multiHot, floats({1, 0, 1}));
    QVERIFY(a.targets[1].soft.empty());

    const DatasetItem &b = ds.items.at(1);
    QCOMPARE(b.start, 10.0);
    QCOMPARE(b.end, 40.0);
    QCOMPARE(b.artist, QStringLiteral("Some  Band"));
    QCOMPARE(b.groupKey, QStringLiteral("artist:some band"));
    QCOMPARE(b.targets[0].classIndex, 1);

    // quoted name with comma and quotes; no artist -> grouped by track; genre unknown (masked);
    // mood ";" = known to have none; the record starts on line 5 and spans two lines.
    const DatasetItem &c = ds.items.at(2);
    QCOMPARE(QFileInfo(c.path).fileName(), QString::fromUtf8("ünï cödé, \"q\".ogg"));
    QCOMPARE(c.groupKey, QStringLiteral("track:") + c.path);
    QCOMPARE(c.line, 5);
    QVERIFY(!c.targets[0].present);
    QVERIFY(c.targets[1].present);
    QCOMPARE(c.targets[1].multiHot, floats({0, 0, 0}));

    QCOMPARE(ds.indicesWithHead(0), (std::vector<int>{0, 1}));
    QCOMPARE(ds.labelCounts(1), (std::vector<int>{1, 1, 1}));
}

void TestDataset::csvShareColumns()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("a.ogg")));
    touch(dir.filePath(QStringLiteral("b.ogg")));
    touch(dir.filePath(QStringLiteral("c.ogg")));
    writeFile(dir.filePath(QStringLiteral("m.csv")),
              "path,mood:happy,mood:sad,genre\n"
              "a.ogg,0.4,0.1,jazz=0.2;rock=0.8\n"
              "b.ogg,0.5,,\n"
              "c.ogg,,,\n");
    DatasetSpec spec = genreMoodSpec();
    spec.heads[1].threshold = 0.4;
    spec.heads[1].labels = QStringList{QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("calm")};
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.csv")), spec);
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.items.size(), 3);
    const HeadTarget &m0 = ds.items[0].targets[1];
    QCOMPARE(m0.soft, floats({0.4f, 0.1f, 0.0f}));
    QCOMPARE(m0.multiHot, floats({1, 0, 0})); // 0.4 >= threshold 0.4
    // single-label head from shares: the largest share wins, shares kept
    QCOMPARE(ds.items[0].targets[0].classIndex, 1);
    QCOMPARE(ds.items[0].targets[0].soft, floats({0.2f, 0.8f}));
    QCOMPARE(ds.items[1].targets[1].multiHot, floats({1, 0, 0}));
    QVERIFY(!ds.items[1].targets[0].present);
    QVERIFY(!ds.items[2].targets[1].present); // no share given at all = unknown
}

void TestDataset::jsonlManifest()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("a.opus")));
    touch(dir.filePath(QStringLiteral("b.opus")));
    touch(dir.filePath(QStringLiteral("c.opus")));
    writeFile(dir.filePath(QStringLiteral("m.jsonl")),
              "{\"path\": \"a.opus\", \"genre\": \"rock\", \"mood\": [\"calm\", \"tense\"], \"start\": 0, \"end\": 15}\n"
              "\n"
              "{\"path\": \"a.opus\", \"genre\": \"rock\", \"mood\": \"tense\", \"start\": 15, \"end\": 30}\n"
              "{\"path\": \"b.opus\", \"genre\": null, \"mood\": {\"calm\": 0.7, \"tense\": 0.2}, \"artist\": \"X\"}\n"
              "{\"path\": \"c.opus\", \"mood\": []}\n");
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.jsonl")), genreMoodSpec());
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.items.size(), 4);
    QCOMPARE(ds.items[1].line, 3);
    // two segments of one song share a group: a split can never separate them
    QVERIFY(ds.items[0].isSegment());
    QCOMPARE(ds.items[0].groupKey, ds.items[1].groupKey);
    QCOMPARE(ds.items[0].targets[1].multiHot, floats({1, 1}));
    QCOMPARE(ds.items[1].targets[1].multiHot, floats({0, 1}));
    QCOMPARE(ds.items[2].targets[1].soft, floats({0.7f, 0.2f}));
    QCOMPARE(ds.items[2].targets[1].multiHot, floats({1, 0}));
    QVERIFY(!ds.items[2].targets[0].present);
    QVERIFY(!ds.items[3].targets[0].present);
    QVERIFY(ds.items[3].targets[1].present);
    QCOMPARE(ds.items[3].targets[1].multiHot, floats({0, 0}));
}

// Without a spec (the CLI's --manifest) the columns / members name the heads and their kinds.
void TestDataset::headsFromTheManifest()
{
    QTemporaryDir dir;
    for (const char *f : {"a.ogg", "b.ogg", "c.ogg"})
        touch(dir.filePath(QString::fromUtf8(f)));
    writeFile(dir.filePath(QStringLiteral("m.csv")),
              "path,artist,genre,mood,energy:low,energy:high,title\n"
              "a.ogg,Miles,jazz,calm;sad,0.8,0.2,x\n"
              "b.ogg,Band,rock,happy,0.1,0.9,y\n"
              "c.ogg,,rock,,0.5,0.5,z\n");
    const Dataset csv = loadManifest(dir.filePath(QStringLiteral("m.csv")), {});
    QVERIFY2(csv.issues.isEmpty(), qPrintable(issuesText(csv)));
    QCOMPARE(csv.items.size(), 3);
    QCOMPARE(csv.spec.heads.size(), 3);
    QCOMPARE(csv.spec.heads[0].name, QStringLiteral("genre"));
    QCOMPARE(csv.spec.heads[0].kind, HeadSpec::Kind::Single);
    QCOMPARE(csv.spec.heads[0].labels, (QStringList{QStringLiteral("jazz"), QStringLiteral("rock")}));
    QCOMPARE(csv.spec.heads[1].name, QStringLiteral("mood"));
    QCOMPARE(csv.spec.heads[1].kind, HeadSpec::Kind::Multi);
    QCOMPARE(csv.spec.heads[1].labels, (QStringList{QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad")}));
    QCOMPARE(csv.spec.heads[2].name, QStringLiteral("energy"));
    QCOMPARE(csv.spec.heads[2].kind, HeadSpec::Kind::Multi);
    QCOMPARE(csv.items[0].groupKey, QStringLiteral("artist:miles"));
    QCOMPARE(csv.items[1].targets[0].classIndex, 1);

    writeFile(dir.filePath(QStringLiteral("m.jsonl")),
              "{\"path\": \"a.ogg\", \"genre\": \"jazz\", \"mood\": [\"calm\"]}\n"
              "{\"path\": \"b.ogg\", \"genre\": \"rock\", \"mood\": {\"happy\": 0.9}, \"artist\": \"X\"}\n");
    const Dataset jsonl = loadManifest(dir.filePath(QStringLiteral("m.jsonl")), {});
    QVERIFY2(jsonl.issues.isEmpty(), qPrintable(issuesText(jsonl)));
    QCOMPARE(jsonl.items.size(), 2);
    QCOMPARE(jsonl.spec.heads.size(), 2);
    QCOMPARE(jsonl.spec.heads[0].kind, HeadSpec::Kind::Single);
    QCOMPARE(jsonl.spec.heads[1].kind, HeadSpec::Kind::Multi);
}

void TestDataset::badRows_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QString>("message");
    const QByteArray csvHead = "path,start,end,genre,mood\n";
    QTest::newRow("unknown label") << "m.csv" << QByteArray("ok2.ogg,,,blues,") << "unknown label \"blues\"";
    QTest::newRow("two genres") << "m.csv" << QByteArray("ok2.ogg,,,jazz;rock,") << "exactly one label";
    QTest::newRow("end before start") << "m.csv" << QByteArray("ok2.ogg,20,10,jazz,") << "empty or negative";
    QTest::newRow("negative start") << "m.csv" << QByteArray("ok2.ogg,-1,10,jazz,") << "empty or negative";
    QTest::newRow("start not a number") << "m.csv" << QByteArray("ok2.ogg,abc,,jazz,") << "not a number of seconds";
    QTest::newRow("field count") << "m.csv" << QByteArray("ok2.ogg,,jazz") << "expected 5 fields, found 3";
    QTest::newRow("empty path") << "m.csv" << QByteArray(",,,jazz,") << "empty path";
    QTest::newRow("missing file") << "m.csv" << QByteArray("gone.ogg,,,jazz,") << "file not found";
    QTest::newRow("directory") << "m.csv" << QByteArray("adir,,,jazz,") << "not a regular file";
    QTest::newRow("empty file") << "m.csv" << QByteArray("empty.ogg,,,jazz,") << "empty file";
    QTest::newRow("dangling link") << "m.csv" << QByteArray("link.ogg,,,jazz,") << "broken symbolic link";
    QTest::newRow("share above one") << "m.csv" << QByteArray("ok2.ogg,,,,calm=1.5") << "outside 0..1";
    QTest::newRow("share not number") << "m.csv" << QByteArray("ok2.ogg,,,,calm=much") << "not label=number";
    QTest::newRow("duplicate") << "m.csv" << QByteArray("ok.ogg,,,rock,") << "duplicate of line 2";
    QTest::newRow("jsonl broken json") << "m.jsonl" << QByteArray("{\"path\": \"ok2.ogg\",") << "invalid JSON";
    QTest::newRow("jsonl not object") << "m.jsonl" << QByteArray("[1,2]") << "JSON object";
    QTest::newRow("jsonl start string") << "m.jsonl" << QByteArray("{\"path\": \"ok2.ogg\", \"start\": \"x\"}") << "number of seconds";
    QTest::newRow("jsonl bad head type") << "m.jsonl" << QByteArray("{\"path\": \"ok2.ogg\", \"genre\": 3}") << "must be a label";
    QTest::newRow("jsonl no path") << "m.jsonl" << QByteArray("{\"genre\": \"jazz\"}") << "path";
}

// Each bad row is reported with its line number; the rows around it still load.
void TestDataset::badRows()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, badLine);
    QFETCH(QString, message);
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("ok.ogg")));
    touch(dir.filePath(QStringLiteral("ok2.ogg")));
    touch(dir.filePath(QStringLiteral("ok3.ogg")));
    writeFile(dir.filePath(QStringLiteral("empty.ogg")), QByteArray());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.ogg")), dir.filePath(QStringLiteral("link.ogg"))));
    QByteArray text;
    if (name.endsWith(QLatin1String(".csv")))
        text = "path,start,end,genre,mood\nok.ogg,,,rock,\n" + badLine + "\nok3.ogg,,,jazz,calm\n";
    else
        text = "{\"path\": \"ok.ogg\", \"genre\": \"rock\"}\n" + badLine + "\n{\"path\": \"ok3.ogg\", \"genre\": \"jazz\"}\n";
    writeFile(dir.filePath(name), text);
    DatasetSpec spec = genreMoodSpec();
    spec.heads[1].labels = QStringList{QStringLiteral("calm")};
    const Dataset ds = loadManifest(dir.filePath(name), spec);
    const int badLineNo = name.endsWith(QLatin1String(".csv")) ? 3 : 2;
    QVERIFY2(hasIssue(ds, badLineNo, message), qPrintable(issuesText(ds)));
    QCOMPARE(ds.issues.size(), 1);
    QVERIFY(ds.issues.first().toString().contains(QStringLiteral(":%1: ").arg(badLineNo)));
    QCOMPARE(ds.items.size(), 2);
    QCOMPARE(QFileInfo(ds.items.last().path).fileName(), QStringLiteral("ok3.ogg"));
}

void TestDataset::unterminatedQuote()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("m.csv")), "path,genre\na.ogg,jazz\n\"b.ogg,rock\nc.ogg,jazz\n");
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.csv")), genreMoodSpec());
    QVERIFY(ds.items.isEmpty());
    QCOMPARE(ds.issues.size(), 1);
    QVERIFY2(ds.issues.first().message.contains(QStringLiteral("line 3: unterminated")), qPrintable(issuesText(ds)));
}

void TestDataset::missingManifest()
{
    QTemporaryDir dir;
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("nope.csv")), genreMoodSpec());
    QVERIFY(ds.items.isEmpty());
    QCOMPARE(ds.issues.size(), 1);
    QVERIFY(ds.issues.first().message.contains(QStringLiteral("cannot open manifest")));
    writeFile(dir.filePath(QStringLiteral("nopath.csv")), "file,genre\na.ogg,jazz\n");
    const Dataset np = loadManifest(dir.filePath(QStringLiteral("nopath.csv")), genreMoodSpec());
    QVERIFY(hasIssue(np, 1, QStringLiteral("no \"path\" column")));
}

void TestDataset::probeAudio()
{
    if (!testutil::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("ffmpeg CLI not installed");
    QTemporaryDir dir;
    QVERIFY(!testutil::makeAudio(dir.path(), QStringLiteral("good.ogg"), 3.0).isEmpty());
    writeFile(dir.filePath(QStringLiteral("fake.ogg")), QByteArray(4096, 'x'));
    writeFile(dir.filePath(QStringLiteral("m.csv")),
              "path,start,end,genre\ngood.ogg,0,2.5,jazz\nfake.ogg,,,rock\ngood.ogg,1,20,jazz\n");
    LoadOptions probe;
    probe.probeAudio = true;
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.csv")), genreMoodSpec(), probe);
    QCOMPARE(ds.items.size(), 1);
    QCOMPARE(ds.issues.size(), 2);
    QCOMPARE(ds.issues.at(0).line, 3);
    QVERIFY(ds.issues.at(0).message.contains(QStringLiteral("fake.ogg")));
    QCOMPARE(ds.issues.at(1).line, 4);
    QVERIFY2(ds.issues.at(1).message.contains(QStringLiteral("segment ends at 20")), qPrintable(issuesText(ds)));
    // Without probing the fake file passes the cheap checks.
    QCOMPARE(loadManifest(dir.filePath(QStringLiteral("m.csv")), genreMoodSpec()).items.size(), 3);
}

void TestDataset::folderLayout()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("rock/b.ogg")));
    touch(dir.filePath(QStringLiteral("rock/live/c.OGG")));
    touch(dir.filePath(QStringLiteral("blues/a.flac")));
    touch(dir.filePath(QStringLiteral("blues/notes.txt")));
    writeFile(dir.filePath(QStringLiteral("blues/zero.mp3")), QByteArray());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("empty")));
    const Dataset ds = loadFolderLayout(dir.path(), QStringLiteral("genre"));
    QCOMPARE(ds.spec.heads.size(), 1);
    QCOMPARE(ds.spec.heads[0].labels,
             (QStringList{QStringLiteral("blues"), QStringLiteral("empty"), QStringLiteral("rock")}));
    QCOMPARE(ds.items.size(), 3);
    QCOMPARE(QFileInfo(ds.items[0].path).fileName(), QStringLiteral("a.flac"));
    QCOMPARE(ds.items[0].targets[0].classIndex, 0);
    QCOMPARE(ds.items[1].targets[0].classIndex, 2);
    QCOMPARE(ds.items[2].targets[0].classIndex, 2);
    QCOMPARE(ds.issues.size(), 2); // empty file, empty class folder
    QVERIFY2(issuesText(ds).contains(QStringLiteral("zero.mp3: empty file")), qPrintable(issuesText(ds)));
    QVERIFY(issuesText(ds).contains(QStringLiteral("no audio files")));
}

void TestDataset::combineMasksMissingHeads()
{
    Dataset a;
    a.spec.heads << HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::Single, {QStringLiteral("Q1"), QStringLiteral("Q2")}, 0.5};
    DatasetItem ai;
    ai.path = QStringLiteral("/x/a.opus");
    ai.targets = {HeadTarget{true, 1, {}, {}}};
    a.items << ai;
    Dataset b;
    b.spec.heads << HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::Single, {QStringLiteral("pop")}, 0.5}
                 << HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::Single, {QStringLiteral("Q1"), QStringLiteral("Q2")}, 0.5};
    DatasetItem bi;
    bi.path = QStringLiteral("/x/b.opus");
    bi.targets = {HeadTarget{true, 0, {}, {}}, HeadTarget{}};
    b.items << bi;
    QString error;
    const Dataset c = combineDatasets({a, b}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.spec.heads.size(), 2);
    QCOMPARE(c.spec.heads[0].name, QStringLiteral("quadrant"));
    QCOMPARE(c.items.size(), 2);
    QVERIFY(c.items[0].targets[0].present);
    QCOMPARE(c.items[0].targets[0].classIndex, 1);
    QVERIFY(!c.items[0].targets[1].present); // 4Q-like item: no genre
    QVERIFY(c.items[1].targets[1].present);
    QVERIFY(!c.items[1].targets[0].present);
    QCOMPARE(c.indicesWithHead(1), std::vector<int>{1});

    b.spec.heads[1].labels << QStringLiteral("Q3");
    QVERIFY(combineDatasets({a, b}, &error).items.isEmpty());
    QVERIFY(error.contains(QStringLiteral("quadrant")));
}

void TestDataset::jsonlRoundTrip()
{
    QTemporaryDir dir;
    touch(dir.filePath(QStringLiteral("a.ogg")));
    touch(dir.filePath(QStringLiteral("b.ogg")));
    writeFile(dir.filePath(QStringLiteral("m.csv")),
              "path,start,end,artist,genre,mood:calm,mood:sad\n"
              "a.ogg,0,15,A,jazz,0.25,0.75\n"
              "a.ogg,15,30,A,jazz,0.5,0.0\n"
              "b.ogg,,,,,0.0,0.0\n");
    DatasetSpec spec = genreMoodSpec();
    const Dataset ds = loadManifest(dir.filePath(QStringLiteral("m.csv")), spec);
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QString error;
    // out/ does not exist: a clear error, nothing written
    QVERIFY(!ds.writeJsonl(dir.filePath(QStringLiteral("out/m.jsonl")), &error));
    QVERIFY(error.contains(QStringLiteral("cannot write")));
    error.clear();
    QVERIFY2(ds.writeJsonl(dir.filePath(QStringLiteral("m.jsonl")), &error), qPrintable(error));
    spec.heads[1].labels = ds.spec.heads[1].labels;
    const Dataset back = loadManifest(dir.filePath(QStringLiteral("m.jsonl")), spec);
    QVERIFY2(back.issues.isEmpty(), qPrintable(issuesText(back)));
    QCOMPARE(back.items.size(), ds.items.size());
    for (qsizetype i = 0; i < ds.items.size(); ++i) {
        QCOMPARE(back.items[i].path, ds.items[i].path);
        QCOMPARE(back.items[i].start, ds.items[i].start);
        QCOMPARE(back.items[i].end, ds.items[i].end);
        QCOMPARE(back.items[i].groupKey, ds.items[i].groupKey);
        QCOMPARE(back.items[i].targets, ds.items[i].targets);
    }
}

void TestDataset::specJson()
{
    DatasetSpec s = genreMoodSpec();
    s.heads[1].labels = QStringList{QStringLiteral("calm")};
    s.heads[1].threshold = 0.3;
    QString error;
    QCOMPARE(DatasetSpec::fromJson(s.toJson(), &error), s);
    QJsonObject bad = s.toJson();
    QJsonArray heads = bad.value(QStringLiteral("heads")).toArray();
    QJsonObject h = heads.at(0).toObject();
    h.insert(QStringLiteral("kind"), QStringLiteral("several"));
    heads[0] = h;
    bad.insert(QStringLiteral("heads"), heads);
    QVERIFY(DatasetSpec::fromJson(bad, &error).heads.isEmpty());
    QVERIFY(error.contains(QStringLiteral("several")));
}

void TestDataset::realEmotify()
{
    const QString csv = testutil::sharedDir() + QStringLiteral("/data/emotify/annotations.csv");
    if (!QFileInfo::exists(csv))
        QSKIP("shared Emotify data not present");
    const Dataset ds = importEmotify(csv);
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.items.size(), 320);
    QCOMPARE(ds.labelCounts(0), (std::vector<int>{80, 80, 80, 80}));
    QCOMPARE(ds.spec.heads[1].labels.size(), 9);
    // Genre follows the folder (audio/<genre>/NNN.opus); shares and labels agree at 0.3.
    int amazement = 0;
    QSet<QString> groups;
    for (const DatasetItem &item : ds.items) {
        QCOMPARE(item.path.section(QLatin1Char('/'), -2, -2), ds.spec.heads[0].labels.at(item.targets[0].classIndex));
        const HeadTarget &g = item.targets[1];
        QCOMPARE(g.soft.size(), size_t(9));
        for (size_t e = 0; e < 9; ++e) {
            QVERIFY(g.soft[e] >= 0.0f && g.soft[e] <= 1.0f);
            QCOMPARE(g.multiHot[e], g.soft[e] >= 0.3f - 1e-6f ? 1.0f : 0.0f);
        }
        amazement += int(g.multiHot[0]);
        groups.insert(item.groupKey);
    }
    QCOMPARE(groups.size(), 320);
    // README: "amazement is then rare: ~6% of tracks"
    QVERIFY2(amazement >= 8 && amazement <= 32, qPrintable(QString::number(amazement)));
    qInfo("Emotify: %d of 320 tracks have amazement >= 0.3", amazement);
}

void TestDataset::real4Q()
{
    const QString csv = testutil::sharedDir() + QStringLiteral("/data/4q/metadata.csv");
    if (!QFileInfo::exists(csv))
        QSKIP("shared 4Q data not present");
    const Dataset ds = import4Q(csv);
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.items.size(), 720);
    QCOMPARE(ds.labelCounts(0), (std::vector<int>{180, 180, 180, 180}));
    QSet<QString> artists;
    for (const DatasetItem &item : ds.items) {
        QVERIFY(item.groupKey.startsWith(QStringLiteral("artist:")));
        QCOMPARE(item.path.section(QLatin1Char('/'), -2, -2), ds.spec.heads[0].labels.at(item.targets[0].classIndex));
        artists.insert(item.groupKey);
    }
    QVERIFY(artists.size() < 720); // several artists have more than one clip
    qInfo("4Q: %d clips by %d artists", int(ds.items.size()), int(artists.size()));
}

void TestDataset::allMusicGenres_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("genre");  // empty: none
    QTest::newRow("classical") << QStringLiteral("Classical") << QStringLiteral("classical");
    QTest::newRow("electronic among others") << QStringLiteral("Jazz; Electronic; International") << QStringLiteral("electronic");
    QTest::newRow("spacing and case") << QStringLiteral("  electronic ;") << QStringLiteral("electronic");
    QTest::newRow("pop/rock is rock or pop") << QStringLiteral("Pop/Rock") << QString();
    QTest::newRow("pop/rock vetoes electronic") << QStringLiteral("Electronic; Pop/Rock") << QString();
    QTest::newRow("two of Emotify's genres") << QStringLiteral("Classical; Electronic") << QString();
    QTest::newRow("none of Emotify's genres") << QStringLiteral("Jazz; Country") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDataset::allMusicGenres()
{
    QFETCH(QString, words);
    QFETCH(QString, genre);
    const int g = emotifyGenreFromAllMusic(words);
    QCOMPARE(g < 0 ? QString() : emotifyGenres().at(g), genre);
}

// --4q-genres: a genre head next to the quadrant head, present only where AllMusic's words name
// one Emotify genre, never scored; combined with Emotify it is the same head.
void TestDataset::fourQBorrowsGenres()
{
    QTemporaryDir dir;
    for (const char *f : {"a.opus", "b.opus", "c.opus", "d.opus"})
        touch(dir.filePath(QStringLiteral("4q/audio/") + QLatin1String(f)));
    const QString csv = dir.filePath(QStringLiteral("4q/metadata.csv"));
    writeFile(csv, "file,song,artist,title,quadrant,quadrant_share,allmusic_moods,allmusic_genres\n"
                   "audio/a.opus,1,A,t,Q1,0.7,Happy,Electronic\n"
                   "audio/b.opus,2,B,t,Q2,0.7,Angry,Electronic; Pop/Rock\n"
                   "audio/c.opus,3,C,t,Q3,0.7,Sad,\"Classical; Vocal\"\n"
                   "audio/d.opus,4,D,t,Q4,0.7,Calm,Jazz\n");
    const Dataset plain = import4Q(csv);
    QCOMPARE(plain.spec.heads.size(), 1);
    const Dataset ds = import4Q(csv, {}, true);
    QVERIFY2(ds.issues.isEmpty(), qPrintable(issuesText(ds)));
    QCOMPARE(ds.spec.heads.size(), 2);
    QCOMPARE(ds.spec.heads.at(1).name, QStringLiteral("genre"));
    QCOMPARE(ds.items.size(), 4);
    const std::vector<int> expected{int(emotifyGenres().indexOf(QStringLiteral("electronic"))), -1,
                                    int(emotifyGenres().indexOf(QStringLiteral("classical"))), -1};
    for (int i = 0; i < 4; ++i) {
        const HeadTarget &g = ds.items.at(i).targets.at(1);
        QCOMPARE(g.present, expected[size_t(i)] >= 0);
        QCOMPARE(g.classIndex, expected[size_t(i)]);
        QVERIFY(!g.scored);
        QVERIFY(ds.items.at(i).targets.at(0).scored);
    }
    // The column is required only when asked for.
    writeFile(csv, "file,artist,quadrant\naudio/a.opus,A,Q1\n");
    QCOMPARE(import4Q(csv).items.size(), 1);
    QVERIFY(import4Q(csv, {}, true).items.isEmpty());
    QVERIFY(issuesText(import4Q(csv, {}, true)).contains(QStringLiteral("allmusic_genres")));
}

void TestDataset::borrowedLabelsAreNotScored()
{
    Dataset ds;
    ds.spec.heads << HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::Single, emotifyGenres(), 0.5};
    spectag::ModelSpec spec;
    spec.heads = spectag::trainingdata::modelHeads(ds.spec);
    spectag::ExamplePredictions preds;
    for (int i = 0; i < 4; ++i) {
        DatasetItem item;
        item.path = QStringLiteral("/m/%1.ogg").arg(i);
        HeadTarget t{true, 1, {}, {}};
        t.scored = i < 2;  // items 0, 1 right; the borrowed 2, 3 wrong
        item.targets = {t};
        ds.items << item;
        preds.probs.push_back({{0.1f, i < 2 ? 0.7f : 0.1f, i < 2 ? 0.1f : 0.7f, 0.1f}});
    }
    const auto accuracy = [&] {
        return spectag::trainingdata::evaluate(spec, ds, {0, 1, 2, 3}, preds).value(QLatin1String("genre")).toObject()
            .value(QLatin1String("accuracy")).toDouble(-1);
    };
    QCOMPARE(accuracy(), 1.0);
    ds.items[2].targets[0].scored = ds.items[3].targets[0].scored = true;
    QCOMPARE(accuracy(), 0.5);
}

void TestDataset::real4QBorrowedGenres()
{
    const QString emotify = testutil::sharedDir() + QStringLiteral("/data/emotify/annotations.csv");
    const QString fourQ = testutil::sharedDir() + QStringLiteral("/data/4q/metadata.csv");
    if (!QFileInfo::exists(emotify) || !QFileInfo::exists(fourQ))
        QSKIP("shared data not present");
    const Dataset q = import4Q(fourQ, {}, true);
    QVERIFY2(q.issues.isEmpty(), qPrintable(issuesText(q)));
    // Each borrowed genre against the raw words, read here with the CSV parser alone.
    QFile f(fourQ);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<CsvRecord> rows;
    QString err;
    QVERIFY2(parseCsv(f.readAll(), &rows, &err), qPrintable(err));
    const int col = int(rows.first().fields.indexOf(QStringLiteral("allmusic_genres")));
    QVERIFY(col >= 0);
    QHash<int, QString> wordsAtLine;
    for (const CsvRecord &r : std::as_const(rows))
        wordsAtLine.insert(r.line, r.fields.value(col));
    QMap<QString, int> counts;
    for (const DatasetItem &item : q.items) {
        const HeadTarget &g = item.targets.at(1);
        const QString words = wordsAtLine.value(item.line);
        QVERIFY(!g.scored);
        if (!g.present) {
            QVERIFY2(words.contains(QLatin1String("Pop/Rock")) || !(words.contains(QLatin1String("Electronic")) || words.contains(QLatin1String("Classical")))
                         || (words.contains(QLatin1String("Electronic")) && words.contains(QLatin1String("Classical"))),
                     qPrintable(words));
            continue;
        }
        const QString genre = emotifyGenres().at(g.classIndex);
        QVERIFY2(words.contains(genre == QLatin1String("classical") ? QLatin1String("Classical") : QLatin1String("Electronic")), qPrintable(words));
        QVERIFY2(!words.contains(QLatin1String("Pop/Rock")), qPrintable(words));
        ++counts[genre];
    }
    QVERIFY(counts.value(QStringLiteral("electronic")) > 0 && counts.value(QStringLiteral("classical")) > 0);
    qInfo("4Q clips with a borrowed genre: %d electronic, %d classical", counts.value(QStringLiteral("electronic")),
          counts.value(QStringLiteral("classical")));
    // With Emotify: one genre head, Emotify's labels scored, 4Q's not.
    QString error;
    const Dataset both = combineDatasets({importEmotify(emotify), q}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(both.spec.heads.size(), 3);
    const int genre = both.spec.headIndex(QStringLiteral("genre"));
    int scored = 0, borrowed = 0;
    for (const DatasetItem &item : both.items) {
        const HeadTarget &t = item.targets.at(size_t(genre));
        scored += t.present && t.scored;
        borrowed += t.present && !t.scored;
    }
    QCOMPARE(scored, 320);
    QCOMPARE(borrowed, counts.value(QStringLiteral("electronic")) + counts.value(QStringLiteral("classical")));
}

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
