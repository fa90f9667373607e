// Spectag's own default network: small and fast enough to analyse a library on a laptop CPU.
#include <torch/torch.h>

#include "model/net.h"

#include <array>

namespace spectag::detail {

namespace {

namespace nn = torch::nn;

// Modulation-frequency bands (Hz) of the statistics branch: tempo and rhythm live at 0.5-4 Hz,
// tremolo, syllables and fast figures above. Measured with the experiment that chose this branch
// (docs/results.md, "Spectag v2"): per-band envelope modulation separated electronic from the rest
// and helped the arousal axis of the quadrant head.
constexpr std::array<double, 9> kModulationEdges{0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0};
constexpr int kModulationBands = 8;  // frequency bands whose envelopes are analysed
constexpr int kModulationBins = int(kModulationEdges.size()) - 1;

// Two complementary branches over the same normalised log-mel segment:
// - a CNN (conv 3x3 -> BN -> ReLU blocks with 2x2 max-pooling after all but the last, global
//   average and max pooling) that learns local time-frequency patterns;
// - optionally ("stats": 1) fixed summary statistics of the segment — per mel band its mean,
//   standard deviation and mean absolute frame-to-frame change, and the modulation spectrum of
//   eight band envelopes — batch-normalised. With a few hundred labelled excerpts the CNN alone
//   overfits; these statistics are the classic, data-cheap descriptors of timbre and rhythm, and
//   the network learns how to weigh them against the CNN's features. Both branches are
//   independent of the segment length, so the same weights analyse 3 s segments or whole songs.
// The two are concatenated into the embedding layer (the penultimate layer used for similarity).
class SpectagNetImpl : public NetImpl {
public:
    explicit SpectagNetImpl(const ModelSpec &s)
        : NetImpl(s, hp(s, "embedding", 128, 8, 4096))
        , m_useCnn(hp(s, "cnn", 1, 0, 1) == 1)
        , m_useStats(hp(s, "stats", 0, 0, 1) == 1)
        , m_stemPool(hp(s, "stem_pool", 1, 1, 4))
        , m_framesPerSecond(double(s.frontEnd.sampleRate) / std::max(1, s.frontEnd.hop))
    {
        if (!m_useCnn && !m_useStats)
            throw std::invalid_argument("spectag: hyperparameters cnn and stats cannot both be 0");
        int64_t features = 0;
        if (m_useCnn) {
            const auto ch = hpList(s, "channels", {24, 32, 64, 96, 128}, 1, 1024);
            m_features = register_module("features", nn::Sequential());
            int64_t in = 1;
            int bins = s.frontEnd.bins();
            int frames = s.frontEnd.framesPerSegment();
            if (m_stemPool > 1) {
                // Average-pooling the input first makes every conv layer m_stemPool^2 times cheaper.
                m_features->push_back(nn::AvgPool2d(nn::AvgPool2dOptions(m_stemPool).ceil_mode(true)));
                bins = (bins + m_stemPool - 1) / m_stemPool;
                frames = (frames + m_stemPool - 1) / m_stemPool;
            }
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
            features += 2 * in;
        }
        if (m_useStats) {
            const int64_t dims = 3 * int64_t(s.frontEnd.bins()) + kModulationBands * kModulationBins;
            m_statsNorm = register_module("stats_norm", nn::BatchNorm1d(dims));
            features += dims;
        }
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.3, 0, 0.95)));
        m_embed = register_module("embed", nn::Linear(features, embeddingSize()));
        m_embedDropout = register_module("embed_dropout", nn::Dropout(hpReal(s, "embed_dropout", 0.0, 0, 0.95)));
    }

protected:
    torch::Tensor backbone(torch::Tensor x) override
    {
        std::vector<torch::Tensor> parts;
        if (m_useCnn) {
            const auto y = m_features->forward(x);
            parts.push_back(y.mean({2, 3}));
            parts.push_back(y.amax({2, 3}));
        }
        if (m_useStats)
            parts.push_back(m_statsNorm->forward(statistics(x)));
        const auto joined = parts.size() == 1 ? parts.front() : torch::cat(parts, 1);
        return m_embedDropout->forward(torch::relu(m_embed->forward(m_dropout->forward(joined))));
    }

private:
    // [B, 1, F, T] -> [B, 3F + 64]. Fixed functions of the input: no gradient is needed through them.
    torch::Tensor statistics(const torch::Tensor &x) const
    {
        torch::NoGradGuard noGrad;
        const auto s = x.squeeze(1);  // [B, F, T]
        const int64_t t = s.size(2);
        const auto mean = s.mean(2);
        const auto sd = (s.var(2, /*unbiased=*/false) + 1e-5).sqrt();  // eps: a constant band has std 0
        const auto flux = t > 1 ? (s.narrow(2, 1, t - 1) - s.narrow(2, 0, t - 1)).abs().mean(2) : torch::zeros_like(mean);
        auto bands = torch::adaptive_avg_pool2d(x, {kModulationBands, t}).squeeze(1);  // [B, 8, T]
        bands = bands - bands.mean(2, true);
        const auto window = torch::hann_window(t, x.options());
        // Magnitudes scaled by the window's gain so segments of any length are comparable.
        const auto spectrum = torch::fft::rfft(bands * window, c10::nullopt, 2).abs() / std::max(1.0, 0.5 * double(t));
        const auto mod = torch::log1p(torch::matmul(spectrum, modulationAverager(t).to(x.device())));  // [B, 8, 8]
        return torch::cat({mean, sd, flux, mod.flatten(1)}, 1);
    }

    // [T/2+1, bins]: averages the FFT bins that fall into each modulation band (zero where a short
    // segment has no bin in a band).
    torch::Tensor modulationAverager(int64_t t) const
    {
        const int64_t k = t / 2 + 1;
        auto m = torch::zeros({k, kModulationBins});
        auto acc = m.accessor<float, 2>();
        for (int b = 0; b < kModulationBins; ++b) {
            std::vector<int64_t> hits;
            for (int64_t i = 0; i < k; ++i) {
                const double hz = double(i) * m_framesPerSecond / double(t);
                if (hz >= kModulationEdges[size_t(b)] && hz < kModulationEdges[size_t(b) + 1])
                    hits.push_back(i);
            }
            for (int64_t i : hits)
                acc[i][b] = 1.0f / float(hits.size());
        }
        return m;
    }

    bool m_useCnn;
    bool m_useStats;
    int m_stemPool;
    double m_framesPerSecond;
    nn::Sequential m_features{nullptr};
    nn::BatchNorm1d m_statsNorm{nullptr};
    nn::Dropout m_dropout{nullptr};
    nn::Linear m_embed{nullptr};
    nn::Dropout m_embedDropout{nullptr};
};

} // namespace

std::shared_ptr<NetImpl> createSpectagNet(const ModelSpec &spec)
{
    return std::make_shared<SpectagNetImpl>(spec);
}

} // namespace spectag::detail
