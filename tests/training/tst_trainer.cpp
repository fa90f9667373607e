// Proof that the training engine learns: three synthetic classes that differ in spectral content
// and rhythm, made with ffmpeg, the default architecture trained for a few epochs on 2 cores,
// held-out accuracy far above chance; then fine-tuning on "human corrections" moves predictions
// in the corrected direction. Also: the feature cache is reused, invalidated and pruned as it should be.
#include "catalog/catalog.h"
#include "common/testutil.h"
#include "training/datasetcatalog.h"
#include "training/trainingdata.h"
#include "model/modelspec.h"
#include "training/featurecache.h"
#include "training/trainer.h"
#include "model/modelfile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace spectag;

namespace {

// Class 0: low tone pulsing twice a second. Class 1: bright noise ticking 8 times a second.
// Class 2: a steady mid-range chord. Each clip draws its own pitch/tempo/level.
QString sourceFor(int cls, std::mt19937 &rng)
{
    std::uniform_real_distribution<double> u(0.8, 1.25);
    switch (cls) {
    case 0:
        return QStringLiteral("aevalsrc=0.5*sin(2*PI*%1*t)*(0.5+0.5*sin(2*PI*%2*t))").arg(150 * u(rng)).arg(2 * u(rng));
    case 1:
        return QStringLiteral("aevalsrc=%1*(random(0)-0.5)*gt(sin(2*PI*%2*t)\\,0.7)").arg(0.6 * u(rng)).arg(8 * u(rng));
    default: {
        const double f = 500 * u(rng);
        return QStringLiteral("aevalsrc=0.2*sin(2*PI*%1*t)+0.2*sin(2*PI*%2*t)+0.2*sin(2*PI*%3*t)").arg(f).arg(f * 1.26).arg(f * 1.5);
    }
    }
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::vector<FeatureSource> m_sources;
    std::vector<int> m_classes;
    ModelSpec m_spec;
    QString m_model;

    // Heads only, 12 epochs of 4 crops: cheap, and enough to move a confident head.
    static TrainConfig fineTuneConfig()
    {
        TrainConfig cfg;
        cfg.epochs = 12;
        cfg.batchSize = 8;
        cfg.learningRate = 5e-3;
        cfg.cropsPerExample = 4;
        cfg.freezeBackbone = true;
        cfg.patience = 0;
        cfg.gainDb = 0;
        cfg.classWeights = false;
        return cfg;
    }

    // A short run on one thread (bit-identical arithmetic from run to run).
    static TrainConfig shortConfig(int epochs, int crops, int patience)
    {
        TrainConfig cfg;
        cfg.epochs = epochs;
        cfg.batchSize = 8;
        cfg.cropsPerExample = crops;
        cfg.patience = patience;
        cfg.threads = 1;
        return cfg;
    }

    // How many of the held-out clips 30..35 a model file classes right on its first head
    // (-1 when it cannot predict); chance is 2 of 6.
    int heldOutCorrect(const QString &model, const FeatureCache &fc) const
    {
        ExamplePredictions p;
        QString err;
        if (!predictExamples(model, fc, examples(30, 36), &p, &err)) {
            qWarning("%s", qPrintable(err));
            return -1;
        }
        int correct = 0;
        for (int i = 0; i < 6; ++i) {
            const auto &pr = p.probs[size_t(i)][0];
            correct += int(std::max_element(pr.begin(), pr.end()) - pr.begin()) == m_classes[size_t(30 + i)];
        }
        return correct;
    }

    // The held-out runs' settings: 8 epochs of 3 crops, batches of 16, two threads.
    static TrainConfig heldOutConfig()
    {
        TrainConfig cfg;
        cfg.epochs = 8;
        cfg.batchSize = 16;
        cfg.learningRate = 3e-3;
        cfg.cropsPerExample = 3;
        cfg.patience = 0;
        cfg.threads = 2;
        return cfg;
    }

    std::vector<TrainingExample> examples(int from, int to) const
    {
        std::vector<TrainingExample> v;
        for (int i = from; i < to; ++i)
            v.push_back({i, {m_classes[size_t(i)]}, {{}}, {}});
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::mt19937 rng(3);
        for (int i = 0; i < 36; ++i) {
            const int cls = i % 3;
            const QString p = testutil::makeAudio(m_dir.path(), QStringLiteral("clip%1.flac").arg(i), 6.0, sourceFor(cls, rng), 1, 16000);
            QVERIFY(!p.isEmpty());
            m_sources.push_back({p, 0, 0});
            m_classes.push_back(cls);
        }
        m_spec = makeModelSpec(QStringLiteral("spectag"),
                               {HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
                                         {QStringLiteral("pulse"), QStringLiteral("ticks"), QStringLiteral("chord")}, {}, 0.0}});
    }

