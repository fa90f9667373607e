// Spectag's own default network: small and fast enough to analyse a library on a laptop CPU.
#include <torch/torch.h>

#include "model/fishervector.h"
#include "model/kernelclassifier.h"
#include "model/net.h"

#include <QScopeGuard>

#include <array>
#include <mutex>

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
//   eight band envelopes — batch-normalised; "stats": 2 adds the extended set described at
//   extendedStatistics() (cepstra, percentiles, loudness, contrast, tempo). With a few hundred labelled excerpts the CNN alone
//   overfits; these statistics are the classic, data-cheap descriptors of timbre and rhythm, and
//   the network learns how to weigh them against the CNN's features. Both branches are
//   independent of the segment length, so the same weights analyse 3 s segments or whole songs.
// The two are concatenated into the embedding layer (the penultimate layer used for similarity).
class SpectagNetImpl : public NetImpl {
public:
    explicit SpectagNetImpl(const ModelSpec &s)
        : NetImpl(s, hp(s, "embedding", 128, 8, 4096))
        , m_useCnn(hp(s, "cnn", 1, 0, 1) == 1)
        , m_stats(hp(s, "stats", 0, 0, 2))
        , m_stemPool(hp(s, "stem_pool", 1, 1, 4))
        , m_framesPerSecond(double(s.frontEnd.sampleRate) / std::max(1, s.frontEnd.hop))
    {
        if (!m_useCnn && m_stats == 0)
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
        if (m_stats > 0) {
            const int64_t dims = spectagStatisticsSize(s.frontEnd.bins(), m_stats);
            m_statsNorm = register_module("stats_norm", nn::BatchNorm1d(dims));
            features += dims;
        }
        m_dropout = register_module("dropout", nn::Dropout(hpReal(s, "dropout", 0.3, 0, 0.95)));
        m_embed = register_module("embed", nn::Linear(features, embeddingSize()));
        m_embedDropout = register_module("embed_dropout", nn::Dropout(hpReal(s, "embed_dropout", 0.0, 0, 0.95)));
        // Last, and with the global random state put back afterwards: every other layer draws the
        // same initial weights, and training the same dropout masks, with or without this branch,
        // so a comparison with and without it measures the branch and not another random draw.
        if (const int k = hp(s, "fv", 0, 0, 256); k > 0) {
            // (Under the generator's own lock: worker threads may be building models meanwhile.)
            at::Generator global = at::detail::getDefaultCPUGenerator();
            const torch::Tensor state = [&] {
                std::lock_guard<std::mutex> lock(global.mutex());
                return global.get_state();
            }();
            auto restore = qScopeGuard([&] {
                std::lock_guard<std::mutex> lock(global.mutex());
                global.set_state(state);
            });
            const auto headIndex = [&](const char *name) {
                for (size_t i = 0; i < s.heads.size(); ++i)
                    if (s.heads[i].name == QLatin1String(name) && s.heads[i].kind == HeadSpec::Kind::SingleLabel)
                        return int(i);
                return -1;
            };
            const int genre = headIndex("genre");
            if (genre < 0)
                throw std::invalid_argument("spectag: hyperparameter fv needs a single-label head 'genre'");
            m_fv = register_module("fv", FisherVector(k, s.frontEnd.bins()));
            if (const double p = hpReal(s, "fv_dropout", 0.0, 0, 0.95); p > 0)
                m_fvDropout = register_module("fv_dropout", nn::Dropout(p));
            m_fvClassifiers.emplace_back(genre, register_module("fv_head", nn::Linear(m_fv->size(), s.heads[size_t(genre)].labels.size())));
            // "fv_quadrant": 1 gives the quadrant head a classifier of its own as well.
            if (hp(s, "fv_quadrant", 0, 0, 1) == 1) {
                const int quadrant = headIndex("quadrant");
                if (quadrant < 0)
                    throw std::invalid_argument("spectag: hyperparameter fv_quadrant needs a single-label head 'quadrant'");
                m_fvClassifiers.emplace_back(quadrant, register_module("fv_quadrant_head", nn::Linear(m_fv->size(), s.heads[size_t(quadrant)].labels.size())));
            }
            m_fvL2 = hpReal(s, "fv_l2", 0.1, 0, 1000);
        }
        // "svm_quadrant": 1 gives the quadrant head a support-vector classifier on the statistics,
        // fitted on whole training items (their segments' mean statistics) before training and
        // fused like the Fisher vector's at inference. "svm_vectors" is the fitted classifier's
        // size, written by the trainer, so that a model file's buffers fit a fresh network.
        if (hp(s, "svm_quadrant", 0, 0, 1) == 1) {
            m_svmHead = -1;
            for (size_t i = 0; i < s.heads.size(); ++i)
                if (s.heads[i].name == QLatin1String("quadrant") && s.heads[i].kind == HeadSpec::Kind::SingleLabel)
                    m_svmHead = int(i);
            if (m_svmHead < 0 || m_stats == 0)
                throw std::invalid_argument("spectag: hyperparameter svm_quadrant needs a single-label head 'quadrant' and stats");
            m_svmC = hpReal(s, "svm_c", 3.0, 1e-6, 1e6);
            m_svm = register_module("svm_quadrant", KernelClassifier(spectagStatisticsSize(s.frontEnd.bins(), m_stats),
                                                                      s.heads[size_t(m_svmHead)].labels.size(),
                                                                      hp(s, "svm_vectors", 0, 0, 1 << 24)));
        }
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
        if (m_stats > 0)
            parts.push_back(m_statsNorm->forward(spectagStatistics(x, m_stats, m_framesPerSecond)));
        const auto joined = parts.size() == 1 ? parts.front() : torch::cat(parts, 1);
        return m_embedDropout->forward(torch::relu(m_embed->forward(m_dropout->forward(joined))));
    }

