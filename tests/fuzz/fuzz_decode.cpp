// libFuzzer harness: arbitrary bytes as an audio file, decoded by FFmpeg to mono 16 kHz float
// (the first byte picks the extension, fuzzutil.h), hashed the way the tag writer verifies the
// payload, and turned into a mel spectrogram streamed block by block as analysis does.
#include "fuzzutil.h"

#include "audio/audiodecoder.h"
#include "audio/payloadhash.h"
#include "dsp/melspectrogram.h"

#include <cmath>

using namespace spectag;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzzutil::writeInput(data, size);
    if (path.isEmpty())
        return 0;
    (void)audioPayloadHash(path, PayloadHashMode::Full);

    FrontEnd fe;  // the default front end (16 kHz, 512-point FFT, 96 mel bins)
    AudioDecoder dec(fe.sampleRate);
    if (dec.open(path)) {
        MelSpectrogram mel(fe);
        Spectrogram spec;
        std::vector<float> block;
        // A tiny file can claim hours of audio: stop after 60 s of output so one input stays fast.
        constexpr qint64 kMaxFrames = 60 * 16000;
        qint64 total = 0;
        qint64 n = 0;
        while (total < kMaxFrames && (n = dec.read(block, 16000)) > 0) {
            total += n;
            for (float v : block) {
                // The decoder promises finite samples; a NaN would poison every mel bin downstream.
                if (!std::isfinite(v))
                    __builtin_trap();
            }
            mel.push(block.data(), block.size(), spec);
            block.clear();
        }
        mel.finish(spec);
        for (float v : spec.data)
            if (std::isnan(v))
                __builtin_trap();
    }
    fuzzutil::cleanUp();
    return 0;
}
