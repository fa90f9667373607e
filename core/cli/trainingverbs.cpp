// `spectag train` and `spectag evaluate`: the training engine from the command line, headless.
#include "catalog/catalog.h"
#include "cli/catalogoption.h"
#include "cli/cli.h"
#include "training/datasetcatalog.h"
#include "training/modelregistry.h"
#include "util/paths.h"
#include "metrics/foldsummary.h"
#include "model/modelfile.h"
#include "training/crossvalidation.h"
#include "training/datasetimport.h"
#include "training/split.h"
#include "training/trainingdata.h"
#include "util/savefile.h"

#include <QCommandLineParser>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

namespace spectag::cli {

namespace {

QString sharedData(const char *rel)
{
    return QDir::cleanPath(QStringLiteral(SPECTAG_SHARED_DIR "/data/") + QLatin1String(rel));
}

void addDataOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("emotify"), QStringLiteral("Emotify annotations.csv (genre + nine GEMS emotions)."), QStringLiteral("csv")},
        {QStringLiteral("4q"), QStringLiteral("4Q metadata.csv (valence/arousal quadrant)."), QStringLiteral("csv")},
        {QStringLiteral("4q-genres"), QStringLiteral("--4q: clips whose AllMusic genres are Classical or Electronic (not Pop/Rock) also "
                                                     "train the genre head; such borrowed labels are never scored.")},
        {QStringLiteral("manifest"), QStringLiteral("CSV or JSON Lines manifest; repeatable."), QStringLiteral("file")},
        {QStringLiteral("folder"), QStringLiteral("Folder-per-class layout DIR:HEAD (GTZAN style)."), QStringLiteral("dir:head")},
        {QStringLiteral("from-catalog"), QStringLiteral("The catalog's human annotations (corrections made in the app); with --init read into the base model's heads.")},
        {QStringLiteral("annotator"), QStringLiteral("--from-catalog: only this annotator's labels."), QStringLiteral("name")},
        {QStringLiteral("catalog"), QStringLiteral("Catalog database (default %1).").arg(paths::defaultCatalogPath()), QStringLiteral("path")},
        {QStringLiteral("share-threshold"), QStringLiteral("Emotify: agreement share that makes an emotion label (default 0.3)."), QStringLiteral("x"), QStringLiteral("0.3")},
        {QStringLiteral("seed"), QStringLiteral("Seed for splits, initialisation and augmentation (default 42)."), QStringLiteral("n"), QStringLiteral("42")},
        {QStringLiteral("test-fraction"), QStringLiteral("Held-out test share, never used for tuning (default 0.1)."), QStringLiteral("x"), QStringLiteral("0.1")},
        {QStringLiteral("val-fraction"), QStringLiteral("Validation share for early stopping and thresholds (default 0.1)."), QStringLiteral("x"), QStringLiteral("0.1")},
        {QStringLiteral("stratify"), QStringLiteral("Head to stratify splits on (default: the first single-label head)."), QStringLiteral("head")},
        {QStringLiteral("split-by"), QStringLiteral("group (default: a track or an artist never on both sides) or item (each clip alone: "
                                                    "the leaking protocol some papers used, for comparison only)."),
         QStringLiteral("unit"), QStringLiteral("group")},
        {QStringLiteral("cache"), QStringLiteral("Feature cache folder (default: the user's cache dir)."), QStringLiteral("dir")},
        {QStringLiteral("cache-limit"), QStringLiteral("Keep the feature cache folder under this size, removing the least recently "
                                                       "used spectrograms (default 4; 0: no limit)."),
         QStringLiteral("GB"), QStringLiteral("4")},
        {QStringLiteral("threads"), QStringLiteral("Threads for decoding and Torch (default: all cores)."), QStringLiteral("n"), QStringLiteral("0")},
    });
}

// The numbers every data-reading verb takes; false (reported) when one is out of range.
bool checkDataNumbers(Context &ctx, const QCommandLineParser &p)
{
    if (!checkNumbers(ctx, p, {{"share-threshold", 0, 1, false}, {"seed", 0, 1.8e19}, {"test-fraction", 0, 0.9, false},
                               {"val-fraction", 0, 0.9, false}, {"threads", 0, 4096}}))
        return false;
    if (p.value(QStringLiteral("test-fraction")).toDouble() + p.value(QStringLiteral("val-fraction")).toDouble() > 0.9) {
        ctx.err << "spectag: --test-fraction and --val-fraction leave nothing to train on (their sum must stay <= 0.9)\n";
        return false;
    }
    return true;
}

