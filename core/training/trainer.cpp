#include <torch/torch.h>

#include "training/trainer.h"

#include "model/modelfile.h"
#include "model/net.h"
#include "model/segmenter.h"
#include "training/mixup.h"
#include "training/trainingcheckpoint.h"
#include "util/progressthrottle.h"
#include "util/savefile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <random>

namespace spectag {

namespace {

using torch::Tensor;

// Segments per example scored during per-epoch validation (evenly spaced); final predictions and
// threshold tuning use every segment.
constexpr int kValidationSegments = 8;

// Mean and standard deviation of the training features (dB), over every frame and bin.
Normalisation computeNormalisation(const FeatureCache &fc, const std::vector<TrainingExample> &train)
{
    double sum = 0, sumSq = 0;
    qint64 n = 0;
    for (const TrainingExample &e : train) {
        if (!fc.has(e.feature))
            continue;
        const Spectrogram s = fc.whole(e.feature);
        // Per-segment top_db flattening is applied at input time; approximate it here per example.
        const float top = s.data.empty() ? 0.f : *std::max_element(s.data.begin(), s.data.end());
        const float floor = fc.frontEnd().topDb > 0 ? top - float(fc.frontEnd().topDb) : -1e30f;
        for (float v : s.data) {
            const double x = std::max(v, floor);
            sum += x;
            sumSq += x * x;
        }
        n += qint64(s.data.size());
    }
    Normalisation norm;
    if (n > 0) {
        const double mean = sum / double(n);
        norm.mean = {float(mean)};
        norm.std = {float(std::sqrt(std::max(1e-6, sumSq / double(n) - mean * mean)))};
    }
    return norm;
}

struct Batch {
    Tensor x;                                 // [B, 1, bins, frames]
    std::vector<Tensor> targets;              // per head: [B, labels] soft targets
    std::vector<Tensor> masks;                // per head: [B] 1 = labelled
};

// Builds one training batch: random crops, gain, SpecAugment masks, optional mixup.
Batch makeBatch(const ModelSpec &spec, const FeatureCache &fc, const std::vector<const TrainingExample *> &items,
                const TrainConfig &cfg, std::mt19937_64 &rng)
{
    const FrontEnd &fe = spec.frontEnd;
    const int bins = fe.bins(), frames = fe.framesPerSegment();
    const int64_t B = int64_t(items.size());
    Batch b;
    b.x = torch::empty({B, 1, bins, frames});
    float *x = b.x.data_ptr<float>();
    const float stdv = spec.normalisation.std.size() == 1 ? spec.normalisation.std[0] : 1.f;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int64_t i = 0; i < B; ++i) {
        const TrainingExample &e = *items[size_t(i)];
        const int total = fc.frames(e.feature);
        const int start = total > frames ? int(unit(rng) * (total - frames + 1)) : 0;
        const Spectrogram crop = fc.slice(e.feature, start, frames);
        SegmentRange r{0, crop.frames(), 0, 0};
        float *dst = x + i * bins * frames;
        extractSegment(crop, r, fe, spec.normalisation, dst);
        if (cfg.gainDb > 0) {
            const float g = float((unit(rng) * 2 - 1) * cfg.gainDb) / stdv;
            for (int k = 0; k < bins * frames; ++k)
                dst[k] += g;
        }
        for (int m = 0; m < cfg.freqMasks; ++m) {  // bin-major layout: [bins][frames]
            const int w = int(unit(rng) * (cfg.freqMaskWidth + 1)), f0 = int(unit(rng) * std::max(1, bins - w));
            for (int f = f0; f < std::min(bins, f0 + w); ++f)
                std::fill(dst + f * frames, dst + (f + 1) * frames, 0.f);
        }
        for (int m = 0; m < cfg.timeMasks; ++m) {
            const int w = int(unit(rng) * (cfg.timeMaskWidth + 1)), t0 = int(unit(rng) * std::max(1, frames - w));
            for (int f = 0; f < bins; ++f)
                std::fill(dst + f * frames + t0, dst + f * frames + std::min(frames, t0 + w), 0.f);
        }
    }
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        const int64_t L = spec.heads[h].labels.size();
        Tensor t = torch::zeros({B, L}), m = torch::zeros({B});
        auto ta = t.accessor<float, 2>();
        auto ma = m.accessor<float, 1>();
        for (int64_t i = 0; i < B; ++i) {
            const TrainingExample &e = *items[size_t(i)];
            if (spec.heads[h].kind == HeadSpec::Kind::SingleLabel) {
                const int c = h < e.classIndex.size() ? e.classIndex[h] : -1;
                if (c >= 0 && c < L) {
                    ta[i][c] = 1.f;
                    ma[i] = 1.f;
                }
            } else if (h < e.targets.size() && int64_t(e.targets[h].size()) == L) {
                for (int64_t l = 0; l < L; ++l)
                    ta[i][l] = e.targets[h][size_t(l)];
                ma[i] = 1.f;
            }
        }
        b.targets.push_back(t);
        b.masks.push_back(m);
    }
    if (cfg.mixupAlpha > 0 && B > 1) {
        // Mix each example with a partner labelled for the same heads; a head's mask survives only
        // where both have it (always, with such partners).
        std::gamma_distribution<double> g(cfg.mixupAlpha, 1.0);
        const double a = g(rng), c = g(rng);
        const float lam = float(a / (a + c + 1e-12));
        std::vector<std::vector<bool>> labelled(size_t(B), std::vector<bool>(b.masks.size()));
        for (size_t h = 0; h < b.masks.size(); ++h) {
            auto ma = b.masks[h].accessor<float, 1>();
            for (int64_t i = 0; i < B; ++i)
                labelled[size_t(i)][h] = ma[i] > 0;
        }
        if (!cfg.mixupLossHeads.isEmpty()) {
            std::vector<bool> lossHeads;
            for (const HeadSpec &head : spec.heads)
                lossHeads.push_back(cfg.mixupLossHeads.contains(head.name));
            appendMixedRows(b.x, b.targets, b.masks, lossHeads, lam, mixupPartners(labelled, rng, lossHeads));
            return b;
        }
        std::vector<bool> mixHeads;
        if (!cfg.mixupHeads.isEmpty())
            for (const HeadSpec &head : spec.heads)
                mixHeads.push_back(cfg.mixupHeads.contains(head.name));
        const Tensor perm = torch::tensor(mixupPartners(labelled, rng, mixHeads), torch::kLong);
        b.x = lam * b.x + (1 - lam) * b.x.index_select(0, perm);
        for (size_t h = 0; h < b.targets.size(); ++h) {
            b.targets[h] = lam * b.targets[h] + (1 - lam) * b.targets[h].index_select(0, perm);
            b.masks[h] = b.masks[h] * b.masks[h].index_select(0, perm);
        }
    }
    return b;
}

