#include "training/trainingcheckpoint.h"

#include "model/modelfile.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>
#include <tuple>

namespace spectag::checkpoint {

namespace {

constexpr int kStateVersion = 1;
const QString kStateKey = QStringLiteral("training_state");

// The optimiser keeps its per-parameter state under the parameter's TensorImpl address, which
// means nothing in another process: the file numbers parameters in param-group order instead.
std::string stateKey(const torch::Tensor &p)
{
    return c10::guts::to_string(p.unsafeGetTensorImpl());
}

std::vector<torch::Tensor> optimisedParameters(torch::optim::Optimizer &opt)
{
    std::vector<torch::Tensor> out;
    for (auto &group : opt.param_groups())
        for (auto &p : group.params())
            out.push_back(p);
    return out;
}

QString shapeText(c10::IntArrayRef s)
{
    QStringList parts;
    for (auto d : s)
        parts << QString::number(d);
    return QStringLiteral("[%1]").arg(parts.join(QLatin1Char(',')));
}

class Records {
public:
    explicit Records(const std::vector<TensorRecord> &records)
    {
        for (const TensorRecord &r : records)
            m_byName[r.name] = &r;
    }
    // The tensor named `name` with the shape and type of `like`; an empty string when it is there.
    QString take(const QString &name, const torch::Tensor &like, torch::Tensor *out) const
    {
        const auto it = m_byName.find(name);
        if (it == m_byName.end())
            return QStringLiteral("tensor '%1' is missing").arg(name);
        if ((like.scalar_type() == torch::kLong) != (it->second->dtype == TensorRecord::DType::Int64))
            return QStringLiteral("tensor '%1' has the wrong type").arg(name);
        torch::Tensor t;
        if (const QString e = tensorFromRecord(*it->second, &t); !e.isEmpty())
            return e;
        if (t.sizes() != like.sizes())
            return QStringLiteral("tensor '%1' has shape %2, the network needs %3")
                .arg(name, shapeText(t.sizes()), shapeText(like.sizes()));
        *out = t;  // last: `out` may be `like` itself
        return {};
    }
    bool has(const QString &name) const { return m_byName.count(name) > 0; }

private:
    std::map<QString, const TensorRecord *> m_byName;
};

Snapshot namedState(NetImpl &net)
{
    Snapshot s;
    for (const auto &p : net.named_parameters())
        s.emplace_back(p.key(), p.value());
    for (const auto &b : net.named_buffers())
        s.emplace_back(b.key(), b.value());
    return s;
}

QJsonObject progressJson(const Progress &p)
{
    return {{QStringLiteral("epoch"), p.epoch},
            {QStringLiteral("stopped"), p.stopped},
            // JSON has no infinity: before any scored epoch the best loss is written as null.
            {QStringLiteral("best_loss"), std::isfinite(p.bestLoss) ? QJsonValue(p.bestLoss) : QJsonValue()},
            {QStringLiteral("best_epoch"), p.bestEpoch},
            {QStringLiteral("since_best"), p.sinceBest},
            {QStringLiteral("samples"), double(p.samples)},
            {QStringLiteral("wait_seconds"), p.waitSeconds},
            {QStringLiteral("step_seconds"), p.stepSeconds},
            {QStringLiteral("wall_seconds"), p.wallSeconds},
            {QStringLiteral("curves"), p.curves},
            {QStringLiteral("order"), [&p] {
                 QJsonArray a;
                 for (int i : p.order)
                     a.append(i);
                 return a;
             }()}};
}

Progress progressFrom(const QJsonObject &o)
{
    Progress p;
    p.epoch = o.value(QLatin1String("epoch")).toInt();
    p.stopped = o.value(QLatin1String("stopped")).toBool();
    const QJsonValue best = o.value(QLatin1String("best_loss"));
    p.bestLoss = best.isDouble() ? best.toDouble() : std::numeric_limits<double>::infinity();
    p.bestEpoch = o.value(QLatin1String("best_epoch")).toInt();
    p.sinceBest = o.value(QLatin1String("since_best")).toInt();
    p.samples = qint64(o.value(QLatin1String("samples")).toDouble());
    p.waitSeconds = o.value(QLatin1String("wait_seconds")).toDouble();
    p.stepSeconds = o.value(QLatin1String("step_seconds")).toDouble();
    p.wallSeconds = o.value(QLatin1String("wall_seconds")).toDouble();
    p.curves = o.value(QLatin1String("curves")).toArray();
    const QJsonArray order = o.value(QLatin1String("order")).toArray();
    p.order.reserve(size_t(order.size()));
    for (const QJsonValue &v : order)
        p.order.push_back(v.isDouble() ? v.toInt(-1) : -1);
    return p;
}

} // namespace

Snapshot snapshot(NetImpl &net)
{
    Snapshot s = namedState(net);
    for (auto &entry : s)
        entry.second = entry.second.detach().clone();
    return s;
}

void restore(NetImpl &net, const Snapshot &s)
{
    torch::NoGradGuard noGrad;
    auto params = net.named_parameters();
    auto buffers = net.named_buffers();
    for (const auto &[name, t] : s) {
        if (auto *p = params.find(name))
            p->copy_(t);
        else if (auto *b = buffers.find(name))
            b->copy_(t);
    }
}

QString runFingerprint(const ModelSpec &spec, const TrainConfig &c, const std::vector<TrainingExample> &train,
                       const std::vector<TrainingExample> &validation)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    QJsonObject s = spec.toJson();
    s.remove(QStringLiteral("provenance"));
    h.addData(QJsonDocument(s).toJson(QJsonDocument::Compact));
    h.addData(QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                  .arg(c.epochs).arg(c.batchSize).arg(c.learningRate, 0, 'g', 17).arg(c.weightDecay, 0, 'g', 17)
                  .arg(c.optimizer, c.schedule).arg(c.patience).arg(c.keepLast).arg(c.seed)
                  .toUtf8());
    h.addData(QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10")
                  .arg(c.cropsPerExample).arg(c.gainDb, 0, 'g', 17).arg(c.freqMasks).arg(c.freqMaskWidth)
                  .arg(c.timeMasks).arg(c.timeMaskWidth).arg(c.mixupAlpha, 0, 'g', 17).arg(c.classWeights)
                  .arg(c.freezeBackbone).arg(c.tuneThresholds)
                  .toUtf8());
    if (!c.mixupHeads.isEmpty())  // only when set: records and checkpoints made before it stay valid
        h.addData(QStringLiteral("mixup_heads:%1").arg(c.mixupHeads.join(QLatin1Char(','))).toUtf8());
    if (!c.mixupLossHeads.isEmpty())
        h.addData(QStringLiteral("mixup_loss_heads:%1").arg(c.mixupLossHeads.join(QLatin1Char(','))).toUtf8());
    for (const std::vector<TrainingExample> *part : {&train, &validation}) {
        h.addData(QByteArrayView("\n"));
        for (const TrainingExample &e : *part) {
            const qint32 feature = e.feature;
            h.addData(QByteArrayView(reinterpret_cast<const char *>(&feature), sizeof feature));
            for (int ci : e.classIndex)
                h.addData(QByteArrayView(reinterpret_cast<const char *>(&ci), sizeof ci));
            for (const auto &t : e.targets)
                h.addData(QByteArrayView(reinterpret_cast<const char *>(t.data()), qsizetype(t.size() * sizeof(float))));
            for (bool scored : e.scored)
                h.addData(QByteArrayView(scored ? "1" : "0", 1));
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

QString statePath(const QString &checkpointPath)
{
    return checkpointPath + QStringLiteral(".state");
}

QString save(const QString &path, const ModelSpec &spec, const QString &run, NetImpl &net, const Snapshot &best,
             torch::optim::Optimizer &optimizer, const std::mt19937_64 &rng, const Progress &progress)
{
    std::vector<TensorRecord> records;
    for (const auto &[name, t] : namedState(net))
        records.push_back(tensorRecord(QStringLiteral("net:") + QString::fromStdString(name), t));
    for (const auto &[name, t] : best)
        records.push_back(tensorRecord(QStringLiteral("best:") + QString::fromStdString(name), t));
    const std::vector<torch::Tensor> params = optimisedParameters(optimizer);
    for (size_t k = 0; k < params.size(); ++k) {
        const auto it = optimizer.state().find(stateKey(params[k]));
        if (it == optimizer.state().end())
            continue;  // not stepped yet (a frozen or unused parameter)
        const QString prefix = QStringLiteral("optim:%1:").arg(k);
        if (const auto *a = dynamic_cast<const torch::optim::AdamWParamState *>(it->second.get())) {
            records.push_back(tensorRecord(prefix + QStringLiteral("step"), torch::tensor({a->step()}, torch::kLong)));
            records.push_back(tensorRecord(prefix + QStringLiteral("exp_avg"), a->exp_avg()));
            records.push_back(tensorRecord(prefix + QStringLiteral("exp_avg_sq"), a->exp_avg_sq()));
            if (a->max_exp_avg_sq().defined())
                records.push_back(tensorRecord(prefix + QStringLiteral("max_exp_avg_sq"), a->max_exp_avg_sq()));
        } else if (const auto *s = dynamic_cast<const torch::optim::SGDParamState *>(it->second.get())) {
            if (s->momentum_buffer().defined())
                records.push_back(tensorRecord(prefix + QStringLiteral("momentum_buffer"), s->momentum_buffer()));
        } else {
            return QStringLiteral("cannot checkpoint this optimiser's state");
        }
    }

    std::ostringstream rngText;
    rngText << rng;
    at::Generator gen = at::detail::getDefaultCPUGenerator();
    torch::Tensor torchRng;
    {
        std::lock_guard<std::mutex> lock(gen.mutex());
        torchRng = gen.get_state().contiguous();
    }
    const QByteArray torchRngBytes(reinterpret_cast<const char *>(torchRng.data_ptr<uint8_t>()), qsizetype(torchRng.numel()));

    QJsonObject state = progressJson(progress);
    state.insert(QStringLiteral("version"), kStateVersion);
    state.insert(QStringLiteral("run"), run);
    state.insert(QStringLiteral("rng"), QString::fromStdString(rngText.str()));
    state.insert(QStringLiteral("torch_rng"), QString::fromLatin1(torchRngBytes.toBase64()));
    state.insert(QStringLiteral("optimiser_parameters"), int(params.size()));
    ModelSpec s = spec;
    s.provenance.insert(kStateKey, state);
    return writeModelFile(path, serializeModelFile(s, records));
}

QString load(const QString &path, const QString &run, size_t poolSize, NetImpl &net, Snapshot *best,
             torch::optim::Optimizer &optimizer, std::mt19937_64 *rng, Progress *progress)
{
    ModelFile file;
    QString err;
    if (!readModelFile(path, &file, &err))
        return err;
    const QJsonObject state = file.spec.provenance.value(kStateKey).toObject();
    if (state.value(QLatin1String("version")).toInt() != kStateVersion)
        return QStringLiteral("%1 holds no training state this version can read").arg(path);
    if (state.value(QLatin1String("run")).toString() != run)
        return QStringLiteral("%1 was written by a run with other settings, data or network; remove it to start over").arg(path);
    const std::vector<torch::Tensor> params = optimisedParameters(optimizer);
    if (state.value(QLatin1String("optimiser_parameters")).toInt() != int(params.size()))
        return QStringLiteral("%1 was written for another optimiser set-up").arg(path);

    // Everything is read and checked before anything is changed, so a bad file leaves the fresh
    // network and optimiser as they were.
    const Records records(file.tensors);
    Snapshot current = namedState(net), bestState = namedState(net);
    for (auto *part : {&current, &bestState}) {
        const QString prefix = part == &current ? QStringLiteral("net:") : QStringLiteral("best:");
        for (auto &[name, t] : *part)
            if (const QString e = records.take(prefix + QString::fromStdString(name), t, &t); !e.isEmpty())
                return e;
    }
    std::vector<std::unique_ptr<torch::optim::OptimizerParamState>> moments(params.size());
    const bool adamw = dynamic_cast<torch::optim::AdamW *>(&optimizer) != nullptr;
    for (size_t k = 0; k < params.size(); ++k) {
        const QString prefix = QStringLiteral("optim:%1:").arg(k);
        const torch::Tensor &p = params[k];
        if (adamw && records.has(prefix + QStringLiteral("step"))) {
            torch::Tensor step, avg, avgSq, maxSq;
            for (auto [name, out, like] : {std::tuple{QStringLiteral("step"), &step, torch::zeros({1}, torch::kLong)},
                                           std::tuple{QStringLiteral("exp_avg"), &avg, p},
                                           std::tuple{QStringLiteral("exp_avg_sq"), &avgSq, p}})
                if (const QString e = records.take(prefix + name, like, out); !e.isEmpty())
                    return e;
            if (records.has(prefix + QStringLiteral("max_exp_avg_sq")))
                if (const QString e = records.take(prefix + QStringLiteral("max_exp_avg_sq"), p, &maxSq); !e.isEmpty())
                    return e;
            auto a = std::make_unique<torch::optim::AdamWParamState>();
            a->step(step.item<int64_t>());
            a->exp_avg(avg.to(p.device()));
            a->exp_avg_sq(avgSq.to(p.device()));
            if (maxSq.defined())
                a->max_exp_avg_sq(maxSq.to(p.device()));
            moments[k] = std::move(a);
        } else if (!adamw && records.has(prefix + QStringLiteral("momentum_buffer"))) {
            torch::Tensor buf;
            if (const QString e = records.take(prefix + QStringLiteral("momentum_buffer"), p, &buf); !e.isEmpty())
                return e;
            auto s = std::make_unique<torch::optim::SGDParamState>();
            s->momentum_buffer(buf.to(p.device()));
            moments[k] = std::move(s);
        }
    }
    std::mt19937_64 restoredRng;
    std::istringstream rngText(state.value(QLatin1String("rng")).toString().toStdString());
    rngText >> restoredRng;
    if (rngText.fail())
        return QStringLiteral("%1 has an unreadable random generator state").arg(path);
    const QByteArray torchRngBytes = QByteArray::fromBase64(state.value(QLatin1String("torch_rng")).toString().toLatin1());
    at::Generator gen = at::detail::getDefaultCPUGenerator();
    torch::Tensor torchRng;
    {
        std::lock_guard<std::mutex> lock(gen.mutex());
        torchRng = gen.get_state();
    }
    if (torchRngBytes.size() != torchRng.numel())
        return QStringLiteral("%1 has a Torch random generator state of the wrong size").arg(path);
    // The saved order must be a permutation of this run's pool (the fingerprint already pins the
    // examples and crops, so this only catches a damaged file).
    Progress restoredProgress = progressFrom(state);
    std::vector<int> sorted = restoredProgress.order;
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size(); ++i)
        if (sorted[i] != int(i))
            return QStringLiteral("%1 has a damaged example order").arg(path);
    if (sorted.size() != poolSize)
        return QStringLiteral("%1 has a damaged example order").arg(path);

    // All checked: apply.
    restore(net, current);
    *best = std::move(bestState);  // freshly read tensors, sharing nothing with the network
    for (size_t k = 0; k < params.size(); ++k) {
        if (moments[k])
            optimizer.state()[stateKey(params[k])] = std::move(moments[k]);
    }
    std::memcpy(torchRng.data_ptr<uint8_t>(), torchRngBytes.constData(), size_t(torchRngBytes.size()));
    {
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_state(torchRng);
    }
    *rng = restoredRng;
    *progress = std::move(restoredProgress);
    return {};
}

} // namespace spectag::checkpoint
