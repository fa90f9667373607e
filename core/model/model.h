#pragma once

#include "model/modelspec.h"

#include <QString>

#include <memory>
#include <vector>

namespace spectag {

// What one segment gives: per head, one probability per label (softmax for single-label heads,
// sigmoid for multi-label ones), and the embedding (penultimate layer).
struct SegmentPrediction {
    std::vector<std::vector<float>> heads;
    std::vector<float> embedding;
};

// A network ready for inference, loaded from a model file (.stm). Torch stays behind this
// header. predict() may be called from any thread; calls are serialised.
class Model {
public:
    enum class Device { Auto, Cpu, Cuda };

    static std::unique_ptr<Model> load(const QString &path, QString *error, Device device = Device::Auto);
    // A randomly initialised network for the spec (model init, tests, benchmarks).
    static std::unique_ptr<Model> createRandom(const ModelSpec &spec, quint64 seed, QString *error,
                                               Device device = Device::Auto);
    ~Model();
    Model(const Model &) = delete;
    Model &operator=(const Model &) = delete;

    QString save(const QString &path) const;  // empty on success, else why not

    const ModelSpec &spec() const;
    QString versionHash() const;   // hex prefix of the model file's SHA-256
    QString deviceName() const;    // "cpu", "cuda:0", or "cpu (CUDA unavailable)"
    qint64 parameterCount() const;
    int inputBins() const;
    int inputFrames() const;
    size_t inputSize() const { return size_t(inputBins()) * size_t(inputFrames()); }

    // count segments laid out back to back, each inputBins() x inputFrames() (bin-major, as
    // extractSegment() writes them). Returns count predictions, or none with *error set.
    std::vector<SegmentPrediction> predict(const float *segments, int count, QString *error = nullptr) const;

    // Torch's intra-op threads (process-wide; Debian's LibTorch defaults to 1). n <= 0: all cores.
    static void setThreadCount(int n);
    static bool cudaAvailable();
    static Device parseDevice(const QString &name, bool *ok);

private:
    Model();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace spectag
