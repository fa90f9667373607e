#include "training/finetunejob.h"

#include "catalog/catalog.h"
#include "model/modelfile.h"
#include "training/datasetcatalog.h"
#include "training/featurecache.h"
#include "training/modelregistry.h"
#include "training/split.h"
#include "training/trainingdata.h"
#include "util/workerpool.h"

#include <QFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace spectag {

FineTuneJob::FineTuneJob(Catalog *catalog, QObject *parent) : QObject(parent), m_catalog(catalog) {}

FineTuneJob::~FineTuneJob()
{
    cancel();
    wait();
}

training::Dataset FineTuneJob::dataset(const QString &baseModel, QString *error) const
{
    ModelFile base;
    if (!readModelFile(baseModel, &base, error))
        return {};
    training::CatalogDatasetOptions o;
    o.spec = trainingdata::datasetSpec(base.spec);
    // The dialog's summary runs on the GUI thread at every annotation change: counts only, no
    // per-file checks (start() checks the files, off the GUI thread).
    o.load.checkFiles = false;
    return training::loadCatalogAnnotations(*m_catalog, o);
}

bool FineTuneJob::start(const FineTuneSettings &settings)
{
    if (isRunning())
        return false;
    m_cancel = false;
    {
        QMutexLocker lock(&m_mutex);
        m_outcome = {};
    }
    m_future = spectag::runInBackground([this, settings] {
        FineTuneOutcome o = run(settings);
        {
            QMutexLocker lock(&m_mutex);
            m_outcome = o;
        }
        Q_EMIT finished(o.ok);
    });
    return true;
}

void FineTuneJob::cancel()
{
    m_cancel = true;
}

bool FineTuneJob::isRunning() const
{
    return m_future.isRunning();
}

void FineTuneJob::wait()
{
    m_future.waitForFinished();
}

FineTuneOutcome FineTuneJob::outcome() const
{
    QMutexLocker lock(&m_mutex);
    return m_outcome;
}

FineTuneOutcome FineTuneJob::run(FineTuneSettings s)
{
    FineTuneOutcome out;
    auto fail = [&](const QString &e) {
        out.cancelled = m_cancel;
        out.error = m_cancel ? QStringLiteral("cancelled") : e;
        return out;
    };
    Q_EMIT stageChanged(tr("Reading annotations"));
    ModelFile base;
    QString err;
    if (!readModelFile(s.baseModel, &base, &err))
        return fail(err);
    training::CatalogDatasetOptions o;
    o.spec = trainingdata::datasetSpec(base.spec);
    const training::Dataset ds = training::loadCatalogAnnotations(*m_catalog, o);
    if (ds.items.isEmpty())
        return fail(tr("There are no human annotations that fit the model's labels yet."));

    // A grouped held-out part measures the base and the new model on labels neither trained on;
    // the validation part picks the best epoch. Both stay empty for a handful of annotations.
    training::SplitOptions so;
    so.seed = s.seed;
    for (const training::HeadSpec &h : ds.spec.heads)
        if (h.kind == training::HeadSpec::Kind::Single && so.stratifyHead.isEmpty())
            so.stratifyHead = h.name;
    const bool enough = ds.items.size() >= 10;
    const training::Fold fold = training::holdout(ds, enough ? s.heldOutShare : 0.0, enough ? s.heldOutShare : 0.0, so);
    out.trainItems = int(fold.train.size());
    out.heldOutItems = int(fold.test.size());
    if (fold.train.empty())
        return fail(tr("Too few annotations to train on."));

    Q_EMIT stageChanged(tr("Computing spectrograms"));
    FeatureCache fc(base.spec.frontEnd, s.cacheDir);
    const int threads = s.threads > 0 ? s.threads : QThread::idealThreadCount();
    if (!fc.build(trainingdata::featureSources(ds), threads, {}, &m_cancel))
        return fail(fc.errors().isEmpty() ? tr("Could not compute the spectrograms.") : fc.errors().join(QLatin1Char('\n')));

    const auto test = trainingdata::examples(ds, fold.test, false);
    if (!test.empty()) {
        Q_EMIT stageChanged(tr("Measuring the base model"));
        ExamplePredictions preds;
        if (!predictExamples(s.baseModel, fc, test, &preds, &err, threads))
            return fail(err);
        out.before = trainingdata::evaluate(base.spec, ds, fold.test, preds);
    }

    Q_EMIT stageChanged(tr("Fine-tuning"));
    TrainConfig cfg;
    cfg.epochs = s.epochs;
    cfg.learningRate = s.learningRate;
    cfg.freezeBackbone = s.freezeBackbone;
    cfg.batchSize = s.batchSize;
    cfg.cropsPerExample = s.cropsPerExample;
    cfg.seed = s.seed;
    cfg.threads = threads;
    cfg.patience = 0;  // a few epochs on few labels: keep the best by validation, never stop early
    TrainCallbacks cb;
    cb.batch = [this](int epoch, int batch, int batches, double loss) { Q_EMIT batchProgress(epoch, batch, batches, loss); };
    cb.epoch = [this](const EpochStats &st) { Q_EMIT epochFinished(st.epoch, st.trainLoss, st.validationLoss, st.validation); };
    const TrainResult r = trainModel(base.spec, fc, trainingdata::examples(ds, fold.train, false),
                                     trainingdata::examples(ds, fold.validation, false), cfg, s.outPath, s.baseModel, cb, &m_cancel);
    if (!r.ok) {
        QFile::remove(s.outPath);
        return fail(r.error);
    }
    out.curves = r.curves;
    if (!test.empty()) {
        Q_EMIT stageChanged(tr("Measuring the new model"));
        ExamplePredictions preds;
        if (!predictExamples(s.outPath, fc, test, &preds, &err, threads))
            return fail(err);
        out.after = trainingdata::evaluate(r.spec, ds, fold.test, preds);
    }
    ModelFile written;
    if (!readModelFile(s.outPath, &written, &err))
        return fail(err);
    out.modelPath = s.outPath;
    out.versionHash = written.versionHash();
    out.ok = true;
    Q_EMIT stageChanged(tr("Done"));
    return out;
}

qint64 FineTuneJob::activate(QString *error)
{
    const FineTuneOutcome o = outcome();
    if (!o.ok) {
        *error = tr("No fine-tuned model to activate.");
        return 0;
    }
    return registerModelFile(*m_catalog, o.modelPath, true, error);
}

void FineTuneJob::discard()
{
    QMutexLocker lock(&m_mutex);
    if (m_outcome.modelPath.isEmpty())
        return;
    QFile::remove(m_outcome.modelPath);
    m_outcome = {};
}

} // namespace spectag
