#include "dsp/melspectrogram.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>

namespace spectag {

namespace {

// FFTW's planner is not thread-safe; execution of an existing plan on new arrays is.
std::mutex &plannerMutex()
{
    static std::mutex m;
    return m;
}

constexpr double kAmin = 1e-10;  // torchaudio's floor before log10

// One triangular mel filter, stored sparsely: it covers only a few FFT bins.
struct Filter {
    int first = 0;
    std::vector<double> weights;
};

} // namespace

double hzToMel(double hz, FrontEnd::MelScale scale)
{
    if (scale == FrontEnd::MelScale::Htk)
        return 2595.0 * std::log10(1.0 + hz / 700.0);
    constexpr double fSp = 200.0 / 3.0, minLogHz = 1000.0, minLogMel = minLogHz / fSp;
    const double logStep = std::log(6.4) / 27.0;
    return hz >= minLogHz ? minLogMel + std::log(hz / minLogHz) / logStep : hz / fSp;
}

double melToHz(double mel, FrontEnd::MelScale scale)
{
    if (scale == FrontEnd::MelScale::Htk)
        return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
    constexpr double fSp = 200.0 / 3.0, minLogHz = 1000.0, minLogMel = minLogHz / fSp;
    const double logStep = std::log(6.4) / 27.0;
    return mel >= minLogMel ? minLogHz * std::exp(logStep * (mel - minLogMel)) : fSp * mel;
}

struct MelSpectrogram::Private {
    fftw_plan plan = nullptr;
    double *in = nullptr;
    fftw_complex *out = nullptr;
    std::vector<double> window;  // nFft long, zero outside the centred Hann of winLength
    std::vector<Filter> filters;
    std::vector<double> power;   // nFft/2+1
    std::vector<float> buf;     // samples (with left padding) not yet fully consumed
    size_t pos = 0;             // start of the next frame within buf
    bool started = false;       // left padding done

    ~Private()
    {
        std::lock_guard lock(plannerMutex());
        if (plan)
            fftw_destroy_plan(plan);
        fftw_free(in);
        fftw_free(out);
    }
};

MelSpectrogram::MelSpectrogram(const FrontEnd &fe)
    : d(std::make_unique<Private>())
    , m_fe(fe)
{
    const int n = fe.nFft;
    const int nFreq = n / 2 + 1;
    {
        std::lock_guard lock(plannerMutex());
        d->in = fftw_alloc_real(size_t(n));
        d->out = fftw_alloc_complex(size_t(nFreq));
        d->plan = fftw_plan_dft_r2c_1d(n, d->in, d->out, FFTW_ESTIMATE);
    }
    d->power.resize(size_t(nFreq));

    // Periodic Hann (torch.hann_window default), zero-padded to nFft and centred like torch.stft.
    d->window.assign(size_t(n), 0.0f);
    const int left = (n - fe.winLength) / 2;
    for (int i = 0; i < fe.winLength; ++i)
        d->window[size_t(left + i)] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / fe.winLength);

    if (fe.nMels > 0) {
        // torchaudio.functional.melscale_fbanks: FFT bin centres spread linearly over
        // 0..sample_rate//2 (integer division, as torchaudio does), triangles between mel points.
        std::vector<double> allFreqs(static_cast<size_t>(nFreq));
        const double nyq = double(fe.sampleRate / 2);
        for (int k = 0; k < nFreq; ++k)
            allFreqs[size_t(k)] = nFreq > 1 ? nyq * k / (nFreq - 1) : 0.0;
        const double mMin = hzToMel(fe.fMin, fe.melScale), mMax = hzToMel(fe.fMax, fe.melScale);
        std::vector<double> fPts(size_t(fe.nMels + 2));
        for (int i = 0; i < fe.nMels + 2; ++i)
            fPts[size_t(i)] = melToHz(mMin + (mMax - mMin) * i / (fe.nMels + 1), fe.melScale);
        d->filters.resize(size_t(fe.nMels));
        for (int m = 0; m < fe.nMels; ++m) {
            const double lo = fPts[size_t(m)], c = fPts[size_t(m + 1)], hi = fPts[size_t(m + 2)];
            const double enorm = fe.melNorm == FrontEnd::MelNorm::Slaney ? 2.0 / (hi - lo) : 1.0;
            Filter &f = d->filters[size_t(m)];
            f.first = -1;
            for (int k = 0; k < nFreq; ++k) {
                const double fr = allFreqs[size_t(k)];
                const double down = (fr - lo) / (c - lo), up = (hi - fr) / (hi - c);
                const double w = std::max(0.0, std::min(down, up)) * enorm;
                if (w > 0.0) {
                    if (f.first < 0)
                        f.first = k;
                    // Bins between the first and this one are all inside the triangle (convex).
                    f.weights.resize(size_t(k - f.first + 1), 0.0);
                    f.weights[size_t(k - f.first)] = w;
                }
            }
            if (f.first < 0)
                f.first = 0;  // empty filter (too many mels for n_fft): outputs the floor, like torchaudio
        }
    }
}

MelSpectrogram::~MelSpectrogram() = default;

void MelSpectrogram::reset()
{
    d->buf.clear();
    d->pos = 0;
    d->started = false;
}

