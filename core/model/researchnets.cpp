// The published architectures Spectag reproduces (see docs in architectures.md). Each is a
// backbone producing an embedding; NetImpl adds one Linear per head. Where a paper fixes a
// flatten size for its input picture, it is computed here from the spec's front end.
#include <torch/torch.h>

#include "model/net.h"

namespace spectag::detail {

namespace {

namespace nn = torch::nn;

int64_t flattenSize(nn::Sequential &features, const FrontEnd &fe)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = features->is_training();
    features->eval();
    const auto y = features->forward(torch::zeros({1, 1, fe.bins(), fe.framesPerSegment()}));
    features->train(wasTraining);
    if (y.numel() == 0)
        throw std::invalid_argument("the segment is too small for this architecture");
    return y.numel();
}

// Liu et al. 2017: 4 convolutions, 2 max-pools, <= 50 filters, one hidden dense layer on a
// square linear-frequency spectrogram. The paper's exact strides are not given; strides of 2
// on three convolutions keep the hidden layer at ~0.4 M weights for 257 x 257 instead of 26 M.
class Liu2017Impl : public NetImpl {
public:
    explicit Liu2017Impl(const ModelSpec &s)
        : NetImpl(s, hp(s, "hidden", 128, 8, 4096))
    {
        const int f = hp(s, "filters", 50, 1, 50);
        m_features = register_module("features", nn::Sequential(
            nn::Conv2d(nn::Conv2dOptions(1, f, 5).stride(2).padding(2)),
            nn::MaxPool2d(nn::MaxPool2dOptions(2)), fastRelu(),
            nn::Conv2d(nn::Conv2dOptions(f, f, 3).padding(1)),
            nn::MaxPool2d(nn::MaxPool2dOptions(2)), fastRelu(),
            nn::Conv2d(nn::Conv2dOptions(f, f, 3).stride(2).padding(1)), fastRelu(),
            nn::Conv2d(nn::Conv2dOptions(f, f, 3).stride(2).padding(1)), fastRelu()));
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.5, 0, 0.95)));
        m_hidden = register_module("hidden", nn::Linear(flattenSize(m_features, s.frontEnd), embeddingSize()));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        x = m_features->forward(x).flatten(1);
        return torch::relu(m_hidden->forward(m_dropout->forward(x)));
    }

private:
    nn::Sequential m_features{nullptr};
    nn::Dropout m_dropout{nullptr};
    nn::Linear m_hidden{nullptr};
};

// Holst & Ramsay 2021: 6 x [conv 5x5 'same', ReLU, max-pool 2, dropout 0.3], 128 filters,
// flatten, dense 128 (the t-SNE layer, our embedding). ~2.1 M parameters on 128 x 128.
class Holst2021Impl : public NetImpl {
public:
    explicit Holst2021Impl(const ModelSpec &s)
        : NetImpl(s, hp(s, "dense", 128, 8, 4096))
    {
        const int f = hp(s, "filters", 128, 1, 512);
        const int blocks = hp(s, "blocks", 6, 1, 8);
        const double p = hpReal(s, "dropout", 0.3, 0, 0.95);
        m_features = register_module("features", nn::Sequential());
        for (int i = 0; i < blocks; ++i) {
            m_features->push_back(nn::Conv2d(nn::Conv2dOptions(i == 0 ? 1 : f, f, 5).padding(2)));
            m_features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
            m_features->push_back(fastRelu());
            m_features->push_back(nn::Dropout(p));
        }
        m_dense = register_module("dense", nn::Linear(flattenSize(m_features, s.frontEnd), embeddingSize()));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        return torch::relu(m_dense->forward(m_features->forward(x).flatten(1)));
    }

private:
    nn::Sequential m_features{nullptr};
    nn::Linear m_dense{nullptr};
};

// A ResNet basic block (two 3x3 convolutions with a shortcut).
class ResBlockImpl : public nn::Module {
public:
    ResBlockImpl(int64_t in, int64_t out, int64_t stride)
    {
        m_conv1 = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
        m_bn1 = register_module("bn1", nn::BatchNorm2d(out));
        m_conv2 = register_module("conv2", nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)));
        m_bn2 = register_module("bn2", nn::BatchNorm2d(out));
        if (in != out || stride != 1) {
            m_down = register_module("down", nn::Sequential(
                nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)), nn::BatchNorm2d(out)));
        }
    }
    torch::Tensor forward(torch::Tensor x)
    {
        auto y = torch::relu(m_bn1->forward(m_conv1->forward(x)));
        y = m_bn2->forward(m_conv2->forward(y));
        return torch::relu(y + (m_down ? m_down->forward(x) : x));
    }

private:
    nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
    nn::Sequential m_down{nullptr};
};
TORCH_MODULE(ResBlock);

// Cerutti et al. 2021 used ImageNet ResNets/VGGs on square slices; Spectag trains a small
// ResNet of the same design from scratch (the slices are 1-channel 128 x 128 mel pictures).
// The song label comes from slice votes (aggregation "vote", head min_share).
class Cerutti2021Impl : public NetImpl {
public:
    explicit Cerutti2021Impl(const ModelSpec &s)
        : NetImpl(s, hpList(s, "channels", {32, 64, 128}, 1, 1024).back())
    {
        const auto ch = hpList(s, "channels", {32, 64, 128}, 1, 1024);
        m_stem = register_module("stem", nn::Sequential(
            nn::Conv2d(nn::Conv2dOptions(1, ch.front(), 3).padding(1).bias(false)),
            nn::BatchNorm2d(ch.front()), nn::MaxPool2d(nn::MaxPool2dOptions(2)), fastRelu()));
        m_blocks = register_module("blocks", nn::Sequential());
        int64_t in = ch.front();
        for (size_t i = 0; i < ch.size(); ++i) {
            m_blocks->push_back(ResBlock(in, ch[i], i == 0 ? 1 : 2));
            in = ch[i];
        }
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.2, 0, 0.95)));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        x = m_blocks->forward(m_stem->forward(x));
        return m_dropout->forward(x.mean({2, 3}));
    }

