#pragma once

#include "dsp/frontend.h"

#include <memory>
#include <vector>

namespace spectag {

// A time-major spectrogram: frame t, bin b is data[t * bins + b].
struct Spectrogram {
    int bins = 0;
    std::vector<float> data;

    int frames() const { return bins > 0 ? int(data.size() / size_t(bins)) : 0; }
    const float *frame(int t) const { return data.data() + size_t(t) * size_t(bins); }
};

// Mel (or linear) power spectrogram, optionally in dB, computed with FFTW3. The transform and
// filterbank run in double precision (cheap next to decoding) so values match a float64 reference
// to ~1e-6 dB even 80 dB below the peak, where float32 FFT rounding alone reaches 1e-2 dB.
// Matches torchaudio.transforms.MelSpectrogram + AmplitudeToDB for the same FrontEnd settings.
// Streaming: push() any number of samples, finish() once; frames come out as soon as their
// window is complete, so a one-hour file never needs its whole PCM in memory.
// One instance per thread (FFTW execution is re-entrant, plan creation is serialised inside).
class MelSpectrogram {
public:
    explicit MelSpectrogram(const FrontEnd &fe);
    ~MelSpectrogram();
    MelSpectrogram(const MelSpectrogram &) = delete;
    MelSpectrogram &operator=(const MelSpectrogram &) = delete;

    void push(const float *samples, size_t count, Spectrogram &out);
    void finish(Spectrogram &out);  // flushes the reflect-padded tail; then reset() to reuse
    void reset();

    // Whole-signal convenience (center padding, dB and top_db applied over the whole signal).
    Spectrogram compute(const std::vector<float> &pcm);

    // The filterbank as a dense (nFft/2+1) x nMels matrix, row-major; for tests and plots.
    std::vector<float> denseFilterbank() const;
    const FrontEnd &frontEnd() const { return m_fe; }

private:
    void emitFrame(const float *frameStart, Spectrogram &out);

    struct Private;
    std::unique_ptr<Private> d;
    FrontEnd m_fe;
};

// Clamp every value below (max - topDb), max taken over the whole matrix (torchaudio semantics).
void applyTopDb(Spectrogram &spec, double topDb);

// Hz <-> mel for the two scales (torchaudio's formulas).
double hzToMel(double hz, FrontEnd::MelScale scale);
double melToHz(double mel, FrontEnd::MelScale scale);

} // namespace spectag
