#pragma once

#include "model/modelspec.h"
#include "training/dataset.h"
#include "training/featurecache.h"
#include "training/trainer.h"

#include <vector>

namespace spectag {

// The bridge between a labelled Dataset (torch-free, what manifests and importers produce) and
// the trainer: features to cache, the model's heads, and per-item targets.
namespace trainingdata {

std::vector<FeatureSource> featureSources(const training::Dataset &ds);

// Model heads for the dataset's heads (same names, kinds and label order).
std::vector<HeadSpec> modelHeads(const training::DatasetSpec &spec);
// And back: a model's heads as a dataset spec (what a fine-tuning set must be read into).
training::DatasetSpec datasetSpec(const ModelSpec &spec);

// Examples for the given item indices (all items when empty). Multi-label heads train on the
// soft shares when the dataset has them and `soft` is set, else on the 0/1 labels.
std::vector<TrainingExample> examples(const training::Dataset &ds, const std::vector<int> &indices, bool soft);

// Per-head metrics of aggregated predictions against the dataset's targets (items without the
// head, or whose label is borrowed and not scored, are skipped): single-label heads as
// SingleLabelMetrics JSON, multi-label heads as MultiLabelMetrics JSON with the model's thresholds.
QJsonObject evaluate(const ModelSpec &spec, const training::Dataset &ds, const std::vector<int> &indices,
                     const ExamplePredictions &preds);

} // namespace trainingdata
} // namespace spectag
