// MelSpectrogram: mel scale maths, filterbank shape, streaming == whole-signal, and parity with
// torchaudio (independent reference) on test tones and real music.
#include "audio/audiodecoder.h"
#include "common/testutil.h"
#include "dsp/melspectrogram.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace spectag;

namespace {

std::vector<float> sine(double hz, int rate, double seconds, double amp = 0.5)
{
    std::vector<float> x(size_t(seconds * rate));
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = float(amp * std::sin(2 * std::numbers::pi * hz * double(i) / rate));
    return x;
}

FrontEnd paramSet(const QString &name)
{
    FrontEnd f;  // default: 16 kHz, n_fft 512, hop 256, 96 Slaney mels 0..8000, Slaney norm
    if (name == QLatin1String("htk-22k")) {
        f.sampleRate = 22050; f.nFft = 2048; f.winLength = 2048; f.hop = 512; f.nMels = 128;
        f.fMin = 0; f.fMax = 11025; f.melScale = FrontEnd::MelScale::Htk; f.melNorm = FrontEnd::MelNorm::None;
    } else if (name == QLatin1String("short-window")) {
        f.nFft = 1024; f.winLength = 400; f.hop = 160; f.nMels = 64; f.fMin = 20; f.fMax = 7600;
        f.melScale = FrontEnd::MelScale::Htk; f.melNorm = FrontEnd::MelNorm::Slaney;
    } else if (name == QLatin1String("linear")) {
        f.nMels = 0; f.nFft = 512; f.winLength = 512; f.hop = 200;
    }
    return f;
}

} // namespace

class TestMelSpectrogram : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    double m_worstParity = 0.0;

