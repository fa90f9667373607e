#pragma once

// Torch-facing internals of the trainer's mixup (only trainer.cpp and tests include this).
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace spectag {

// Mixup for some heads only (TrainConfig::mixupLossHeads): appends to the batch one mixed row,
// lam * x[i] + (1 - lam) * x[partner[i]], for every row i labelled for a head marked in
// `lossHeads`; the appended rows keep the marked heads' targets (mixed the same way) and masks,
// the original rows keep only the other heads'. A head's loss thus sees either mixed or clean
// examples, never both.
void appendMixedRows(torch::Tensor &x, std::vector<torch::Tensor> &targets, std::vector<torch::Tensor> &masks,
                     const std::vector<bool> &lossHeads, float lam, const std::vector<int64_t> &partner);

} // namespace spectag
