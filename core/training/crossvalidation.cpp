#include "training/crossvalidation.h"

#include "metrics/foldsummary.h"
#include "model/modelfile.h"
#include "training/trainingdata.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace spectag {

QJsonObject CrossValidationResult::toJson() const
{
    QJsonArray f;
    for (const QJsonObject &o : folds)
        f.append(o);
    return {{QStringLiteral("folds"), f}, {QStringLiteral("summary"), summary},
            {QStringLiteral("parameters"), double(parameters)}, {QStringLiteral("seconds"), seconds}};
}

QString CrossValidationResult::toText() const
{
    QString out;
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        out += QStringLiteral("== %1 (%2 folds)\n").arg(it.key()).arg(folds.size());
        out += metrics::FoldSummary::fromJson(it.value().toObject()).toText();
        out += QLatin1Char('\n');
    }
    return out;
}

CrossValidationResult crossValidate(const ModelSpec &spec, const training::Dataset &ds, const FeatureCache &features,
                                    const QList<training::Fold> &folds, const TrainConfig &config, bool softTargets,
                                    const QString &workDir, const CrossValidationCallbacks &callbacks,
                                    const std::atomic_bool *cancel)
{
    CrossValidationResult result;
    if (folds.size() < 2) {
        result.error = QStringLiteral("cross-validation needs at least 2 folds");
        return result;
    }
    if (!QDir().mkpath(workDir)) {
        result.error = QStringLiteral("cannot create %1").arg(workDir);
        return result;
    }
    QElapsedTimer total;
    total.start();
    QMap<QString, QList<QJsonObject>> perHead;
    for (int i = 0; i < folds.size(); ++i) {
        const training::Fold &fold = folds[i];
        if (const QString leak = training::findLeak(ds, fold); !leak.isEmpty()) {
            result.error = QStringLiteral("fold %1 leaks: %2").arg(i + 1).arg(leak);
            return result;
        }
        if (callbacks.foldStarted)
            callbacks.foldStarted(i + 1, int(folds.size()));
        QElapsedTimer t;
        t.start();
        TrainConfig cfg = config;
        cfg.seed = config.seed + quint64(i);  // folds differ in initialisation too, reproducibly
        cfg.checkpointPath.clear();
        cfg.resume = false;
        if (!config.logPath.isEmpty())
            cfg.logPath = QStringLiteral("%1.fold-%2.json").arg(config.logPath).arg(i + 1);
        const QString modelPath = QDir(workDir).filePath(QStringLiteral("fold-%1.stm").arg(i + 1));
        const TrainResult r = trainModel(spec, features, trainingdata::examples(ds, fold.train, softTargets),
                                         trainingdata::examples(ds, fold.validation, softTargets), cfg, modelPath, {},
                                         callbacks.train, cancel);
        if (!r.ok) {
            result.error = QStringLiteral("fold %1: %2").arg(i + 1).arg(r.error);
            return result;
        }
        ExamplePredictions preds;
        QString err;
        // Test predictions use every segment with the analysis default (mean), as `analyze` does.
        if (!predictExamples(modelPath, features, trainingdata::examples(ds, fold.test, softTargets), &preds, &err,
                             config.threads)) {
            result.error = QStringLiteral("fold %1: %2").arg(i + 1).arg(err);
            return result;
        }
        const QJsonObject m = trainingdata::evaluate(r.spec, ds, fold.test, preds);
        for (auto it = m.begin(); it != m.end(); ++it)
            perHead[it.key()].append(it.value().toObject());
        QJsonArray paths;
        for (int idx : fold.test)
            paths.append(ds.items[size_t(idx)].path);
        if (result.parameters == 0) {
            ModelFile mf;
            if (readModelFile(modelPath, &mf, &err))
                for (const TensorRecord &t : mf.tensors)  // learnt weights, not batch-norm statistics
                    if (t.dtype == TensorRecord::DType::Float32 && !t.name.contains(QLatin1String("running_")))
                        result.parameters += t.elementCount();
        }
        result.folds.append(QJsonObject{{QStringLiteral("fold"), i + 1},
                                        {QStringLiteral("train"), int(fold.train.size())},
                                        {QStringLiteral("validation"), int(fold.validation.size())},
                                        {QStringLiteral("test"), int(fold.test.size())},
                                        {QStringLiteral("seconds"), t.elapsed() / 1000.0},
                                        {QStringLiteral("best_epoch"), r.bestEpoch},
                                        {QStringLiteral("test_paths"), paths},
                                        {QStringLiteral("metrics"), m}});
    }
    for (auto it = perHead.begin(); it != perHead.end(); ++it)
        result.summary.insert(it.key(), metrics::summarize(it.value()).toJson());
    result.seconds = total.elapsed() / 1000.0;
    result.ok = true;
    return result;
}

} // namespace spectag
