#include "model/modelspec.h"

#include <QJsonArray>

#include <cmath>

namespace spectag {

namespace {

constexpr int kMaxHeads = 16;
constexpr int kMaxLabels = 4096;

QJsonArray floatsToJson(const std::vector<float> &v)
{
    QJsonArray a;
    for (float f : v)
        a.append(double(f));
    return a;
}

bool floatsFromJson(const QJsonValue &v, std::vector<float> &out)
{
    out.clear();
    if (v.isUndefined() || v.isNull())
        return true;
    // Every value must survive the trip to float: a finite double such as 4.5e43 becomes infinity
    // there, and a model that loads must save and load again (found by fuzz_modelfile).
    const auto representable = [](double d) { return std::isfinite(d) && std::isfinite(float(d)); };
    if (v.isDouble()) {
        if (!representable(v.toDouble()))
            return false;
        out.push_back(float(v.toDouble()));
        return true;
    }
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    if (a.size() > 65536)
        return false;
    for (const QJsonValue &x : a) {
        if (!x.isDouble() || !representable(x.toDouble()))
            return false;
        out.push_back(float(x.toDouble()));
    }
    return true;
}

// Liu et al. make the spectrogram square: K = n_fft/2+1 bins and K frames over the segment, so
// the hop follows from the segment length.
FrontEnd liuFrontEnd()
{
    FrontEnd f;
    f.sampleRate = 16000;
    f.nFft = f.winLength = 512;
    f.nMels = 0;
    f.segmentSeconds = 5.0;   // CAL500exp segments are ~5 s
    f.segmentHopSeconds = 2.5;
    const int k = f.nFft / 2 + 1;
    f.hop = int(std::lround(f.segmentSeconds * f.sampleRate / k));
    return f;
}

} // namespace

QString Normalisation::validate(int bins) const
{
    if (mean.size() != std.size())
        return QStringLiteral("normalisation mean and std differ in length");
    if (!mean.empty() && mean.size() != 1 && int(mean.size()) != bins)
        return QStringLiteral("normalisation has %1 values for %2 bins").arg(mean.size()).arg(bins);
    for (size_t i = 0; i < mean.size(); ++i)
        if (!std::isfinite(mean[i]) || !std::isfinite(std[i]) || !(std[i] > 0))
            return QStringLiteral("normalisation values must be finite with std > 0");
    return {};
}

int ModelSpec::headIndex(const QString &name) const
{
    for (size_t i = 0; i < heads.size(); ++i)
        if (heads[i].name == name)
            return int(i);
    return -1;
}

QString ModelSpec::validate() const
{
    if (!isKnownArchitecture(architecture))
        return QStringLiteral("unknown architecture '%1' (known: %2)").arg(architecture, architectureNames().join(QStringLiteral(", ")));
    if (heads.empty() || heads.size() > size_t(kMaxHeads))
        return QStringLiteral("a model needs 1 to %1 heads").arg(kMaxHeads);
    QStringList names;
    for (const HeadSpec &h : heads) {
        if (h.name.isEmpty() || names.contains(h.name))
            return QStringLiteral("head names must be unique and not empty");
        names << h.name;
        if (h.name == QLatin1String("path") || h.name == QLatin1String("model") || h.name == QLatin1String("segments"))
            return QStringLiteral("'%1' is reserved and cannot name a head").arg(h.name);
        if (h.labels.size() < 1 || h.labels.size() > kMaxLabels)
            return QStringLiteral("head '%1' needs 1 to %2 labels").arg(h.name).arg(kMaxLabels);
        if (h.kind == HeadSpec::Kind::SingleLabel && h.labels.size() < 2)
            return QStringLiteral("single-label head '%1' needs at least 2 labels").arg(h.name);
        if (QStringList unique = h.labels; unique.removeDuplicates() != 0)
            return QStringLiteral("head '%1' has duplicate labels").arg(h.name);
        if (!h.thresholds.empty() && h.thresholds.size() != size_t(h.labels.size()))
            return QStringLiteral("head '%1' has %2 thresholds for %3 labels").arg(h.name).arg(h.thresholds.size()).arg(h.labels.size());
        if (!(h.minShare >= 0 && h.minShare <= 1))
            return QStringLiteral("head '%1': min_share must be within 0..1").arg(h.name);
    }
    const QString fe = frontEnd.validate();
    if (!fe.isEmpty())
        return fe;
    if (frontEnd.framesPerSegment() > 4096 || frontEnd.bins() > 2049)
        return QStringLiteral("segment of %1 x %2 is too large").arg(frontEnd.bins()).arg(frontEnd.framesPerSegment());
    return normalisation.validate(frontEnd.bins());
}

QJsonObject ModelSpec::toJson() const
{
    QJsonArray hs;
    for (const HeadSpec &h : heads) {
        QJsonObject o{{QStringLiteral("name"), h.name},
                      {QStringLiteral("kind"), HeadSpec::kindName(h.kind)},
                      {QStringLiteral("labels"), QJsonArray::fromStringList(h.labels)}};
        if (!h.thresholds.empty())
            o.insert(QStringLiteral("thresholds"), floatsToJson(h.thresholds));
        if (h.minShare > 0)
            o.insert(QStringLiteral("min_share"), h.minShare);
        hs.append(o);
    }
    return QJsonObject{
        {QStringLiteral("architecture"), architecture},
        {QStringLiteral("hyperparameters"), hyperparameters},
        {QStringLiteral("heads"), hs},
        {QStringLiteral("front_end"), frontEnd.toJson()},
        {QStringLiteral("normalisation"), QJsonObject{{QStringLiteral("mean"), floatsToJson(normalisation.mean)},
                                                      {QStringLiteral("std"), floatsToJson(normalisation.std)}}},
        {QStringLiteral("provenance"), provenance},
    };
}

ModelSpec ModelSpec::fromJson(const QJsonObject &o, QString *error)
{
    ModelSpec s;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return ModelSpec{};
    };
    s.architecture = o.value(QLatin1String("architecture")).toString();
    s.hyperparameters = o.value(QLatin1String("hyperparameters")).toObject();
    s.provenance = o.value(QLatin1String("provenance")).toObject();
    const QJsonValue hv = o.value(QLatin1String("heads"));
    if (!hv.isArray())
        return fail(QStringLiteral("the model spec has no heads"));
    for (const QJsonValue &v : hv.toArray()) {
        const QJsonObject ho = v.toObject();
        HeadSpec h;
        h.name = ho.value(QLatin1String("name")).toString();
        const QString kind = ho.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("multi"))
            h.kind = HeadSpec::Kind::MultiLabel;
        else if (kind == QLatin1String("single"))
            h.kind = HeadSpec::Kind::SingleLabel;
        else
            return fail(QStringLiteral("head '%1' has unknown kind '%2'").arg(h.name, kind));
        for (const QJsonValue &l : ho.value(QLatin1String("labels")).toArray()) {
            if (!l.isString())
                return fail(QStringLiteral("head '%1' has a label that is not text").arg(h.name));
            h.labels << l.toString();
        }
        if (!floatsFromJson(ho.value(QLatin1String("thresholds")), h.thresholds))
            return fail(QStringLiteral("head '%1' has invalid thresholds").arg(h.name));
        h.minShare = ho.value(QLatin1String("min_share")).toDouble(0.0);
        s.heads.push_back(h);
    }
    QString feError;
    s.frontEnd = FrontEnd::fromJson(o.value(QLatin1String("front_end")).toObject(), &feError);
    if (!feError.isEmpty())
        return fail(QStringLiteral("front end: %1").arg(feError));
    const QJsonObject no = o.value(QLatin1String("normalisation")).toObject();
    if (!floatsFromJson(no.value(QLatin1String("mean")), s.normalisation.mean)
        || !floatsFromJson(no.value(QLatin1String("std")), s.normalisation.std))
        return fail(QStringLiteral("invalid normalisation"));
    const QString why = s.validate();
    if (!why.isEmpty())
        return fail(why);
    if (error)
        error->clear();
    return s;
}

