#include "model/fishervector.h"

#include "model/net.h"

#include <cmath>

namespace spectag::detail {

namespace {

constexpr int64_t kCepstra = 20;
constexpr int64_t kPool = 8;              // frames per window
constexpr int64_t kFitWindows = 30000;    // windows the mixture is fitted on
constexpr int kKMeansIterations = 10;
constexpr int kEmIterations = 100;
constexpr double kEmTolerance = 1e-3;     // mean log-likelihood gain per window that ends EM
constexpr double kVarianceFloor = 1e-3;   // added to every variance (windows are standardised)

// Σ_d (z_d - m_kd)² / v_kd for every window and component without the [N, K, D] tensor:
// z² · (1/v)ᵀ − 2 z · (m/v)ᵀ + Σ m²/v. [N, D] x [K, D] -> [N, K].
torch::Tensor mahalanobis(const torch::Tensor &z, const torch::Tensor &means, const torch::Tensor &vars)
{
    const auto inv = 1.0 / vars;
    return torch::matmul(z * z, inv.t()) - 2.0 * torch::matmul(z, (means * inv).t()) + (means * means * inv).sum(1).unsqueeze(0);
}

// log w_k + log N(z | m_k, diag v_k), [N, K].
torch::Tensor logJoint(const torch::Tensor &z, const torch::Tensor &weights, const torch::Tensor &means, const torch::Tensor &vars)
{
    const double d = double(z.size(-1));
    const auto logDet = vars.log().sum(1).unsqueeze(0);
    return weights.log().unsqueeze(0) - 0.5 * (mahalanobis(z, means, vars) + logDet + d * std::log(2 * M_PI));
}

} // namespace

FisherVectorImpl::FisherVectorImpl(int64_t components, int64_t bins)
    : m_components(components)
    , m_dims(2 * std::min<int64_t>(kCepstra, bins))
{
    m_dct = dctMatrix(m_dims / 2, bins).t().contiguous();
    // Unfitted values that still give a defined (if uninformative) output.
    m_winMean = register_buffer("win_mean", torch::zeros({m_dims}));
    m_winStd = register_buffer("win_std", torch::ones({m_dims}));
    m_weights = register_buffer("weights", torch::full({components}, 1.0 / double(components)));
    m_means = register_buffer("means", torch::zeros({components, m_dims}));
    m_stds = register_buffer("stds", torch::ones({components, m_dims}));
    m_fvMean = register_buffer("fv_mean", torch::zeros({size()}));
    m_fvStd = register_buffer("fv_std", torch::ones({size()}));
}

torch::Tensor FisherVectorImpl::windows(const torch::Tensor &x) const
{
    const auto s = x.squeeze(1);  // [B, F, T]
    const int64_t b = s.size(0), f = s.size(1), t = s.size(2);
    const auto cep = torch::matmul(s.transpose(1, 2).reshape({b * t, f}), m_dct.to(s.device())).reshape({b, t, -1});
    const int64_t n = t / kPool;
    // A segment shorter than one window (a tiny test clip) is one window of all its frames.
    const auto pooled = n >= 1 ? cep.narrow(1, 0, n * kPool).reshape({b, n, kPool, -1}).mean(2) : cep.mean(1, true);
    const int64_t w = pooled.size(1);
    const auto padded = torch::cat({pooled.narrow(1, 0, 1), pooled, pooled.narrow(1, w - 1, 1)}, 1);
    const auto delta = (padded.narrow(1, 2, w) - padded.narrow(1, 0, w)) / 2.0;
    return torch::cat({pooled, delta}, 2);  // [B, W, D]
}

torch::Tensor FisherVectorImpl::rawVectors(const torch::Tensor &x) const
{
    const auto z = (windows(x) - m_winMean) / m_winStd;  // [B, W, D]
    const int64_t b = z.size(0), w = z.size(1);
    const auto vars = m_stds * m_stds;
    const auto gamma = torch::softmax(logJoint(z.reshape({b * w, m_dims}), m_weights, m_means, vars).reshape({b, w, -1}), 2);
    const auto gammaT = gamma.transpose(1, 2);          // [B, K, W]
    const auto g = gamma.sum(1).unsqueeze(2);           // [B, K, 1]
    const auto a = torch::bmm(gammaT, z);               // Σ γ z
    const auto a2 = torch::bmm(gammaT, z * z);          // Σ γ z²
    const auto m = m_means.unsqueeze(0);
    // Σ γ (z − m)/σ and Σ γ ((z − m)²/σ² − 1), expanded so no [B, W, K, D] tensor is needed.
    const auto gMean = (a - g * m) / m_stds.unsqueeze(0);
    const auto gVar = (a2 - 2.0 * m * a + g * m * m) / vars.unsqueeze(0) - g;
    const auto sw = m_weights.sqrt().unsqueeze(0).unsqueeze(2);
    auto v = torch::cat({(gMean / (double(w) * sw)).flatten(1), (gVar / (double(w) * std::sqrt(2.0) * sw)).flatten(1)}, 1);
    v = v.sign() * v.abs().sqrt();
    return v / (v.norm(2, 1, true) + 1e-12);
}

torch::Tensor FisherVectorImpl::forward(const torch::Tensor &x) const
{
    torch::NoGradGuard noGrad;
    return (rawVectors(x) - m_fvMean) / m_fvStd;
}

void FisherVectorImpl::fit(const torch::Tensor &segments)
{
    torch::NoGradGuard noGrad;
    // Its own random stream: the global one (dropout, initial weights) draws exactly what it would
    // without this branch, so the rest of the network trains the same with or without it.
    at::Generator gen = at::detail::createCPUGenerator(0x5eed);
    auto all = windows(segments).reshape({-1, m_dims}).to(torch::kFloat64);
    if (all.size(0) > kFitWindows)
        all = all.index_select(0, torch::randperm(all.size(0), gen, torch::kLong).narrow(0, 0, kFitWindows));
    const int64_t n = all.size(0), k = std::min(m_components, n);
    const auto mean = all.mean(0), sd = all.std(0, /*unbiased=*/false) + 1e-6;
    const auto z = (all - mean) / sd;

    // k-means from k distinct random windows, then EM (as scikit-learn's GaussianMixture starts).
    auto means = z.index_select(0, torch::randperm(n, gen, torch::kLong).narrow(0, 0, k)).clone();
    for (int it = 0; it < kKMeansIterations; ++it) {
        const auto d = (z * z).sum(1, true) - 2.0 * torch::matmul(z, means.t()) + (means * means).sum(1).unsqueeze(0);
        const auto assign = torch::one_hot(d.argmin(1), k).to(torch::kFloat64);  // [N, K]
        const auto count = assign.sum(0).unsqueeze(1);
        means = torch::where(count > 0, torch::matmul(assign.t(), z) / count.clamp_min(1.0), means);
    }
    const auto d = (z * z).sum(1, true) - 2.0 * torch::matmul(z, means.t()) + (means * means).sum(1).unsqueeze(0);
    auto resp = torch::one_hot(d.argmin(1), k).to(torch::kFloat64);
    torch::Tensor weights, vars;
    double previous = -1e300;
    for (int it = 0; it <= kEmIterations; ++it) {
        // M step from the responsibilities, then E step.
        const auto nk = resp.sum(0) + 1e-10;
        weights = nk / double(n);
        means = torch::matmul(resp.t(), z) / nk.unsqueeze(1);
        vars = (torch::matmul(resp.t(), z * z) / nk.unsqueeze(1) - means * means).clamp_min(0.0) + kVarianceFloor;
        const auto joint = logJoint(z, weights, means, vars);
        const auto norm = torch::logsumexp(joint, 1, true);
        resp = (joint - norm).exp();
        const double ll = norm.mean().item<double>();
        if (ll - previous < kEmTolerance)
            break;
        previous = ll;
    }
    if (k < m_components) {  // fewer windows than components (tiny data): repeat the fitted ones
        const auto idx = torch::arange(m_components, torch::kLong) % k;
        weights = weights.index_select(0, idx) * (double(k) / double(m_components));
        means = means.index_select(0, idx);
        vars = vars.index_select(0, idx);
    }
    m_winMean.copy_(mean.to(torch::kFloat32));
    m_winStd.copy_(sd.to(torch::kFloat32));
    m_weights.copy_(weights.to(torch::kFloat32));
    m_means.copy_(means.to(torch::kFloat32));
    m_stds.copy_(vars.sqrt().to(torch::kFloat32));

    // Standardise the vectors over the same segments (what a scaler before a linear model does).
    std::vector<torch::Tensor> parts;
    for (int64_t i = 0; i < segments.size(0); i += 64)
        parts.push_back(rawVectors(segments.narrow(0, i, std::min<int64_t>(64, segments.size(0) - i))));
    const auto v = torch::cat(parts, 0);
    m_fvMean.copy_(v.mean(0));
    m_fvStd.copy_(v.size(0) > 1 ? v.std(0, /*unbiased=*/false).clamp_min(1e-4) : torch::ones_like(m_fvStd));
}

} // namespace spectag::detail