    // "fv": K adds a Fisher-vector branch (fishervector.h) with its own linear genre classifier.
    // It is trained beside the network on the same genre targets, with an L2 penalty of its own
    // ("fv_l2", as the logistic regression of the exploration that chose it), and the genre head
    // averages the two classifiers' probabilities: a late fusion, which beat feeding the vector
    // into the shared embedding in the exploration.
    void sideBranches(const torch::Tensor &x, NetOutput &out) override
    {
        if (m_svm && !is_training()) {
            // The support-vector classifier is fitted, not trained: it only joins at inference.
            auto &q = out.logits[size_t(m_svmHead)];
            const auto p = m_svm->forward(spectagStatistics(x, m_stats, m_framesPerSecond));
            q = (0.5 * torch::softmax(q, 1) + 0.5 * p).clamp_min(1e-12).log();
        }
        if (m_fvClassifiers.empty())
            return;
        auto v = m_fv->forward(x);
        if (m_fvDropout)
            v = m_fvDropout->forward(v);
        for (auto &[head, linear] : m_fvClassifiers) {
            const auto z = linear->forward(v);
            if (is_training()) {
                out.auxLogits.emplace_back(size_t(head), z);
                const auto penalty = 0.5 * m_fvL2 * linear->weight.pow(2).sum();
                out.penalty = out.penalty.defined() ? out.penalty + penalty : penalty;
            } else {
                auto &g = out.logits[size_t(head)];
                g = (0.5 * torch::softmax(g, 1) + 0.5 * torch::softmax(z, 1)).clamp_min(1e-12).log();
            }
        }
    }

public:
    bool needsFitToData() const override { return !m_fvClassifiers.empty(); }
    void fitToData(const torch::Tensor &segments) override
    {
        if (!m_fvClassifiers.empty())
            m_fv->fit(segments);
    }

    int itemFitHead() const override { return m_svm ? m_svmHead : -1; }
    torch::Tensor itemFeatures(const torch::Tensor &segments) override
    {
        return spectagStatistics(segments, m_stats, m_framesPerSecond);
    }
    QString fitToItems(const torch::Tensor &features, const std::vector<int> &classes, unsigned seed) override
    {
        return m_svm ? m_svm->fit(features, classes, m_svmC, seed) : QString();
    }
    QJsonObject fittedHyperparameters() const override
    {
        return m_svm ? QJsonObject{{QStringLiteral("svm_vectors"), double(m_svm->supportVectorCount())}} : QJsonObject{};
    }

private:
    KernelClassifier m_svm{nullptr};
    int m_svmHead = -1;
    double m_svmC = 3.0;
    std::vector<std::pair<int, nn::Linear>> m_fvClassifiers;  // (head index, classifier); genre first
    FisherVector m_fv{nullptr};
    nn::Dropout m_fvDropout{nullptr};
    double m_fvL2 = 0;
    bool m_useCnn;
    int m_stats;  // 0 none, 1 the shipped statistics, 2 those plus the extended set
    int m_stemPool;
    double m_framesPerSecond;
    nn::Sequential m_features{nullptr};
    nn::BatchNorm1d m_statsNorm{nullptr};
    nn::Dropout m_dropout{nullptr};
    nn::Linear m_embed{nullptr};
    nn::Dropout m_embedDropout{nullptr};
};

} // namespace