// Loads and combines every dataset named on the command line. `base`: the model whose heads
// annotations from the catalog are read into (fine-tuning, evaluation), or null.
bool loadData(Context &ctx, const QCommandLineParser &p, training::Dataset *out, const ModelSpec *base = nullptr)
{
    QList<training::Dataset> parts;
    auto take = [&](training::Dataset ds, const QString &what) {
        for (const training::DatasetIssue &i : std::as_const(ds.issues))
            ctx.err << "spectag: " << i.toString() << '\n';
        ctx.err << what << ": " << ds.items.size() << " items\n";
        parts << std::move(ds);
    };
    if (p.isSet(QStringLiteral("emotify"))) {
        QString path = p.value(QStringLiteral("emotify"));
        training::Dataset ds = training::importEmotify(path, p.value(QStringLiteral("share-threshold")).toDouble());
        // Spectag's multi-label mood head is the GEMS-9 set: analysis prints it as "mood".
        for (training::HeadSpec &h : ds.spec.heads)
            if (h.name == QLatin1String("gems"))
                h.name = QStringLiteral("mood");
        take(std::move(ds), path);
    }
    if (p.isSet(QStringLiteral("4q")))
        take(training::import4Q(p.value(QStringLiteral("4q")), {}, p.isSet(QStringLiteral("4q-genres"))), p.value(QStringLiteral("4q")));
    for (const QString &m : p.values(QStringLiteral("manifest")))
        take(training::loadManifest(m, {}), m);
    for (const QString &f : p.values(QStringLiteral("folder"))) {
        const QString dir = f.section(QLatin1Char(':'), 0, -2), head = f.section(QLatin1Char(':'), -1);
        take(training::loadFolderLayout(dir.isEmpty() ? f : dir, dir.isEmpty() ? QStringLiteral("genre") : head), f);
    }
    if (p.isSet(QStringLiteral("from-catalog"))) {
        Catalog catalog;
        if (!openCatalog(ctx, p, catalog))
            return false;
        training::CatalogDatasetOptions o;
        if (base)
            o.spec = trainingdata::datasetSpec(*base);
        o.annotator = p.value(QStringLiteral("annotator"));
        take(training::loadCatalogAnnotations(catalog, o), QStringLiteral("human annotations in ") + catalog.path());
    }
    if (parts.isEmpty()) {
        ctx.err << "spectag: name a dataset (--emotify, --4q, --manifest, --folder or --from-catalog); the shared sets are at "
                << sharedData("emotify/annotations.csv") << " and " << sharedData("4q/metadata.csv") << '\n';
        return false;
    }
    QString err;
    *out = parts.size() == 1 ? parts.first() : training::combineDatasets(parts, &err);
    if (out->items.isEmpty()) {
        ctx.err << "spectag: no usable items" << (err.isEmpty() ? QString() : QStringLiteral(": ") + err) << '\n';
        return false;
    }
    const QString splitBy = p.value(QStringLiteral("split-by"));
    if (splitBy == QLatin1String("item")) {
        // 4Q's authors split clips without regard to artist: clips of one artist can sit on both
        // sides, which flatters the figures. Offered to reproduce such numbers, labelled as leaking.
        ctx.err << "spectag: --split-by item: clips of one artist or song may be on both sides (leaking protocol)\n";
        for (training::DatasetItem &item : out->items)
            item.groupKey = QStringLiteral("item:") + item.path;
    } else if (splitBy != QLatin1String("group")) {
        ctx.err << "spectag: --split-by is group or item, not '" << splitBy << "'\n";
        return false;
    }
    return true;
}

QString stratifyHead(const QCommandLineParser &p, const training::Dataset &ds)
{
    if (p.isSet(QStringLiteral("stratify")))
        return p.value(QStringLiteral("stratify"));
    for (const training::HeadSpec &h : ds.spec.heads)
        if (h.kind == training::HeadSpec::Kind::Single)
            return h.name;
    return ds.spec.heads.isEmpty() ? QString() : ds.spec.heads.first().name;
}

