// Torch glue of the model area: the network base class, model file <-> network state, and the
// torch-free Model facade used by analysis.
#include <torch/torch.h>

#include "model/model.h"
#include "model/modelfile.h"
#include "model/moodspace.h"
#include "model/net.h"

#include <QJsonArray>
#include <QThread>
#include <QtEndian>

#include <map>
#include <mutex>

namespace spectag {

// ---- hyperparameters -------------------------------------------------------------------------

namespace detail {

int hp(const ModelSpec &spec, const char *key, int def, int lo, int hi)
{
    const QJsonValue v = spec.hyperparameters.value(QLatin1String(key));
    const double d = v.isDouble() ? v.toDouble() : def;
    if (!(d >= lo && d <= hi) || d != std::floor(d))
        throw std::invalid_argument(QStringLiteral("%1: hyperparameter %2 must be a whole number within %3..%4")
                                        .arg(spec.architecture, QLatin1String(key)).arg(lo).arg(hi).toStdString());
    return int(d);
}

double hpReal(const ModelSpec &spec, const char *key, double def, double lo, double hi)
{
    const QJsonValue v = spec.hyperparameters.value(QLatin1String(key));
    const double d = v.isDouble() ? v.toDouble() : def;
    if (!(d >= lo && d <= hi))
        throw std::invalid_argument(QStringLiteral("%1: hyperparameter %2 must be within %3..%4")
                                        .arg(spec.architecture, QLatin1String(key)).arg(lo).arg(hi).toStdString());
    return d;
}

std::vector<int64_t> hpList(const ModelSpec &spec, const char *key, std::vector<int64_t> def, int lo, int hi)
{
    const QJsonValue v = spec.hyperparameters.value(QLatin1String(key));
    if (!v.isArray())
        return def;
    std::vector<int64_t> out;
    for (const QJsonValue &x : v.toArray()) {
        const double d = x.toDouble(-1);
        if (!(d >= lo && d <= hi) || d != std::floor(d))
            throw std::invalid_argument(QStringLiteral("%1: hyperparameter %2 must list whole numbers within %3..%4")
                                            .arg(spec.architecture, QLatin1String(key)).arg(lo).arg(hi).toStdString());
        out.push_back(int64_t(d));
    }
    if (out.empty() || out.size() > 12)
        throw std::invalid_argument(QStringLiteral("%1: hyperparameter %2 needs 1 to 12 entries")
                                        .arg(spec.architecture, QLatin1String(key)).toStdString());
    return out;
}

} // namespace detail

// ---- NetImpl -------------------------------------------------------------------------------

NetImpl::NetImpl(const ModelSpec &spec, int64_t embeddingSize)
    : m_embeddingSize(embeddingSize)
{
    if (detail::hp(spec, "quadrant_hierarchy", 0, 0, 1) == 1) {
        for (size_t i = 0; i < spec.heads.size(); ++i)
            if (spec.heads[i].name == QLatin1String("quadrant") && spec.heads[i].kind == HeadSpec::Kind::SingleLabel
                && spec.heads[i].labels == quadrantLabels())
                m_quadrantHierarchy = int(i);
        if (m_quadrantHierarchy < 0)
            throw std::invalid_argument("quadrant_hierarchy needs a single-label head 'quadrant' with the labels Q1, Q2, Q3, Q4");
    }
    // Heads are named by position: head names are free text and may contain '.'.
    for (size_t i = 0; i < spec.heads.size(); ++i) {
        // The hierarchical quadrant head has six outputs: arousal (low, high), then the choice
        // within each half (Q1 or Q2; Q3 or Q4).
        const int64_t outputs = int(i) == m_quadrantHierarchy ? 6 : spec.heads[i].labels.size();
        m_heads.push_back(register_module("head" + std::to_string(i), torch::nn::Linear(embeddingSize, outputs)));
    }
}

NetOutput NetImpl::forward(torch::Tensor x)
{
    NetOutput out;
    out.embedding = backbone(x);
    for (size_t i = 0; i < m_heads.size(); ++i) {
        auto z = m_heads[i]->forward(out.embedding);
        if (int(i) == m_quadrantHierarchy) {
            // log p(Q) = log p(arousal) + log p(quadrant | arousal). Russell's quadrants are
            // arousal crossed with valence, and most quadrant errors are valence at low arousal
            // (sad against calm), so each arousal half gets its own valence decision. These
            // log-probabilities sum to one after exp, so softmax and cross-entropy downstream treat
            // them as ordinary logits: the loss becomes arousal CE plus CE within the true half.
            const auto arousal = torch::log_softmax(z.narrow(1, 0, 2), 1);
            const auto high = torch::log_softmax(z.narrow(1, 2, 2), 1) + arousal.narrow(1, 1, 1);
            const auto low = torch::log_softmax(z.narrow(1, 4, 2), 1) + arousal.narrow(1, 0, 1);
            z = torch::cat({high, low}, 1);
        }
        out.logits.push_back(z);
    }
    sideBranches(x, out);
    return out;
}

int64_t NetImpl::parameterCount() const
{
    int64_t n = 0;
    for (const auto &p : parameters())
        n += p.numel();
    return n;
}

std::shared_ptr<NetImpl> createNet(const ModelSpec &spec)
{
    const QString why = spec.validate();
    if (!why.isEmpty())
        throw std::invalid_argument(why.toStdString());
    if (spec.architecture == QLatin1String("spectag"))
        return detail::createSpectagNet(spec);
    if (auto net = detail::createResearchNet(spec))
        return net;
    throw std::invalid_argument("unknown architecture " + spec.architecture.toStdString());
}

torch::Tensor headProbabilities(const HeadSpec &head, const torch::Tensor &logits)
{
    return head.kind == HeadSpec::Kind::SingleLabel ? torch::softmax(logits, 1) : torch::sigmoid(logits);
}

torch::Tensor aggregateSegments(const HeadSpec &head, const torch::Tensor &logits, bool vote)
{
    const torch::Tensor p = headProbabilities(head, logits);
    if (!vote)
        return p.mean(0);
    if (head.kind == HeadSpec::Kind::SingleLabel)
        return torch::one_hot(p.argmax(1), p.size(1)).to(torch::kFloat32).mean(0);
    std::vector<float> t(size_t(p.size(1)));
    for (size_t i = 0; i < t.size(); ++i)
        t[i] = head.threshold(int(i));
    const torch::Tensor thresholds = torch::from_blob(t.data(), {1, p.size(1)}, torch::kFloat32).clone();
    return p.ge(thresholds).to(torch::kFloat32).mean(0);
}

// ---- network state <-> file records -----------------------------------------------------------

namespace {

std::vector<std::pair<std::string, torch::Tensor>> stateOf(NetImpl &net)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto &p : net.named_parameters(true))
        out.emplace_back(p.key(), p.value());
    for (const auto &b : net.named_buffers(true))
        out.emplace_back(b.key(), b.value());
    return out;
}