    void featureCacheReuse()
    {
        const QString cacheDir = m_dir.filePath(QStringLiteral("cache"));
        FeatureCache a(m_spec.frontEnd, cacheDir);
        QVERIFY(a.build(m_sources));
        QVERIFY(!a.reusedExisting());
        QVERIFY(a.errors().isEmpty());
        QCOMPARE(a.size(), 36);
        // 6 s at 16 kHz, hop 256, centred frames.
        QCOMPARE(a.frames(0), 1 + 6 * 16000 / 256);
        FeatureCache b(m_spec.frontEnd, cacheDir);
        QVERIFY(b.build(m_sources));
        QVERIFY(b.reusedExisting());
        const Spectrogram sa = a.whole(5), sb = b.whole(5);
        QCOMPARE(sa.data, sb.data);
        FrontEnd other = m_spec.frontEnd;
        other.nMels = 64;
        FeatureCache c(other, cacheDir);
        QVERIFY(c.build(m_sources));
        QVERIFY(!c.reusedExisting());  // another front end never reuses features
        QCOMPARE(c.bins(), 64);
        // A source that cannot be decoded is reported, the rest is usable.
        auto withBad = m_sources;
        withBad.push_back({m_dir.filePath(QStringLiteral("missing.flac")), 0, 0});
        FeatureCache d(m_spec.frontEnd, cacheDir);
        QVERIFY(d.build(withBad));
        QCOMPARE(d.errors().size(), 1);
        QVERIFY(!d.has(36));
    }

