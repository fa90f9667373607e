// The catalog's human annotations as a training set (`spectag train --from-catalog`): newest row
// per label counts, multi-label answers are whole sets, single-label rejections stay masked,
// segments become their own items, labels outside the model's heads and missing files are
// reported, and the CLI records the fine-tuned model in the catalog.
#include "catalog/catalog.h"
#include "common/testutil.h"
#include "training/datasetcatalog.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace spectag;
using namespace spectag::training;

namespace {

Annotation ann(qint64 track, const QString &head, const QString &label, double value,
               std::optional<double> start = {}, std::optional<double> end = {})
{
    Annotation a;
    a.trackId = track;
    a.head = head;
    a.label = label;
    a.value = value;
    a.segmentStart = start;
    a.segmentEnd = end;
    a.annotator = QStringLiteral("ann");
    return a;
}

DatasetSpec modelSpec()
{
    DatasetSpec s;
    s.heads.append({QStringLiteral("genre"), HeadSpec::Kind::Single, {QStringLiteral("pop"), QStringLiteral("rock")}, 0.5});
    s.heads.append({QStringLiteral("mood"), HeadSpec::Kind::Multi,
                    {QStringLiteral("calm"), QStringLiteral("happy"), QStringLiteral("sad")}, 0.5});
    return s;
}

} // namespace

