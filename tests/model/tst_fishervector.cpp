// The spectag network's Fisher-vector branch ("fv"): the mixture it fits, the vector's algebra
// against the textbook formula, and how the genre head fuses it (late fusion at inference, a side
// loss and an L2 penalty in training).
#include <torch/torch.h>

#include "model/fishervector.h"
#include "model/modelfile.h"
#include "model/net.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spectag;
using spectag::detail::FisherVector;
using spectag::detail::FisherVectorImpl;

namespace {

constexpr int kBins = 96;
constexpr int kFrames = 376;

// Segments whose frames are one of two spectral shapes (a dark one and a bright one) plus noise.
torch::Tensor twoTimbres(int64_t perTimbre)
{
    const auto band = torch::linspace(0, 1, kBins).reshape({1, 1, kBins, 1});
    const auto dark = (1.0 - band) * 3.0, bright = band * 3.0;
    auto x = torch::cat({dark.expand({perTimbre, 1, kBins, kFrames}), bright.expand({perTimbre, 1, kBins, kFrames})}, 0);
    return x + 0.05 * torch::randn(x.sizes());
}

std::vector<HeadSpec> genreAndMood()
{
    return {HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, {}, 0.0},
            HeadSpec{QStringLiteral("mood"), HeadSpec::Kind::MultiLabel, {QStringLiteral("x"), QStringLiteral("y")}, {}, 0.0}};
}

ModelSpec fvSpec(std::vector<HeadSpec> heads = genreAndMood())
{
    ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), std::move(heads));
    spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("fv"), 4}};
    return spec;
}

std::shared_ptr<FisherVectorImpl> fvOf(NetImpl &net)
{
    for (const auto &m : net.named_children())
        if (m.key() == "fv")
            return std::dynamic_pointer_cast<FisherVectorImpl>(m.value());
    return nullptr;
}

} // namespace