// The fixed train/validation/test split every verb reproduces from the same seed and fractions.
training::Fold split(const QCommandLineParser &p, const training::Dataset &ds)
{
    training::SplitOptions so;
    so.seed = p.value(QStringLiteral("seed")).toULongLong();
    so.stratifyHead = stratifyHead(p, ds);
    return training::holdout(ds, p.value(QStringLiteral("val-fraction")).toDouble(),
                             p.value(QStringLiteral("test-fraction")).toDouble(), so);
}

bool buildFeatures(Context &ctx, const QCommandLineParser &p, const training::Dataset &ds, FeatureCache &fc)
{
    QElapsedTimer t;
    t.start();
    const int threads = p.value(QStringLiteral("threads")).toInt();
    const bool ok = fc.build(trainingdata::featureSources(ds), threads > 0 ? threads : QThread::idealThreadCount(),
                             [&](int done, int total) {
                                 if (done == total || done % 50 == 0)
                                     ctx.err << "\rfeatures " << done << '/' << total << Qt::flush;
                             },
                             &ctx.cancel);
    ctx.err << (fc.reusedExisting() ? " (cached)" : "") << " in " << QString::number(t.elapsed() / 1000.0, 'f', 1)
            << " s: " << fc.filePath() << '\n';
    for (const QString &e : fc.errors())
        ctx.err << "spectag: " << e << '\n';
    if (!fc.prunedFiles().isEmpty())
        ctx.err << "feature cache: removed " << fc.prunedFiles().size() << " least recently used file(s), "
                << QString::number(double(fc.prunedBytes()) / double(1 << 20), 'f', 0) << " MiB, to stay under --cache-limit\n";
    return ok;
}

QString cacheDir(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("cache")) ? p.value(QStringLiteral("cache")) : paths::featureCacheDir();
}

// --cache-limit in GB (fractions allowed) as bytes; false (after saying why) on a bad value.
bool cacheLimit(Context &ctx, const QCommandLineParser &p, qint64 *bytes)
{
    bool ok = false;
    const double gb = p.value(QStringLiteral("cache-limit")).toDouble(&ok);
    if (!ok || !(gb >= 0 && gb <= 1e6)) {
        ctx.err << "spectag: --cache-limit needs a size in GB (0: no limit), not '" << p.value(QStringLiteral("cache-limit")) << "'\n";
        return false;
    }
    *bytes = qint64(gb * double(qint64(1) << 30));
    return true;
}

void printMetrics(Context &ctx, const QJsonObject &byHead)
{
    for (auto it = byHead.begin(); it != byHead.end(); ++it) {
        ctx.out << "== " << it.key() << '\n';
        metrics::FoldSummary s = metrics::summarize({it.value().toObject()});
        ctx.out << s.toText() << '\n';
    }
}

