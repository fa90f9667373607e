#pragma once

#include "predictiontypes.h"

#include "catalog/records.h"
#include "model/modelspec.h"

namespace spectag::ui {

// What the catalog stored for a track, shaped for the views. `spec` (optional) is the network that
// made the prediction: with it, labels keep the model's order and carry their decision thresholds;
// without it they come in the stored JSON's (alphabetical) order with the 0.5 default.
QList<HeadPrediction> headPredictions(const PredictionRecord &prediction, const ModelSpec *spec = nullptr);

// The stored timeline as the segment timeline draws it: per segment and head, the top label and
// its probability. Empty when the row has no readable timeline.
QList<SegmentPrediction> segmentPredictions(const PredictionRecord &prediction);

// The stored whole-track scores as suggestTags() takes them: one vector per head of `spec`, in
// its label order; a head the row does not have stays empty (and is then left out).
std::vector<std::vector<float>> headScores(const PredictionRecord &prediction, const ModelSpec &spec);

} // namespace spectag::ui