std::vector<TensorRecord> recordsOf(NetImpl &net)
{
    std::vector<TensorRecord> records;
    for (auto &[name, tensor] : stateOf(net))
        records.push_back(tensorRecord(QString::fromStdString(name), tensor));
    return records;
}

} // namespace

TensorRecord tensorRecord(const QString &name, const torch::Tensor &tensor)
{
    TensorRecord r;
    r.name = name;
    const auto t = tensor.detach().to(torch::kCPU).contiguous();
    r.dtype = t.scalar_type() == torch::kLong ? TensorRecord::DType::Int64 : TensorRecord::DType::Float32;
    const auto c = r.dtype == TensorRecord::DType::Int64 ? t : t.to(torch::kFloat32).contiguous();
    for (auto d : c.sizes())
        r.shape.push_back(d);
    r.data.resize(qsizetype(c.numel()) * TensorRecord::elementSize(r.dtype));
    if (r.dtype == TensorRecord::DType::Int64)
        qToLittleEndian<qint64>(c.data_ptr<int64_t>(), c.numel(), r.data.data());
    else
        qToLittleEndian<float>(c.data_ptr<float>(), c.numel(), r.data.data());
    return r;
}

QString tensorFromRecord(const TensorRecord &r, torch::Tensor *out)
{
    const bool isLong = r.dtype == TensorRecord::DType::Int64;
    std::vector<int64_t> shape(r.shape.begin(), r.shape.end());
    torch::Tensor host = torch::empty(shape, isLong ? torch::kLong : torch::kFloat32);
    if (isLong) {
        qFromLittleEndian<qint64>(r.data.constData(), host.numel(), host.data_ptr<int64_t>());
    } else {
        qFromLittleEndian<float>(r.data.constData(), host.numel(), host.data_ptr<float>());
        if (!torch::isfinite(host).all().item<bool>())
            return QStringLiteral("tensor '%1' contains NaN or infinite values").arg(r.name);
    }
    *out = host;
    return {};
}