namespace {

// [T/2+1, bins]: averages the FFT bins that fall into each modulation band (zero where a short
// segment has no bin in a band).
torch::Tensor modulationAverager(int64_t t, double framesPerSecond)
{
    const int64_t k = t / 2 + 1;
    auto m = torch::zeros({k, kModulationBins});
    auto acc = m.accessor<float, 2>();
    for (int b = 0; b < kModulationBins; ++b) {
        std::vector<int64_t> hits;
        for (int64_t i = 0; i < k; ++i) {
            const double hz = double(i) * framesPerSecond / double(t);
            if (hz >= kModulationEdges[size_t(b)] && hz < kModulationEdges[size_t(b) + 1])
                hits.push_back(i);
        }
        for (int64_t i : hits)
            acc[i][b] = 1.0f / float(hits.size());
    }
    return m;
}

// Tempi (beats per minute) at which the onset envelope's autocorrelation is read.
constexpr std::array<double, 14> kTempi{50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 180, 200};
constexpr int64_t kCepstra = 20;     // cepstral coefficients whose spread is kept
constexpr int64_t kCovCepstra = 12;  // coefficients 1..12: their covariance (timbre texture)
constexpr int64_t kContrastBands = 6;

// Level 2: what a music-information-retrieval toolkit would add to level 1, each a classic
// descriptor that the exploration (tests/bench/explore_statistics.py) found to help genre or the
// quadrant axis on the shared data: spread of the cepstrum and of its frame-to-frame change,
// covariance of cepstra 1-12, per band 10th/50th/90th percentiles, loudness dynamics, spectral
// contrast (loudest minus quietest band in 6 sub-bands, mean and spread), and the onset envelope's
// autocorrelation at 14 tempi. [B, F, T] -> [B, 3F + 135]. In the network's own 10-fold
// cross-validation it gains about two points on every head, consistently but inside the fold noise
// (docs/results.md, "Session 8"); the shipped model uses it since session 17.
torch::Tensor extendedStatistics(const torch::Tensor &s, double framesPerSecond)
{
    const int64_t b = s.size(0), f = s.size(1), t = s.size(2);
    const auto std0 = [](const torch::Tensor &v, int64_t dim) { return (v.var(dim, /*unbiased=*/false) + 1e-5).sqrt(); };
    // One [B*T, F] x [F, C] product: a broadcast batched matmul was several times slower on CPU.
    const auto dctT = dctMatrix(std::min(kCepstra, f), f).to(s.device()).t();
    const auto cep = torch::matmul(s.transpose(1, 2).reshape({b * t, f}), dctT).reshape({b, t, -1}).transpose(1, 2);  // [B, C, T]
    const auto cepDelta = t > 1 ? cep.narrow(2, 1, t - 1) - cep.narrow(2, 0, t - 1) : torch::zeros_like(cep);
    const int64_t nc = std::min(kCovCepstra, cep.size(1) - 1);
    auto c = cep.narrow(1, 1, nc);
    c = c - c.mean(2, true);
    const auto cov = torch::matmul(c, c.transpose(1, 2)) / double(std::max<int64_t>(1, t - 1));  // [B, 12, 12]
    const auto upper = torch::triu_indices(nc, nc, 1).to(s.device());
    const auto covUpper = cov.index({torch::indexing::Slice(), upper[0], upper[1]});  // [B, 66]
    const auto q = torch::tensor({0.1, 0.5, 0.9}, s.options());
    // Percentiles from at most ~128 frames: sorting every frame of every band made the level-2
    // branch 3x slower to train, and every n-th frame of a segment estimates them as well.
    const int64_t step = std::max<int64_t>(1, t / 128);
    const auto sampled = step > 1 ? s.slice(2, 0, t, step) : s;
    const auto pct = torch::quantile(sampled, q, 2).permute({1, 0, 2}).reshape({b, 3 * f});  // [B, 3F]
    const auto loudness = s.mean(1);  // [B, T]
    const auto lq = torch::quantile(loudness, torch::tensor({0.1, 0.9}, s.options()), 1);  // [2, B]
    const auto loudFlux = t > 1 ? (loudness.narrow(1, 1, t - 1) - loudness.narrow(1, 0, t - 1)).abs().mean(1)
                                : torch::zeros({b}, s.options());
    const auto dyn = torch::stack({std0(loudness, 1), lq[1] - lq[0], loudFlux}, 1);  // [B, 3]
    const int64_t per = std::max<int64_t>(1, f / kContrastBands);
    const auto sub = s.narrow(1, 0, std::min(f, per * kContrastBands)).reshape({b, -1, per, t});
    auto contrast = sub.amax(2) - sub.amin(2);  // [B, <=6, T]: peak minus valley (no sort: see percentiles)
    if (contrast.size(1) < kContrastBands)       // fewer than 6 mel bands: pad, the layout stays fixed
        contrast = torch::cat({contrast, torch::zeros({b, kContrastBands - contrast.size(1), t}, s.options())}, 1);
    torch::Tensor tempo = torch::zeros({b, int64_t(kTempi.size())}, s.options());
    if (t > 2) {
        auto onset = torch::relu(s.narrow(2, 1, t - 1) - s.narrow(2, 0, t - 1)).sum(1);  // [B, T-1]
        onset = onset - onset.mean(1, true);
        const int64_t n = onset.size(1);
        const auto spec = torch::fft::rfft(onset, 2 * n, 1);
        const auto ac = torch::fft::irfft(spec.abs().pow(2), 2 * n, 1).narrow(1, 0, n);
        const auto acn = ac / (ac.narrow(1, 0, 1) + 1e-9);
        std::vector<int64_t> lags;
        for (double bpm : kTempi)
            lags.push_back(std::min<int64_t>(int64_t(framesPerSecond * 60.0 / bpm), n - 1));
        tempo = acn.index({torch::indexing::Slice(), torch::tensor(lags, torch::kLong).to(s.device())});
    }
    return torch::cat({std0(cep, 2), std0(cepDelta, 2), covUpper, pct, dyn, contrast.mean(2), std0(contrast, 2), tempo}, 1);
}

} // namespace

