#include "inference/trackanalyzer.h"

#include "audio/audiodecoder.h"
#include "model/model.h"
#include "model/segmenter.h"

#include <algorithm>

namespace spectag {

namespace {
constexpr qint64 kBlockSeconds = 2;
}

bool computeSpectrogram(const QString &path, const FrontEnd &fe, Spectrogram *out, double *seconds,
                        DecodeError *error, const std::atomic_bool *cancel, const std::function<void()> &betweenBlocks)
{
    AudioDecoder dec(fe.sampleRate);
    dec.setCancelFlag(cancel);
    MelSpectrogram mel(fe);
    out->bins = fe.bins();
    out->data.clear();
    std::vector<float> block;
    qint64 total = 0;
    if (dec.open(path)) {
        for (;;) {
            block.clear();
            const qint64 n = dec.read(block, kBlockSeconds * fe.sampleRate);
            if (n == 0)
                break;
            total += n;
            mel.push(block.data(), block.size(), *out);
            if (betweenBlocks)
                betweenBlocks();
            if (cancel && cancel->load())
                break;
        }
        mel.finish(*out);
    }
    if (seconds)
        *seconds = double(total) / fe.sampleRate;
    DecodeError e = dec.error();
    if (e.ok() && cancel && cancel->load())
        e = {DecodeErrorCode::Cancelled, QStringLiteral("%1: cancelled").arg(path)};
    if (error)
        *error = e;
    return e.ok();
}

QString unanalysableReason(const QString &path, const Spectrogram &spec, const FrontEnd &fe, double seconds)
{
    if (seconds < kMinAnalysableSeconds)
        return QStringLiteral("%1: too short to analyse (%2 s of audio; at least %3 s needed)")
            .arg(path, QString::number(seconds, 'f', 2), QString::number(kMinAnalysableSeconds));
    const float floor = fe.toDb ? -60.0f : 1e-6f;  // the same level as dB or as power
    if (std::none_of(spec.data.cbegin(), spec.data.cend(), [floor](float v) { return v > floor; }))
        return QStringLiteral("%1: silent (nothing above -60 dB): no mood or genre to predict").arg(path);
    return {};
}

bool predictSegments(const Model &model, const Spectrogram &spec, TrackResult &result, int batchSize)
{
    const ModelSpec &ms = model.spec();
    const auto ranges = segmentRanges(spec.frames(), ms.frontEnd);
    result.segments.clear();
    result.embedding.clear();
    if (ranges.empty()) {
        result.error = QStringLiteral("%1: no audio to analyse").arg(result.path);
        return false;
    }
    batchSize = std::max(1, batchSize);
    std::vector<float> input;
    for (size_t first = 0; first < ranges.size(); first += size_t(batchSize)) {
        const size_t count = std::min(ranges.size() - first, size_t(batchSize));
        input.resize(count * model.inputSize());
        for (size_t i = 0; i < count; ++i)
            extractSegment(spec, ranges[first + i], ms.frontEnd, ms.normalisation, input.data() + i * model.inputSize());
        QString why;
        const auto preds = model.predict(input.data(), int(count), &why);
        if (preds.size() != count) {
            result.error = QStringLiteral("%1: %2").arg(result.path, why);
            return false;
        }
        for (size_t i = 0; i < count; ++i) {
            const SegmentRange &r = ranges[first + i];
            result.segments.push_back({r.startSeconds, r.endSeconds, preds[i].heads});
            if (result.embedding.empty())
                result.embedding.assign(preds[i].embedding.size(), 0.0f);
            for (size_t k = 0; k < result.embedding.size() && k < preds[i].embedding.size(); ++k)
                result.embedding[k] += preds[i].embedding[k];
        }
    }
    for (float &v : result.embedding)
        v /= float(ranges.size());
    return true;
}

TrackResult analyzeFile(const Model &model, const QString &path, Aggregation how, const std::atomic_bool *cancel)
{
    TrackResult r;
    r.path = path;
    r.modelHash = model.versionHash();
    Spectrogram spec;
    DecodeError e;
    if (!computeSpectrogram(path, model.spec().frontEnd, &spec, &r.durationSeconds, &e, cancel)) {
        r.error = e.message;
        return r;
    }
    r.error = unanalysableReason(path, spec, model.spec().frontEnd, r.durationSeconds);
    if (r.ok() && predictSegments(model, spec, r))
        aggregate(model.spec(), r, how);
    return r;
}

} // namespace spectag