TrainConfig configFrom(const QCommandLineParser &p)
{
    TrainConfig cfg;
    cfg.epochs = p.value(QStringLiteral("epochs")).toInt();
    cfg.batchSize = p.value(QStringLiteral("batch")).toInt();
    cfg.learningRate = p.value(QStringLiteral("lr")).toDouble();
    cfg.weightDecay = p.value(QStringLiteral("weight-decay")).toDouble();
    cfg.optimizer = p.value(QStringLiteral("optimizer"));
    cfg.schedule = p.value(QStringLiteral("schedule"));
    cfg.patience = p.value(QStringLiteral("patience")).toInt();
    cfg.keepLast = p.value(QStringLiteral("keep")) == QLatin1String("last");
    cfg.seed = p.value(QStringLiteral("seed")).toULongLong();
    cfg.cropsPerExample = p.value(QStringLiteral("crops")).toInt();
    cfg.gainDb = p.value(QStringLiteral("gain-db")).toDouble();
    cfg.freqMasks = cfg.timeMasks = p.value(QStringLiteral("masks")).toInt();
    cfg.mixupAlpha = p.value(QStringLiteral("mixup")).toDouble();
    if (p.isSet(QStringLiteral("mixup-heads")))
        cfg.mixupHeads = p.value(QStringLiteral("mixup-heads")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (p.isSet(QStringLiteral("mixup-loss-heads")))
        cfg.mixupLossHeads = p.value(QStringLiteral("mixup-loss-heads")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    cfg.classWeights = !p.isSet(QStringLiteral("no-class-weights"));
    cfg.freezeBackbone = p.isSet(QStringLiteral("freeze-backbone"));
    cfg.threads = p.value(QStringLiteral("threads")).toInt();
    cfg.logPath = p.value(QStringLiteral("log"));
    cfg.checkpointPath = p.value(QStringLiteral("checkpoint"));
    cfg.resume = p.isSet(QStringLiteral("resume"));
    return cfg;
}

TrainCallbacks progressCallbacks(Context &ctx)
{
    TrainCallbacks cb;
    cb.batch = [&](int epoch, int batch, int batches, double loss) {
        ctx.err << "\repoch " << epoch << " batch " << batch << '/' << batches << " loss " << QString::number(loss, 'f', 4) << "   " << Qt::flush;
    };
    cb.epoch = [&](const EpochStats &s) {
        ctx.err << "\repoch " << s.epoch << ": train " << QString::number(s.trainLoss, 'f', 4) << ", validation "
                << QString::number(s.validationLoss, 'f', 4);
        for (auto it = s.validation.begin(); it != s.validation.end(); ++it)
            ctx.err << ", " << it.key() << ' ' << QString::number(it.value().toDouble(), 'f', 3);
        ctx.err << ", " << QString::number(s.seconds, 'f', 1) << " s, " << QString::number(s.samplesPerSecond, 'f', 0)
                << " samples/s, data wait " << QString::number(100 * s.dataWaitFraction, 'f', 1) << "%\n";
    };
    return cb;
}

// `train --folds K`: one model per fold, each tested once on its own fold, mean ± std reported.
int crossValidateVerb(Context &ctx, const QCommandLineParser &p, const QStringList &args, const ModelSpec &spec,
                      const training::Dataset &ds, const FeatureCache &fc, int k)
{
    training::SplitOptions so;
    so.seed = p.value(QStringLiteral("seed")).toULongLong();
    so.stratifyHead = stratifyHead(p, ds);
    const QList<training::Fold> folds = training::kFold(ds, k, so, true);
    // More folds than groups leaves folds with nothing to test on: say so before training any.
    if (std::any_of(folds.cbegin(), folds.cend(), [](const training::Fold &f) { return f.test.empty(); })) {
        QSet<QString> groups;
        for (const training::DatasetItem &item : ds.items)
            groups.insert(item.groupKey);
        ctx.err << "spectag: --folds " << k << " is more than this data can fill: " << ds.items.size() << " items in "
                << groups.size() << " groups (tracks or artists), and every fold needs test items\n";
        return Usage;
    }
    ctx.err << k << "-fold cross-validation of " << spec.architecture << " on " << ds.items.size() << " items (grouped by "
            << (ds.items.isEmpty() ? QString() : ds.items.first().groupKey.section(QLatin1Char(':'), 0, 0))
            << ", stratified on " << so.stratifyHead << ")\n";
    // Fold models go to --out DIR when given (kept as evidence), else to a temporary folder.
    if (p.isSet(QStringLiteral("resume")) && !p.isSet(QStringLiteral("out"))) {
        ctx.err << "spectag: --folds with --resume needs --out DIR (where the finished folds are)\n";
        return Usage;
    }
    QTemporaryDir tmp;
    const QString workDir = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out")) : tmp.path();
    CrossValidationCallbacks cb;
    cb.foldStarted = [&](int i, int n) { ctx.err << "fold " << i << '/' << n << '\n'; };
    cb.foldResumed = [&](int i, int n) { ctx.err << "fold " << i << '/' << n << ": finished in an earlier run, read back\n"; };
    cb.train = progressCallbacks(ctx);
    const CrossValidationResult r = crossValidate(spec, ds, fc, folds, configFrom(p), !p.isSet(QStringLiteral("hard-targets")),
                                                  workDir, cb, &ctx.cancel);
    if (!r.ok) {
        ctx.err << "spectag: cross-validation failed: " << r.error << '\n';
        if (!r.error.endsWith(QLatin1String("cancelled")))
            return Failure;
        if (p.isSet(QStringLiteral("out")))
            ctx.err << "spectag: the finished folds and epochs are kept in " << workDir
                    << "; the same command with --resume continues from there\n";
        return Cancelled;
    }
    ctx.out << r.toText() << "parameters " << r.parameters << ", " << QString::number(r.seconds, 'f', 0) << " s for "
            << k << " folds\n";
    if (p.isSet(QStringLiteral("report"))) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("command"), QString(QStringLiteral("spectag ") + args.join(QLatin1Char(' '))));
        o.insert(QStringLiteral("architecture"), spec.architecture);
        QSaveFile f(p.value(QStringLiteral("report")));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !commitSaveFile(f)) {
            ctx.err << "spectag: cannot write " << p.value(QStringLiteral("report")) << ": " << f.errorString() << '\n';
            return Failure;
        }
    }
    return Ok;
}

int trainVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    addDataOptions(p);
    const TrainConfig d;
    p.addOptions({
        {QStringLiteral("out"), QStringLiteral("Model file to write."), QStringLiteral("file")},
        {QStringLiteral("arch"), QStringLiteral("Architecture: %1 (default spectag).").arg(architectureNames().join(QStringLiteral(", "))), QStringLiteral("name"), QStringLiteral("spectag")},
        {QStringLiteral("hp"), QStringLiteral("Hyperparameters as JSON, merged over the architecture's defaults."), QStringLiteral("json")},
        {QStringLiteral("segment"), QStringLiteral("Segment length in seconds (hop: half of it) instead of the architecture's default."), QStringLiteral("seconds")},
        {QStringLiteral("init"), QStringLiteral("Fine-tune this model file instead of starting from scratch."), QStringLiteral("model")},
        {QStringLiteral("freeze-backbone"), QStringLiteral("Fine-tuning: train the heads only.")},
        {QStringLiteral("epochs"), QStringLiteral("Epochs (default %1).").arg(d.epochs), QStringLiteral("n"), QString::number(d.epochs)},
        {QStringLiteral("batch"), QStringLiteral("Batch size (default %1).").arg(d.batchSize), QStringLiteral("n"), QString::number(d.batchSize)},
        {QStringLiteral("lr"), QStringLiteral("Learning rate (default %1).").arg(d.learningRate), QStringLiteral("x"), QString::number(d.learningRate)},
        {QStringLiteral("weight-decay"), QStringLiteral("Weight decay (default %1).").arg(d.weightDecay), QStringLiteral("x"), QString::number(d.weightDecay)},
        {QStringLiteral("optimizer"), QStringLiteral("adam or sgd (default adam)."), QStringLiteral("name"), d.optimizer},
        {QStringLiteral("schedule"), QStringLiteral("cosine, step or none (default cosine)."), QStringLiteral("name"), d.schedule},
        {QStringLiteral("keep"), QStringLiteral("Weights to keep: best (lowest validation loss) or last epoch (default best)."), QStringLiteral("which"), QStringLiteral("best")},
        {QStringLiteral("patience"), QStringLiteral("Early-stopping patience in epochs; 0 = off (default %1).").arg(d.patience), QStringLiteral("n"), QString::number(d.patience)},
        {QStringLiteral("crops"), QStringLiteral("Random segments per item per epoch (default %1).").arg(d.cropsPerExample), QStringLiteral("n"), QString::number(d.cropsPerExample)},
        {QStringLiteral("gain-db"), QStringLiteral("Random gain augmentation (default %1).").arg(d.gainDb), QStringLiteral("db"), QString::number(d.gainDb)},
        {QStringLiteral("masks"), QStringLiteral("SpecAugment masks per axis (default %1).").arg(d.freqMasks), QStringLiteral("n"), QString::number(d.freqMasks)},
        {QStringLiteral("mixup"), QStringLiteral("Mixup alpha; 0 = off (default 0)."), QStringLiteral("x"), QStringLiteral("0")},
        {QStringLiteral("mixup-heads"), QStringLiteral("Mix only examples labelled for these heads (comma-separated names; default: all)."),
         QStringLiteral("names")},
        {QStringLiteral("mixup-loss-heads"),
         QStringLiteral("Mixed examples train only these heads; the same examples train the other heads unmixed (comma-separated names)."),
         QStringLiteral("names")},
        {QStringLiteral("hard-targets"), QStringLiteral("Train multi-label heads on 0/1 labels instead of listener shares.")},
        {QStringLiteral("no-class-weights"), QStringLiteral("Do not weight single-label classes by inverse frequency.")},
        {QStringLiteral("log"), QStringLiteral("Write the learning curves as JSON here."), QStringLiteral("file")},
        {QStringLiteral("checkpoint"), QStringLiteral("After every epoch write the model here and the training state next to it (FILE.state)."), QStringLiteral("file")},
        {QStringLiteral("resume"), QStringLiteral("Continue an interrupted run from --checkpoint at its last finished epoch; with --folds, reuse the folds finished in --out and continue the one that was cut off.")},
        {QStringLiteral("all"), QStringLiteral("No test split: train on everything but the validation part.")},
        {QStringLiteral("folds"), QStringLiteral("Stratified, grouped k-fold cross-validation instead of one model: prints mean ± std per metric."), QStringLiteral("k")},
        {QStringLiteral("report"), QStringLiteral("Cross-validation: write per-fold and summary metrics as JSON here."), QStringLiteral("file")},
        {QStringLiteral("activate"), QStringLiteral("Make the new model the catalog's active one (the app analyses with it).")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Trains (or fine-tunes) a model on labelled audio and writes a model file.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (!checkDataNumbers(ctx, p)
        || !checkNumbers(ctx, p, {{"epochs", 1, 100000}, {"batch", 1, 65536}, {"lr", 1e-9, 10, false},
                                  {"weight-decay", 0, 1, false}, {"patience", 0, 100000}, {"crops", 1, 1000},
                                  {"gain-db", 0, 60, false}, {"masks", 0, 100}, {"mixup", 0, 100, false}, {"folds", 2, 1000}}))
        return Usage;
    const int folds = p.isSet(QStringLiteral("folds")) ? p.value(QStringLiteral("folds")).toInt() : 0;
    if (p.isSet(QStringLiteral("out")) && folds == 0) {
        // Found out now, not after an hour of training.
        const QFileInfo dir(QFileInfo(p.value(QStringLiteral("out"))).absolutePath());
        if (!dir.isDir() || !dir.isWritable()) {
            ctx.err << "spectag: cannot write the model into " << dir.filePath()
                    << (dir.isDir() ? ": the folder is not writable\n" : ": no such folder\n");
            return Failure;
        }
    }
    if (!p.isSet(QStringLiteral("out")) && folds == 0) {
        ctx.err << "spectag: --out FILE is required\n";
        return Usage;
    }
    // Without a checkpoint there is nothing to continue from: training again from scratch
    // under --resume would look like a resumed run and be none.
    if (p.isSet(QStringLiteral("resume")) && folds == 0 && !p.isSet(QStringLiteral("checkpoint"))) {
        ctx.err << "spectag: --resume needs --checkpoint FILE (the interrupted run's), or --folds K with --out DIR\n";
        return Usage;
    }
    const QString arch = p.value(QStringLiteral("arch"));
    if (!isKnownArchitecture(arch)) {
        ctx.err << "spectag: unknown architecture '" << arch << "'\n";
        return Usage;
    }
    ModelFile base;
    if (p.isSet(QStringLiteral("init"))) {  // fine-tuning: the base model's heads and features
        QString err;
        if (!readModelFile(p.value(QStringLiteral("init")), &base, &err)) {
            ctx.err << "spectag: " << err << '\n';
            return Failure;
        }
    }
    training::Dataset ds;
    if (!loadData(ctx, p, &ds, p.isSet(QStringLiteral("init")) ? &base.spec : nullptr))
        return Failure;
    ModelSpec spec = makeModelSpec(arch, trainingdata::modelHeads(ds.spec));
    if (p.isSet(QStringLiteral("hp"))) {
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(p.value(QStringLiteral("hp")).toUtf8(), &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
            ctx.err << "spectag: --hp needs a JSON object such as '{\"dropout\":0.2}'"
                    << (perr.error != QJsonParseError::NoError ? QStringLiteral(" (%1 at character %2)").arg(perr.errorString()).arg(perr.offset)
                                                               : QString())
                    << '\n';
            return Usage;
        }
        const QJsonObject hp = doc.object();
        for (auto it = hp.begin(); it != hp.end(); ++it)
            spec.hyperparameters.insert(it.key(), it.value());
    }
    if (const QString keep = p.value(QStringLiteral("keep")); keep != QLatin1String("best") && keep != QLatin1String("last")) {
        ctx.err << "spectag: --keep is best or last, not '" << keep << "'\n";
        return Usage;
    }
    if (p.isSet(QStringLiteral("segment"))) {
        bool ok = false;
        const double seconds = p.value(QStringLiteral("segment")).toDouble(&ok);
        if (!ok || !(seconds >= 0.5 && seconds <= 60)) {
            ctx.err << "spectag: --segment needs seconds within 0.5..60\n";
            return Usage;
        }
        spec.frontEnd.segmentSeconds = seconds;
        spec.frontEnd.segmentHopSeconds = seconds / 2;
    }
    const QString specError = spec.validate();
    if (!specError.isEmpty()) {
        ctx.err << "spectag: " << specError << '\n';
        return Usage;
    }
    if (p.isSet(QStringLiteral("init")))  // fine-tuning: features must match the base model
        spec.frontEnd = base.spec.frontEnd;
    const int threads = p.value(QStringLiteral("threads")).toInt();
    qint64 limit = 0;
    if (!cacheLimit(ctx, p, &limit))
        return Usage;
    FeatureCache fc(spec.frontEnd, cacheDir(p));
    fc.setSizeLimit(limit);
    if (!buildFeatures(ctx, p, ds, fc))
        return ctx.cancel ? int(Cancelled) : int(Failure);

    if (folds > 0)
        return crossValidateVerb(ctx, p, args, spec, ds, fc, folds);

    training::Fold fold = split(p, ds);
    if (p.isSet(QStringLiteral("all"))) {
        fold.train.insert(fold.train.end(), fold.test.begin(), fold.test.end());
        fold.test.clear();
    }
    const QString leak = training::findLeak(ds, fold);
    if (!leak.isEmpty()) {
        ctx.err << "spectag: split leaks: " << leak << '\n';
        return Failure;
    }
    ctx.err << "split: " << fold.train.size() << " train, " << fold.validation.size() << " validation, "
            << fold.test.size() << " test (grouped by " << (ds.items.isEmpty() ? QString() : ds.items.first().groupKey.section(QLatin1Char(':'), 0, 0))
            << ", stratified on " << stratifyHead(p, ds) << ")\n";

    const TrainConfig cfg = configFrom(p);
    const bool soft = !p.isSet(QStringLiteral("hard-targets"));

    QJsonObject prov{{QStringLiteral("command"), QString(QStringLiteral("spectag ") + args.join(QLatin1Char(' ')))},
                     {QStringLiteral("dataset_items"), int(ds.items.size())}};
    spec.provenance = prov;
    const TrainCallbacks cb = progressCallbacks(ctx);
    const TrainResult r = trainModel(spec, fc, trainingdata::examples(ds, fold.train, soft),
                                     trainingdata::examples(ds, fold.validation, soft), cfg, p.value(QStringLiteral("out")),
                                     p.value(QStringLiteral("init")), cb, &ctx.cancel);
    if (!r.ok) {
        ctx.err << "spectag: training failed: " << r.error << '\n';
        if (r.error != QLatin1String("cancelled"))
            return Failure;
        if (cfg.checkpointPath.isEmpty())
            ctx.err << "spectag: nothing was kept; --checkpoint FILE makes a run resumable\n";
        else
            ctx.err << "spectag: " << cfg.checkpointPath << " holds the last finished epoch; the same command with --resume continues from there\n";
        return Cancelled;
    }
    ctx.out << "model written to " << p.value(QStringLiteral("out")) << " (best epoch " << r.bestEpoch << ", "
            << QString::number(r.seconds, 'f', 0) << " s, " << QString::number(r.samplesPerSecond, 'f', 1)
            << " samples/s, data wait " << QString::number(100 * r.dataWaitFraction, 'f', 1) << "%)\n";
    // A model trained on the catalog's annotations (or with --catalog named) is recorded there, so
    // the app offers it and its predictions are told apart from the base model's.
    if (p.isSet(QStringLiteral("from-catalog")) || p.isSet(QStringLiteral("catalog"))) {
        QString err;
        Catalog catalog;
        const qint64 id = !catalog.open(catalogPath(p)) ? (err = catalog.lastError(), 0)
                                                       : registerModelFile(catalog, p.value(QStringLiteral("out")),
                                                                           p.isSet(QStringLiteral("activate")), &err);
        if (id == 0) {
            ctx.err << "spectag: the model was written but not recorded in the catalog: " << err << '\n';
            return PartialFailure;
        }
        ctx.out << "recorded in " << catalogPath(p) << " as model " << id << (p.isSet(QStringLiteral("activate")) ? " (active)" : "") << '\n';
    }
    if (!fold.test.empty()) {
        ExamplePredictions preds;
        QString err;
        if (!predictExamples(p.value(QStringLiteral("out")), fc, trainingdata::examples(ds, fold.test, soft), &preds, &err, threads)) {
            ctx.err << "spectag: " << err << '\n';
            return Failure;
        }
        ctx.out << "held-out test split (" << fold.test.size() << " items):\n";
        printMetrics(ctx, trainingdata::evaluate(r.spec, ds, fold.test, preds));
    }
    return Ok;
}

int evaluateVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    addDataOptions(p);
    p.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model file."), QStringLiteral("file")},
        {QStringLiteral("split"), QStringLiteral("test (the held-out part `train` left out, same seed/fractions), validation, train or all (default test)."),
         QStringLiteral("part"), QStringLiteral("test")},
        {QStringLiteral("json"), QStringLiteral("Print the metrics as JSON.")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Prints the full metric table of a model on labelled audio.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (!checkDataNumbers(ctx, p))
        return Usage;
    ModelFile mf;
    QString err;
    if (!p.isSet(QStringLiteral("model")) || !readModelFile(p.value(QStringLiteral("model")), &mf, &err)) {
        ctx.err << "spectag: " << (err.isEmpty() ? QStringLiteral("--model FILE is required") : err) << '\n';
        return err.isEmpty() ? int(Usage) : int(Failure);
    }
    training::Dataset ds;
    if (!loadData(ctx, p, &ds, &mf.spec))
        return Failure;
    const training::Fold fold = split(p, ds);
    const QString part = p.value(QStringLiteral("split"));
    std::vector<int> idx = part == QLatin1String("validation") ? fold.validation
        : part == QLatin1String("train")                     ? fold.train
        : part == QLatin1String("all")                       ? std::vector<int>{}
                                                             : fold.test;
    if (part == QLatin1String("all")) {
        idx.resize(size_t(ds.items.size()));
        std::iota(idx.begin(), idx.end(), 0);
    }
    qint64 limit = 0;
    if (!cacheLimit(ctx, p, &limit))
        return Usage;
    FeatureCache fc(mf.spec.frontEnd, cacheDir(p));
    fc.setSizeLimit(limit);
    if (!buildFeatures(ctx, p, ds, fc))
        return Failure;
    ExamplePredictions preds;
    if (!predictExamples(p.value(QStringLiteral("model")), fc, trainingdata::examples(ds, idx, false), &preds, &err,
                         p.value(QStringLiteral("threads")).toInt())) {
        ctx.err << "spectag: " << err << '\n';
        return Failure;
    }
    const QJsonObject m = trainingdata::evaluate(mf.spec, ds, idx, preds);
    if (p.isSet(QStringLiteral("json")))
        ctx.out << QJsonDocument(m).toJson(QJsonDocument::Indented);
    else {
        ctx.out << "model " << mf.versionHash() << " (" << mf.spec.architecture << ") on " << idx.size() << " items (" << part << ")\n";
        printMetrics(ctx, m);
    }
    return Ok;
}

} // namespace

void addTrainingVerbs(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("train"), QStringLiteral("Train or fine-tune a model on labelled audio"), trainVerb});
    verbs.push_back({QStringLiteral("evaluate"), QStringLiteral("Print a model's metric table on labelled audio"), evaluateVerb});
}

} // namespace spectag::cli