QString saveNet(const QString &path, const ModelSpec &spec, NetImpl &net)
{
    return writeModelFile(path, serializeModelFile(spec, recordsOf(net)));
}

QString loadNetState(NetImpl &net, const ModelFile &file)
{
    std::map<QString, const TensorRecord *> byName;
    for (const TensorRecord &r : file.tensors)
        byName[r.name] = &r;
    torch::NoGradGuard noGrad;
    const auto state = stateOf(net);
    for (const auto &[name, tensor] : state) {
        const QString n = QString::fromStdString(name);
        const auto it = byName.find(n);
        if (it == byName.end())
            return QStringLiteral("tensor '%1' of %2 is missing from the file").arg(n, file.spec.architecture);
        const TensorRecord &r = *it->second;
        const bool isLong = tensor.scalar_type() == torch::kLong;
        if (isLong != (r.dtype == TensorRecord::DType::Int64))
            return QStringLiteral("tensor '%1' has the wrong type").arg(n);
        std::vector<int64_t> shape(r.shape.begin(), r.shape.end());
        if (tensor.sizes() != c10::IntArrayRef(shape)) {
            QStringList want, got;
            for (auto d : tensor.sizes())
                want << QString::number(d);
            for (auto d : r.shape)
                got << QString::number(d);
            return QStringLiteral("tensor '%1' has shape [%2], %3 needs [%4]")
                .arg(n, got.join(QLatin1Char(',')), file.spec.architecture, want.join(QLatin1Char(',')));
        }
        torch::Tensor host;
        if (const QString e = tensorFromRecord(r, &host); !e.isEmpty())
            return e;
        tensor.copy_(host);
        byName.erase(it);
    }
    if (!byName.empty())
        return QStringLiteral("the file has tensor '%1' that %2 does not have (written for another architecture?)")
            .arg(byName.begin()->first, file.spec.architecture);
    return {};
}

// ---- Model ---------------------------------------------------------------------------------

namespace {

std::once_flag g_threadsOnce;
std::atomic_bool g_threadsSet{false};

void ensureThreads()
{
    std::call_once(g_threadsOnce, [] {
        if (!g_threadsSet)
            Model::setThreadCount(0);
    });
}

} // namespace

struct Model::Private {
    ModelSpec spec;
    std::shared_ptr<NetImpl> net;
    torch::Device device{torch::kCPU};
    QString deviceName;
    QString hash;
    mutable std::mutex mutex;

    void place(Device requested)
    {
        const bool cuda = torch::cuda::is_available();
        if (requested != Device::Cpu && cuda) {
            device = torch::Device(torch::kCUDA, 0);
            deviceName = QStringLiteral("cuda:0");
        } else {
            device = torch::Device(torch::kCPU);
            deviceName = (requested == Device::Cuda && !cuda) ? QStringLiteral("cpu (CUDA unavailable)") : QStringLiteral("cpu");
        }
        net->to(device);
        net->eval();
    }
};