private:
    nn::Sequential m_stem{nullptr}, m_blocks{nullptr};
    nn::Dropout m_dropout{nullptr};
};

// Velankar et al. 2021 CRNN: the mel bands are the channels of 1-D convolutions over time.
class Velankar2021CrnnImpl : public NetImpl {
public:
    explicit Velankar2021CrnnImpl(const ModelSpec &s)
        : NetImpl(s, hp(s, "dense", 64, 4, 4096))
    {
        const int f = hp(s, "filters", 56, 1, 1024);
        const int pool = hp(s, "pool", 2, 1, 8);
        const int lstm = hp(s, "lstm", 96, 4, 4096);
        m_conv = register_module("conv", nn::Sequential());
        int64_t in = s.frontEnd.bins();
        for (int i = 0; i < 3; ++i) {
            m_conv->push_back(nn::Conv1d(nn::Conv1dOptions(in, f, 5)));
            m_conv->push_back(nn::ReLU());
            m_conv->push_back(nn::BatchNorm1d(f));
            m_conv->push_back(nn::MaxPool1d(nn::MaxPool1dOptions(pool)));
            in = f;
        }
        int64_t t = s.frontEnd.framesPerSegment();
        for (int i = 0; i < 3; ++i)
            t = (t - 4) / pool;
        if (t < 1)
            throw std::invalid_argument("velankar2021crnn: the segment is too short for 3 conv/pool stages");
        m_lstm = register_module("lstm", nn::LSTM(nn::LSTMOptions(f, lstm).batch_first(true)));
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.3, 0, 0.95)));
        m_dense = register_module("dense", nn::Linear(lstm, embeddingSize()));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        x = m_conv->forward(x.squeeze(1));                 // [B, F, T']
        auto [seq, state] = m_lstm->forward(x.transpose(1, 2));
        const auto last = std::get<0>(state)[-1];          // final hidden state [B, H]
        return torch::relu(m_dense->forward(m_dropout->forward(last)));
    }

private:
    nn::Sequential m_conv{nullptr};
    nn::LSTM m_lstm{nullptr};
    nn::Dropout m_dropout{nullptr};
    nn::Linear m_dense{nullptr};
};

// Velankar et al. 2021 parallel CNN-RNN. The paper's (3,1) kernels run along time (its input
// is time x mel); ours is [mel, time], hence (1,3). The CNN branch ends in an adaptive pool to
// 1 x 4 so it flattens to the paper's 256 whatever the segment length; the RNN branch pools
// (4 time, 2 mel) and reads the sequence with a bidirectional GRU: 2 x 64. Concat: 384.
class Velankar2021ParallelImpl : public NetImpl {
public:
    explicit Velankar2021ParallelImpl(const ModelSpec &s)
        : NetImpl(s, 256 + 2 * hp(s, "gru", 64, 4, 1024))
    {
        const int gru = hp(s, "gru", 64, 4, 1024);
        const int64_t filters[] = {16, 32, 64, 64, 64};
        const int64_t pools[] = {2, 2, 2, 4, 4};
        m_cnn = register_module("cnn", nn::Sequential());
        int64_t in = 1;
        for (int i = 0; i < 5; ++i) {
            m_cnn->push_back(nn::Conv2d(nn::Conv2dOptions(in, filters[i], {1, 3}).padding({0, 1})));
            m_cnn->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(pools[i]).ceil_mode(true)));
            m_cnn->push_back(fastRelu());
            in = filters[i];
        }
        m_cnn->push_back(nn::AdaptiveMaxPool2d(nn::AdaptiveMaxPool2dOptions({1, 4})));
        m_gru = register_module("gru", nn::GRU(nn::GRUOptions((s.frontEnd.bins() + 1) / 2, gru).batch_first(true).bidirectional(true)));
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.3, 0, 0.95)));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        const auto cnn = m_cnn->forward(x).flatten(1);                                   // [B, 256]
        auto r = torch::max_pool2d(x, {2, 4}, {2, 4}, {0, 0}, {1, 1}, true).squeeze(1);  // [B, mel/2, T/4]
        auto [seq, h] = m_gru->forward(r.transpose(1, 2));
        const auto rnn = torch::cat({h[-2], h[-1]}, 1);                                   // [B, 2 x gru]
        return m_dropout->forward(torch::cat({cnn, rnn}, 1));
    }

private:
    nn::Sequential m_cnn{nullptr};
    nn::GRU m_gru{nullptr};
    nn::Dropout m_dropout{nullptr};
};

} // namespace

std::shared_ptr<NetImpl> createResearchNet(const ModelSpec &spec)
{
    const QString &a = spec.architecture;
    if (a == QLatin1String("liu2017"))
        return std::make_shared<Liu2017Impl>(spec);
    if (a == QLatin1String("holst2021"))
        return std::make_shared<Holst2021Impl>(spec);
    if (a == QLatin1String("cerutti2021"))
        return std::make_shared<Cerutti2021Impl>(spec);
    if (a == QLatin1String("velankar2021crnn"))
        return std::make_shared<Velankar2021CrnnImpl>(spec);
    if (a == QLatin1String("velankar2021parallel"))
        return std::make_shared<Velankar2021ParallelImpl>(spec);
    return nullptr;
}

} // namespace spectag::detail
