#include "training/crossvalidation.h"

#include "metrics/foldsummary.h"
#include "model/modelfile.h"
#include "training/trainingdata.h"
#include "util/savefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace spectag {

namespace {

// The folder all items share ("/work/shared/data/" for Emotify + 4Q), so fingerprints name items
// by their place inside the data set and records carry over to a machine that keeps it elsewhere.
QString commonFolder(const training::Dataset &ds)
{
    if (ds.items.empty())
        return {};
    QString prefix = ds.items.front().path;
    for (const auto &item : ds.items) {
        qsizetype n = 0;
        const qsizetype most = std::min(prefix.size(), item.path.size());
        while (n < most && prefix.at(n) == item.path.at(n))
            ++n;
        prefix.truncate(n);
    }
    return prefix.left(prefix.lastIndexOf(QLatin1Char('/')) + 1);
}

// What decides a fold's result: the network, the training settings that change the weights and
// the fold's items. Threads, device and log paths do not, so a run resumed with other threads
// still reuses finished folds. Item paths are hashed without `strip` (their common folder);
// records written before session 8 hashed absolute paths (strip empty), which resume still accepts.
// `withLabels`: also every item's targets, so a changed label (another share threshold, a borrowed
// genre) trains again. Records written before session 9 hashed paths only and are still accepted.
QString foldFingerprint(const ModelSpec &spec, const TrainConfig &c, const training::Dataset &ds,
                        const training::Fold &fold, bool softTargets, const QString &strip, bool withLabels)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
    const QString cfg = QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                            .arg(c.epochs).arg(c.batchSize).arg(c.learningRate, 0, 'g', 17).arg(c.weightDecay, 0, 'g', 17)
                            .arg(c.optimizer, c.schedule).arg(c.patience).arg(c.keepLast).arg(c.seed);
    const QString aug = QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                            .arg(c.cropsPerExample).arg(c.gainDb, 0, 'g', 17).arg(c.freqMasks).arg(c.freqMaskWidth)
                            .arg(c.timeMasks).arg(c.timeMaskWidth).arg(c.mixupAlpha, 0, 'g', 17).arg(c.classWeights)
                            .arg(c.freezeBackbone);
    h.addData(QStringLiteral("%1|%2|%3|%4").arg(cfg, aug).arg(c.tuneThresholds).arg(softTargets).toUtf8());
    if (!c.mixupHeads.isEmpty())  // only when set: records made before it stay valid
        h.addData(QStringLiteral("mixup_heads:%1").arg(c.mixupHeads.join(QLatin1Char(','))).toUtf8());
    if (!c.mixupLossHeads.isEmpty())
        h.addData(QStringLiteral("mixup_loss_heads:%1").arg(c.mixupLossHeads.join(QLatin1Char(','))).toUtf8());
    for (const std::vector<int> *part : {&fold.train, &fold.validation, &fold.test}) {
        h.addData(QByteArrayView("\n"));
        for (int idx : *part) {
            const QString &path = ds.items[size_t(idx)].path;
            h.addData((strip.isEmpty() || !path.startsWith(strip) ? path : path.mid(strip.size())).toUtf8());
            h.addData(QByteArrayView("\0", 1));
            if (!withLabels)
                continue;
            for (const training::HeadTarget &t : ds.items[size_t(idx)].targets) {
                const qint32 flags[] = {t.present, t.scored, t.classIndex};
                h.addData(QByteArrayView(reinterpret_cast<const char *>(flags), sizeof flags));
                for (const std::vector<float> *v : {&t.multiHot, &t.soft}) {
                    const qint32 n = qint32(v->size());
                    h.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
                    h.addData(QByteArrayView(reinterpret_cast<const char *>(v->data()), qsizetype(v->size() * sizeof(float))));
                }
            }
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

// A finished fold's record from an earlier, interrupted run (resume), or an empty object.
// The record alone is enough (the model file is evidence, not needed for the figures), so the
// small records of a long run can be carried to another machine without the models.
QJsonObject finishedFold(const QString &recordPath, const QStringList &fingerprints)
{
    QFile f(recordPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    return fingerprints.contains(o.value(QStringLiteral("fingerprint")).toString()) ? o : QJsonObject{};
}

} // namespace

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
    QMap<QString, QList<QJsonObject>> perHead;
    const QString evaluation = declaresVote(spec) ? QStringLiteral("vote") : QStringLiteral("mean");
    const QString dataFolder = commonFolder(ds);
    const bool borrowsLabels = std::any_of(ds.items.cbegin(), ds.items.cend(), [](const training::DatasetItem &item) {
        return std::any_of(item.targets.cbegin(), item.targets.cend(), [](const training::HeadTarget &t) { return t.present && !t.scored; });
    });
    for (int i = 0; i < folds.size(); ++i) {
        const training::Fold &fold = folds[i];
        if (const QString leak = training::findLeak(ds, fold); !leak.isEmpty()) {
            result.error = QStringLiteral("fold %1 leaks: %2").arg(i + 1).arg(leak);
            return result;
        }
        TrainConfig cfg = config;
        cfg.seed = config.seed + quint64(i);  // folds differ in initialisation too, reproducibly
        // Every fold checkpoints each epoch next to its model, so a fold cut off mid-way (the end of
        // a session, Ctrl+C) continues with --resume from its last finished epoch, exactly as if it
        // had not stopped. The checkpoint goes once the fold's record is written.
        cfg.checkpointPath = QDir(workDir).filePath(QStringLiteral("fold-%1.checkpoint.stm").arg(i + 1));
        cfg.resume = config.resume;
        if (!config.logPath.isEmpty())
            cfg.logPath = QStringLiteral("%1.fold-%2.json").arg(config.logPath).arg(i + 1);
        const QString modelPath = QDir(workDir).filePath(QStringLiteral("fold-%1.stm").arg(i + 1));
        const QString recordPath = QDir(workDir).filePath(QStringLiteral("fold-%1.json").arg(i + 1));
        const QString fingerprint = foldFingerprint(spec, cfg, ds, fold, softTargets, dataFolder, true);
        // A 10-fold run of a slow network takes hours on two cores; with resume, folds finished by
        // an interrupted run with the same settings and items are read back instead of retrained.
        // A record made with another test-time aggregation (before cerutti2021's slice vote was
        // honoured) keeps its model: only the test fold is predicted again.
        QJsonObject trained;  // the record of a model that only needs testing again
        if (config.resume) {
            QStringList accepted{fingerprint};
            if (!borrowsLabels)  // no record before session 9 could have been trained on borrowed labels
                accepted << foldFingerprint(spec, cfg, ds, fold, softTargets, dataFolder, false)
                         << foldFingerprint(spec, cfg, ds, fold, softTargets, {}, false);
            QJsonObject done = finishedFold(recordPath, accepted);
            if (!done.isEmpty() && done.value(QStringLiteral("evaluation")).toString(QStringLiteral("mean")) != evaluation) {
                if (QFile::exists(modelPath))
                    trained = done;
                done = {};
            }
            if (!done.isEmpty()) {
                if (callbacks.foldResumed)
                    callbacks.foldResumed(i + 1, int(folds.size()));
                const QJsonObject m = done.value(QStringLiteral("metrics")).toObject();
                for (auto it = m.begin(); it != m.end(); ++it)
                    perHead[it.key()].append(it.value().toObject());
                if (result.parameters == 0)
                    result.parameters = qint64(done.value(QStringLiteral("parameters")).toDouble());
                done.remove(QStringLiteral("fingerprint"));
                done.remove(QStringLiteral("parameters"));
                done.remove(QStringLiteral("test_scores"));  // in the record only, as a fresh fold reports
                result.folds.append(done);
                continue;
            }
        }
        QElapsedTimer t;
        t.start();
        TrainResult r;
        QString err;
        if (!trained.isEmpty()) {
            if (callbacks.foldResumed)
                callbacks.foldResumed(i + 1, int(folds.size()));
            ModelFile mf;
            if (!readModelFile(modelPath, &mf, &err)) {
                result.error = QStringLiteral("fold %1: %2").arg(i + 1).arg(err);
                return result;
            }
            r.ok = true;
            r.spec = mf.spec;
            r.bestEpoch = trained.value(QStringLiteral("best_epoch")).toInt();
        } else {
            if (callbacks.foldStarted)
                callbacks.foldStarted(i + 1, int(folds.size()));
            const auto train = trainingdata::examples(ds, fold.train, softTargets);
            const auto validation = trainingdata::examples(ds, fold.validation, softTargets);
            r = trainModel(spec, features, train, validation, cfg, modelPath, {}, callbacks.train, cancel);
            // The fold's checkpoint is this run's own file: one left by other settings (the fold
            // record did not match either) or damaged is dropped and the fold starts over.
            if (!r.ok && cfg.resume && r.error.startsWith(QLatin1String("cannot resume"))) {
                QFile::remove(cfg.checkpointPath);
                QFile::remove(cfg.checkpointPath + QStringLiteral(".state"));
                cfg.resume = false;
                r = trainModel(spec, features, train, validation, cfg, modelPath, {}, callbacks.train, cancel);
            }
        }
        if (!r.ok) {
            result.error = QStringLiteral("fold %1: %2").arg(i + 1).arg(r.error);
            return result;
        }
        ExamplePredictions preds;
        // Test predictions use every segment, aggregated as the architecture declares (mean, or
        // cerutti2021's slice vote), as `analyze --aggregate` would.
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
        const QJsonObject record{{QStringLiteral("fold"), i + 1},
                                 {QStringLiteral("train"), int(fold.train.size())},
                                 {QStringLiteral("validation"), int(fold.validation.size())},
                                 {QStringLiteral("test"), int(fold.test.size())},
                                 // A fold continued from its checkpoint also counts the epochs
                                 // that ran before the interruption.
                                 {QStringLiteral("seconds"), trained.value(QStringLiteral("seconds")).toDouble() + r.resumedSeconds
                                                                 + t.elapsed() / 1000.0},
                                 {QStringLiteral("best_epoch"), r.bestEpoch},
                                 {QStringLiteral("evaluation"), evaluation},
                                 {QStringLiteral("test_paths"), paths},
                                 {QStringLiteral("metrics"), m}};
        result.folds.append(record);
        QJsonObject saved = record;
        // Each test item's probabilities per head (in test_paths order, 6 decimals), so that
        // fusions with other models can be studied later on exactly these folds without retraining.
        QJsonObject scores;
        for (size_t h = 0; h < r.spec.heads.size(); ++h) {
            QJsonArray rows;
            for (const auto &example : preds.probs) {
                QJsonArray row;
                if (h < example.size())
                    for (float p : example[h])
                        row.append(std::round(double(p) * 1e6) / 1e6);
                rows.append(row);
            }
            scores.insert(r.spec.heads[h].name, rows);
        }
        saved.insert(QStringLiteral("test_scores"), scores);
        saved.insert(QStringLiteral("fingerprint"), fingerprint);
        saved.insert(QStringLiteral("parameters"), double(result.parameters));
        QSaveFile rf(recordPath);
        if (!rf.open(QIODevice::WriteOnly) || rf.write(QJsonDocument(saved).toJson()) < 0 || !commitSaveFile(rf)) {
            result.error = QStringLiteral("fold %1: cannot write %2: %3").arg(i + 1).arg(recordPath, rf.errorString());
            return result;
        }
        QFile::remove(cfg.checkpointPath);
        QFile::remove(cfg.checkpointPath + QStringLiteral(".state"));
    }
    for (auto it = perHead.begin(); it != perHead.end(); ++it)
        result.summary.insert(it.key(), metrics::summarize(it.value()).toJson());
    // Resumed folds count with the time they took when they ran.
    for (const QJsonObject &o : std::as_const(result.folds))
        result.seconds += o.value(QStringLiteral("seconds")).toDouble();
    result.ok = true;
    return result;
}

} // namespace spectag
