#pragma once

#include "model/modelspec.h"
#include "training/dataset.h"
#include "training/featurecache.h"
#include "training/split.h"
#include "training/trainer.h"

#include <QJsonObject>
#include <QList>

#include <atomic>
#include <functional>

namespace spectag {

// k-fold cross-validation with the production trainer: one model per fold trained on the fold's
// train part (early stopping and threshold tuning on its validation part), evaluated once on its
// test part, then every metric summarised as mean ± std over the folds (the emotion paper's
// protocol). The folds come from the caller (training::kFold, grouped and stratified), so a song
// or an artist never sits on both sides.
struct CrossValidationResult {
    bool ok = false;
    QString error;
    QList<QJsonObject> folds;  // per fold: {"fold", "train", "validation", "test", "seconds", "evaluation" (mean or vote),
                               //  "best_epoch", "test_paths", "metrics": {head: metrics}}
    QJsonObject summary;       // per head: FoldSummary JSON ({"folds", "metrics": {key: {mean, std, …}}})
    qint64 parameters = 0;
    double seconds = 0;        // training + evaluation, all folds

    QJsonObject toJson() const;
    QString toText() const;    // per head, the paper's table with mean ± std
};

struct CrossValidationCallbacks {
    std::function<void(int fold, int folds)> foldStarted;
    std::function<void(int fold, int folds)> foldResumed;  // read back from an earlier run (resume)
    TrainCallbacks train;      // passed through to every fold's trainer
};

// Models are written into workDir as fold-N.stm (kept: they are the evidence behind the figures),
// each with fold-N.json: its record and a fingerprint of the settings and items. With
// config.resume a fold whose record matches is read back instead of trained again.
CrossValidationResult crossValidate(const ModelSpec &spec, const training::Dataset &ds, const FeatureCache &features,
                                    const QList<training::Fold> &folds, const TrainConfig &config, bool softTargets,
                                    const QString &workDir, const CrossValidationCallbacks &callbacks = {},
                                    const std::atomic_bool *cancel = nullptr);

} // namespace spectag
