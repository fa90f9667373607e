// Spectag's own default network: small and fast enough to analyse a library on a laptop CPU.
#include <torch/torch.h>

#include "model/net.h"

namespace spectag::detail {

namespace {

namespace nn = torch::nn;

// Conv 3x3 -> BN -> ReLU blocks with 2x2 max-pooling after all but the last; global average and
// max pooling over (frequency, time) then make the embedding independent of the segment length,
// so the same weights analyse 3 s segments or whole songs. ~0.23 M parameters by default.
class SpectagNetImpl : public NetImpl {
public:
    explicit SpectagNetImpl(const ModelSpec &s)
        : NetImpl(s, hp(s, "embedding", 128, 8, 4096))
    {
        const auto ch = hpList(s, "channels", {24, 32, 64, 96, 128}, 1, 1024);
        m_features = register_module("features", nn::Sequential());
        int64_t in = 1;
        int bins = s.frontEnd.bins();
        int frames = s.frontEnd.framesPerSegment();
        for (size_t i = 0; i < ch.size(); ++i) {
            m_features->push_back(nn::Conv2d(nn::Conv2dOptions(in, ch[i], 3).padding(1).bias(false)));
            m_features->push_back(nn::BatchNorm2d(ch[i]));
            if (i + 1 < ch.size()) {
                // Pool each axis only while the declared segment is long enough; ceil mode keeps a
                // shorter input than declared (a 0.1 s tail, a tiny test clip) from shrinking to zero.
                const int pb = bins >= 2 ? 2 : 1;
                const int pf = frames >= 2 ? 2 : 1;
                m_features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions({pb, pf}).ceil_mode(true)));
                bins = (bins + pb - 1) / pb;
                frames = (frames + pf - 1) / pf;
            }
            m_features->push_back(fastRelu());  // after the pool: see fastRelu()
            in = ch[i];
        }
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.3, 0, 0.95)));
        m_embed = register_module("embed", nn::Linear(2 * in, embeddingSize()));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        x = m_features->forward(x);
        const auto pooled = torch::cat({x.mean({2, 3}), x.amax({2, 3})}, 1);
        return torch::relu(m_embed->forward(m_dropout->forward(pooled)));
    }

private:
    nn::Sequential m_features{nullptr};
    nn::Dropout m_dropout{nullptr};
    nn::Linear m_embed{nullptr};
};

} // namespace

std::shared_ptr<NetImpl> createSpectagNet(const ModelSpec &spec)
{
    return std::make_shared<SpectagNetImpl>(spec);
}

} // namespace spectag::detail
