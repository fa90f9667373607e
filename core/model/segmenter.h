#pragma once

#include "dsp/melspectrogram.h"
#include "model/modelspec.h"

#include <vector>

namespace spectag {

// Where the network looks in a song: segments of FrontEnd::segmentSeconds every
// segmentHopSeconds. Analysis and training both cut songs with these functions.
struct SegmentRange {
    int startFrame = 0;
    int frames = 0;          // real frames in the segment (< framesPerSegment when padded)
    double startSeconds = 0;
    double endSeconds = 0;   // clipped to the song's end
};

// Segments covering a spectrogram of totalFrames frames. A song shorter than one segment gives
// one (padded) segment; a tail shorter than a hop is covered by one last segment that ends at
// the song's end, so no audio is left out. No frames at all gives no segment.
std::vector<SegmentRange> segmentRanges(int totalFrames, const FrontEnd &fe);

// Writes one network input, bins x framesPerSegment (bin-major: [1, bins, frames] of the
// tensor), from the time-major spectrogram: per-segment top-dB clamp, padding with the
// segment's floor (silence), then normalisation.
void extractSegment(const Spectrogram &spec, const SegmentRange &range, const FrontEnd &fe,
                    const Normalisation &norm, float *dst);

} // namespace spectag
