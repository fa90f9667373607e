// The RBF support-vector side classifier (core/model/kernelclassifier.h): libsvm fits it, Torch
// evaluates it from buffers; the two must give the same probabilities.
#include <torch/torch.h>

#include "model/kernelclassifier.h"
#include "model/net.h"

#include <QJsonObject>

#include <libsvm/svm.h>

#include <QTest>

#include <cstdlib>

using namespace spectag;

namespace {

// Three overlapping Gaussian blobs in `dims` dimensions, labelled in the order given by `first`
// (so libsvm's class order, that of first appearance, need not be the class indices').
void blobs(int64_t perClass, int64_t dims, std::vector<int> first, torch::Tensor *x, std::vector<int> *labels, uint64_t seed)
{
    torch::manual_seed(seed);
    std::vector<torch::Tensor> parts;
    labels->clear();
    for (int c : first) {
        auto centre = torch::zeros({dims});
        centre[c % dims] = 2.0;
        parts.push_back(centre + torch::randn({perClass, dims}) * 1.2 + 5.0);  // offset: standardisation matters
        labels->insert(labels->end(), size_t(perClass), c);
    }
    *x = torch::cat(parts, 0);
    // interleave so every class shows up early but in `first`'s order
    const auto idx = torch::randperm(x->size(0));
    std::vector<int> shuffled(labels->size());
    for (int64_t i = 0; i < idx.size(0); ++i)
        shuffled[size_t(i)] = (*labels)[size_t(idx[i].item<int64_t>())];
    *x = x->index_select(0, idx);
    *labels = shuffled;
    for (size_t k = 0; k < first.size(); ++k) {  // put one example of each class up front, in order
        const auto at = std::find(labels->begin() + long(k), labels->end(), first[k]) - labels->begin();
        std::swap((*labels)[k], (*labels)[size_t(at)]);
        const auto row = (*x)[long(k)].clone();
        (*x)[long(k)] = (*x)[at];
        (*x)[at] = row;
    }
}

} // namespace

class TestKernelClassifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The Torch evaluation reproduces libsvm's own svm_predict_probability on a model libsvm
    // trains from the same standardised data, parameters and seed.
    void matchesLibsvm()
    {
        torch::Tensor x, test;
        std::vector<int> y, testLabels;
        blobs(30, 6, {2, 0, 1}, &x, &y, 1);
        blobs(10, 6, {0, 1, 2}, &test, &testLabels, 2);
        KernelClassifier kc(6, 3);
        QCOMPARE(kc->fit(x, y, 3.0, 11), QString());
        QVERIFY(kc->supportVectorCount() > 0);
        const torch::Tensor ours = kc->forward(test);

        // The same fit, done here directly with libsvm.
        const auto xd = x.to(torch::kFloat64);
        const auto mean = xd.mean(0), sd = xd.std(0, false);
        const auto z = ((xd - mean) / sd).contiguous();
        const double gamma = 1.0 / (6 * z.var(false).item<double>());
        std::vector<svm_node> nodes(size_t(x.size(0) * 7));
        std::vector<svm_node *> rows;
        std::vector<double> labels;
        for (int64_t i = 0; i < x.size(0); ++i) {
            for (int d = 0; d < 6; ++d)
                nodes[size_t(i * 7 + d)] = {d + 1, z[i][d].item<double>()};
            nodes[size_t(i * 7 + 6)] = {-1, 0};
            rows.push_back(&nodes[size_t(i * 7)]);
            labels.push_back(y[size_t(i)]);
        }
        svm_problem prob{int(x.size(0)), labels.data(), rows.data()};
        svm_parameter param{};
        param.svm_type = C_SVC;
        param.kernel_type = RBF;
        param.gamma = gamma;
        param.cache_size = 200;
        param.eps = 1e-3;
        param.C = 3.0;
        param.shrinking = 1;
        param.probability = 1;
        std::srand(11);
        svm_model *model = svm_train(&prob, &param);
        QVERIFY(model);
        QCOMPARE(model->label[0], 2);  // libsvm's order is not the class indices'
        const auto td = ((test.to(torch::kFloat64) - mean) / sd).contiguous();
        double worst = 0;
        for (int64_t i = 0; i < test.size(0); ++i) {
            svm_node row[7];
            for (int d = 0; d < 6; ++d)
                row[d] = {d + 1, td[i][d].item<double>()};
            row[6] = {-1, 0};
            double p[3];
            svm_predict_probability(model, row, p);
            for (int k = 0; k < 3; ++k)  // p is in libsvm's class order
                worst = std::max(worst, std::abs(p[k] - ours[i][model->label[k]].item<double>()));
        }
        svm_free_and_destroy_model(&model);
        qInfo("largest probability difference from libsvm: %.2g", worst);
        QCOMPARE_LT(worst, 1e-4);
    }

    // It learns: held-out blobs are mostly classed right, with probabilities that sum to one.
    void classifiesHeldOutData()
    {
        torch::Tensor x, test;
        std::vector<int> y, testLabels;
        blobs(40, 4, {1, 2, 0}, &x, &y, 3);
        blobs(20, 4, {0, 1, 2}, &test, &testLabels, 4);
        KernelClassifier kc(4, 3);
        QCOMPARE(kc->fit(x, y, 3.0, 5), QString());
        const auto p = kc->forward(test);
        QVERIFY(torch::allclose(p.sum(1), torch::ones({test.size(0)}), 1e-4, 1e-4));
        const auto predicted = p.argmax(1);
        int correct = 0;
        for (int64_t i = 0; i < test.size(0); ++i)
            correct += predicted[i].item<int64_t>() == testLabels[size_t(i)];
        qInfo("held out: %d of %lld right (chance a third)", correct, static_cast<long long>(test.size(0)));
        QVERIFY(correct >= int(0.7 * double(test.size(0))));
    }

    // Coupling recovers a distribution from its exact pairwise ratios.
    void couplingRecoversConsistentPairs()
    {
        const std::vector<double> truth{0.5, 0.3, 0.15, 0.05};
        std::vector<std::vector<double>> r(4, std::vector<double>(4, 0.0));
        for (size_t i = 0; i < 4; ++i)
            for (size_t j = 0; j < 4; ++j)
                if (i != j)
                    r[i][j] = truth[i] / (truth[i] + truth[j]);
        const auto p = couplePairwise(r);
        for (size_t i = 0; i < 4; ++i)
            QCOMPARE_LT(std::abs(p[i] - truth[i]), 1e-3);
    }

    // In a spectag network ("svm_quadrant": 1) the quadrant head's probabilities at inference are
    // the mean of the network's and the fitted classifier's; in training the classifier stays out.
    void fusedIntoTheQuadrantHead()
    {
        const QStringList q{QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")};
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), {HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel, q, {}, 0.0}});
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("svm_quadrant"), 1}};
        torch::manual_seed(5);
        auto net = createNet(spec);
        QCOMPARE(net->itemFitHead(), 0);
        const int bins = spec.frontEnd.bins(), frames = spec.frontEnd.framesPerSegment();
        // Item vectors: the statistics of random segments, four loose groups.
        const auto segments = torch::randn({16, 1, bins, frames}) + torch::arange(16).remainder(4).reshape({16, 1, 1, 1}).to(torch::kFloat) * 0.5;
        const auto features = net->itemFeatures(segments);
        QCOMPARE(features.size(0), 16);
        std::vector<int> classes;
        for (int i = 0; i < 16; ++i)
            classes.push_back(i % 4);
        QCOMPARE(net->fitToItems(features, classes, 3), QString());
        const int vectors = net->fittedHyperparameters().value(QLatin1String("svm_vectors")).toInt();
        QVERIFY(vectors > 0);

        net->eval();
        const auto x = torch::randn({3, 1, bins, frames});
        const auto fused = torch::exp(net->forward(x).logits[0]);
        KernelClassifier svm{nullptr};
        for (const auto &child : net->named_children())
            if (child.key() == "svm_quadrant")
                svm = KernelClassifier(std::dynamic_pointer_cast<KernelClassifierImpl>(child.value()));
        QVERIFY(svm);
        const auto pSvm = svm->forward(spectag::detail::spectagStatistics(x, 1, double(spec.frontEnd.sampleRate) / spec.frontEnd.hop));
        // Unfitted, the classifier says 1/4 everywhere: that recovers the network's own part.
        for (auto &b : svm->named_buffers())
            if (b.key() == "support")
                b.value().set_(torch::zeros({0, features.size(1)}));
        const auto pNet = 2 * torch::exp(net->forward(x).logits[0]) - 0.25;
        QVERIFY(torch::allclose(fused, 0.5 * pNet + 0.5 * pSvm, 1e-4, 1e-5));
        QVERIFY(!torch::allclose(fused, pNet, 1e-3, 1e-3));  // the classifier did change the answer

        net->train();
        QVERIFY(net->forward(x).auxLogits.empty());
        // Without a quadrant head it is refused.
        spec.heads[0].name = QStringLiteral("genre");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createNet(spec));
    }

    void refusesBadInput()
    {
        KernelClassifier kc(3, 3);
        const auto x = torch::randn({10, 3});
        std::vector<int> twoClasses(10, 0);
        twoClasses[1] = 1;
        QVERIFY(kc->fit(x, twoClasses, 1.0, 1).contains(QLatin1String("class 2")));
        QVERIFY(!kc->fit(x, std::vector<int>(9, 0), 1.0, 1).isEmpty());
        // Unfitted, it has no opinion.
        QVERIFY(torch::allclose(kc->forward(x), torch::full({10, 3}, 1.0 / 3)));
    }
};

QTEST_GUILESS_MAIN(TestKernelClassifier)
#include "tst_kernelclassifier.moc"