class TestFisherVector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    // Two timbres, two components: EM gives each about half the weight and its own mean. The
    // vector describes how a segment's windows deviate from the component they belong to (a window
    // that fits its component exactly contributes nothing): segments a little brighter than the
    // dark timbre resemble each other and point away from segments a little darker than it.
    void mixtureFindsTheTimbres()
    {
        torch::manual_seed(1);
        FisherVector fv(2, kBins);
        fv->fit(twoTimbres(8));
        const auto buffers = fv->named_buffers();
        const auto w = buffers["weights"];
        QVERIFY2(torch::allclose(w, torch::full({2}, 0.5), 0, 0.05), qPrintable(QString::number(w[0].item<double>())));
        const auto m = buffers["means"];
        QVERIFY((m[0] - m[1]).norm().item<double>() > 2.0);
        const auto dark = twoTimbres(4).narrow(0, 0, 4);
        const auto tilt = torch::linspace(-0.3, 0.3, kBins).reshape({1, 1, kBins, 1});
        const auto v = torch::nn::functional::normalize(fv->forward(torch::cat({dark + tilt, dark - tilt}, 0)),
                                                        torch::nn::functional::NormalizeFuncOptions().dim(1));
        const auto sim = torch::matmul(v, v.t());
        const double same = (sim.narrow(0, 0, 4).narrow(1, 0, 4).mean().item<double>() + sim.narrow(0, 4, 4).narrow(1, 4, 4).mean().item<double>()) / 2;
        const double other = sim.narrow(0, 0, 4).narrow(1, 4, 4).mean().item<double>();
        QVERIFY2(same > 0.5 && other < 0, qPrintable(QStringLiteral("same %1, other %2").arg(same).arg(other)));
    }

    // The expanded algebra (no [B, W, K, D] tensor) against the textbook improved Fisher vector.
    void matchesTheTextbookFormula()
    {
        torch::manual_seed(2);
        const int64_t k = 3;
        FisherVector fv(k, kBins);
        auto buffers = fv->named_buffers();
        const int64_t d = buffers["means"].size(1);
        auto weights = torch::softmax(torch::randn({k}), 0);
        auto means = torch::randn({k, d}) * 0.5;
        auto stds = torch::rand({k, d}) + 0.5;
        auto winMean = torch::randn({d});
        auto winStd = torch::rand({d}) + 0.5;
        {
            torch::NoGradGuard g;
            buffers["weights"].copy_(weights);
            buffers["means"].copy_(means);
            buffers["stds"].copy_(stds);
            buffers["win_mean"].copy_(winMean);
            buffers["win_std"].copy_(winStd);
        }
        const auto x = torch::randn({2, 1, kBins, kFrames});
        const auto got = fv->forward(x);  // fv_mean 0, fv_std 1: the normalised vector itself
        const auto z = (fv->windows(x) - winMean) / winStd;  // [B, W, D]
        const int64_t windows = z.size(1);
        const auto diff = (z.unsqueeze(2) - means) / stds;  // [B, W, K, D]
        auto logp = torch::log(weights) - 0.5 * (diff.pow(2) + 2 * stds.log() + std::log(2 * M_PI)).sum(3);
        const auto gamma = torch::softmax(logp, 2).unsqueeze(3);  // [B, W, K, 1]
        const auto gm = (gamma * diff).sum(1) / (double(windows) * weights.sqrt().unsqueeze(1));
        const auto gs = (gamma * (diff.pow(2) - 1)).sum(1) / (double(windows) * (2 * weights).sqrt().unsqueeze(1));
        auto want = torch::cat({gm.flatten(1), gs.flatten(1)}, 1);
        want = want.sign() * want.abs().sqrt();
        want = want / want.norm(2, 1, true);
        QCOMPARE(got.sizes().vec(), want.sizes().vec());
        QVERIFY2(torch::allclose(got, want, 1e-4, 1e-4), qPrintable(QString::number((got - want).abs().max().item<double>())));
    }

    // Inference: the genre head is the mean of the network's and the vector classifier's
    // probabilities; the other heads are untouched. Training: the vector classifier's logits come
    // out separately, with its L2 penalty, and a loss on them reaches its weights.
    void genreHeadFusesBothClassifiers()
    {
        torch::manual_seed(3);
        const ModelSpec spec = fvSpec();
        auto net = createNet(spec);
        QVERIFY(net->needsFitToData());
        net->fitToData(twoTimbres(4));
        net->eval();
        const auto x = twoTimbres(2);
        const NetOutput y = net->forward(x);
        QVERIFY(y.auxLogits.empty());
        auto params = net->named_parameters();
        const auto netLogits = torch::matmul(y.embedding, params["head0.weight"].t()) + params["head0.bias"];
        const auto fvLogits = torch::matmul(fvOf(*net)->forward(x), params["fv_head.weight"].t()) + params["fv_head.bias"];
        const auto want = 0.5 * torch::softmax(netLogits, 1) + 0.5 * torch::softmax(fvLogits, 1);
        QVERIFY(torch::allclose(torch::softmax(y.logits[0], 1), want, 1e-5, 1e-6));
        const auto moodLogits = torch::matmul(y.embedding, params["head1.weight"].t()) + params["head1.bias"];
        QVERIFY(torch::allclose(y.logits[1], moodLogits, 1e-5, 1e-6));

        net->train();
        const NetOutput t = net->forward(x);
        QCOMPARE(t.auxLogits.size(), size_t(1));
        QCOMPARE(t.auxLogits.front().first, size_t(0));
        QVERIFY(t.penalty.defined());
        QVERIFY(torch::allclose(t.penalty, 0.05 * params["fv_head.weight"].pow(2).sum()));
        torch::nn::functional::cross_entropy(t.auxLogits.front().second, torch::tensor({0, 1, 2, 0}, torch::kLong)).backward();
        QVERIFY(params["fv_head.weight"].grad().abs().sum().item<double>() > 0);
    }

    // The branch leaves the rest of the network alone: the same seed gives every other layer the
    // same initial weights, and after fitting, the global random stream (dropout) continues as
    // it would without the branch.
    void restOfTheNetworkUnchanged()
    {
        ModelSpec plain = fvSpec();
        plain.hyperparameters.remove(QStringLiteral("fv"));
        const auto data = twoTimbres(2);  // (draws from the global stream itself)
        torch::manual_seed(5);
        auto a = createNet(plain);
        const auto drawA = torch::rand({4});
        torch::manual_seed(5);
        auto b = createNet(fvSpec());
        b->fitToData(data);
        const auto drawB = torch::rand({4});
        QVERIFY(torch::equal(drawA, drawB));
        const auto pa = a->named_parameters();
        int compared = 0;
        for (const auto &p : b->named_parameters()) {
            if (QString::fromStdString(p.key()).startsWith(QLatin1String("fv")))
                continue;
            QVERIFY2(torch::equal(p.value(), pa[p.key()]), p.key().c_str());
            ++compared;
        }
        QCOMPARE(compared, int(pa.size()));
    }

    // "fv_quadrant": 1 gives the quadrant head its own vector classifier, fused the same way.
    void quadrantClassifier()
    {
        auto heads = genreAndMood();
        heads.push_back(HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel,
                                 {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")}, {}, 0.0});
        ModelSpec spec = fvSpec(heads);
        spec.hyperparameters.insert(QStringLiteral("fv_quadrant"), 1);
        const auto data = twoTimbres(3);
        torch::manual_seed(6);
        auto net = createNet(spec);
        net->fitToData(data);
        auto params = net->named_parameters();
        QCOMPARE(params["fv_quadrant_head.weight"].size(0), int64_t(4));
        net->train();
        const NetOutput t = net->forward(data);
        QCOMPARE(t.auxLogits.size(), size_t(2));
        QCOMPARE(t.auxLogits.at(1).first, size_t(2));
        QVERIFY(torch::allclose(t.penalty, 0.05 * (params["fv_head.weight"].pow(2).sum() + params["fv_quadrant_head.weight"].pow(2).sum())));
        net->eval();
        const NetOutput y = net->forward(data);
        const auto fvLogits = torch::matmul(fvOf(*net)->forward(data), params["fv_quadrant_head.weight"].t()) + params["fv_quadrant_head.bias"];
        const auto netLogits = torch::matmul(y.embedding, params["head2.weight"].t()) + params["head2.bias"];
        QVERIFY(torch::allclose(torch::softmax(y.logits[2], 1), 0.5 * torch::softmax(netLogits, 1) + 0.5 * torch::softmax(fvLogits, 1), 1e-5, 1e-6));
        // Without a quadrant head the option is refused.
        ModelSpec without = fvSpec();
        without.hyperparameters.insert(QStringLiteral("fv_quadrant"), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createNet(without));
    }

    void needsAGenreHead()
    {
        HeadSpec mood{QStringLiteral("mood"), HeadSpec::Kind::MultiLabel, {QStringLiteral("x")}, {}, 0.0};
        try {
            createNet(fvSpec({mood}));
            QFAIL("an fv branch without a genre head was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("genre")), e.what());
        }
    }

    // The fitted mixture travels in the model file: a loaded model predicts exactly the same.
    void modelFileKeepsTheMixture()
    {
        torch::manual_seed(4);
        ModelSpec spec = fvSpec();
        spec.normalisation.mean = {0.f};
        spec.normalisation.std = {1.f};
        auto net = createNet(spec);
        net->fitToData(twoTimbres(4));
        net->eval();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fv.stm"));
        QCOMPARE(saveNet(path, spec, *net), QString());
        ModelFile file;
        QString error;
        QVERIFY2(readModelFile(path, &file, &error), qPrintable(error));
        auto loaded = createNet(file.spec);
        QCOMPARE(loadNetState(*loaded, file), QString());
        loaded->eval();
        QVERIFY(torch::equal(loaded->named_buffers()["fv.means"], net->named_buffers()["fv.means"]));
        const auto x = twoTimbres(2);
        QVERIFY(torch::allclose(loaded->forward(x).logits[0], net->forward(x).logits[0]));
    }
};

QTEST_GUILESS_MAIN(TestFisherVector)
#include "tst_fishervector.moc"