void MelSpectrogram::emitFrame(const float *frameStart, Spectrogram &out)
{
    const int n = m_fe.nFft;
    const int nFreq = n / 2 + 1;
    for (int i = 0; i < n; ++i)
        d->in[i] = double(frameStart[i]) * d->window[size_t(i)];
    fftw_execute_dft_r2c(d->plan, d->in, d->out);
    for (int k = 0; k < nFreq; ++k)
        d->power[size_t(k)] = d->out[k][0] * d->out[k][0] + d->out[k][1] * d->out[k][1];

    const int bins = m_fe.bins();
    out.bins = bins;
    const size_t base = out.data.size();
    out.data.resize(base + size_t(bins));
    float *dst = out.data.data() + base;
    if (m_fe.nMels > 0) {
        for (int m = 0; m < bins; ++m) {
            const Filter &f = d->filters[size_t(m)];
            double acc = 0.0;
            const double *p = d->power.data() + f.first;
            for (size_t j = 0; j < f.weights.size(); ++j)
                acc += f.weights[j] * p[j];
            dst[m] = float(m_fe.toDb ? 10.0 * std::log10(std::max(acc, kAmin)) : acc);
        }
    } else {
        for (int k = 0; k < bins; ++k)
            dst[k] = float(m_fe.toDb ? 10.0 * std::log10(std::max(d->power[size_t(k)], kAmin)) : d->power[size_t(k)]);
    }
}

void MelSpectrogram::push(const float *samples, size_t count, Spectrogram &out)
{
    out.bins = m_fe.bins();
    d->buf.insert(d->buf.end(), samples, samples + count);
    const size_t n = size_t(m_fe.nFft), half = n / 2;
    if (!d->started) {
        if (!m_fe.center) {
            d->started = true;
        } else if (d->buf.size() > half) {
            // Reflect padding: x[half], ..., x[1] in front of x[0] (torch's "reflect" mode).
            std::vector<float> pad(half);
            for (size_t i = 0; i < half; ++i)
                pad[i] = d->buf[half - i];
            d->buf.insert(d->buf.begin(), pad.begin(), pad.end());
            d->started = true;
        } else {
            return;  // not enough samples yet to reflect
        }
    }
    const size_t hop = size_t(m_fe.hop);
    while (d->pos + n <= d->buf.size()) {
        emitFrame(d->buf.data() + d->pos, out);
        d->pos += hop;
    }
    // Keep what the next frames and the right-hand reflection at finish() may still need.
    const size_t keepFrom = std::min(d->pos, d->buf.size() > half + 1 ? d->buf.size() - (half + 1) : 0);
    if (keepFrom > (1u << 16)) {
        d->buf.erase(d->buf.begin(), d->buf.begin() + std::ptrdiff_t(keepFrom));
        d->pos -= keepFrom;
    }
}

void MelSpectrogram::finish(Spectrogram &out)
{
    out.bins = m_fe.bins();
    const size_t n = size_t(m_fe.nFft), half = n / 2;
    if (m_fe.center) {
        if (!d->started) {
            // Shorter than half a window: reflection is impossible (torch raises); pad with zeros.
            d->buf.insert(d->buf.begin(), half, 0.0f);
            d->buf.insert(d->buf.end(), half, 0.0f);
            d->started = true;
        } else {
            const size_t len = d->buf.size();
            std::vector<float> pad(half);
            for (size_t i = 0; i < half; ++i)
                pad[i] = len >= i + 2 ? d->buf[len - 2 - i] : 0.0f;
            d->buf.insert(d->buf.end(), pad.begin(), pad.end());
        }
    }
    const size_t hop = size_t(m_fe.hop);
    while (d->pos + n <= d->buf.size()) {
        emitFrame(d->buf.data() + d->pos, out);
        d->pos += hop;
    }
    d->buf.clear();
    d->pos = 0;
}

Spectrogram MelSpectrogram::compute(const std::vector<float> &pcm)
{
    reset();
    Spectrogram s;
    s.bins = m_fe.bins();
    s.data.reserve(size_t(pcm.size() / size_t(m_fe.hop) + 2) * size_t(s.bins));
    push(pcm.data(), pcm.size(), s);
    finish(s);
    if (m_fe.toDb && m_fe.topDb > 0)
        applyTopDb(s, m_fe.topDb);
    return s;
}

std::vector<float> MelSpectrogram::denseFilterbank() const
{
    const int nFreq = m_fe.nFft / 2 + 1;
    std::vector<float> fb(size_t(nFreq) * size_t(std::max(1, m_fe.nMels)), 0.0f);
    for (int m = 0; m < m_fe.nMels; ++m) {
        const Filter &f = d->filters[size_t(m)];
        for (size_t j = 0; j < f.weights.size(); ++j)
            fb[size_t(f.first + int(j)) * size_t(m_fe.nMels) + size_t(m)] = float(f.weights[j]);
    }
    return fb;
}

void applyTopDb(Spectrogram &spec, double topDb)
{
    if (spec.data.empty() || topDb <= 0)
        return;
    const float floor = *std::max_element(spec.data.begin(), spec.data.end()) - float(topDb);
    for (float &v : spec.data)
        v = std::max(v, floor);
}

} // namespace spectag
