#include "model/kernelclassifier.h"

#include <libsvm/svm.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>

namespace spectag {

namespace {

void quiet(const char *) {}

// libsvm's training draws with rand() and prints through one global hook: serialise fits.
std::mutex &libsvmMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

KernelClassifierImpl::KernelClassifierImpl(int64_t dims, int64_t classes, int64_t supportVectors)
    : m_dims(dims)
    , m_classes(classes)
{
    const int64_t pairs = classes * (classes - 1) / 2;
    m_mean = register_buffer("mean", torch::zeros({dims}));
    m_std = register_buffer("std", torch::ones({dims}));
    m_support = register_buffer("support", torch::zeros({supportVectors, dims}));
    m_svGroup = register_buffer("sv_group", torch::zeros({supportVectors}, torch::kLong));
    m_order = register_buffer("classes", torch::arange(classes, torch::kLong));
    m_coef = register_buffer("coef", torch::zeros({classes - 1, supportVectors}));
    m_rho = register_buffer("rho", torch::zeros({pairs}));
    m_probA = register_buffer("prob_a", torch::zeros({pairs}));
    m_probB = register_buffer("prob_b", torch::zeros({pairs}));
    m_gamma = register_buffer("gamma", torch::full({1}, 1.0 / double(dims)));
}

QString KernelClassifierImpl::fit(const torch::Tensor &xIn, const std::vector<int> &labels, double c, unsigned seed)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = xIn.to(torch::kFloat64).contiguous();
    const int64_t n = x.size(0);
    if (x.dim() != 2 || x.size(1) != m_dims || n != int64_t(labels.size()) || n < 2)
        return QStringLiteral("kernel classifier: %1 vectors of %2 values for %3 labels").arg(n).arg(x.size(1)).arg(labels.size());
    for (int64_t k = 0; k < m_classes; ++k)
        if (std::find(labels.begin(), labels.end(), int(k)) == labels.end())
            return QStringLiteral("kernel classifier: class %1 has no training example").arg(k);
    // Standardise as scikit-learn's StandardScaler (population spread; a constant column keeps 1).
    const torch::Tensor mean = x.mean(0);
    torch::Tensor sd = x.std(0, /*unbiased=*/false);
    sd = torch::where(sd > 1e-12, sd, torch::ones_like(sd));
    const torch::Tensor z = (x - mean) / sd;
    const double variance = z.var(/*unbiased=*/false).item<double>();
    const double gamma = 1.0 / (double(m_dims) * (variance > 0 ? variance : 1.0));

    // libsvm wants every row as index/value nodes ending with index -1.
    std::vector<svm_node> nodes(static_cast<size_t>(n * (m_dims + 1)));
    std::vector<svm_node *> rows(static_cast<size_t>(n));
    std::vector<double> y(static_cast<size_t>(n));
    const double *zp = z.data_ptr<double>();
    for (int64_t i = 0; i < n; ++i) {
        svm_node *row = nodes.data() + i * (m_dims + 1);
        for (int64_t d = 0; d < m_dims; ++d)
            row[d] = {int(d + 1), zp[i * m_dims + d]};
        row[m_dims] = {-1, 0.0};
        rows[size_t(i)] = row;
        y[size_t(i)] = labels[size_t(i)];
    }
    svm_problem problem{int(n), y.data(), rows.data()};
    svm_parameter param{};
    param.svm_type = C_SVC;
    param.kernel_type = RBF;
    param.gamma = gamma;
    param.cache_size = 200;
    param.eps = 1e-3;
    param.C = c;
    param.shrinking = 1;
    param.probability = 1;
    if (const char *err = svm_check_parameter(&problem, &param))
        return QStringLiteral("kernel classifier: %1").arg(QString::fromUtf8(err));

    svm_model *model = nullptr;
    {
        std::lock_guard<std::mutex> lock(libsvmMutex());
        svm_set_print_string_function(quiet);
        std::srand(seed);
        model = svm_train(&problem, &param);
    }
    if (!model || model->nr_class != int(m_classes) || !model->probA || !model->probB)
        return QStringLiteral("kernel classifier: libsvm did not produce a probability model");

    // Support vectors in libsvm's order: grouped by class, the classes in libsvm's order (that of
    // first appearance in the data), which `labels` maps to class indices.
    const int64_t s = model->l, pairs = m_classes * (m_classes - 1) / 2;
    torch::Tensor support = torch::zeros({s, m_dims});
    torch::Tensor group = torch::zeros({s}, torch::kLong), order = torch::zeros({m_classes}, torch::kLong);
    torch::Tensor coef = torch::zeros({m_classes - 1, s});
    // (Accessors, not tensor indexing: a view per element would cost seconds for 600 x 775 values.)
    auto sa = support.accessor<float, 2>();
    auto ga = group.accessor<int64_t, 1>();
    auto ca = coef.accessor<float, 2>();
    int64_t at = 0;
    for (int k = 0; k < model->nr_class; ++k) {
        order[k] = int64_t(model->label[k]);
        for (int j = 0; j < model->nSV[k]; ++j, ++at) {
            ga[at] = int64_t(k);
            for (const svm_node *node = model->SV[at]; node->index != -1; ++node)
                sa[at][node->index - 1] = float(node->value);
        }
    }
    for (int64_t k = 0; k + 1 < m_classes; ++k)
        for (int64_t j = 0; j < s; ++j)
            ca[k][j] = float(model->sv_coef[k][j]);
    torch::Tensor rho = torch::zeros({pairs}), probA = torch::zeros({pairs}), probB = torch::zeros({pairs});
    for (int64_t p = 0; p < pairs; ++p) {
        rho[p] = model->rho[p];
        probA[p] = model->probA[p];
        probB[p] = model->probB[p];
    }
    svm_free_and_destroy_model(&model);

