#pragma once

#include "training/dataset.h"

#include <QList>
#include <QString>

#include <vector>

namespace spectag::training {

// Leak-free splitting. The unit of assignment is a group (DatasetItem::groupKey: the artist when
// the dataset names one, else the track), so segments of one song, or songs of one artist, never
// land on both sides.
//
// Stratification is iterative stratification (Sechidis, Tsoumakas & Vlahavas, ECML 2011),
// applied to groups: repeatedly take the label with the fewest positives left to place, and
// give each group holding it to the part that still wants most of that label (ties: the part
// that wants most items, then a seeded random pick). For a single-label head the labels are
// the classes; with one item per group this deals each class round-robin, so every part's
// count of each class is within ±1 of the others. Groups without a target for the head (masked)
// and unstratified splits are placed largest group first into the part that wants most items.
// Everything is deterministic for a given seed and dataset.
struct SplitOptions {
    quint64 seed = 0;
    QString stratifyHead; // empty: balance part sizes only
};

struct Fold {
    std::vector<int> train, validation, test; // item indices, ascending
};

// Assigns each item of `subset` (all items when empty) to one of ratios.size() parts whose
// sizes follow `ratios` (normalised). Returns the part per item, aligned with the subset.
std::vector<int> assignParts(const Dataset &ds, const std::vector<int> &subset, const std::vector<double> &ratios,
                             const SplitOptions &options);

// k-fold cross-validation: fold i tests part i; with withValidation, part (i+1) % k is the
// validation set (early stopping, threshold tuning) and the rest trains. Every item of the
// subset is in exactly one test fold.
QList<Fold> kFold(const Dataset &ds, int k, const SplitOptions &options, bool withValidation = true,
                  const std::vector<int> &subset = {});

// A fixed train/validation/test split. Hold the test part out for the final report and run any
// tuning (or kFold) on train + validation only.
Fold holdout(const Dataset &ds, double validationFraction, double testFraction, const SplitOptions &options);

// Empty when no group has items on two sides of the fold and no item is on two sides;
// otherwise says which group leaks.
QString findLeak(const Dataset &ds, const Fold &fold);

} // namespace spectag::training
