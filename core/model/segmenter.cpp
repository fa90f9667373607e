#include "model/segmenter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spectag {

std::vector<SegmentRange> segmentRanges(int totalFrames, const FrontEnd &fe)
{
    std::vector<SegmentRange> out;
    if (totalFrames <= 0)
        return out;
    const int len = fe.framesPerSegment();
    const int hop = fe.frameHopPerSegment();
    const double fps = fe.framesPerSecond();
    auto add = [&](int start) {
        SegmentRange r;
        r.startFrame = start;
        r.frames = std::min(len, totalFrames - start);
        r.startSeconds = start / fps;
        r.endSeconds = (start + r.frames) / fps;
        out.push_back(r);
    };
    int start = 0;
    for (; start + len <= totalFrames; start += hop)
        add(start);
    if (out.empty())
        add(0);
    else if (out.back().startFrame + len < totalFrames)
        add(totalFrames - len);  // the tail, overlapping the previous segment more than usual
    return out;
}

void extractSegment(const Spectrogram &spec, const SegmentRange &range, const FrontEnd &fe,
                    const Normalisation &norm, float *dst)
{
    const int bins = fe.bins();
    const int len = fe.framesPerSegment();
    const int real = std::clamp(std::min(range.frames, spec.frames() - range.startFrame), 0, len);
    const bool haveBins = spec.bins == bins;

    float hi = -std::numeric_limits<float>::infinity();
    float lo = std::numeric_limits<float>::infinity();
    if (haveBins) {
        for (int t = 0; t < real; ++t) {
            const float *f = spec.frame(range.startFrame + t);
            for (int b = 0; b < bins; ++b) {
                hi = std::max(hi, f[b]);
                lo = std::min(lo, f[b]);
            }
        }
    }
    float floor = -100.0f;  // 10*log10(1e-10): digital silence
    if (real > 0 && haveBins) {
        floor = (fe.toDb && fe.topDb > 0) ? std::max(lo, hi - float(fe.topDb)) : lo;
    } else if (!fe.toDb) {
        floor = 0.0f;
    }
    for (int b = 0; b < bins; ++b) {
        const size_t nb = norm.mean.size();
        const float mean = nb == 0 ? 0.0f : norm.mean[nb == 1 ? 0 : size_t(b)];
        const float inv = nb == 0 ? 1.0f : 1.0f / norm.std[nb == 1 ? 0 : size_t(b)];
        float *row = dst + size_t(b) * size_t(len);
        for (int t = 0; t < len; ++t) {
            const float v = (t < real && haveBins) ? std::max(spec.frame(range.startFrame + t)[b], floor) : floor;
            row[t] = (v - mean) * inv;
        }
    }
}

} // namespace spectag
