// Every architecture: output shapes per head, embedding size, and that a loss reaches every
// parameter (a layer that is registered but not used, or detached, shows up here).
#include <torch/torch.h>

#include "model/net.h"

#include <QJsonArray>
#include <QTest>

using namespace spectag;

namespace {

std::vector<HeadSpec> twoHeads()
{
    HeadSpec genre{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
                   {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, {}, 0.0};
    HeadSpec mood{QStringLiteral("mood"), HeadSpec::Kind::MultiLabel,
                  {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z"), QStringLiteral("w")}, {}, 0.0};
    return {genre, mood};
}

torch::Tensor lossOf(const ModelSpec &spec, const NetOutput &y, int64_t batch)
{
    torch::Tensor loss = torch::zeros({});
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        const int64_t n = spec.heads[h].labels.size();
        if (spec.heads[h].kind == HeadSpec::Kind::SingleLabel)
            loss = loss + torch::nn::functional::cross_entropy(y.logits[h], torch::arange(batch) % n);
        else
            loss = loss + torch::nn::functional::binary_cross_entropy_with_logits(
                y.logits[h], (torch::arange(batch * n).reshape({batch, n}) % 2).to(torch::kFloat32));
    }
    return loss;
}

} // namespace

class TestNets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void architectures_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<qint64>("embedding");
        QTest::addColumn<int>("bins");
        QTest::addColumn<int>("frames");
        // Embedding sizes and input pictures as the papers (and architectures.md) give them.
        QTest::newRow("spectag") << QStringLiteral("spectag") << qint64(128) << 96 << 188;
        QTest::newRow("liu2017") << QStringLiteral("liu2017") << qint64(128) << 257 << 257;
        QTest::newRow("holst2021") << QStringLiteral("holst2021") << qint64(128) << 128 << 128;
        QTest::newRow("cerutti2021") << QStringLiteral("cerutti2021") << qint64(128) << 128 << 128;
        QTest::newRow("velankar2021crnn") << QStringLiteral("velankar2021crnn") << qint64(64) << 128 << 640;
        QTest::newRow("velankar2021parallel") << QStringLiteral("velankar2021parallel") << qint64(384) << 128 << 640;
    }

    void architectures()
    {
        QFETCH(QString, arch);
        QFETCH(qint64, embedding);
        QFETCH(int, bins);
        QFETCH(int, frames);
        const ModelSpec spec = makeModelSpec(arch, twoHeads());
        QCOMPARE(spec.validate(), QString());
        QCOMPARE(spec.frontEnd.bins(), bins);
        QCOMPARE(spec.frontEnd.framesPerSegment(), frames);

        torch::manual_seed(1);
        auto net = createNet(spec);
        net->train();
        const int64_t batch = 3;
        const auto x = torch::randn({batch, 1, bins, frames});
        const NetOutput y = net->forward(x);
        QCOMPARE(y.logits.size(), size_t(2));
        QCOMPARE(y.logits[0].sizes().vec(), (std::vector<int64_t>{batch, 3}));
        QCOMPARE(y.logits[1].sizes().vec(), (std::vector<int64_t>{batch, 4}));
        QCOMPARE(y.embedding.sizes().vec(), (std::vector<int64_t>{batch, embedding}));
        QCOMPARE(net->embeddingSize(), embedding);

        lossOf(spec, y, batch).backward();
        for (const auto &p : net->named_parameters(true)) {
            const auto &g = p.value().grad();
            QVERIFY2(g.defined(), p.key().c_str());
            QVERIFY2(g.abs().sum().item<double>() > 0, p.key().c_str());
            QVERIFY2(torch::isfinite(g).all().item<bool>(), p.key().c_str());
        }

        // Evaluation mode is deterministic (dropout off, BN running statistics).
        net->eval();
        torch::NoGradGuard noGrad;
        const auto a = net->forward(x).logits[0];
        const auto b = net->forward(x).logits[0];
        QVERIFY(torch::equal(a, b));
        // Probabilities: rows of a single-label head sum to 1; multi-label ones are independent.
        const auto p0 = headProbabilities(spec.heads[0], a);
        QVERIFY(torch::allclose(p0.sum(1), torch::ones({batch})));
        const auto p1 = headProbabilities(spec.heads[1], net->forward(x).logits[1]);
        QVERIFY((p1 >= 0).all().item<bool>() && (p1 <= 1).all().item<bool>());
    }

    void parameterBudgets()
    {
        // The default must stay small (< 1 M) and holst2021 near the paper's ~2.1 M.
        auto spectagNet = createNet(makeModelSpec(QStringLiteral("spectag"), twoHeads()));
        QVERIFY(spectagNet->parameterCount() < 1000000);
        auto holst = createNet(makeModelSpec(QStringLiteral("holst2021"), twoHeads()));
        QVERIFY2(holst->parameterCount() > 1900000 && holst->parameterCount() < 2300000,
                 QByteArray::number(qint64(holst->parameterCount())).constData());
    }

    void spectagAnyLength()
    {
        // Global pooling: the same weights take a whole song, or a segment shorter than 3 s.
        auto net = createNet(makeModelSpec(QStringLiteral("spectag"), twoHeads()));
        net->eval();
        torch::NoGradGuard noGrad;
        for (int frames : {4, 50, 1000})
            QCOMPARE(net->forward(torch::randn({1, 1, 96, frames})).embedding.size(1), int64_t(128));
    }

    void badHyperparameters_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("liu filters > 50") << QStringLiteral("liu2017") << QStringLiteral("filters") << QJsonValue(51);
        QTest::newRow("negative dropout") << QStringLiteral("spectag") << QStringLiteral("dropout") << QJsonValue(-0.1);
        QTest::newRow("fractional") << QStringLiteral("holst2021") << QStringLiteral("filters") << QJsonValue(12.5);
        QTest::newRow("empty channels") << QStringLiteral("cerutti2021") << QStringLiteral("channels") << QJsonValue(QJsonArray());
        QTest::newRow("crnn pool too big") << QStringLiteral("velankar2021crnn") << QStringLiteral("pool") << QJsonValue(8);
    }

    void badHyperparameters()
    {
        QFETCH(QString, arch);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        ModelSpec spec = makeModelSpec(arch, twoHeads());
        spec.hyperparameters.insert(key, value);
        bool threw = false;
        try {
            createNet(spec);
        } catch (const std::invalid_argument &e) {
            threw = true;
            QVERIFY(std::string(e.what()).size() > 10);
        }
        QVERIFY(threw);
    }

    void unknownArchitecture()
    {
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), twoHeads());
        spec.architecture = QStringLiteral("resnet9000");
        QVERIFY(spec.validate().contains(QLatin1String("unknown architecture")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createNet(spec));
    }
};

QTEST_GUILESS_MAIN(TestNets)
#include "tst_nets.moc"