private Q_SLOTS:
    void melScales()
    {
        // Reference points of both scales (Slaney is linear to 1 kHz = 15 mel, HTK 1 kHz ~ 1000 mel).
        QCOMPARE(hzToMel(1000.0, FrontEnd::MelScale::Slaney), 15.0);
        QVERIFY(std::abs(hzToMel(1000.0, FrontEnd::MelScale::Htk) - 999.9855) < 1e-3);
        QVERIFY(std::abs(hzToMel(200.0, FrontEnd::MelScale::Slaney) - 3.0) < 1e-12);
        for (double hz : {0.0, 55.0, 440.0, 999.0, 1000.0, 4321.0, 11025.0})
            for (auto s : {FrontEnd::MelScale::Htk, FrontEnd::MelScale::Slaney})
                QVERIFY(std::abs(melToHz(hzToMel(hz, s), s) - hz) < 1e-9 * std::max(1.0, hz));
    }

    void filterbankShape()
    {
        FrontEnd fe;
        MelSpectrogram mel(fe);
        const auto fb = mel.denseFilterbank();
        const int nFreq = fe.nFft / 2 + 1;
        // Every filter is non-empty, triangular (one peak) and centres rise with the mel index.
        int lastPeak = -1;
        for (int m = 0; m < fe.nMels; ++m) {
            int peak = 0;
            for (int k = 0; k < nFreq; ++k)
                if (fb[size_t(k * fe.nMels + m)] > fb[size_t(peak * fe.nMels + m)])
                    peak = k;
            QVERIFY2(fb[size_t(peak * fe.nMels + m)] > 0, qPrintable(QString::number(m)));
            QVERIFY(peak >= lastPeak);
            lastPeak = peak;
        }
    }

    void toneLandsInItsBand()
    {
        FrontEnd fe;
        MelSpectrogram mel(fe);
        const Spectrogram s = mel.compute(sine(1000.0, fe.sampleRate, 1.0));
        QCOMPARE(s.frames(), 1 + fe.sampleRate / fe.hop);  // centred frames: 1 + len/hop
        const float *f = s.frame(s.frames() / 2);
        const int peak = int(std::max_element(f, f + s.bins) - f);
        // The band whose centre is nearest 1 kHz.
        const double m0 = hzToMel(fe.fMin, fe.melScale), m1 = hzToMel(fe.fMax, fe.melScale);
        int nearest = 0;
        double best = 1e9;
        for (int m = 0; m < fe.nMels; ++m) {
            const double c = melToHz(m0 + (m1 - m0) * (m + 1) / (fe.nMels + 1), fe.melScale);
            if (std::abs(c - 1000.0) < best) {
                best = std::abs(c - 1000.0);
                nearest = m;
            }
        }
        QVERIFY2(std::abs(peak - nearest) <= 1, qPrintable(QStringLiteral("%1 vs %2").arg(peak).arg(nearest)));
    }

    void streamingEqualsWhole()
    {
        FrontEnd fe = paramSet(QStringLiteral("short-window"));
        std::mt19937 rng(7);
        std::normal_distribution<float> noise(0.f, 0.1f);
        std::vector<float> x = sine(330.0, fe.sampleRate, 3.3);
        for (float &v : x)
            v += noise(rng);
        MelSpectrogram a(fe), b(fe);
        fe.topDb = 0;
        const Spectrogram whole = a.compute(x);
        Spectrogram pieces;
        size_t pos = 0, step = 1;
        while (pos < x.size()) {  // odd, growing chunk sizes, starting below half a window
            const size_t n = std::min(step, x.size() - pos);
            b.push(x.data() + pos, n, pieces);
            pos += n;
            step = step * 3 + 1;
        }
        b.finish(pieces);
        applyTopDb(pieces, paramSet(QStringLiteral("short-window")).topDb);
        QCOMPARE(pieces.frames(), whole.frames());
        for (size_t i = 0; i < whole.data.size(); ++i)
            QCOMPARE(pieces.data[i], whole.data[i]);
    }

    void topDbClamps()
    {
        Spectrogram s;
        s.bins = 2;
        s.data = {0.f, -10.f, -100.f, -50.f};
        applyTopDb(s, 80.0);
        QCOMPARE(s.data, (std::vector<float>{0.f, -10.f, -80.f, -50.f}));
    }

    void frontEndJson()
    {
        const FrontEnd f = paramSet(QStringLiteral("htk-22k"));
        QString err;
        QCOMPARE(FrontEnd::fromJson(f.toJson(), &err), f);
        QVERIFY(err.isEmpty());
        FrontEnd bad = f;
        bad.fMax = 30000;
        QVERIFY(!bad.validate().isEmpty());
    }

    void torchaudioParity_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("params");
        for (const char *p : {"default", "htk-22k", "short-window", "linear"}) {
            QTest::newRow(qPrintable(QStringLiteral("chirp/%1").arg(QLatin1String(p))))
                << QStringLiteral("aevalsrc=0.4*sin(2*PI*(100+900*t)*t)|0.3*sin(2*PI*3000*t)") << QString::fromLatin1(p);
            QTest::newRow(qPrintable(QStringLiteral("noise/%1").arg(QLatin1String(p))))
                << QStringLiteral("anoisesrc=color=pink:amplitude=0.3") << QString::fromLatin1(p);
        }
        const QStringList real = testutil::realMusicFiles(3);
        for (const QString &f : real)
            for (const char *p : {"default", "htk-22k"})
                QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QFileInfo(f).fileName(), QLatin1String(p))))
                    << f << QString::fromLatin1(p);
    }

    void torchaudioParity()
    {
        QFETCH(QString, source);
        QFETCH(QString, params);
        if (!testutil::havePythonModule(QStringLiteral("torchaudio")))
            QSKIP("python3-torchaudio is not installed: the independent reference is missing");
        const FrontEnd fe = paramSet(params);
        QString audio = source;
        if (!QFileInfo::exists(source)) {
            audio = testutil::makeAudio(m_dir.path(), QStringLiteral("src-%1.flac").arg(qHash(source)), 4.0, source, 1,
                                        fe.sampleRate);
            QVERIFY(!audio.isEmpty());
        }
        DecodeError err;
        const std::vector<float> pcm = decodeFile(audio, fe.sampleRate, &err, 30.0);
        QVERIFY2(err.ok(), qPrintable(err.message));
        const QString pcmPath = m_dir.filePath(QStringLiteral("pcm.f32")), refPath = m_dir.filePath(QStringLiteral("ref.f64"));
        {
            QFile f(pcmPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(reinterpret_cast<const char *>(pcm.data()), qint64(pcm.size() * sizeof(float)));
        }
        FrontEnd noTop = fe;
        noTop.topDb = 0;
        MelSpectrogram mel(noTop);
        const Spectrogram ours = mel.compute(pcm);

        for (const char *dtype : {"float64", "float32"}) {
            const auto r = testutil::run(testutil::python(),
                                         {QStringLiteral(SPECTAG_TESTS_DIR "/dsp/torchaudio_mel.py"), pcmPath, refPath,
                                          QString::fromUtf8(QJsonDocument(fe.toJson()).toJson(QJsonDocument::Compact)),
                                          QString::fromLatin1(dtype)});
            QVERIFY2(r.ok(), r.err.constData());
            QFile f(refPath);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray raw = f.readAll();
            const auto *ref = reinterpret_cast<const double *>(raw.constData());
            const size_t n = size_t(raw.size()) / sizeof(double);
            QCOMPARE(n, ours.data.size());  // same frame count and bins
            const double peak = *std::max_element(ref, ref + n);
            double worst = 0;
            for (size_t i = 0; i < n; ++i)
                if (ref[i] >= peak - 80.0)  // the range a model sees (top_db 80)
                    worst = std::max(worst, std::abs(double(ours.data[i]) - ref[i]));
            qInfo("parity %s vs torchaudio %s: max |diff| = %.3g dB over %zu values", qPrintable(QString::fromLatin1(QTest::currentDataTag())),
                  dtype, worst, n);
            if (QByteArray(dtype) == "float64") {
                QVERIFY2(worst <= 1e-3, qPrintable(QString::number(worst)));
                m_worstParity = std::max(m_worstParity, worst);
            } else {
                // float32 torchaudio rounds more than we do; it must still agree to a hundredth of a dB.
                QVERIFY2(worst <= 0.05, qPrintable(QString::number(worst)));
            }
        }
    }

    void cleanupTestCase() { qInfo("worst parity against float64 torchaudio: %.3g dB", m_worstParity); }
};

QTEST_GUILESS_MAIN(TestMelSpectrogram)
#include "tst_melspectrogram.moc"