torch::Tensor dctMatrix(int64_t n, int64_t bins)
{
    const auto k = torch::arange(n, torch::kFloat64).unsqueeze(1);
    const auto i = torch::arange(bins, torch::kFloat64).unsqueeze(0);
    auto d = torch::cos(M_PI / double(bins) * (i + 0.5) * k) * std::sqrt(2.0 / double(bins));
    d[0] /= std::sqrt(2.0);
    return d.to(torch::kFloat32);
}

int64_t spectagStatisticsSize(int bins, int level)
{
    const int64_t base = 3 * int64_t(bins) + kModulationBands * kModulationBins;
    if (level < 2)
        return base;
    const int64_t cep = std::min<int64_t>(kCepstra, bins);
    const int64_t nc = std::min<int64_t>(kCovCepstra, cep - 1);
    return base + 2 * cep + nc * (nc - 1) / 2 + 3 * int64_t(bins) + 3 + 2 * kContrastBands + int64_t(kTempi.size());
}

// [B, 1, F, T] -> [B, spectagStatisticsSize(F, level)]. Level 1: per mel band the mean, standard
// deviation and mean absolute frame-to-frame change, and the modulation spectrum of eight band
// envelopes. Fixed functions of the input: no gradient is needed through them.
torch::Tensor spectagStatistics(const torch::Tensor &x, int level, double framesPerSecond)
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
    const auto mod = torch::log1p(torch::matmul(spectrum, modulationAverager(t, framesPerSecond).to(x.device())));  // [B, 8, 8]
    auto out = torch::cat({mean, sd, flux, mod.flatten(1)}, 1);
    if (level >= 2)
        out = torch::cat({out, extendedStatistics(s, framesPerSecond)}, 1);
    return out;
}

std::shared_ptr<NetImpl> createSpectagNet(const ModelSpec &spec)
{
    return std::make_shared<SpectagNetImpl>(spec);
}

} // namespace spectag::detail
