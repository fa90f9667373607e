// libFuzzer harness for the model-file loader (.stm, core/model/modelfile.cpp). Every file ends in
// a SHA-256 of its content, which random bytes never match, so for inputs whose first byte is even
// the harness appends the right digest to the rest: the fuzzer then reaches the JSON header, the
// spec and the tensor table instead of stopping at the checksum. Odd first byte: the bytes as they
// are. A file that parses must also survive what loading does next: its front end builds a mel
// spectrogram, and saving it again must give a file that parses (fine-tuning re-saves models).
#include "dsp/melspectrogram.h"
#include "model/modelfile.h"

#include <QCryptographicHash>

#include <cmath>
#include <cstdio>
#include <cstdint>

using namespace spectag;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if ((data[0] & 1) == 0)
        bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);

    ModelFile mf;
    QString error;
    if (!parseModelFile(bytes, &mf, &error)) {
        if (error.isEmpty())
            __builtin_trap();  // a refusal must say why
        return 0;
    }
    (void)mf.versionHash();
    (void)mf.spec.validate();
    for (const TensorRecord &t : mf.tensors) {
        if (t.data.size() != t.elementCount() * TensorRecord::elementSize(t.dtype))
            __builtin_trap();  // the parser promised data that fits the shape
    }

    const FrontEnd &fe = mf.spec.frontEnd;
    // Analysis builds its spectrogram from the file's front end once the spec validates; keep one
    // input cheap (a 64k-point FFT over a second of audio is still quick).
    if (fe.validate().isEmpty()) {
        MelSpectrogram mel(fe);
        std::vector<float> pcm(size_t(fe.sampleRate) / 4);
        for (size_t i = 0; i < pcm.size(); ++i)
            pcm[i] = float(std::sin(0.05 * double(i)));
        const Spectrogram s = mel.compute(pcm);
        for (float v : s.data)
            if (std::isnan(v))
                __builtin_trap();
    }

    ModelFile again;
    const QByteArray resaved = serializeModelFile(mf.spec, mf.tensors);
    if (!parseModelFile(resaved, &again, &error)) {
        std::fprintf(stderr, "re-saved model does not parse: %s\n", qPrintable(error));
        __builtin_trap();  // a loaded model that cannot be saved and read back
    }
    return 0;
}