class TestDatasetCatalog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QStringList m_files;

    qint64 addTrack(Catalog &c, int i, const QString &artist = {})
    {
        TrackRecord t;
        t.path = m_files.at(i);
        t.folder = QFileInfo(t.path).absolutePath();
        t.artist = artist;
        t.duration = 3;
        return c.upsertTrack(t);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 6; ++i) {
            const QString p = testutil::makeAudio(m_dir.path(), QStringLiteral("t%1 ü.flac").arg(i), 3.0,
                                                  QStringLiteral("sine=frequency=%1").arg(200 + 100 * i), 1, 16000);
            QVERIFY(!p.isEmpty());
            m_files << QFileInfo(p).absoluteFilePath();
        }
    }

    void annotationsBecomeItems()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("a.sqlite"))));
        const qint64 a = addTrack(c, 0, QStringLiteral("The Band")), b = addTrack(c, 1), d = addTrack(c, 2), e = addTrack(c, 3);
        QVERIFY(c.addAnnotations({ann(a, QStringLiteral("mood"), QStringLiteral("happy"), 1),
                                  ann(a, QStringLiteral("mood"), QStringLiteral("sad"), 1),
                                  ann(b, QStringLiteral("genre"), QStringLiteral("rock"), 1)}));
        // Corrections: "sad" does not apply to a after all; b is pop, not rock.
        QVERIFY(c.addAnnotations({ann(a, QStringLiteral("mood"), QStringLiteral("sad"), 0),
                                  ann(b, QStringLiteral("genre"), QStringLiteral("rock"), 0),
                                  ann(b, QStringLiteral("genre"), QStringLiteral("pop"), 1)}));
        // d: only a rejection of a single-label class -> no usable target.
        QVERIFY(c.addAnnotation(ann(d, QStringLiteral("genre"), QStringLiteral("rock"), 0)) > 0);
        // e: a label the model does not have, and a calm segment 0.5..2 s.
        QVERIFY(c.addAnnotations({ann(e, QStringLiteral("mood"), QStringLiteral("epic"), 1),
                                  ann(e, QStringLiteral("mood"), QStringLiteral("calm"), 1, 0.5, 2.0)}));
        // The model's own suggestions are not training data.
        Annotation m = ann(d, QStringLiteral("mood"), QStringLiteral("calm"), 1);
        m.source = Annotation::Source::Model;
        QVERIFY(c.addAnnotation(m) > 0);

        CatalogDatasetOptions o;
        o.spec = modelSpec();
        const Dataset ds = loadCatalogAnnotations(c, o);
        QCOMPARE(ds.spec, modelSpec());
        // a (whole), b (whole), e (whole: mood said, "epic" unknown -> all zero), e (segment).
        QCOMPARE(ds.items.size(), 4);
        const DatasetItem &ia = ds.items.at(0);
        QCOMPARE(ia.path, m_files.at(0));
        QCOMPARE(ia.groupKey, QStringLiteral("artist:the band"));
        QVERIFY(!ia.targets[0].present);
        QVERIFY(ia.targets[1].present);
        QCOMPARE(ia.targets[1].multiHot, (std::vector<float>{0, 1, 0}));
        const DatasetItem &ib = ds.items.at(1);
        QCOMPARE(ib.groupKey, QString(QStringLiteral("track:") + m_files.at(1)));
        QVERIFY(ib.targets[0].present);
        QCOMPARE(ib.targets[0].classIndex, 0);  // pop
        QVERIFY(!ib.targets[1].present);
        const DatasetItem &ie = ds.items.at(2), &seg = ds.items.at(3);
        QVERIFY(!ie.isSegment());
        QCOMPARE(ie.targets[1].multiHot, (std::vector<float>{0, 0, 0}));
        QVERIFY(seg.isSegment());
        QCOMPARE(seg.start, 0.5);
        QCOMPARE(seg.end, 2.0);
        QCOMPARE(seg.targets[1].multiHot, (std::vector<float>{1, 0, 0}));
        QCOMPARE(seg.groupKey, ie.groupKey);  // a segment never splits away from its track
        QCOMPARE(ds.issues.size(), 1);
        QVERIFY2(ds.issues.first().message.contains(QStringLiteral("'epic'")), qPrintable(ds.issues.first().message));

        // Segments can be left out, and one annotator's labels picked.
        o.includeSegments = false;
        QCOMPARE(loadCatalogAnnotations(c, o).items.size(), 3);
        o.annotator = QStringLiteral("someone else");
        QCOMPARE(loadCatalogAnnotations(c, o).items.size(), 0);

        // The set round-trips through a JSON Lines manifest (the app's "export annotations").
        QString err;
        const QString manifest = m_dir.filePath(QStringLiteral("export.jsonl"));
        QVERIFY2(ds.writeJsonl(manifest, &err), qPrintable(err));
        const Dataset back = loadManifest(manifest, modelSpec());
        QCOMPARE(back.items.size(), 4);
        QCOMPARE(back.items.at(3).targets[1].multiHot, seg.targets[1].multiHot);
        QCOMPARE(back.items.at(1).targets[0].classIndex, 0);
    }

    void discoversHeadsWithoutAModel()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("b.sqlite"))));
        const qint64 a = addTrack(c, 0), b = addTrack(c, 1);
        QVERIFY(c.addAnnotations({ann(a, QStringLiteral("mood"), QStringLiteral("sad"), 1),
                                  ann(a, QStringLiteral("mood"), QStringLiteral("calm"), 1),
                                  ann(a, QStringLiteral("genre"), QStringLiteral("rock"), 1),
                                  ann(b, QStringLiteral("genre"), QStringLiteral("jazz"), 1)}));
        const Dataset ds = loadCatalogAnnotations(c);
        QCOMPARE(ds.spec.heads.size(), 2);
        QCOMPARE(ds.spec.heads[0].name, QStringLiteral("genre"));
        QCOMPARE(ds.spec.heads[0].kind, HeadSpec::Kind::Single);
        QCOMPARE(ds.spec.heads[0].labels, (QStringList{QStringLiteral("jazz"), QStringLiteral("rock")}));
        QCOMPARE(ds.spec.heads[1].kind, HeadSpec::Kind::Multi);  // two moods on one track
        QCOMPARE(ds.spec.heads[1].labels, (QStringList{QStringLiteral("calm"), QStringLiteral("sad")}));
        QCOMPARE(ds.items.size(), 2);
    }

    void missingFilesAreReported()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("c.sqlite"))));
        const qint64 a = addTrack(c, 4);
        TrackRecord gone;
        gone.path = m_dir.filePath(QStringLiteral("deleted.flac"));
        gone.folder = m_dir.path();
        const qint64 g = c.upsertTrack(gone);
        const qint64 marked = addTrack(c, 5);
        QVERIFY(c.markMissing({marked}));
        QVERIFY(c.addAnnotations({ann(a, QStringLiteral("genre"), QStringLiteral("pop"), 1),
                                  ann(g, QStringLiteral("genre"), QStringLiteral("pop"), 1),
                                  ann(marked, QStringLiteral("genre"), QStringLiteral("rock"), 1)}));
        CatalogDatasetOptions o;
        o.spec = modelSpec();
        const Dataset ds = loadCatalogAnnotations(c, o);
        QCOMPARE(ds.items.size(), 1);
        QCOMPARE(ds.issues.size(), 2);
        QStringList messages;
        for (const DatasetIssue &i : ds.issues)
            messages << i.message;
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QStringLiteral("file not found")), qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QStringLiteral("missing")), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    // `spectag train --from-catalog --init BASE --activate`: the fine-tuned model is written,
    // recorded in the catalog and made active; with no annotations the verb says so.
    void cliFineTunesFromTheCatalog()
    {
        QVERIFY2(QFileInfo(testutil::spectagBinary()).isExecutable(), "the spectag binary is not built");
        const QString cat = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const QString base = m_dir.filePath(QStringLiteral("base.stm")), tuned = m_dir.filePath(QStringLiteral("tuned.stm"));
        {
            Catalog c;
            QVERIFY(c.open(cat));
        }
        auto train = [&] {
            return testutil::run(testutil::spectagBinary(),
                                 {QStringLiteral("train"), QStringLiteral("--from-catalog"), QStringLiteral("--catalog"), cat,
                                  QStringLiteral("--init"), base, QStringLiteral("--out"), tuned, QStringLiteral("--activate"),
                                  QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--crops"), QStringLiteral("1"),
                                  QStringLiteral("--all"), QStringLiteral("--val-fraction"), QStringLiteral("0"),
                                  QStringLiteral("--threads"), QStringLiteral("2"),
                                  QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache"))},
                                 300000);
        };
        auto r = testutil::run(testutil::spectagBinary(),
                               {QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("crnn"),
                                QStringLiteral("--heads"), QStringLiteral("genre:single:pop,rock;mood:multi:calm,happy,sad"),
                                QStringLiteral("--out"), base});
        if (!r.ok())  // the CRNN's name may differ; fall back to the default architecture
            r = testutil::run(testutil::spectagBinary(),
                              {QStringLiteral("model"), QStringLiteral("init"), QStringLiteral("--arch"), QStringLiteral("spectag"),
                               QStringLiteral("--heads"), QStringLiteral("genre:single:pop,rock;mood:multi:calm,happy,sad"),
                               QStringLiteral("--out"), base});
        QVERIFY2(r.ok(), r.err.constData());
        r = train();
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no usable items"), r.err.constData());

        Catalog c;
        QVERIFY(c.open(cat));
        QList<Annotation> labels;
        for (int i = 0; i < 4; ++i) {
            const qint64 id = addTrack(c, i);
            labels << ann(id, QStringLiteral("genre"), i % 2 ? QStringLiteral("rock") : QStringLiteral("pop"), 1)
                   << ann(id, QStringLiteral("mood"), QStringLiteral("calm"), i < 2 ? 1 : 0);
        }
        QVERIFY(c.addAnnotations(labels));
        r = train();
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.err.contains("human annotations in"), r.err.constData());
        QVERIFY(QFileInfo::exists(tuned));
        const auto active = c.activeModel();
        QVERIFY(active);
        QCOMPARE(active->filePath, tuned);
        QCOMPARE(active->labelSets.value(QStringLiteral("genre")).toArray().size(), 2);
        QVERIFY2(r.out.contains(active->versionHash.toLatin1()) || r.out.contains("recorded in"), r.out.constData());
        QCOMPARE(c.models().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatasetCatalog)
#include "tst_datasetcatalog.moc"