// Per example: soft cross-entropy of single-label logits against (soft) targets, with optional
// class weights.
Tensor softCrossEntropy(const Tensor &logits, const Tensor &targets, const Tensor &classWeights)
{
    const Tensor w = classWeights.defined() ? targets * classWeights.unsqueeze(0) : targets;
    return -(w * torch::log_softmax(logits, 1)).sum(1);
}

// Masked loss over all heads: soft cross-entropy (single-label, optional class weights) and
// binary cross-entropy with soft targets (multi-label). Heads without any labelled example in the
// batch contribute nothing.
Tensor lossOf(const ModelSpec &spec, const NetOutput &out, const std::vector<Tensor> &targets,
              const std::vector<Tensor> &masks, const std::vector<Tensor> &classWeights)
{
    Tensor total = torch::zeros({});
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        const Tensor &m = masks[h];
        const Tensor denom = m.sum();
        if (denom.item<float>() <= 0)
            continue;
        const Tensor per = spec.heads[h].kind == HeadSpec::Kind::SingleLabel
                               ? softCrossEntropy(out.logits[h], targets[h], classWeights[h])
                               : torch::binary_cross_entropy_with_logits(out.logits[h], targets[h], {}, {}, at::Reduction::None).mean(1);
        total = total + (per * m).sum() / denom;
    }
    // Side branches (spectag's Fisher-vector genre classifier) learn their head's targets too.
    for (const auto &[h, logits] : out.auxLogits) {
        const Tensor &m = masks[h];
        const Tensor denom = m.sum();
        if (denom.item<float>() <= 0)
            continue;
        total = total + (softCrossEntropy(logits, targets[h], classWeights[h]) * m).sum() / denom;
    }
    if (out.penalty.defined())
        total = total + out.penalty;
    return total;
}

