// Training speed of every architecture in Spectag's C++ loop: forward + backward + AdamW step on
// random batches of each architecture's own input shape, the same set-up as train_speed.py, so
// the two print comparable samples/second lines side by side (bench_train.sh runs both).
// usage: bench_train [--threads N] [--batch B] [--steps S] [ARCH...]
#include <torch/torch.h>

#include "model/modelspec.h"
#include "model/net.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace spectag;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int threads = 2, batch = 32, steps = 10;
    QStringList archs;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--threads"))
            threads = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--batch"))
            batch = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--steps"))
            steps = args.value(++i).toInt();
        else
            archs << args[i];
    }
    if (archs.isEmpty())
        archs = architectureNames();
    torch::set_num_threads(threads);
    torch::manual_seed(1);
    const HeadSpec head{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
                        {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, {}, 0.0};
    for (const QString &arch : archs) {
        const ModelSpec spec = makeModelSpec(arch, {head});
        auto net = createNet(spec);
        net->train();
        torch::optim::AdamW opt(net->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(1e-4));
        const auto x = torch::randn({batch, 1, spec.frontEnd.bins(), spec.frontEnd.framesPerSegment()});
        const auto y = torch::randint(0, 4, {batch});
        auto step = [&] {
            opt.zero_grad();
            auto loss = torch::nn::functional::cross_entropy(net->forward(x).logits[0], y);
            loss.backward();
            opt.step();
        };
        step();  // warm-up
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < steps; ++s)
            step();
        const double dt = t.nsecsElapsed() / 1e9;
        std::printf("spectag-c++  %-22s params=%9lld batch=%d threads=%d samples/s=%8.1f\n", qPrintable(arch),
                    static_cast<long long>(net->parameterCount()), batch, threads, steps * batch / dt);
        std::fflush(stdout);
    }
    return 0;
}
