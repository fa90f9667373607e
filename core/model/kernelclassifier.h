#pragma once
// A multi-class RBF support-vector classifier with pairwise Platt probabilities, fitted by libsvm
// and evaluated in Torch from buffers, so that a model file carries it and analysis needs no solver.
//
// Why libsvm: it is the engine scikit-learn's SVC wraps, so this reproduces the classifier of the
// session-23 fusion study (tests/bench/cv_fusion.py) rather than an approximation of it, and it is
// a well-kept Debian library (libsvm-dev). Why evaluate in Torch: one batched kernel matrix per
// batch of segments instead of a sparse per-vector loop, and no libsvm structures at inference.
#include <torch/torch.h>

#include <QString>

#include <vector>

namespace spectag {

class KernelClassifierImpl : public torch::nn::Module {
public:
    KernelClassifierImpl(int64_t dims, int64_t classes, int64_t supportVectors = 0);

    // Standardises `x` [N, dims] (the scale is kept as buffers), then fits C-SVC with an RBF
    // kernel of width gamma = 1 / dims on the standardised vectors (scikit-learn's gamma="scale"
    // for unit variance) and Platt probabilities. `labels` are class indices 0..classes-1. libsvm
    // draws its Platt cross-validation folds with rand(): the call seeds it under a lock, so a fit
    // is reproducible. Returns an error message, or an empty string.
    QString fit(const torch::Tensor &x, const std::vector<int> &labels, double c, unsigned seed);

    // Class probabilities [B, classes] of `x` [B, dims], as libsvm's svm_predict_probability.
    torch::Tensor forward(const torch::Tensor &x);

    int64_t supportVectorCount() const { return m_support.size(0); }
    int64_t classes() const { return m_classes; }

private:
    int64_t m_dims, m_classes;
    torch::Tensor m_mean, m_std;     // [dims]: standardisation of the inputs
    torch::Tensor m_support;         // [S, dims]: support vectors (standardised)
    torch::Tensor m_svGroup;         // [S] int64: each support vector's class, as libsvm's position
    torch::Tensor m_order;           // [classes] int64: the class index at each libsvm position
    torch::Tensor m_coef;            // [classes - 1, S]: libsvm's sv_coef
    torch::Tensor m_rho;             // [pairs]: decision offsets, pairs in libsvm's (i < j) order
    torch::Tensor m_probA, m_probB;  // [pairs]: Platt sigmoid per pair
    torch::Tensor m_gamma;           // [1]
};
TORCH_MODULE(KernelClassifier);

// Wu, Lin and Weng's (2004) second coupling method, as libsvm's multiclass_probability: class
// probabilities [classes] from pairwise ones r[i][j] = P(i | i or j).
std::vector<double> couplePairwise(const std::vector<std::vector<double>> &r);

} // namespace spectag