// NetImpl::fitToItems: every scored training item labelled for the side classifier's head, as the
// mean of the network's item features over all its segments (the segments analysis would use);
// then the settled sizes go into the spec that is saved with the model.
QString fitItemClassifiers(NetImpl &net, ModelSpec &spec, const FeatureCache &fc, const std::vector<TrainingExample> &train,
                           quint64 seed)
{
    const int head = net.itemFitHead();
    if (head < 0)
        return {};
    torch::NoGradGuard noGrad;
    const FrontEnd &fe = spec.frontEnd;
    const int bins = fe.bins(), frames = fe.framesPerSegment();
    std::vector<Tensor> rows;
    std::vector<int> classes;
    for (const TrainingExample &e : train) {
        const size_t h = size_t(head);
        if (!fc.has(e.feature) || h >= e.classIndex.size() || e.classIndex[h] < 0 || (h < e.scored.size() && !e.scored[h]))
            continue;
        const Spectrogram s = fc.whole(e.feature);
        const auto ranges = segmentRanges(s.frames(), fe);
        if (ranges.empty())
            continue;
        Tensor batch = torch::empty({int64_t(ranges.size()), 1, bins, frames});
        for (size_t k = 0; k < ranges.size(); ++k)
            extractSegment(s, ranges[k], fe, spec.normalisation, batch.data_ptr<float>() + k * size_t(bins * frames));
        rows.push_back(net.itemFeatures(batch).mean(0));
        classes.push_back(e.classIndex[h]);
    }
    if (rows.empty())
        return QStringLiteral("no training item is labelled for head '%1', which the model's fitted classifier needs")
            .arg(spec.heads[size_t(head)].name);
    const QString err = net.fitToItems(torch::stack(rows), classes, unsigned(seed));
    if (!err.isEmpty())
        return err;
    const QJsonObject settled = net.fittedHyperparameters();
    for (auto it = settled.begin(); it != settled.end(); ++it)
        spec.hyperparameters.insert(it.key(), it.value());
    return {};
}

// Normalised segments for NetImpl::fitToData: one random segment per training example (more per
// example while there are fewer than 1,024 examples), at most ~1,024 in all to bound the memory.
Tensor fitSegments(const ModelSpec &spec, const FeatureCache &fc, const std::vector<TrainingExample> &train, quint64 seed)
{
    const FrontEnd &fe = spec.frontEnd;
    const int bins = fe.bins(), frames = fe.framesPerSegment();
    std::vector<const TrainingExample *> usable;
    for (const TrainingExample &e : train)
        if (fc.has(e.feature))
            usable.push_back(&e);
    if (usable.empty())
        return {};
    const int per = std::clamp(1024 / int(usable.size()), 1, 4);
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);  // its own stream: training's draws stay as they were
    std::vector<float> data;
    data.reserve(usable.size() * size_t(per) * size_t(bins * frames));
    int64_t n = 0;
    for (const TrainingExample *e : usable) {
        const Spectrogram s = fc.whole(e->feature);
        const auto ranges = segmentRanges(s.frames(), fe);
        for (int k = 0; k < per && !ranges.empty(); ++k) {
            const SegmentRange &r = ranges[std::uniform_int_distribution<size_t>(0, ranges.size() - 1)(rng)];
            data.resize(size_t(n + 1) * size_t(bins * frames));
            extractSegment(s, r, fe, spec.normalisation, data.data() + size_t(n) * size_t(bins * frames));
            ++n;
        }
    }
    return torch::from_blob(data.data(), {n, 1, bins, frames}).clone();
}

