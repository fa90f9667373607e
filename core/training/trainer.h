#pragma once

#include "model/modelspec.h"
#include "training/featurecache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

namespace spectag {

// One thing to learn from, as the trainer sees it (torch-free): which cached spectrogram, and a
// target per head. A head may be missing for an example (datasets that label different things
// are combined with per-head masked losses), e.g. a 4Q clip has a quadrant but no genre.
struct TrainingExample {
    int feature = -1;                         // index into the FeatureCache
    std::vector<int> classIndex;              // per head: single-label class, -1 = missing
    std::vector<std::vector<float>> targets;  // per head: multi-label targets in [0,1] (soft shares
                                              // or 0/1); empty = missing
    // Per head: false = a borrowed label (training::HeadTarget::scored), trained on but left out of
    // validation loss, figures and thresholds, so `--keep best` never chooses by it. Empty = all scored.
    std::vector<bool> scored;

    bool isScored(size_t head) const { return head >= scored.size() || scored[head]; }
};

struct TrainConfig {
    int epochs = 30;
    int batchSize = 32;
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    QString optimizer = QStringLiteral("adam");  // adam | sgd
    QString schedule = QStringLiteral("cosine"); // cosine | step | none
    int patience = 8;                            // early stopping on validation loss; 0 = off
    // Keep the last epoch's weights instead of the lowest validation loss's. With a validation
    // part of a few dozen excerpts that loss is noisy and picked epoch 2 of 12 for the default
    // model; cross-validation judges the choice (docs/results.md). Also turns early stopping off.
    bool keepLast = false;
    quint64 seed = 42;
    int cropsPerExample = 4;                     // random segments per example per epoch
    // Augmentations on spectrograms.
    double gainDb = 6.0;                         // random level change +-gainDb
    int freqMasks = 2, freqMaskWidth = 12;       // SpecAugment
    int timeMasks = 2, timeMaskWidth = 24;
    double mixupAlpha = 0.0;                     // 0 = off
    // Heads whose examples are mixed (names; empty = every head's). Examples labelled for none of
    // them are left unmixed: in the session-23 cross-validation mixup helped genre and hurt the
    // quadrant head.
    QStringList mixupHeads;
    // Heads that learn from the mixed examples only (names; empty = off). The examples labelled for
    // them are mixed and appended to the batch as extra rows that train these heads alone; the
    // original rows stay unmixed and train every other head. Mixing Emotify's excerpts helped genre
    // and cost GEMS (docs/results.md, "Session 23"), whose labels the same excerpts carry.
    QStringList mixupLossHeads;
    bool classWeights = true;                    // inverse-frequency weights for single-label heads
    bool freezeBackbone = false;                 // fine-tuning: train the heads only
    int threads = 0;                             // Torch intra-op threads; 0 = all cores
    QString device = QStringLiteral("auto");
    QString checkpointPath;                      // written after every epoch when set
    bool resume = false;                         // continue from checkpointPath
    QString logPath;                             // JSON curves
    bool tuneThresholds = true;                  // per-label F1-optimal thresholds on validation
};

struct EpochStats {
    int epoch = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    QJsonObject validation;       // per head: accuracy (single) / mean AUC-free quick figures
    double learningRate = 0;
    double seconds = 0;
    double dataWaitFraction = 0;  // share of the epoch spent assembling batches
    double samplesPerSecond = 0;
};

struct TrainCallbacks {
    std::function<void(int epoch, int batch, int batches, double loss)> batch;  // throttled ~60 ms
    std::function<void(const EpochStats &)> epoch;
};

// Per example, per head: mean probability over the example's segments (the analysis default).
struct ExamplePredictions {
    std::vector<std::vector<std::vector<float>>> probs;  // [example][head][label]
    std::vector<std::vector<float>> embeddings;          // [example][dim]
};

struct TrainResult {
    bool ok = false;
    QString error;
    ModelSpec spec;             // with normalisation, thresholds and provenance filled in
    QJsonArray curves;          // one object per epoch
    int bestEpoch = 0;
    double seconds = 0;         // wall time, the earlier runs of a resumed training included
    double resumedSeconds = 0;  // of which those earlier runs (0 unless resumed from a checkpoint)
    double samplesPerSecond = 0;
    double dataWaitFraction = 0;
};

// Trains a network for `spec` (or fine-tunes the model in `initFrom`) and writes the best epoch's
// weights to outPath as a model file. Cancellation is checked between batches.
TrainResult trainModel(const ModelSpec &spec, const FeatureCache &features, const std::vector<TrainingExample> &train,
                       const std::vector<TrainingExample> &validation, const TrainConfig &config, const QString &outPath,
                       const QString &initFrom = {}, const TrainCallbacks &callbacks = {},
                       const std::atomic_bool *cancel = nullptr);

// Mixup partners: a permutation of 0..n-1 that pairs each example only with one whose set of
// labelled heads is the same (labelled[i][h]: example i has a target for head h), so that a mixed
// example keeps every label it had. Pairing an Emotify excerpt with a 4Q clip would leave the mix
// with no head to learn from. An example with no such partner is paired with itself, and so is
// every example labelled for none of the heads marked in `mixHeads` (empty: all heads mix).
std::vector<int64_t> mixupPartners(const std::vector<std::vector<bool>> &labelled, std::mt19937_64 &rng,
                                   const std::vector<bool> &mixHeads = {});

// Predicts every example with a model file: all segments, aggregated as the architecture declares
// (mean; slice vote for cerutti2021, see declaresVote()).
bool predictExamples(const QString &modelPath, const FeatureCache &features, const std::vector<TrainingExample> &examples,
                     ExamplePredictions *out, QString *error, int threads = 0);

} // namespace spectag
