#include "dsp/frontend.h"

#include <cmath>

namespace spectag {

int FrontEnd::framesPerSegment() const
{
    return std::max(1, int(std::lround(segmentSeconds * sampleRate / hop)));
}

int FrontEnd::frameHopPerSegment() const
{
    return std::max(1, int(std::lround(segmentHopSeconds * sampleRate / hop)));
}

QString FrontEnd::validate() const
{
    if (sampleRate < 4000 || sampleRate > 192000)
        return QStringLiteral("sample rate %1 Hz is out of range").arg(sampleRate);
    if (nFft < 16 || nFft > 65536)
        return QStringLiteral("n_fft %1 is out of range").arg(nFft);
    if (winLength < 1 || winLength > nFft)
        return QStringLiteral("window length %1 must be between 1 and n_fft").arg(winLength);
    if (hop < 1 || hop > 65536)
        return QStringLiteral("hop %1 is out of range").arg(hop);
    if (nMels < 0 || nMels > 1024)
        return QStringLiteral("n_mels %1 is out of range").arg(nMels);
    if (nMels > 0 && !(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0 + 1e-9))
        return QStringLiteral("mel range %1..%2 Hz is invalid for %3 Hz audio").arg(fMin).arg(fMax).arg(sampleRate);
    if (!(segmentSeconds > 0 && segmentSeconds <= 600 && segmentHopSeconds > 0 && segmentHopSeconds <= 600))
        return QStringLiteral("segment length and hop must be positive");
    return {};
}

QJsonObject FrontEnd::toJson() const
{
    return QJsonObject{
        {QStringLiteral("sample_rate"), sampleRate},
        {QStringLiteral("n_fft"), nFft},
        {QStringLiteral("win_length"), winLength},
        {QStringLiteral("hop"), hop},
        {QStringLiteral("n_mels"), nMels},
        {QStringLiteral("f_min"), fMin},
        {QStringLiteral("f_max"), fMax},
        {QStringLiteral("mel_scale"), melScale == MelScale::Htk ? QStringLiteral("htk") : QStringLiteral("slaney")},
        {QStringLiteral("mel_norm"), melNorm == MelNorm::None ? QStringLiteral("none") : QStringLiteral("slaney")},
        {QStringLiteral("center"), center},
        {QStringLiteral("to_db"), toDb},
        {QStringLiteral("top_db"), topDb},
        {QStringLiteral("segment_seconds"), segmentSeconds},
        {QStringLiteral("segment_hop_seconds"), segmentHopSeconds},
    };
}

FrontEnd FrontEnd::fromJson(const QJsonObject &o, QString *error)
{
    FrontEnd f;
    auto num = [&](const char *key, double def) {
        const auto v = o.value(QLatin1String(key));
        return v.isDouble() ? v.toDouble() : def;
    };
    f.sampleRate = int(num("sample_rate", f.sampleRate));
    f.nFft = int(num("n_fft", f.nFft));
    f.winLength = int(num("win_length", f.nFft));
    f.hop = int(num("hop", f.hop));
    f.nMels = int(num("n_mels", f.nMels));
    f.fMin = num("f_min", f.fMin);
    f.fMax = num("f_max", f.fMax);
    f.melScale = o.value(QLatin1String("mel_scale")).toString() == QLatin1String("htk") ? MelScale::Htk : MelScale::Slaney;
    f.melNorm = o.value(QLatin1String("mel_norm")).toString() == QLatin1String("none") ? MelNorm::None : MelNorm::Slaney;
    f.center = o.value(QLatin1String("center")).toBool(true);
    f.toDb = o.value(QLatin1String("to_db")).toBool(true);
    f.topDb = num("top_db", f.topDb);
    f.segmentSeconds = num("segment_seconds", f.segmentSeconds);
    f.segmentHopSeconds = num("segment_hop_seconds", f.segmentHopSeconds);
    if (error)
        *error = f.validate();
    return f;
}

} // namespace spectag