    m_mean.set_(mean.to(torch::kFloat32));
    m_std.set_(sd.to(torch::kFloat32));
    m_support.set_(support);
    m_svGroup.set_(group);
    m_order.set_(order);
    m_coef.set_(coef);
    m_rho.set_(rho);
    m_probA.set_(probA);
    m_probB.set_(probB);
    m_gamma.fill_(gamma);
    return {};
}

torch::Tensor KernelClassifierImpl::forward(const torch::Tensor &xIn)
{
    torch::NoGradGuard noGrad;
    const int64_t b = xIn.size(0), s = m_support.size(0), pairs = m_rho.size(0);
    if (s == 0)  // never fitted: no opinion
        return torch::full({b, m_classes}, 1.0 / double(m_classes));
    const torch::Tensor x = (xIn.to(torch::kFloat32) - m_mean) / m_std;
    const torch::Tensor d2 = (x.pow(2).sum(1, true) + m_support.pow(2).sum(1).unsqueeze(0) - 2 * x.matmul(m_support.t())).clamp_min(0);
    const torch::Tensor kernel = torch::exp(-m_gamma * d2);  // [B, S]
    // One column per pair (a < b in libsvm's class order): class a's vectors weigh in with the
    // coefficients libsvm keeps for b, and b's with those for a.
    torch::Tensor w = torch::zeros({s, pairs});
    const auto groups = m_svGroup.accessor<int64_t, 1>();
    const auto coef = m_coef.accessor<float, 2>();
    auto wa = w.accessor<float, 2>();
    for (int64_t a = 0, p = 0; a < m_classes; ++a) {
        for (int64_t c = a + 1; c < m_classes; ++c, ++p) {
            for (int64_t j = 0; j < s; ++j) {
                if (groups[j] == a)
                    wa[j][p] = coef[c - 1][j];
                else if (groups[j] == c)
                    wa[j][p] = coef[a][j];
            }
        }
    }
    const torch::Tensor decision = kernel.matmul(w) - m_rho;
    // Platt: P(a | a or b) = 1 / (1 + exp(A f + B)), kept away from 0 and 1 as libsvm does.
    const torch::Tensor pairwise = torch::sigmoid(-(decision * m_probA + m_probB)).clamp(1e-7, 1 - 1e-7).to(torch::kFloat64).contiguous();
    const auto pw = pairwise.accessor<double, 2>();
    const auto order = m_order.accessor<int64_t, 1>();
    torch::Tensor out = torch::zeros({b, m_classes});
    auto oa = out.accessor<float, 2>();
    std::vector<std::vector<double>> r(size_t(m_classes), std::vector<double>(size_t(m_classes), 0.0));
    for (int64_t i = 0; i < b; ++i) {
        for (int64_t a = 0, p = 0; a < m_classes; ++a) {
            for (int64_t c = a + 1; c < m_classes; ++c, ++p) {
                r[size_t(a)][size_t(c)] = pw[i][p];
                r[size_t(c)][size_t(a)] = 1 - pw[i][p];
            }
        }
        const std::vector<double> probs = couplePairwise(r);
        for (int64_t k = 0; k < m_classes; ++k)
            oa[i][order[k]] = float(probs[size_t(k)]);
    }
    return out;
}

std::vector<double> couplePairwise(const std::vector<std::vector<double>> &r)
{
    const size_t k = r.size();
    std::vector<double> p(k, 1.0 / double(k)), qp(k);
    std::vector<std::vector<double>> q(k, std::vector<double>(k, 0.0));
    for (size_t t = 0; t < k; ++t) {
        for (size_t j = 0; j < k; ++j) {
            if (j == t)
                continue;
            q[t][t] += r[j][t] * r[j][t];
            q[t][j] = -r[j][t] * r[t][j];
        }
    }
    const double eps = 0.005 / double(k);
    const int maxIter = std::max(100, int(k));
    for (int iter = 0; iter < maxIter; ++iter) {
        double pqp = 0;
        for (size_t t = 0; t < k; ++t) {
            qp[t] = 0;
            for (size_t j = 0; j < k; ++j)
                qp[t] += q[t][j] * p[j];
            pqp += p[t] * qp[t];
        }
        double maxError = 0;
        for (size_t t = 0; t < k; ++t)
            maxError = std::max(maxError, std::abs(qp[t] - pqp));
        if (maxError < eps)
            break;
        for (size_t t = 0; t < k; ++t) {
            const double diff = (-qp[t] + pqp) / q[t][t];
            p[t] += diff;
            pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
            for (size_t j = 0; j < k; ++j) {
                qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                p[j] /= (1 + diff);
            }
        }
    }
    return p;
}

} // namespace spectag
