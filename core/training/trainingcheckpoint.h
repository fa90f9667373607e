#pragma once

// Torch-facing internals of the trainer (only trainer.cpp and tests include this): everything a
// training run needs to continue after an interruption exactly where it stopped.
#include <torch/torch.h>

#include "model/net.h"
#include "training/trainer.h"

#include <QJsonArray>
#include <QString>

#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace spectag::checkpoint {

// A copy of a network's parameters and buffers (the best epoch's weights).
using Snapshot = std::vector<std::pair<std::string, torch::Tensor>>;
Snapshot snapshot(NetImpl &net);
void restore(NetImpl &net, const Snapshot &s);

// The trainer's bookkeeping after a finished epoch.
struct Progress {
    int epoch = 0;        // the last finished epoch
    bool stopped = false; // early stopping fired after it
    double bestLoss = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    int sinceBest = 0;
    qint64 samples = 0;
    double waitSeconds = 0, stepSeconds = 0, wallSeconds = 0;
    QJsonArray curves;
    // The order of the training pool after the last epoch's shuffle: each epoch shuffles the
    // previous order, so the next epoch's batches depend on it as much as on the generator.
    std::vector<int> order;
};

// What decides the weights a run produces: the spec (with its normalisation), the settings that
// change training and every example's feature and targets. A state written by another run is
// refused instead of silently continuing the wrong training. Threads and paths are left out.
QString runFingerprint(const ModelSpec &spec, const TrainConfig &cfg, const std::vector<TrainingExample> &train,
                       const std::vector<TrainingExample> &validation);

// The state file next to a checkpoint model: CHECKPOINT.state.
QString statePath(const QString &checkpointPath);

// Writes the whole training state (current and best weights, optimiser moments, both random
// generators, progress) atomically in the model-file container: no code is ever read back from
// it, and every size is validated before anything is allocated.
QString save(const QString &path, const ModelSpec &spec, const QString &run, NetImpl &net, const Snapshot &best,
             torch::optim::Optimizer &optimizer, const std::mt19937_64 &rng, const Progress &progress);

// Restores what save() wrote into a freshly built net and optimiser (same parameters, same
// order) for a training pool of `poolSize` entries. Returns an empty string on success, else why
// the state cannot be used; then nothing has been changed.
QString load(const QString &path, const QString &run, size_t poolSize, NetImpl &net, Snapshot *best,
             torch::optim::Optimizer &optimizer, std::mt19937_64 *rng, Progress *progress);

} // namespace spectag::checkpoint
