// Throughput of the audio front-end: decode alone and decode + mel, seconds of audio per second
// of wall time, on one thread and on a thread pool (as analysis runs it).
// usage: bench_frontend [--threads N] [--rate HZ] FILE...
#include "audio/audiodecoder.h"
#include "dsp/melspectrogram.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>
#include <cstdio>

using namespace spectag;

namespace {

struct Totals {
    std::atomic<qint64> samples{0};
    std::atomic<qint64> frames{0};
    std::atomic<int> failures{0};
};

void processFile(const QString &path, const FrontEnd &fe, bool withMel, Totals &t)
{
    AudioDecoder dec(fe.sampleRate);
    if (!dec.open(path)) {
        ++t.failures;
        return;
    }
    MelSpectrogram mel(fe);
    Spectrogram spec;
    std::vector<float> block;
    block.reserve(1 << 15);
    for (;;) {
        block.clear();
        const qint64 n = dec.read(block, 1 << 15);
        if (n == 0)
            break;
        t.samples += n;
        if (withMel) {
            mel.push(block.data(), block.size(), spec);
            t.frames += spec.frames();
            spec.data.clear();  // streaming: the consumer takes frames as they come
        }
    }
    if (withMel)
        mel.finish(spec);
    if (!dec.error().ok())
        ++t.failures;
}

void runCase(const char *label, const QStringList &files, const FrontEnd &fe, bool withMel, int threads)
{
    Totals t;
    QElapsedTimer timer;
    timer.start();
    if (threads <= 1) {
        for (const QString &f : files)
            processFile(f, fe, withMel, t);
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        QtConcurrent::blockingMap(&pool, files, [&](const QString &f) { processFile(f, fe, withMel, t); });
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    const double audio = double(t.samples.load()) / fe.sampleRate;
    std::printf("%-28s threads=%d  audio=%8.1f s  wall=%7.2f s  speed=%7.1fx realtime  failures=%d\n", label, threads,
                audio, wall, audio / wall, t.failures.load());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int threads = QThread::idealThreadCount();
    FrontEnd fe;
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--threads"))
            threads = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--rate"))
            fe.sampleRate = args.value(++i).toInt(), fe.fMax = fe.sampleRate / 2.0;
        else
            files << args[i];
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: bench_frontend [--threads N] [--rate HZ] FILE...\n");
        return 2;
    }
    std::printf("front-end: %d Hz, n_fft %d, hop %d, %d mels; %lld files\n", fe.sampleRate, fe.nFft, fe.hop, fe.nMels,
                static_cast<long long>(files.size()));
    runCase("spectag decode", files, fe, false, 1);
    runCase("spectag decode+mel", files, fe, true, 1);
    if (threads > 1) {
        runCase("spectag decode", files, fe, false, threads);
        runCase("spectag decode+mel", files, fe, true, threads);
    }
    return 0;
}
