// Every architecture: output shapes per head, embedding size, and that a loss reaches every
// parameter (a layer that is registered but not used, or detached, shows up here).
#include <torch/torch.h>

#include "model/net.h"

#include <QJsonArray>
#include <QJsonObject>
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
        QTest::addColumn<QJsonObject>("hp");  // over the architecture's defaults
        // Embedding sizes and input pictures as the papers (and architectures.md) give them.
        QTest::newRow("spectag") << QStringLiteral("spectag") << qint64(128) << 96 << 188 << QJsonObject();
        QTest::newRow("liu2017") << QStringLiteral("liu2017") << qint64(128) << 257 << 257 << QJsonObject();
        QTest::newRow("holst2021") << QStringLiteral("holst2021") << qint64(128) << 128 << 128 << QJsonObject();
        QTest::newRow("cerutti2021") << QStringLiteral("cerutti2021") << qint64(128) << 128 << 128 << QJsonObject();
        QTest::newRow("velankar2021crnn") << QStringLiteral("velankar2021crnn") << qint64(64) << 128 << 640 << QJsonObject();
        QTest::newRow("velankar2021parallel") << QStringLiteral("velankar2021parallel") << qint64(384) << 128 << 640 << QJsonObject();
        // The shipped default's variant: statistics branch only; and both branches, input pooled.
        QTest::newRow("spectag stats") << QStringLiteral("spectag") << qint64(128) << 96 << 188
                                       << QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}, {QStringLiteral("embed_dropout"), 0.3}};
        QTest::newRow("spectag stats 2") << QStringLiteral("spectag") << qint64(128) << 96 << 188
                                         << QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 2}};
        QTest::newRow("spectag cnn+stats") << QStringLiteral("spectag") << qint64(128) << 96 << 188
                                           << QJsonObject{{QStringLiteral("stats"), 1}, {QStringLiteral("stem_pool"), 2},
                                                          {QStringLiteral("channels"), QJsonArray{8, 16, 24}}};
    }

    void architectures()
    {
        QFETCH(QString, arch);
        QFETCH(qint64, embedding);
        QFETCH(int, bins);
        QFETCH(int, frames);
        QFETCH(QJsonObject, hp);
        ModelSpec spec = makeModelSpec(arch, twoHeads());
        for (auto it = hp.begin(); it != hp.end(); ++it)
            spec.hyperparameters.insert(it.key(), it.value());
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

    void spectagAnyLength_data()
    {
        QTest::addColumn<QJsonObject>("hp");
        QTest::newRow("cnn") << QJsonObject();
        QTest::newRow("stats") << QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1}};
        QTest::newRow("cnn+stats") << QJsonObject{{QStringLiteral("stats"), 1}, {QStringLiteral("stem_pool"), 2}};
        QTest::newRow("stats 2") << QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 2}};
    }
    void spectagAnyLength()
    {
        // Global pooling and length-free statistics: the same weights take a whole song, or a
        // segment shorter than declared, down to a single frame (the tail of a file).
        QFETCH(QJsonObject, hp);
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), twoHeads());
        for (auto it = hp.begin(); it != hp.end(); ++it)
            spec.hyperparameters.insert(it.key(), it.value());
        auto net = createNet(spec);
        net->eval();
        torch::NoGradGuard noGrad;
        for (int frames : {1, 2, 4, 50, 1000}) {
            const auto e = net->forward(torch::randn({2, 1, 96, frames})).embedding;
            QCOMPARE(e.size(1), int64_t(128));
            QVERIFY2(torch::isfinite(e).all().item<bool>(), QByteArray::number(frames).constData());
        }
    }

    void spectagStatisticsSeeRhythm()
    {
        // Two inputs with the same per-band level distribution (a square wave, half high and half
        // low), one switching about twice a second and one ten times: only the statistics branch's
        // change rate and modulation spectrum tell them apart, so a stats-only net must.
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), twoHeads());
        spec.hyperparameters.insert(QStringLiteral("cnn"), 0);
        spec.hyperparameters.insert(QStringLiteral("stats"), 1);
        torch::manual_seed(3);
        auto net = createNet(spec);
        net->eval();
        torch::NoGradGuard noGrad;
        const int frames = 384;  // ~6 s at 62.5 frames/s: 12 whole periods of 32 frames, 64 of 6 (equal mean and std)
        auto square = [&](int period) {
            const auto t = torch::arange(frames);
            return ((t.floor_divide(period / 2) % 2) * 2 - 1).to(torch::kFloat32).reshape({1, 1, 1, frames}).expand({1, 1, 96, frames});
        };
        const auto slow = square(32), fast = square(6);
        const auto same = net->forward(slow.clone()).embedding;
        QVERIFY(torch::allclose(net->forward(slow).embedding, same));
        QVERIFY((net->forward(fast).embedding - same).abs().max().item<double>() > 1e-3);
    }

    void spectagExtendedStatistics()
    {
        // Level 2 keeps level 1's values first and appends the extended set in a fixed layout:
        // cepstral spreads (2 x 20), cepstral covariance (66), percentiles (3 x F), loudness (3),
        // contrast (12), tempo (14).
        const int bins = 96, frames = 301;
        const double fps = 60.0;  // 120 BPM = a lag of 30 frames, 100 BPM = 36
        QCOMPARE(spectag::detail::spectagStatisticsSize(bins, 1), int64_t(3 * bins + 64));
        QCOMPARE(spectag::detail::spectagStatisticsSize(bins, 2), int64_t(3 * bins + 64 + 40 + 66 + 3 * bins + 3 + 12 + 14));
        const auto ramp = torch::arange(frames).to(torch::kFloat32).reshape({1, 1, 1, frames}).expand({1, 1, bins, frames}).contiguous();
        const auto one = spectag::detail::spectagStatistics(ramp, 1, fps);
        const auto two = spectag::detail::spectagStatistics(ramp, 2, fps);
        QCOMPARE(two.size(1), spectag::detail::spectagStatisticsSize(bins, 2));
        QVERIFY(torch::allclose(two.narrow(1, 0, one.size(1)), one));
        // Percentiles of 0..300 in every band: 30, 150, 270.
        const int64_t pct = one.size(1) + 40 + 66;
        for (int k = 0; k < 3; ++k) {
            const auto block = two.narrow(1, pct + k * bins, bins);
            QVERIFY2(torch::allclose(block, torch::full_like(block, 30.0 + 120.0 * k)), QByteArray::number(k).constData());
        }
        // Equal bands: every cepstral coefficient but the first is zero, so is their covariance,
        // and the contrast between a sub-band's loudest and quietest bins.
        QVERIFY(two.narrow(1, one.size(1) + 40, 66).abs().max().item<double>() < 1e-3);
        QVERIFY(two.narrow(1, pct + 3 * bins + 3, 6).abs().max().item<double>() < 1e-3);

        // Onsets every half second: the autocorrelation at 120 BPM stands out over 100 BPM.
        auto pulses = torch::zeros({1, 1, bins, frames});
        for (int t = 0; t < frames; t += 30)
            pulses.narrow(3, t, 1).fill_(10.0);
        const auto tempo = spectag::detail::spectagStatistics(pulses, 2, fps).narrow(1, two.size(1) - 14, 14);
        const double at120 = tempo[0][7].item<double>(), at100 = tempo[0][5].item<double>();
        QVERIFY2(at120 > 0.5 && at120 > at100 + 0.3, qPrintable(QStringLiteral("120: %1, 100: %2").arg(at120).arg(at100)));
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
        QTest::newRow("spectag without branches") << QStringLiteral("spectag") << QStringLiteral("cnn") << QJsonValue(0);
        QTest::newRow("spectag stem pool 5") << QStringLiteral("spectag") << QStringLiteral("stem_pool") << QJsonValue(5);
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

    // The hierarchical quadrant head: six outputs behind four log-probabilities, arousal first.
    void quadrantHierarchy()
    {
        HeadSpec quadrant{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel,
                          {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")}, {}, 0.0};
        auto heads = twoHeads();
        heads.push_back(quadrant);
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), heads);
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 1},
                                           {QStringLiteral("quadrant_hierarchy"), 1}};
        torch::manual_seed(3);
        auto net = createNet(spec);
        net->eval();
        const auto params = net->named_parameters();
        QCOMPARE(params["head2.weight"].size(0), int64_t(6));
        QCOMPARE(params["head0.weight"].size(0), int64_t(3));
        const auto x = torch::randn({5, 1, spec.frontEnd.bins(), spec.frontEnd.framesPerSegment()});
        auto y = net->forward(x);
        QCOMPARE(y.logits[2].sizes().vec(), (std::vector<int64_t>{5, 4}));
        // Log-probabilities: they already normalise, which an ordinary linear head's logits do not.
        QVERIFY(torch::allclose(torch::logsumexp(y.logits[2], 1), torch::zeros({5}), 1e-5, 1e-5));
        // Arousal decides first: p(Q1) + p(Q2) is the softmax of the first two outputs.
        const auto z = params["head2.weight"].matmul(y.embedding.t()).t() + params["head2.bias"];
        const auto pHigh = torch::softmax(z.narrow(1, 0, 2), 1).select(1, 1);
        const auto p = torch::softmax(y.logits[2], 1);
        QVERIFY(torch::allclose(p.select(1, 0) + p.select(1, 1), pHigh, 1e-5, 1e-5));
        // Cross-entropy on Q3 is arousal CE plus the low half's CE; the high half gets no gradient
        // (analytically zero; float rounding leaves ~1e-7 against the others' ~1e-1).
        net->train();
        y = net->forward(x);
        torch::nn::functional::cross_entropy(y.logits[2], torch::full({5}, 2, torch::kLong)).backward();
        const auto g = params["head2.weight"].grad();
        const double arousal = g.narrow(0, 0, 2).abs().sum().item<double>();
        const double high = g.narrow(0, 2, 2).abs().sum().item<double>();
        const double low = g.narrow(0, 4, 2).abs().sum().item<double>();
        QVERIFY2(arousal > 1e-3 && low > 1e-3 && high < 1e-4 * low,
                 qPrintable(QStringLiteral("gradient sums: arousal %1, high half %2, low half %3").arg(arousal).arg(high).arg(low)));
    }

    void quadrantHierarchyNeedsQuadrants()
    {
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), twoHeads());
        spec.hyperparameters = QJsonObject{{QStringLiteral("quadrant_hierarchy"), 1}};
        try {
            createNet(spec);
            QFAIL("a quadrant hierarchy without a quadrant head was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("Q1, Q2, Q3, Q4")), e.what());
        }
    }

    void unknownArchitecture()
    {
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), twoHeads());
        spec.architecture = QStringLiteral("resnet9000");
        QVERIFY(spec.validate().contains(QLatin1String("unknown architecture")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createNet(spec));
    }

    // Per-track scores from three segments: the mean probability, or each segment's vote.
    void segmentAggregation()
    {
        HeadSpec single;
        single.kind = HeadSpec::Kind::SingleLabel;
        single.labels = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        // Segments' top labels: a, b, a (the second one very sure of b).
        const torch::Tensor logits = torch::tensor({2.f, 1.f, 0.f, 0.f, 9.f, 0.f, 2.f, 0.f, 1.f}).reshape({3, 3});
        const torch::Tensor vote = aggregateSegments(single, logits, true);
        QVERIFY(torch::allclose(vote, torch::tensor({2.f / 3, 1.f / 3, 0.f})));
        const torch::Tensor mean = aggregateSegments(single, logits, false);
        QVERIFY(torch::allclose(mean, torch::softmax(logits, 1).mean(0)));
        QVERIFY(mean[1].item<float>() > mean[0].item<float>());  // the mean follows the sure segment, the vote does not

        HeadSpec multi;
        multi.kind = HeadSpec::Kind::MultiLabel;
        multi.labels = {QStringLiteral("x"), QStringLiteral("y")};
        multi.thresholds = {0.5f, 0.9f};
        // Sigmoids: x 0.73, 0.27, 0.73; y 0.88, 0.95, 0.95 -> y counts only where >= 0.9.
        const torch::Tensor ml = torch::tensor({1.f, 2.f, -1.f, 3.f, 1.f, 3.f}).reshape({3, 2});
        QVERIFY(torch::allclose(aggregateSegments(multi, ml, true), torch::tensor({2.f / 3, 2.f / 3})));
        QVERIFY(torch::allclose(aggregateSegments(multi, ml, false), torch::sigmoid(ml).mean(0)));

        QVERIFY(declaresVote(makeModelSpec(QStringLiteral("cerutti2021"), twoHeads())));
        QVERIFY(!declaresVote(makeModelSpec(QStringLiteral("spectag"), twoHeads())));
    }
};

QTEST_GUILESS_MAIN(TestNets)
#include "tst_nets.moc"