QStringList architectureNames()
{
    return {QStringLiteral("spectag"), QStringLiteral("liu2017"), QStringLiteral("holst2021"),
            QStringLiteral("cerutti2021"), QStringLiteral("velankar2021crnn"), QStringLiteral("velankar2021parallel")};
}

bool isKnownArchitecture(const QString &name)
{
    return architectureNames().contains(name);
}

FrontEnd defaultFrontEnd(const QString &a)
{
    FrontEnd f;  // the spectag default: 16 kHz, 512/256, 96 mels, 3 s segments every 1.5 s
    if (a == QLatin1String("liu2017"))
        return liuFrontEnd();
    if (a == QLatin1String("holst2021")) {
        // GTZAN at 22,050 Hz cut into 3 s clips, the picture 128 x 128: 128 frames per clip.
        f.sampleRate = 22050;
        f.nFft = f.winLength = 2048;
        f.hop = int(std::lround(3.0 * 22050 / 128));
        f.nMels = 128;
        f.fMax = 11025;
        f.segmentSeconds = 3.0;
        f.segmentHopSeconds = 3.0;
    } else if (a == QLatin1String("cerutti2021")) {
        // Square 4 s slices (the RAVDESS clip length), 128 x 128, taken without overlap.
        f.nFft = f.winLength = 1024;
        f.hop = 500;
        f.nMels = 128;
        f.segmentSeconds = 4.0;
        f.segmentHopSeconds = 4.0;
    } else if (a == QLatin1String("velankar2021crnn") || a == QLatin1String("velankar2021parallel")) {
        // Window 2048, hop 512 -> 640 frames x 128 mels (14.86 s at 22,050 Hz).
        f.sampleRate = 22050;
        f.nFft = f.winLength = 2048;
        f.hop = 512;
        f.nMels = 128;
        f.fMax = 11025;
        f.segmentSeconds = 640.0 * 512 / 22050;
        f.segmentHopSeconds = f.segmentSeconds / 2;
    }
    return f;
}

