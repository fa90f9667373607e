#include "model/projection.h"

#include <torch/torch.h>

#include <cmath>

namespace spectag {

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

std::vector<std::array<float, 2>> projectPca2(const std::vector<float> &rows, int n, int dim, QString *error)
{
    if (error)
        error->clear();
    if (n < 0 || dim < 1 || rows.size() != size_t(n) * size_t(dim)) {
        setError(error, QStringLiteral("projection: %1 values are not %2 rows of %3").arg(rows.size()).arg(n).arg(dim));
        return {};
    }
    if (n == 0)
        return {};
    for (const float v : rows) {
        if (!std::isfinite(v)) {
            setError(error, QStringLiteral("projection: the embeddings contain a value that is not finite"));
            return {};
        }
    }
    try {
        torch::NoGradGuard noGrad;
        // Double precision: float32 SVD of a 10,000-row matrix loses the small components' signs
        // to rounding, and the reference (numpy) works in float64 too.
        const torch::Tensor x = torch::from_blob(const_cast<float *>(rows.data()), {n, dim}, torch::kFloat32).to(torch::kFloat64);
        const torch::Tensor centred = x - x.mean(0, true);
        // The principal axes are the right singular vectors of the centred matrix. For a library
        // (many more tracks than dimensions) they are the eigenvectors of the dim x dim scatter
        // matrix, which spares the n x dim left factor a thin SVD would compute; with fewer tracks
        // than dimensions the SVD is the smaller problem.
        torch::Tensor axes, singular;  // axes: rows, largest first
        if (n >= dim) {
            auto [eigenvalues, eigenvectors] = torch::linalg_eigh(centred.t().matmul(centred));  // ascending
            axes = eigenvectors.flip({1}).t().contiguous();
            singular = eigenvalues.flip({0}).clamp_min(0).sqrt();
        } else {
            auto [u, s, vh] = torch::linalg_svd(centred, false);
            axes = vh;
            singular = s;
        }
        const int64_t k = std::min<int64_t>(2, axes.size(0));
        axes = axes.slice(0, 0, k).clone();
        // Components whose singular value is rounding noise carry no direction: leave them 0.
        const double tol = singular.size(0) > 0 ? singular[0].item<double>() * 1e-7 : 0.0;
        for (int64_t c = 0; c < k; ++c) {
            if (singular[c].item<double>() <= tol) {
                axes[c].zero_();
                continue;
            }
            const int64_t pivot = axes[c].abs().argmax().item<int64_t>();
            if (axes[c][pivot].item<double>() < 0)
                axes[c].neg_();
        }
        const torch::Tensor projected = centred.matmul(axes.t()).to(torch::kFloat32).contiguous();
        std::vector<std::array<float, 2>> out(size_t(n), std::array<float, 2>{0.f, 0.f});
        const float *p = projected.data_ptr<float>();
        for (int i = 0; i < n; ++i)
            for (int64_t c = 0; c < k; ++c)
                out[size_t(i)][size_t(c)] = p[i * k + c];
        return out;
    } catch (const std::exception &e) {
        setError(error, QStringLiteral("projection: %1").arg(QString::fromUtf8(e.what())));
        return {};
    }
}

} // namespace spectag
