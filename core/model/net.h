#pragma once

// Torch-facing internals of the model area. Only core/model, core/inference and core/training
// include this header; everything else sees the torch-free model.h.
#include <torch/torch.h>

#include "model/modelspec.h"

#include <memory>
#include <vector>

namespace spectag {

struct NetOutput {
    std::vector<torch::Tensor> logits;  // one [B, labels] tensor per head, in ModelSpec order
    torch::Tensor embedding;            // [B, D]: the penultimate layer
    // Training mode only: side branches trained on a head's targets as well (head index, logits),
    // whose probabilities that head averages in at inference; and a penalty added to the loss.
    std::vector<std::pair<size_t, torch::Tensor>> auxLogits;
    torch::Tensor penalty;
};

// Every architecture is a backbone that turns [B, 1, bins, frames] (normalised dB) into an
// embedding, plus one Linear per head. Training picks softmax or sigmoid losses per head kind.
class NetImpl : public torch::nn::Module {
public:
    NetImpl(const ModelSpec &spec, int64_t embeddingSize);
    ~NetImpl() override = default;
    virtual NetOutput forward(torch::Tensor x);
    int64_t embeddingSize() const { return m_embeddingSize; }
    int64_t parameterCount() const;
    // Fits what the network computes from the data without training it (spectag's Fisher-vector
    // mixture) on normalised training segments [N, 1, bins, frames]; the trainer calls it once
    // before the first epoch of a new model. Most networks have nothing to fit.
    virtual void fitToData(const torch::Tensor &) {}
    virtual bool needsFitToData() const { return false; }

    // Side classifiers fitted on whole training items instead of trained (spectag's
    // "svm_quadrant"): the head they serve (-1: none), the per-segment features they read
    // ([segments, D] from normalised segments [segments, 1, bins, frames]; the trainer averages
    // them per item), and the fit on those item vectors with each item's class for that head.
    // Returns an error message or an empty string.
    virtual int itemFitHead() const { return -1; }
    virtual torch::Tensor itemFeatures(const torch::Tensor &) { return {}; }
    virtual QString fitToItems(const torch::Tensor &, const std::vector<int> &, unsigned) { return {}; }
    // Hyperparameters that fitting settled (sizes of fitted buffers): the trainer saves them in
    // the model's spec, so that a network built from the file has buffers of the file's shapes.
    virtual QJsonObject fittedHyperparameters() const { return {}; }

protected:
    virtual torch::Tensor backbone(torch::Tensor x) = 0;
    // Called by forward() after the heads, with the input: adds side branches to `out`.
    virtual void sideBranches(const torch::Tensor &, NetOutput &) {}

private:
    std::vector<torch::nn::Linear> m_heads;
    int64_t m_embeddingSize;
    // With the hyperparameter "quadrant_hierarchy": 1, the head named "quadrant" (Q1..Q4) decides
    // arousal first and valence within each arousal half; its logits are then log-probabilities.
    int m_quadrantHierarchy = -1;  // that head's index, or -1
};

// Builds the network a spec describes (random initialisation). Throws std::invalid_argument
// with a readable message for an unknown architecture or unusable hyperparameters.
std::shared_ptr<NetImpl> createNet(const ModelSpec &spec);

// Probabilities from logits: softmax for single-label heads, sigmoid for multi-label ones.
torch::Tensor headProbabilities(const HeadSpec &head, const torch::Tensor &logits);

// One track's score per label from its segments' logits [segments, labels]: the mean
// probability, or with `vote` the share of segments voting for the label (single-label: the
// segment's top label; multi-label: at or above the label's threshold), as aggregateHead() in
// inference does for analysis. Returns [labels].
torch::Tensor aggregateSegments(const HeadSpec &head, const torch::Tensor &logits, bool vote);

// Model files (.stm), see modelfile.h: the tensors of a network by name (parameters and
// buffers), and the reverse with full validation against the network.
QString saveNet(const QString &path, const ModelSpec &spec, NetImpl &net);
QString loadNetState(NetImpl &net, const struct ModelFile &file);
// One tensor <-> one file record (float32 or int64, little-endian); the reverse refuses NaN and
// infinite values. The record's shape and data length are already validated by parseModelFile().
struct TensorRecord tensorRecord(const QString &name, const torch::Tensor &tensor);
QString tensorFromRecord(const struct TensorRecord &record, torch::Tensor *out);

namespace detail {
std::shared_ptr<NetImpl> createResearchNet(const ModelSpec &spec);  // researchnets.cpp
std::shared_ptr<NetImpl> createSpectagNet(const ModelSpec &spec);   // spectagnet.cpp
// The spectag statistics branch's fixed features of a normalised log-mel batch [B, 1, F, T]:
// level 1 gives 3F + 64 values per item, level 2 adds 3F + 135 (spectagnet.cpp says which).
torch::Tensor spectagStatistics(const torch::Tensor &x, int level, double framesPerSecond);
int64_t spectagStatisticsSize(int bins, int level);
int hp(const ModelSpec &spec, const char *key, int def, int lo, int hi);
// Orthonormal DCT-II rows 0..n-1 over `bins` mel bands, [n, bins]: the cepstrum of a log-mel frame.
torch::Tensor dctMatrix(int64_t n, int64_t bins);
double hpReal(const ModelSpec &spec, const char *key, double def, double lo, double hi);
std::vector<int64_t> hpList(const ModelSpec &spec, const char *key, std::vector<int64_t> def, int lo, int hi);
// The ReLU of a conv block, placed after its max-pool and in place. max and ReLU commute exactly
// (relu(max(a, b)) == max(relu(a), relu(b)), also in floating point), so the network computes the
// same function as the papers' conv -> ReLU -> pool, but the ReLU touches a quarter of the values
// and allocates nothing: on 2 CPU cores the full-resolution ReLU and its backward were a fifth of
// a velankar2021parallel training step. Pool and ReLU hold no parameters, so swapping them keeps
// every parameter's name and older model files load unchanged.
inline torch::nn::ReLU fastRelu()
{
    return torch::nn::ReLU(torch::nn::ReLUOptions().inplace(true));
}
} // namespace detail

} // namespace spectag