Model::Model()
    : d(std::make_unique<Private>())
{
}

Model::~Model() = default;

std::unique_ptr<Model> Model::load(const QString &path, QString *error, Device device)
{
    ensureThreads();
    ModelFile file;
    QString why;
    if (!readModelFile(path, &file, &why)) {
        if (error)
            *error = why;
        return nullptr;
    }
    std::unique_ptr<Model> m(new Model);
    m->d->spec = file.spec;
    m->d->hash = file.versionHash();
    try {
        m->d->net = createNet(file.spec);
        why = loadNetState(*m->d->net, file);
        if (why.isEmpty())
            m->d->place(device);
    } catch (const std::exception &e) {
        why = QString::fromStdString(e.what());
    }
    if (!why.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return nullptr;
    }
    return m;
}

std::unique_ptr<Model> Model::createRandom(const ModelSpec &spec, quint64 seed, QString *error, Device device)
{
    ensureThreads();
    std::unique_ptr<Model> m(new Model);
    m->d->spec = spec;
    try {
        torch::manual_seed(seed);
        m->d->net = createNet(spec);
        m->d->net->eval();
        QByteArray sha;
        serializeModelFile(spec, recordsOf(*m->d->net), &sha);
        m->d->hash = QString::fromLatin1(sha.toHex().left(kModelHashPrefix));
        m->d->place(device);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return nullptr;
    }
    return m;
}

QString Model::save(const QString &path) const
{
    std::lock_guard lock(d->mutex);
    return saveNet(path, d->spec, *d->net);
}

const ModelSpec &Model::spec() const { return d->spec; }
QString Model::versionHash() const { return d->hash; }
QString Model::deviceName() const { return d->deviceName; }
qint64 Model::parameterCount() const { return d->net->parameterCount(); }
int Model::inputBins() const { return d->spec.frontEnd.bins(); }
int Model::inputFrames() const { return d->spec.frontEnd.framesPerSegment(); }

std::vector<SegmentPrediction> Model::predict(const float *segments, int count, QString *error) const
{
    std::vector<SegmentPrediction> out;
    if (count <= 0)
        return out;
    std::lock_guard lock(d->mutex);
    try {
        c10::InferenceMode inference;
        auto input = torch::from_blob(const_cast<float *>(segments), {count, 1, inputBins(), inputFrames()}, torch::kFloat32);
        const NetOutput y = d->net->forward(input.to(d->device));
        out.resize(size_t(count));
        for (size_t h = 0; h < d->spec.heads.size(); ++h) {
            const auto p = headProbabilities(d->spec.heads[h], y.logits[h]).to(torch::kCPU).contiguous();
            const int64_t labels = p.size(1);
            const float *pp = p.data_ptr<float>();
            for (int i = 0; i < count; ++i)
                out[size_t(i)].heads.emplace_back(pp + i * labels, pp + (i + 1) * labels);
        }
        const auto e = y.embedding.to(torch::kCPU).contiguous();
        const int64_t dim = e.size(1);
        const float *ep = e.data_ptr<float>();
        for (int i = 0; i < count; ++i)
            out[size_t(i)].embedding.assign(ep + i * dim, ep + (i + 1) * dim);
    } catch (const std::exception &ex) {
        out.clear();
        if (error)
            *error = QStringLiteral("inference failed: %1").arg(QString::fromStdString(ex.what()).section(QLatin1Char('\n'), 0, 0));
    }
    return out;
}

void Model::setThreadCount(int n)
{
    g_threadsSet = true;
    torch::set_num_threads(n > 0 ? n : std::max(1, QThread::idealThreadCount()));
}

bool Model::cudaAvailable()
{
    return torch::cuda::is_available();
}

Model::Device Model::parseDevice(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("cpu"))
        return Device::Cpu;
    if (name == QLatin1String("cuda") || name == QLatin1String("gpu"))
        return Device::Cuda;
    *ok = name == QLatin1String("auto") || name.isEmpty();
    return Device::Auto;
}

} // namespace spectag
