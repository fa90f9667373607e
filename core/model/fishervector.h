#pragma once

// The spectag network's Fisher-vector branch (hyperparameter "fv": K). Internal to core/model.
#include <torch/torch.h>

namespace spectag::detail {

// A bag-of-frames description of a log-mel segment: 20 cepstra of each frame, averaged over
// 0.128 s windows (8 frames at 62.5 frames/s), plus their change from window to window, scored
// against a diagonal Gaussian mixture of K components fitted on training windows; the segment is
// encoded as the improved Fisher vector (the gradients of its windows' log-likelihood with respect
// to the components' means and spreads, signed square root, unit length, standardised). Where the
// statistics branch summarises each band, this describes which timbres occur and how often:
// `tests/bench/explore_bof.py` found it adds genre information the statistics lack
// (docs/results.md, "Session 22").
//
// The mixture and the standardisation are buffers, fitted once by fit() before training (the
// trainer calls NetImpl::fitToData); a model file carries them like any other tensor.
class FisherVectorImpl : public torch::nn::Module {
public:
    FisherVectorImpl(int64_t components, int64_t bins);
    int64_t size() const { return 2 * m_components * m_dims; }
    // [B, 1, F, T] -> [B, windows, dims]
    torch::Tensor windows(const torch::Tensor &x) const;
    // Fits the mixture (k-means start, then EM) and the standardisation on training segments.
    void fit(const torch::Tensor &segments);
    // [B, 1, F, T] -> [B, size()]
    torch::Tensor forward(const torch::Tensor &x) const;

private:
    torch::Tensor rawVectors(const torch::Tensor &x) const;
    int64_t m_components;
    int64_t m_dims;
    torch::Tensor m_dct;      // [bins, cepstra] (a constant, not saved)
    torch::Tensor m_winMean;  // [D] standardisation of the windows
    torch::Tensor m_winStd;
    torch::Tensor m_weights;  // [K]
    torch::Tensor m_means;    // [K, D]
    torch::Tensor m_stds;     // [K, D]
    torch::Tensor m_fvMean;   // [2KD] standardisation of the vectors
    torch::Tensor m_fvStd;
};
TORCH_MODULE(FisherVector);

} // namespace spectag::detail