std::vector<Tensor> makeClassWeights(const ModelSpec &spec, const std::vector<TrainingExample> &train, bool enabled)
{
    std::vector<Tensor> w(spec.heads.size());
    if (!enabled)
        return w;
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        if (spec.heads[h].kind != HeadSpec::Kind::SingleLabel)
            continue;
        const int L = int(spec.heads[h].labels.size());
        std::vector<double> count(size_t(L), 0.0);
        double n = 0;
        for (const TrainingExample &e : train)
            if (h < e.classIndex.size() && e.classIndex[h] >= 0 && e.classIndex[h] < L) {
                count[size_t(e.classIndex[h])] += 1;
                n += 1;
            }
        Tensor t = torch::ones({L});
        for (int l = 0; l < L; ++l)
            t[l] = count[size_t(l)] > 0 ? float(n / (L * count[size_t(l)])) : 1.f;
        w[h] = t;
    }
    return w;
}

// All segments of every example through the network; per example the mean over its segments.
// `vote`: the architecture's slice vote instead of the mean (test predictions only: validation
// during training runs before the thresholds a multi-label vote needs are tuned).
void predictAll(NetImpl &net, const ModelSpec &spec, const FeatureCache &fc, const std::vector<TrainingExample> &items,
                ExamplePredictions *out, std::vector<std::vector<Tensor>> *segmentLogits = nullptr, int maxSegments = 0,
                bool vote = false)
{
    torch::NoGradGuard noGrad;
    net.eval();
    const FrontEnd &fe = spec.frontEnd;
    const int bins = fe.bins(), frames = fe.framesPerSegment();
    out->probs.assign(items.size(), {});
    out->embeddings.assign(items.size(), {});
    if (segmentLogits)
        segmentLogits->assign(items.size(), {});
    for (size_t i = 0; i < items.size(); ++i) {
        if (!fc.has(items[i].feature))
            continue;
        const Spectrogram s = fc.whole(items[i].feature);
        auto ranges = segmentRanges(s.frames(), fe);
        if (maxSegments > 0 && int(ranges.size()) > maxSegments) {
            // Evenly spaced subset: validation every epoch must not cost more than training.
            std::vector<SegmentRange> some;
            for (int k = 0; k < maxSegments; ++k)
                some.push_back(ranges[size_t(k) * ranges.size() / size_t(maxSegments)]);
            ranges.swap(some);
        }
        Tensor x = torch::empty({int64_t(ranges.size()), 1, bins, frames});
        for (size_t r = 0; r < ranges.size(); ++r)
            extractSegment(s, ranges[r], fe, spec.normalisation, x.data_ptr<float>() + r * size_t(bins * frames));
        const NetOutput o = net.forward(x);
        for (size_t h = 0; h < spec.heads.size(); ++h) {
            const Tensor p = aggregateSegments(spec.heads[h], o.logits[h], vote).contiguous();
            out->probs[i].emplace_back(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
            if (segmentLogits)
                (*segmentLogits)[i].push_back(o.logits[h]);
        }
        const Tensor e = o.embedding.mean(0).contiguous();
        out->embeddings[i].assign(e.data_ptr<float>(), e.data_ptr<float>() + e.numel());
    }
}

// Validation: loss over all segments (each segment carries its example's target) and quick
// per-head figures (accuracy of the aggregated prediction for single-label heads). Borrowed labels
// (not scored) count in neither. Empty when no validation example has a scored label.
std::optional<double> validate(NetImpl &net, const ModelSpec &spec, const FeatureCache &fc,
                               const std::vector<TrainingExample> &val, const std::vector<Tensor> &classWeights,
                               ExamplePredictions *preds, QJsonObject *figures)
{
    std::vector<std::vector<Tensor>> segLogits;
    predictAll(net, spec, fc, val, preds, &segLogits, kValidationSegments);
    double lossSum = 0;
    int lossN = 0;
    std::vector<int> correct(spec.heads.size(), 0), labelled(spec.heads.size(), 0);
    for (size_t i = 0; i < val.size(); ++i) {
        if (segLogits[i].empty())
            continue;
        const int64_t S = segLogits[i][0].size(0);
        NetOutput o;
        o.logits = segLogits[i];
        std::vector<Tensor> t, m;
        bool anyScored = false;
        for (size_t h = 0; h < spec.heads.size(); ++h) {
            const int64_t L = spec.heads[h].labels.size();
            Tensor th = torch::zeros({S, L}), mh = torch::zeros({S});
            if (!val[i].isScored(h)) {
                // borrowed label: masked out like a missing one
            } else if (spec.heads[h].kind == HeadSpec::Kind::SingleLabel) {
                const int c = h < val[i].classIndex.size() ? val[i].classIndex[h] : -1;
                if (c >= 0) {
                    th.index_put_({torch::indexing::Slice(), c}, 1.f);
                    mh.fill_(1.f);
                    anyScored = true;
                    ++labelled[h];
                    const auto &p = preds->probs[i][h];
                    if (int(std::max_element(p.begin(), p.end()) - p.begin()) == c)
                        ++correct[h];
                }
            } else if (h < val[i].targets.size() && int64_t(val[i].targets[h].size()) == L) {
                th.copy_(torch::tensor(val[i].targets[h]).unsqueeze(0).expand({S, L}));
                mh.fill_(1.f);
                anyScored = true;
            }
            t.push_back(th);
            m.push_back(mh);
        }
        if (!anyScored)
            continue;
        lossSum += lossOf(spec, o, t, m, classWeights).item<double>();
        ++lossN;
    }
    for (size_t h = 0; h < spec.heads.size(); ++h)
        if (labelled[h] > 0)
            figures->insert(spec.heads[h].name + QStringLiteral("_accuracy"), double(correct[h]) / labelled[h]);
    if (lossN == 0)
        return std::nullopt;
    return lossSum / lossN;
}

// F1-optimal threshold per multi-label label on validation predictions (0.5 when no positives).
void tuneThresholds(ModelSpec &spec, const std::vector<TrainingExample> &val, const ExamplePredictions &preds)
{
    for (size_t h = 0; h < spec.heads.size(); ++h) {
        HeadSpec &head = spec.heads[h];
        if (head.kind != HeadSpec::Kind::MultiLabel)
            continue;
        head.thresholds.assign(size_t(head.labels.size()), 0.5f);
        for (int l = 0; l < head.labels.size(); ++l) {
            double bestF1 = -1;
            for (int k = 1; k < 20; ++k) {
                const float thr = 0.05f * k;
                int tp = 0, fp = 0, fn = 0;
                for (size_t i = 0; i < val.size(); ++i) {
                    if (preds.probs[i].empty() || h >= val[i].targets.size() || val[i].targets[h].empty() || !val[i].isScored(h))
                        continue;
                    const bool truth = val[i].targets[h][size_t(l)] >= 0.5f;
                    const bool pred = preds.probs[i][h][size_t(l)] >= thr;
                    tp += truth && pred;
                    fp += !truth && pred;
                    fn += truth && !pred;
                }
                if (tp + fn == 0)
                    break;
                const double f1 = 2.0 * tp / std::max(1, 2 * tp + fp + fn);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    head.thresholds[size_t(l)] = thr;
                }
            }
        }
    }
}

} // namespace