    // Every changed training set makes a new cache file, so the folder is pruned to a size limit,
    // least recently used first; reusing a file renews it, and the file in use always stays.
    void featureCachePrunesLeastRecentlyUsed()
    {
        const QString cacheDir = m_dir.filePath(QStringLiteral("pruned-cache"));
        const std::vector<FeatureSource> setA(m_sources.begin(), m_sources.begin() + 3);
        const std::vector<FeatureSource> setB(m_sources.begin() + 3, m_sources.begin() + 6);
        const std::vector<FeatureSource> setC(m_sources.begin() + 6, m_sources.begin() + 9);
        auto build = [&](const std::vector<FeatureSource> &set, qint64 limit, QStringList *pruned = nullptr) {
            FeatureCache fc(m_spec.frontEnd, cacheDir);
            fc.setSizeLimit(limit);
            const bool ok = fc.build(set) && fc.has(0);
            if (pruned)
                *pruned = fc.prunedFiles();
            return ok ? fc.filePath() : QString();
        };
        auto age = [](const QString &path, int hours) {
            QFile f(path);
            return f.open(QIODevice::ReadWrite)
                && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600 * hours), QFileDevice::FileModificationTime);
        };
        auto mtime = [](const QString &path) { return QFileInfo(path).fileTime(QFileDevice::FileModificationTime); };
        const QString a = build(setA, 0), b = build(setB, 0);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
        QVERIFY(age(a, 2) && age(b, 1));  // a is the older, until it is used again
        const QString notCache = cacheDir + QStringLiteral("/notes.txt");
        {
            QFile f(notCache);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(512 * 1024, 'n'));
        }
        QCOMPARE(build(setA, 0), a);
        QVERIFY(mtime(a) > mtime(b));

        // Room for two cache files: c is new, a was just used, so b goes.
        const qint64 one = QFileInfo(a).size();
        QStringList pruned;
        const QString c = build(setC, 2 * one + one / 2, &pruned);
        QVERIFY(!c.isEmpty());
        QCOMPARE(pruned, QStringList{QFileInfo(b).absoluteFilePath()});
        QVERIFY(!QFileInfo::exists(b));
        QVERIFY(QFileInfo::exists(a) && QFileInfo::exists(c));

        // A limit below one file keeps only the file in use, which still reads.
        QCOMPARE(build(setC, 1, &pruned), c);
        QCOMPARE(pruned, QStringList{QFileInfo(a).absoluteFilePath()});
        QVERIFY(QFileInfo::exists(c));
        QVERIFY(QFileInfo::exists(notCache));  // only cache files are ever removed
        // Without a limit nothing goes.
        QVERIFY(!build(setA, 0, &pruned).isEmpty());
        QVERIFY(pruned.isEmpty());
        QVERIFY(QFileInfo::exists(c));
    }

    void learnsAboveChance()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        // Clips 0..23 train (+ validation 24..29), 30..35 held out.
        const TrainConfig cfg = heldOutConfig();
        m_model = m_dir.filePath(QStringLiteral("model.stm"));
        int epochsSeen = 0;
        TrainCallbacks cb;
        cb.epoch = [&](const EpochStats &s) {
            ++epochsSeen;
            QVERIFY(std::isfinite(s.trainLoss));
        };
        QElapsedTimer t;
        t.start();
        const TrainResult r = trainModel(m_spec, fc, examples(0, 24), examples(24, 30), cfg, m_model, {}, cb);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(epochsSeen, 8);
        QCOMPARE(r.curves.size(), 8);
        qInfo("trained 8 epochs in %.1f s, %.0f samples/s, data wait %.1f%%", t.elapsed() / 1000.0, r.samplesPerSecond,
              100 * r.dataWaitFraction);
        const int correct = heldOutCorrect(m_model, fc);
        qInfo("held-out accuracy %d/6 (chance 2/6)", correct);
        QVERIFY2(correct >= 5, qPrintable(QString::number(correct)));
    }

    void fineTuningFollowsCorrections()
    {
        QVERIFY(!m_model.isEmpty());
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        // An annotator says tracks 30..32 are all "chord" (class 2).
        std::vector<TrainingExample> corrected = examples(30, 33);
        for (auto &e : corrected)
            e.classIndex = {2};
        ExamplePredictions before, after;
        QString err;
        QVERIFY(predictExamples(m_model, fc, corrected, &before, &err));
        const TrainConfig cfg = fineTuneConfig();
        const QString tuned = m_dir.filePath(QStringLiteral("tuned.stm"));
        const TrainResult r = trainModel(m_spec, fc, corrected, {}, cfg, tuned, m_model);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.spec.provenance.value(QStringLiteral("fine_tuned_from")).toString() == m_model);
        QVERIFY(predictExamples(tuned, fc, corrected, &after, &err));
        for (int i = 0; i < 3; ++i) {
            const float b = before.probs[size_t(i)][0][2], a = after.probs[size_t(i)][0][2];
            qInfo("track %d: p(chord) %.3f -> %.3f", 30 + i, b, a);
            if (m_classes[size_t(30 + i)] != 2)
                QVERIFY2(a > b + 0.1f, qPrintable(QStringLiteral("%1 -> %2").arg(b).arg(a)));
        }
    }

    // The same correction made the way an annotator makes it: human annotations in the catalog,
    // read back as a dataset in the base model's heads, fine-tuned on.
    void fineTuningFromCatalogAnnotations()
    {
        QVERIFY(!m_model.isEmpty());
        Catalog catalog;
        QVERIFY(catalog.open(m_dir.filePath(QStringLiteral("annotations.sqlite"))));
        QList<Annotation> labels;
        for (int i = 30; i < 33; ++i) {
            TrackRecord t;
            t.path = m_sources[size_t(i)].path;
            t.folder = QFileInfo(t.path).absolutePath();
            Annotation a;
            a.trackId = catalog.upsertTrack(t);
            QVERIFY(a.trackId > 0);
            a.head = QStringLiteral("genre");
            a.label = QStringLiteral("chord");
            labels << a;
        }
        QVERIFY(catalog.addAnnotations(labels));
        training::CatalogDatasetOptions o;
        o.spec = trainingdata::datasetSpec(m_spec);
        const training::Dataset ds = training::loadCatalogAnnotations(catalog, o);
        QCOMPARE(ds.items.size(), 3);
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(trainingdata::featureSources(ds)));
        const std::vector<TrainingExample> corrected = trainingdata::examples(ds, {}, false);
        ExamplePredictions before, after;
        QString err;
        QVERIFY(predictExamples(m_model, fc, corrected, &before, &err));
        const TrainConfig cfg = fineTuneConfig();
        const QString tuned = m_dir.filePath(QStringLiteral("tuned-from-catalog.stm"));
        const TrainResult r = trainModel(m_spec, fc, corrected, {}, cfg, tuned, m_model);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(predictExamples(tuned, fc, corrected, &after, &err));
        double moved = 0;
        for (int i = 0; i < 3; ++i) {
            const float b = before.probs[size_t(i)][0][2], a = after.probs[size_t(i)][0][2];
            qInfo("annotated track %d: p(chord) %.3f -> %.3f", 30 + i, b, a);
            QVERIFY2(a >= b - 0.01f, qPrintable(QStringLiteral("%1 -> %2").arg(b).arg(a)));
            moved += a - b;
        }
        // Tracks that were not chords before must have moved clearly.
        QVERIFY2(moved > 0.1, qPrintable(QString::number(moved)));
    }

    // Borrowed labels (`--4q-genres`) train but are never scored: per-epoch validation loss and
    // accuracy, which `--keep best` chooses by, must be those of the scored labels alone.
    void validationIgnoresBorrowedLabels()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        TrainConfig cfg = shortConfig(2, 2, 0);
        cfg.tuneThresholds = false;
        const auto train = [&](const std::vector<TrainingExample> &val, const QString &name) {
            return trainModel(m_spec, fc, examples(0, 12), val, cfg, m_dir.filePath(name));
        };
        // Items 24..26 carry a wrong, borrowed label; 27..29 their own, scored one.
        std::vector<TrainingExample> mixed = examples(24, 30);
        for (size_t i = 0; i < 3; ++i) {
            mixed[i].classIndex = {(m_classes[24 + i] + 1) % 3};
            mixed[i].scored = {false};
        }
        const TrainResult r1 = train(mixed, QStringLiteral("v1.stm")), r2 = train(examples(27, 30), QStringLiteral("v2.stm"));
        QVERIFY2(r1.ok && r2.ok, qPrintable(r1.error + r2.error));
        const QJsonArray withBorrowed = r1.curves, scoredOnly = r2.curves;
        QCOMPARE(withBorrowed.size(), 2);
        QCOMPARE(scoredOnly.size(), 2);
        for (int e = 0; e < 2; ++e) {
            const QJsonObject a = withBorrowed[e].toObject(), b = scoredOnly[e].toObject();
            qInfo("epoch %d: validation loss %.4f / %.4f, accuracy %.3f / %.3f", e + 1,
                  a[QStringLiteral("validation_loss")].toDouble(), b[QStringLiteral("validation_loss")].toDouble(),
                  a[QStringLiteral("genre_accuracy")].toDouble(-1), b[QStringLiteral("genre_accuracy")].toDouble(-1));
            QCOMPARE(a[QStringLiteral("train_loss")].toDouble(), b[QStringLiteral("train_loss")].toDouble());
            QCOMPARE(a[QStringLiteral("validation_loss")].toDouble(), b[QStringLiteral("validation_loss")].toDouble());
            QCOMPARE(a[QStringLiteral("genre_accuracy")].toDouble(-1), b[QStringLiteral("genre_accuracy")].toDouble(-1));
        }
        // Only borrowed labels in the validation part: no accuracy, and the training loss stands in.
        std::vector<TrainingExample> borrowedOnly(mixed.begin(), mixed.begin() + 3);
        const TrainResult r3 = train(borrowedOnly, QStringLiteral("v3.stm"));
        QVERIFY2(r3.ok, qPrintable(r3.error));
        QCOMPARE(r3.curves.size(), 2);
        for (const QJsonValue &v : r3.curves) {
            const QJsonObject row = v.toObject();
            QVERIFY(!row.contains(QStringLiteral("genre_accuracy")));
            QCOMPARE(row[QStringLiteral("validation_loss")].toDouble(), row[QStringLiteral("train_loss")].toDouble());
        }
    }

    // A run cut off after an epoch and resumed from its checkpoint ends with exactly the weights,
    // curves and best epoch of the same run left alone: optimiser moments, both random generators
    // and the early-stopping bookkeeping come back, not just the weights. Data-driven per optimiser.
    void resumeContinuesExactly_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::newRow("adamw") << QStringLiteral("adam");
        QTest::newRow("sgd") << QStringLiteral("sgd");
    }
    void resumeContinuesExactly()
    {
        QFETCH(QString, optimizer);
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        TrainConfig cfg = shortConfig(4, 1, 3);
        cfg.optimizer = optimizer;
        QTemporaryDir dir;
        TrainConfig whole = cfg;
        whole.checkpointPath = dir.filePath(QStringLiteral("whole.ckpt"));
        const QString wholeOut = dir.filePath(QStringLiteral("whole.stm"));
        const TrainResult a = trainModel(m_spec, fc, examples(0, 12), examples(24, 30), whole, wholeOut);
        QVERIFY2(a.ok, qPrintable(a.error));

        TrainConfig cut = cfg;
        cut.checkpointPath = dir.filePath(QStringLiteral("cut.ckpt"));
        const QString cutOut = dir.filePath(QStringLiteral("cut.stm"));
        std::atomic_bool cancel{false};
        TrainCallbacks stopAfterTwo;
        stopAfterTwo.epoch = [&](const EpochStats &s) { cancel = s.epoch == 2; };
        const TrainResult interrupted = trainModel(m_spec, fc, examples(0, 12), examples(24, 30), cut, cutOut, {}, stopAfterTwo, &cancel);
        QCOMPARE(interrupted.error, QStringLiteral("cancelled"));
        QVERIFY(QFile::exists(cut.checkpointPath + QStringLiteral(".state")));

        cut.resume = true;
        QList<int> epochsRun;
        TrainCallbacks record;
        record.epoch = [&](const EpochStats &s) { epochsRun << s.epoch; };
        const TrainResult b = trainModel(m_spec, fc, examples(0, 12), examples(24, 30), cut, cutOut, {}, record);
        QVERIFY2(b.ok, qPrintable(b.error));
        QCOMPARE(epochsRun, (QList<int>{3, 4}));
        QCOMPARE(b.curves.size(), 4);
        QCOMPARE(b.bestEpoch, a.bestEpoch);
        for (int e = 0; e < 4; ++e)
            QCOMPARE(b.curves[e].toObject()[QStringLiteral("train_loss")].toDouble(),
                     a.curves[e].toObject()[QStringLiteral("train_loss")].toDouble());
        ModelFile fa, fb;
        QString err;
        QVERIFY2(readModelFile(wholeOut, &fa, &err), qPrintable(err));
        QVERIFY2(readModelFile(cutOut, &fb, &err), qPrintable(err));
        QCOMPARE(fb.tensors.size(), fa.tensors.size());
        for (size_t i = 0; i < fa.tensors.size(); ++i) {
            QCOMPARE(fb.tensors[i].name, fa.tensors[i].name);
            QVERIFY2(fb.tensors[i].data == fa.tensors[i].data, qPrintable(fa.tensors[i].name));
        }
        QVERIFY(fb.spec.heads[0].thresholds == fa.spec.heads[0].thresholds);

        // Resuming a finished run trains nothing more and writes the same weights again.
        epochsRun.clear();
        const TrainResult again = trainModel(m_spec, fc, examples(0, 12), examples(24, 30), cut, cutOut, {}, record);
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(epochsRun.isEmpty());
        ModelFile fc2;
        QVERIFY2(readModelFile(cutOut, &fc2, &err), qPrintable(err));
        QVERIFY(fc2.tensors.back().data == fa.tensors.back().data);
    }

    // The state of another run (other seed, other examples) or a damaged state file is refused
    // with a reason, and nothing is written.
    void resumeRefusesForeignOrDamagedState()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        QTemporaryDir dir;
        TrainConfig cfg = shortConfig(1, 1, TrainConfig{}.patience);
        cfg.checkpointPath = dir.filePath(QStringLiteral("run.ckpt"));
        const TrainResult first = trainModel(m_spec, fc, examples(0, 12), {}, cfg, dir.filePath(QStringLiteral("a.stm")));
        QVERIFY2(first.ok, qPrintable(first.error));
        cfg.resume = true;
        const QString out = dir.filePath(QStringLiteral("b.stm"));
        TrainConfig otherSeed = cfg;
        otherSeed.seed = 7;
        TrainResult r = trainModel(m_spec, fc, examples(0, 12), {}, otherSeed, out);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("other settings")), qPrintable(r.error));
        r = trainModel(m_spec, fc, examples(0, 11), {}, cfg, out);
        QVERIFY2(r.error.contains(QStringLiteral("other settings")), qPrintable(r.error));
        const QString state = cfg.checkpointPath + QStringLiteral(".state");
        QFile f(state);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
        f.close();
        r = trainModel(m_spec, fc, examples(0, 12), {}, cfg, out);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("cannot resume: ")) && r.error.contains(QStringLiteral("truncated")), qPrintable(r.error));
        QVERIFY(!QFile::exists(out));
    }

    // A model with the Fisher-vector branch gets its mixture fitted on the training data before
    // the first epoch (an unfitted branch has zero means and unit spreads), and the file keeps it.
    void fisherVectorFittedBeforeTraining()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        ModelSpec spec = m_spec;
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("fv"), 4}};
        const QString out = m_dir.filePath(QStringLiteral("fv.stm"));
        const TrainResult r = trainModel(spec, fc, examples(0, 12), {}, shortConfig(1, 1, 0), out);
        QVERIFY2(r.ok, qPrintable(r.error));
        ModelFile file;
        QString err;
        QVERIFY2(readModelFile(out, &file, &err), qPrintable(err));
        const auto values = [&](const char *name) {
            for (const TensorRecord &t : file.tensors)
                if (t.name == QLatin1String(name))
                    return QList<float>(reinterpret_cast<const float *>(t.data.constData()),
                                        reinterpret_cast<const float *>(t.data.constData()) + t.elementCount());
            return QList<float>();
        };
        const QList<float> means = values("fv.means"), stds = values("fv.stds");
        QCOMPARE(means.size(), 4 * 40);
        QVERIFY(std::any_of(means.begin(), means.end(), [](float v) { return std::abs(v) > 0.1f; }));
        QVERIFY(std::any_of(stds.begin(), stds.end(), [](float v) { return std::abs(v - 1.f) > 0.05f; }));
        ExamplePredictions p;
        QVERIFY2(predictExamples(out, fc, examples(30, 36), &p, &err), qPrintable(err));
        QCOMPARE(p.probs.size(), size_t(6));
    }

    // "svm_quadrant": the trainer fits the quadrant head's support-vector classifier on the
    // training items before the first epoch, records its size in the saved spec, and the model
    // file loads back and predicts.
    void quadrantSupportVectorsFitted()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"),
                                       {HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel,
                                                 {QStringLiteral("pulse"), QStringLiteral("ticks"), QStringLiteral("chord")}, {}, 0.0}});
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("svm_quadrant"), 1}};
        const QString out = m_dir.filePath(QStringLiteral("svm.stm"));
        const TrainResult r = trainModel(spec, fc, examples(0, 24), {}, shortConfig(1, 1, 0), out);
        QVERIFY2(r.ok, qPrintable(r.error));
        ModelFile file;
        QString err;
        QVERIFY2(readModelFile(out, &file, &err), qPrintable(err));
        const int vectors = file.spec.hyperparameters.value(QLatin1String("svm_vectors")).toInt();
        QVERIFY2(vectors > 0 && vectors <= 24, qPrintable(QString::number(vectors)));
        bool found = false;
        for (const TensorRecord &t : file.tensors) {
            if (t.name == QLatin1String("svm_quadrant.support")) {
                found = true;
                QCOMPARE(t.shape.front(), qint64(vectors));
            }
        }
        QVERIFY(found);
        const int correct = heldOutCorrect(out, fc);
        qInfo("held-out accuracy with the fitted classifier %d/6 (chance 2/6)", correct);
        QVERIFY2(correct >= 5, qPrintable(QString::number(correct)));
    }

    // Mixup pairs examples labelled for the same heads only (an Emotify excerpt with an Emotify
    // excerpt, a 4Q clip with a 4Q clip), so no mixed example loses its labels.
    void mixupPartnersKeepLabels()
    {
        const std::vector<bool> emotify{true, true, false}, fourQ{false, false, true}, lone{true, false, true};
        std::vector<std::vector<bool>> labelled;
        for (int i = 0; i < 12; ++i)
            labelled.push_back(i % 3 == 0 ? fourQ : emotify);
        labelled.push_back(lone);
        std::mt19937_64 rng(7);
        int moved = 0;
        for (int draw = 0; draw < 20; ++draw) {
            const std::vector<int64_t> partner = mixupPartners(labelled, rng);
            QCOMPARE(partner.size(), labelled.size());
            std::vector<int64_t> sorted = partner;
            std::sort(sorted.begin(), sorted.end());
            for (size_t i = 0; i < sorted.size(); ++i)
                QCOMPARE(sorted[i], int64_t(i));  // a permutation: every example is used once
            for (size_t i = 0; i < partner.size(); ++i) {
                QVERIFY(labelled[size_t(partner[i])] == labelled[i]);
                moved += partner[i] != int64_t(i);
            }
            QCOMPARE(partner.back(), int64_t(labelled.size() - 1));  // no partner like it: itself
        }
        QVERIFY(moved > 20 * 8);  // a shuffle, not the identity

        // Mixing only the first head's examples (genre, say) leaves the 4Q-like ones unmixed.
        int movedMixed = 0;
        for (int draw = 0; draw < 20; ++draw) {
            const std::vector<int64_t> partner = mixupPartners(labelled, rng, {true, false, false});
            for (size_t i = 0; i < partner.size(); ++i) {
                QVERIFY(labelled[size_t(partner[i])] == labelled[i]);
                if (labelled[i] == fourQ)
                    QCOMPARE(partner[i], int64_t(i));
                else
                    movedMixed += partner[i] != int64_t(i);
            }
        }
        QVERIFY(movedMixed > 20 * 5);
    }

    // Mixup (two heads, examples labelled for one head each, as a joint Emotify + 4Q run) still
    // learns the classes: the mixed batches keep their labels.
    void learnsWithMixup()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        ModelSpec spec = m_spec;
        spec.heads.push_back(HeadSpec{QStringLiteral("other"), HeadSpec::Kind::SingleLabel,
                                      {QStringLiteral("a"), QStringLiteral("b")}, {}, 0.0});
        std::vector<TrainingExample> train;
        for (int i = 0; i < 24; ++i) {
            train.push_back({i, {m_classes[size_t(i)], -1}, {{}, {}}, {}});
            train.push_back({i, {-1, i % 2}, {{}, {}}, {}});  // the same clips, labelled for the other head only
        }
        TrainConfig cfg = heldOutConfig();
        cfg.mixupAlpha = 0.4;
        const QString out = m_dir.filePath(QStringLiteral("mixup.stm"));
        cfg.mixupHeads = QStringList{QStringLiteral("gerne")};  // a misspelt head is an error, not "mix nothing"
        TrainResult r = trainModel(spec, fc, train, {}, cfg, out);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("gerne")), qPrintable(r.error));
        cfg.mixupHeads.clear();
        r = trainModel(spec, fc, train, {}, cfg, out);
        QVERIFY2(r.ok, qPrintable(r.error));
        const int correct = heldOutCorrect(out, fc);
        qInfo("held-out accuracy with mixup %d/6 (chance 2/6)", correct);
        QVERIFY2(correct >= 5, qPrintable(QString::number(correct)));

        // Mixed examples for the genre head only, the same clips unmixed for the other head.
        cfg.mixupHeads = QStringList{QStringLiteral("genre")};
        cfg.mixupLossHeads = QStringList{QStringLiteral("genre")};
        r = trainModel(spec, fc, train, {}, cfg, out);
        QVERIFY(!r.ok);  // the loss heads already say which examples mix
        QVERIFY2(r.error.contains(QLatin1String("combined")), qPrintable(r.error));
        cfg.mixupHeads.clear();
        r = trainModel(spec, fc, train, {}, cfg, out);
        QVERIFY2(r.ok, qPrintable(r.error));
        const int correctLoss = heldOutCorrect(out, fc);
        qInfo("held-out accuracy with mixup for the genre loss only %d/6 (chance 2/6)", correctLoss);
        QVERIFY2(correctLoss >= 5, qPrintable(QString::number(correctLoss)));
    }

    // Fine-tuning with a frozen backbone trains the heads, the Fisher-vector classifier among them
    // (it is half of the fused genre decision); the backbone and the fitted mixture stay as they were.
    void frozenFineTuningTrainsTheFisherVectorClassifier()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        ModelSpec spec = m_spec;
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("fv"), 4}};
        const QString base = m_dir.filePath(QStringLiteral("fv-base.stm"));
        TrainResult r = trainModel(spec, fc, examples(0, 12), {}, shortConfig(1, 1, 0), base);
        QVERIFY2(r.ok, qPrintable(r.error));
        std::vector<TrainingExample> corrected = examples(30, 33);
        for (auto &e : corrected)
            e.classIndex = {2};
        TrainConfig cfg = fineTuneConfig();
        cfg.epochs = 2;
        const QString tuned = m_dir.filePath(QStringLiteral("fv-tuned.stm"));
        r = trainModel(spec, fc, corrected, {}, cfg, tuned, base);
        QVERIFY2(r.ok, qPrintable(r.error));
        ModelFile before, after;
        QString err;
        QVERIFY2(readModelFile(base, &before, &err), qPrintable(err));
        QVERIFY2(readModelFile(tuned, &after, &err), qPrintable(err));
        const auto data = [](const ModelFile &f, const char *name) {
            for (const TensorRecord &t : f.tensors)
                if (t.name == QLatin1String(name))
                    return t.data;
            return QByteArray();
        };
        for (const char *name : {"fv_head.weight", "head0.weight"}) {
            QVERIFY2(!data(before, name).isEmpty(), name);
            QVERIFY2(data(before, name) != data(after, name), name);
        }
        for (const char *name : {"embed.weight", "fv.means", "fv.fv_mean"}) {
            QVERIFY2(!data(before, name).isEmpty(), name);
            QVERIFY2(data(before, name) == data(after, name), name);
        }
    }

    void cancelStopsTraining()
    {
        FeatureCache fc(m_spec.frontEnd, m_dir.filePath(QStringLiteral("cache")));
        QVERIFY(fc.build(m_sources));
        std::atomic_bool cancel{false};
        TrainCallbacks cb;
        cb.batch = [&](int, int, int, double) { cancel = true; };
        TrainConfig cfg;
        cfg.epochs = 50;
        const TrainResult r = trainModel(m_spec, fc, examples(0, 24), {}, cfg, m_dir.filePath(QStringLiteral("c.stm")), {}, cb, &cancel);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("c.stm"))));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