QJsonObject defaultHyperparameters(const QString &a)
{
    if (a == QLatin1String("spectag"))
        return {{QStringLiteral("channels"), QJsonArray{24, 32, 64, 96, 128}},
                {QStringLiteral("embedding"), 128},
                {QStringLiteral("dropout"), 0.3}};
    if (a == QLatin1String("liu2017"))
        return {{QStringLiteral("filters"), 50}, {QStringLiteral("hidden"), 128}, {QStringLiteral("dropout"), 0.5}};
    if (a == QLatin1String("holst2021"))
        return {{QStringLiteral("filters"), 128}, {QStringLiteral("blocks"), 6}, {QStringLiteral("dense"), 128},
                {QStringLiteral("dropout"), 0.3}};
    if (a == QLatin1String("cerutti2021"))
        return {{QStringLiteral("channels"), QJsonArray{32, 64, 128}}, {QStringLiteral("dropout"), 0.2},
                {QStringLiteral("aggregation"), QStringLiteral("vote")}};
    if (a == QLatin1String("velankar2021crnn"))
        return {{QStringLiteral("filters"), 56}, {QStringLiteral("lstm"), 96}, {QStringLiteral("dense"), 64},
                {QStringLiteral("pool"), 2}, {QStringLiteral("dropout"), 0.3}};
    if (a == QLatin1String("velankar2021parallel"))
        return {{QStringLiteral("gru"), 64}, {QStringLiteral("dropout"), 0.3}};
    return {};
}

QString architectureDescription(const QString &a)
{
    if (a == QLatin1String("spectag"))
        return QStringLiteral("Spectag's own: conv blocks (BN, ReLU, pooling, global avg+max pooling) and/or band statistics + modulation spectrum, 128-d embedding, several heads");
    if (a == QLatin1String("liu2017"))
        return QStringLiteral("Liu et al. 2017: square linear power spectrogram, 4 conv + 2 max-pool (<=50 filters), one hidden dense layer");
    if (a == QLatin1String("holst2021"))
        return QStringLiteral("Holst & Ramsay 2021: 6 x [conv 5x5 same, ReLU, max-pool 2, dropout .3], 128 filters, dense 128; 128x128 mel");
    if (a == QLatin1String("cerutti2021"))
        return QStringLiteral("Cerutti et al. 2021: small ResNet on square 4 s mel slices, song label by slice vote");
    if (a == QLatin1String("velankar2021crnn"))
        return QStringLiteral("Velankar et al. 2021 CRNN: 3 x [Conv1d 56 k5, ReLU, BN, max-pool] -> LSTM 96 -> dense 64; 640x128 log-mel");
    if (a == QLatin1String("velankar2021parallel"))
        return QStringLiteral("Velankar et al. 2021 parallel CNN-RNN: 5 x conv (3,1) + pool || pool(4,2) -> BiGRU 64; concat 384");
    return {};
}

ModelSpec makeModelSpec(const QString &architecture, const std::vector<HeadSpec> &heads)
{
    ModelSpec s;
    s.architecture = architecture;
    s.hyperparameters = defaultHyperparameters(architecture);
    s.heads = heads;
    s.frontEnd = defaultFrontEnd(architecture);
    // dB values lie roughly within -100..+20; centre them until training measures the real figures.
    s.normalisation.mean = {-50.0f};
    s.normalisation.std = {25.0f};
    return s;
}

std::vector<HeadSpec> parseHeads(const QString &text, QString *error)
{
    std::vector<HeadSpec> heads;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QStringList f = part.split(QLatin1Char(':'));
        if (f.size() != 3 || (f[1] != QLatin1String("single") && f[1] != QLatin1String("multi"))) {
            if (error)
                *error = QStringLiteral("'%1' is not NAME:single|multi:LABEL,LABEL,...").arg(part);
            return {};
        }
        HeadSpec h;
        h.name = f[0].trimmed();
        h.kind = f[1] == QLatin1String("multi") ? HeadSpec::Kind::MultiLabel : HeadSpec::Kind::SingleLabel;
        for (const QString &l : f[2].split(QLatin1Char(','), Qt::SkipEmptyParts))
            h.labels << l.trimmed();
        heads.push_back(h);
    }
    if (heads.empty() && error)
        *error = QStringLiteral("no heads given");
    return heads;
}

bool declaresVote(const ModelSpec &spec)
{
    return spec.hyperparameters.value(QStringLiteral("aggregation")).toString() == QLatin1String("vote");
}

} // namespace spectag