std::vector<int64_t> mixupPartners(const std::vector<std::vector<bool>> &labelled, std::mt19937_64 &rng,
                                   const std::vector<bool> &mixHeads)
{
    std::map<std::vector<bool>, std::vector<int64_t>> groups;
    for (size_t i = 0; i < labelled.size(); ++i)
        groups[labelled[i]].push_back(int64_t(i));
    std::vector<int64_t> partner(labelled.size());
    for (auto &[pattern, members] : groups) {
        std::vector<int64_t> shuffled = members;
        bool mixes = mixHeads.empty();
        for (size_t h = 0; h < pattern.size() && h < mixHeads.size(); ++h)
            mixes = mixes || (pattern[h] && mixHeads[h]);
        if (mixes)
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
        for (size_t k = 0; k < members.size(); ++k)
            partner[size_t(members[k])] = shuffled[k];
    }
    return partner;
}

TrainResult trainModel(const ModelSpec &specIn, const FeatureCache &fc, const std::vector<TrainingExample> &train,
                       const std::vector<TrainingExample> &val, const TrainConfig &cfg, const QString &outPath,
                       const QString &initFrom, const TrainCallbacks &cb, const std::atomic_bool *cancel)
{
    TrainResult res;
    QElapsedTimer wall;
    wall.start();
    torch::manual_seed(cfg.seed);
    std::mt19937_64 rng(cfg.seed);
    torch::set_num_threads(cfg.threads > 0 ? cfg.threads : std::max(1, QThread::idealThreadCount()));

    ModelSpec spec = specIn;
    std::shared_ptr<NetImpl> net;
    try {
        if (!initFrom.isEmpty()) {
            ModelFile base;
            QString err;
            if (!readModelFile(initFrom, &base, &err)) {
                res.error = err;
                return res;
            }
            // Fine-tuning keeps the base model's network, front end and normalisation.
            spec = base.spec;
            net = createNet(spec);
            err = loadNetState(*net, base);
            if (!err.isEmpty()) {
                res.error = err;
                return res;
            }
        } else {
            if (fc.frontEnd() != spec.frontEnd) {
                res.error = QStringLiteral("the feature cache was made with another front end than the model's");
                return res;
            }
            spec.normalisation = computeNormalisation(fc, train);
            net = createNet(spec);
            if (net->needsFitToData()) {
                const Tensor segments = fitSegments(spec, fc, train, cfg.seed);
                if (segments.defined())
                    net->fitToData(segments);
            }
            if (const QString err = fitItemClassifiers(*net, spec, fc, train, cfg.seed); !err.isEmpty()) {
                res.error = err;
                return res;
            }
        }
    } catch (const std::exception &e) {
        res.error = QString::fromUtf8(e.what());
        return res;
    }
    // Resuming: a checkpoint's state file (CHECKPOINT.state) continues the run exactly where it
    // stopped; a checkpoint model alone (older Spectag, or the state file removed) only gives the
    // starting weights.
    const QString statePath = cfg.checkpointPath.isEmpty() ? QString() : checkpoint::statePath(cfg.checkpointPath);
    const bool resumeState = cfg.resume && !statePath.isEmpty() && QFile::exists(statePath);
    if (cfg.resume && !resumeState && !cfg.checkpointPath.isEmpty() && QFile::exists(cfg.checkpointPath)) {
        ModelFile ck;
        QString err;
        if (readModelFile(cfg.checkpointPath, &ck, &err))
            err = loadNetState(*net, ck);
        if (!err.isEmpty()) {
            res.error = QStringLiteral("cannot resume: %1").arg(err);
            return res;
        }
    }

    for (const QString &name : cfg.mixupHeads + cfg.mixupLossHeads) {
        if (std::none_of(spec.heads.cbegin(), spec.heads.cend(), [&](const HeadSpec &h) { return h.name == name; })) {
            res.error = QStringLiteral("mixup heads: the model has no head named '%1'").arg(name);
            return res;
        }
    }
    if (!cfg.mixupHeads.isEmpty() && !cfg.mixupLossHeads.isEmpty()) {
        // The loss heads already say which examples are mixed.
        res.error = QStringLiteral("mixup heads and mixup loss heads cannot be combined");
        return res;
    }
    std::vector<Tensor> params;
    for (auto &p : net->named_parameters()) {
        // Heads are the output layers: "head<N>" and the side classifiers beside them
        // ("fv_head", "fv_quadrant_head", which read fitted, fixed features); fine-tuning on
        // corrections must move those too, or half of the fused genre decision stays as shipped.
        const QString top = QString::fromStdString(p.key()).section(QLatin1Char('.'), 0, 0);
        const bool isHead = top.startsWith(QLatin1String("head")) || top.endsWith(QLatin1String("_head"));
        if (cfg.freezeBackbone && !isHead)
            p.value().set_requires_grad(false);
        if (p.value().requires_grad())
            params.push_back(p.value());
    }
    std::unique_ptr<torch::optim::Optimizer> opt;
    if (cfg.optimizer == QLatin1String("sgd"))
        opt = std::make_unique<torch::optim::SGD>(
            params, torch::optim::SGDOptions(cfg.learningRate).momentum(0.9).weight_decay(cfg.weightDecay).nesterov(true));
    else
        opt = std::make_unique<torch::optim::AdamW>(params, torch::optim::AdamWOptions(cfg.learningRate).weight_decay(cfg.weightDecay));

    const std::vector<Tensor> classWeights = makeClassWeights(spec, train, cfg.classWeights);
    std::vector<const TrainingExample *> pool;
    for (const TrainingExample &e : train)
        if (fc.has(e.feature))
            for (int k = 0; k < std::max(1, cfg.cropsPerExample); ++k)
                pool.push_back(&e);
    if (pool.empty()) {
        res.error = QStringLiteral("no usable training examples");
        return res;
    }
    const int batches = int((pool.size() + size_t(cfg.batchSize) - 1) / size_t(cfg.batchSize));
    const QString run = statePath.isEmpty() ? QString() : checkpoint::runFingerprint(spec, cfg, train, val);
    checkpoint::Progress done;  // the epochs an interrupted run already finished
    // Epochs shuffle an index order rather than the pool itself, so that the order can be saved;
    // shuffling indices draws exactly what shuffling the pool did.
    std::vector<int> order(pool.size());
    std::iota(order.begin(), order.end(), 0);
    auto best = checkpoint::snapshot(*net);
    if (resumeState) {
        if (const QString e = checkpoint::load(statePath, run, pool.size(), *net, &best, *opt, &rng, &done); !e.isEmpty()) {
            res.error = QStringLiteral("cannot resume: %1").arg(e);
            return res;
        }
        order = done.order;
        res.curves = done.curves;
        res.bestEpoch = done.bestEpoch;
    }
    double bestLoss = done.bestLoss;
    int sinceBest = done.sinceBest;
    ProgressThrottle throttle;
    double waitTotal = done.waitSeconds, stepTotal = done.stepSeconds;
    qint64 samples = done.samples;

    for (int epoch = done.epoch + 1; epoch <= cfg.epochs && !done.stopped; ++epoch) {
        QElapsedTimer et;
        et.start();
        double lr = cfg.learningRate;
        if (cfg.schedule == QLatin1String("cosine"))
            lr = cfg.learningRate * 0.5 * (1 + std::cos(M_PI * (epoch - 1) / std::max(1, cfg.epochs)));
        else if (cfg.schedule == QLatin1String("step"))
            lr = cfg.learningRate * std::pow(0.1, (epoch - 1) / std::max(1, cfg.epochs / 3));
        for (auto &group : opt->param_groups())
            group.options().set_lr(lr);
        std::shuffle(order.begin(), order.end(), rng);
        net->train();
        double lossSum = 0, wait = 0;
        for (int bi = 0; bi < batches; ++bi) {
            if (cancel && cancel->load()) {
                res.error = QStringLiteral("cancelled");
                return res;
            }
            QElapsedTimer bt;
            bt.start();
            const size_t from = size_t(bi) * size_t(cfg.batchSize);
            std::vector<const TrainingExample *> items;
            for (size_t i = from; i < std::min(pool.size(), from + size_t(cfg.batchSize)); ++i)
                items.push_back(pool[size_t(order[i])]);
            if (items.size() < 2 && bi > 0)
                continue;  // BatchNorm cannot train on a batch of one
            Batch b = makeBatch(spec, fc, items, cfg, rng);
            wait += bt.nsecsElapsed() / 1e9;
            opt->zero_grad();
            const Tensor loss = lossOf(spec, net->forward(b.x), b.targets, b.masks, classWeights);
            loss.backward();
            opt->step();
            const double l = loss.item<double>();
            lossSum += l;
            samples += qint64(items.size());
            if (cb.batch && throttle.due(bi + 1 == batches))
                cb.batch(epoch, bi + 1, batches, l);
        }
        const double trainSeconds = et.nsecsElapsed() / 1e9;
        ExamplePredictions preds;
        QJsonObject figures;
        // Without a scored validation label the training loss stands in (as with no validation part).
        const double valLoss = (val.empty() ? std::nullopt : validate(*net, spec, fc, val, classWeights, &preds, &figures))
                                   .value_or(lossSum / batches);
        EpochStats st;
        st.epoch = epoch;
        st.trainLoss = lossSum / batches;
        st.validationLoss = valLoss;
        st.validation = figures;
        st.learningRate = lr;
        st.seconds = et.nsecsElapsed() / 1e9;
        st.dataWaitFraction = wait / std::max(1e-9, trainSeconds);
        st.samplesPerSecond = double(pool.size()) / std::max(1e-9, trainSeconds);
        waitTotal += wait;
        stepTotal += trainSeconds;
        QJsonObject row{{QStringLiteral("epoch"), epoch},
                        {QStringLiteral("train_loss"), st.trainLoss},
                        {QStringLiteral("validation_loss"), valLoss},
                        {QStringLiteral("learning_rate"), lr},
                        {QStringLiteral("seconds"), st.seconds},
                        {QStringLiteral("data_wait_fraction"), st.dataWaitFraction},
                        {QStringLiteral("samples_per_second"), st.samplesPerSecond}};
        for (auto it = figures.begin(); it != figures.end(); ++it)
            row.insert(it.key(), it.value());
        res.curves.append(row);
        if (cb.epoch)
            cb.epoch(st);
        bool stop = false;
        if (cfg.keepLast) {
            res.bestEpoch = epoch;
        } else if (valLoss < bestLoss - 1e-6) {
            bestLoss = valLoss;
            best = checkpoint::snapshot(*net);
            res.bestEpoch = epoch;
            sinceBest = 0;
        } else if (cfg.patience > 0 && ++sinceBest >= cfg.patience) {
            stop = true;
        }
        if (!cfg.checkpointPath.isEmpty()) {
            QString e = saveNet(cfg.checkpointPath, spec, *net);
            if (e.isEmpty()) {
                const checkpoint::Progress now{epoch, stop, bestLoss, res.bestEpoch, sinceBest, samples, waitTotal,
                                               stepTotal, done.wallSeconds + wall.nsecsElapsed() / 1e9, res.curves, order};
                e = checkpoint::save(statePath, spec, run, *net, best, *opt, rng, now);
            }
            if (!e.isEmpty()) {
                res.error = e;
                return res;
            }
        }
        if (!cfg.logPath.isEmpty()) {
            QSaveFile log(cfg.logPath);
            if (log.open(QIODevice::WriteOnly)) {
                log.write(QJsonDocument(res.curves).toJson());
                commitSaveFile(log);  // the curves log is a by-product: a failed write keeps the old one
            }
        }
        if (stop)
            break;
    }
    if (!cfg.keepLast)
        checkpoint::restore(*net, best);
    if (cfg.tuneThresholds && !val.empty()) {
        ExamplePredictions preds;
        predictAll(*net, spec, fc, val, &preds);
        tuneThresholds(spec, val, preds);
    }
    res.seconds = done.wallSeconds + wall.nsecsElapsed() / 1e9;
    res.resumedSeconds = done.wallSeconds;
    res.samplesPerSecond = double(samples) / std::max(1e-9, stepTotal);
    res.dataWaitFraction = waitTotal / std::max(1e-9, stepTotal);
    QJsonObject prov = spec.provenance;
    prov.insert(QStringLiteral("trained_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    prov.insert(QStringLiteral("best_epoch"), res.bestEpoch);
    prov.insert(QStringLiteral("train_examples"), int(train.size()));
    prov.insert(QStringLiteral("validation_examples"), int(val.size()));
    prov.insert(QStringLiteral("training_seconds"), res.seconds);
    prov.insert(QStringLiteral("seed"), QString::number(cfg.seed));
    if (!initFrom.isEmpty())
        prov.insert(QStringLiteral("fine_tuned_from"), initFrom);
    spec.provenance = prov;
    const QString e = saveNet(outPath, spec, *net);
    if (!e.isEmpty()) {
        res.error = e;
        return res;
    }
    res.spec = spec;
    res.ok = true;
    return res;
}

bool predictExamples(const QString &modelPath, const FeatureCache &fc, const std::vector<TrainingExample> &examples,
                     ExamplePredictions *out, QString *error, int threads)
{
    torch::set_num_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
    ModelFile file;
    if (!readModelFile(modelPath, &file, error))
        return false;
    if (file.spec.frontEnd != fc.frontEnd()) {
        *error = QStringLiteral("the features were made with another front end than the model's");
        return false;
    }
    try {
        auto net = createNet(file.spec);
        const QString e = loadNetState(*net, file);
        if (!e.isEmpty()) {
            *error = e;
            return false;
        }
        predictAll(*net, file.spec, fc, examples, out, nullptr, 0, declaresVote(file.spec));
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

} // namespace spectag
