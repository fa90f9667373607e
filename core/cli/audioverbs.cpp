// `spectag decode` and `spectag mel`: look at what the audio front-end makes of a file.
#include "audio/audiodecoder.h"
#include "cli/cli.h"
#include "cli/npywriter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace spectag::cli {

namespace {

constexpr qint64 kBlockFrames = 1 << 15;

void addFrontEndOptions(QCommandLineParser &p)
{
    const FrontEnd d;
    p.addOptions({
        {QStringLiteral("rate"), QStringLiteral("Sample rate in Hz (default %1).").arg(d.sampleRate), QStringLiteral("hz")},
        {QStringLiteral("n-fft"), QStringLiteral("FFT size (default %1).").arg(d.nFft), QStringLiteral("n")},
        {QStringLiteral("win-length"), QStringLiteral("Window length (default: n-fft)."), QStringLiteral("n")},
        {QStringLiteral("hop"), QStringLiteral("Hop in samples (default %1).").arg(d.hop), QStringLiteral("n")},
        {QStringLiteral("n-mels"), QStringLiteral("Mel bands; 0 = linear spectrogram (default %1).").arg(d.nMels), QStringLiteral("n")},
        {QStringLiteral("fmin"), QStringLiteral("Lowest mel frequency (default %1).").arg(d.fMin), QStringLiteral("hz")},
        {QStringLiteral("fmax"), QStringLiteral("Highest mel frequency (default: rate/2)."), QStringLiteral("hz")},
        {QStringLiteral("htk"), QStringLiteral("HTK mel scale instead of Slaney.")},
        {QStringLiteral("no-norm"), QStringLiteral("No Slaney area normalisation of the mel filters.")},
        {QStringLiteral("top-db"), QStringLiteral("Dynamic range below the peak (default %1; 0 = off).").arg(d.topDb), QStringLiteral("db")},
        {QStringLiteral("power"), QStringLiteral("Output power, not dB.")},
    });
}

FrontEnd frontEndFromOptions(const QCommandLineParser &p, QString *error)
{
    FrontEnd f;
    auto intOpt = [&](const char *name, int &dst) {
        if (p.isSet(QLatin1String(name)))
            dst = p.value(QLatin1String(name)).toInt();
    };
    auto dblOpt = [&](const char *name, double &dst) {
        if (p.isSet(QLatin1String(name)))
            dst = p.value(QLatin1String(name)).toDouble();
    };
    intOpt("rate", f.sampleRate);
    intOpt("n-fft", f.nFft);
    f.winLength = f.nFft;
    intOpt("win-length", f.winLength);
    intOpt("hop", f.hop);
    intOpt("n-mels", f.nMels);
    dblOpt("fmin", f.fMin);
    f.fMax = p.isSet(QStringLiteral("fmax")) ? p.value(QStringLiteral("fmax")).toDouble() : f.sampleRate / 2.0;
    dblOpt("top-db", f.topDb);
    if (p.isSet(QStringLiteral("htk")))
        f.melScale = FrontEnd::MelScale::Htk;
    if (p.isSet(QStringLiteral("no-norm")))
        f.melNorm = FrontEnd::MelNorm::None;
    if (p.isSet(QStringLiteral("power")))
        f.toDb = false;
    *error = f.validate();
    return f;
}

int decodeVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Audio files."), QStringLiteral("FILE..."));
    p.addOptions({
        {QStringLiteral("rate"), QStringLiteral("Output sample rate in Hz (default 16000)."), QStringLiteral("hz"), QStringLiteral("16000")},
        {QStringLiteral("raw"), QStringLiteral("Write the mono float32 little-endian PCM of the (single) file here."), QStringLiteral("out")},
        {QStringLiteral("json"), QStringLiteral("One JSON object per file.")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Decodes audio to mono float32 and reports what was found.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    const QStringList files = p.positionalArguments();
    const int rate = p.value(QStringLiteral("rate")).toInt();
    if (files.isEmpty() || rate < 1000 || (p.isSet(QStringLiteral("raw")) && files.size() != 1)) {
        ctx.err << p.helpText();
        return Usage;
    }
    QFile raw;
    if (p.isSet(QStringLiteral("raw"))) {
        raw.setFileName(p.value(QStringLiteral("raw")));
        if (!raw.open(QIODevice::WriteOnly)) {
            ctx.err << "spectag: cannot write " << raw.fileName() << ": " << raw.errorString() << '\n';
            return Failure;
        }
    }
    int failures = 0;
    for (const QString &file : files) {
        QElapsedTimer timer;
        timer.start();
        AudioDecoder dec(rate);
        dec.setCancelFlag(&ctx.cancel);
        std::vector<float> block;
        qint64 total = 0;
        if (dec.open(file)) {
            for (;;) {
                block.clear();
                const qint64 n = dec.read(block, kBlockFrames);
                if (n == 0)
                    break;
                total += n;
                if (raw.isOpen())
                    raw.write(reinterpret_cast<const char *>(block.data()), qint64(block.size() * sizeof(float)));
            }
        }
        const DecodeError &e = dec.error();
        if (!e.ok())
            ++failures;
        const double secs = double(total) / rate;
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject o{{QStringLiteral("path"), file},
                          {QStringLiteral("ok"), e.ok()},
                          {QStringLiteral("error"), DecodeError::codeName(e.code)},
                          {QStringLiteral("message"), e.message},
                          {QStringLiteral("codec"), dec.info().codec},
                          {QStringLiteral("container"), dec.info().container},
                          {QStringLiteral("declared_seconds"), dec.info().durationSeconds},
                          {QStringLiteral("decoded_seconds"), secs},
                          {QStringLiteral("source_rate"), dec.info().sourceSampleRate},
                          {QStringLiteral("source_channels"), dec.info().sourceChannels},
                          {QStringLiteral("wall_seconds"), timer.nsecsElapsed() / 1e9}};
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else if (e.ok()) {
            ctx.out << file << ": " << dec.info().container << '/' << dec.info().codec << ", "
                    << dec.info().sourceSampleRate << " Hz x" << dec.info().sourceChannels << ", "
                    << QString::number(secs, 'f', 2) << " s decoded\n";
        } else {
            ctx.err << "spectag: " << e.message << " [" << DecodeError::codeName(e.code) << "]\n";
        }
        if (ctx.cancel)
            return Cancelled;
    }
    return failures == 0 ? Ok : (failures == files.size() ? Failure : PartialFailure);
}

int melVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Audio file."), QStringLiteral("FILE"));
    addFrontEndOptions(p);
    p.addOptions({
        {QStringLiteral("png"), QStringLiteral("Write a spectrogram picture (PNG)."), QStringLiteral("out.png")},
        {QStringLiteral("npy"), QStringLiteral("Write the matrix as NumPy .npy (frames x bins, float32)."), QStringLiteral("out.npy")},
        {QStringLiteral("max-seconds"), QStringLiteral("Only the first N seconds."), QStringLiteral("n")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Computes the (mel) spectrogram of an audio file.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1) {
        ctx.err << p.helpText();
        return Usage;
    }
    if (!checkNumbers(ctx, p, {{"top-db", 0, 300, false}, {"max-seconds", 0, 1e7, false}}))
        return Usage;
    QString feError;
    const FrontEnd fe = frontEndFromOptions(p, &feError);
    if (!feError.isEmpty()) {
        ctx.err << "spectag: " << feError << '\n';
        return Usage;
    }
    const QString file = p.positionalArguments().constFirst();
    const double maxSeconds = p.value(QStringLiteral("max-seconds")).toDouble();

    AudioDecoder dec(fe.sampleRate);
    dec.setCancelFlag(&ctx.cancel);
    MelSpectrogram mel(fe);
    Spectrogram spec;
    std::vector<float> block;
    qint64 total = 0;
    const qint64 limit = maxSeconds > 0 ? qint64(maxSeconds * fe.sampleRate) : std::numeric_limits<qint64>::max();
    if (dec.open(file)) {
        while (total < limit) {
            block.clear();
            const qint64 n = dec.read(block, std::min(kBlockFrames, limit - total));
            if (n == 0)
                break;
            total += n;
            mel.push(block.data(), block.size(), spec);
        }
        mel.finish(spec);
    }
    if (!dec.error().ok()) {
        ctx.err << "spectag: " << dec.error().message << " [" << DecodeError::codeName(dec.error().code) << "]\n";
        return dec.error().code == DecodeErrorCode::Cancelled ? int(Cancelled) : int(Failure);
    }
    if (fe.toDb && fe.topDb > 0)
        applyTopDb(spec, fe.topDb);
    ctx.out << file << ": " << spec.frames() << " frames x " << spec.bins << " bins ("
            << QString::number(double(total) / fe.sampleRate, 'f', 2) << " s)\n";
    if (p.isSet(QStringLiteral("npy"))) {
        const QString e = writeNpy(p.value(QStringLiteral("npy")), spec.data.data(), spec.frames(), spec.bins);
        if (!e.isEmpty()) {
            ctx.err << "spectag: " << e << '\n';
            return Failure;
        }
    }
    if (p.isSet(QStringLiteral("png"))) {
        if (!ctx.hooks.writeSpectrogramImage) {
            ctx.err << "spectag: this build has no image support\n";
            return Failure;
        }
        const QString e = ctx.hooks.writeSpectrogramImage(spec, fe, p.value(QStringLiteral("png")));
        if (!e.isEmpty()) {
            ctx.err << "spectag: " << e << '\n';
            return Failure;
        }
    }
    return Ok;
}

} // namespace

void addDecodeVerb(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("decode"), QStringLiteral("Decode audio files and report duration, codec and errors"), decodeVerb});
}

void addMelVerb(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("mel"), QStringLiteral("Compute a mel spectrogram (PNG picture or .npy matrix)"), melVerb});
}

} // namespace spectag::cli
