// AudioDecoder: every common format decodes to mono float32 at the requested rate, streams in
// bounded blocks, and every kind of bad input gets its own typed error (never a crash or hang).
#include "audio/audiodecoder.h"
#include "audio/payloadhash.h"
#include "common/testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>
#include <unistd.h>

using namespace spectag;

namespace {

// Energy of one frequency (Goertzel) normalised by signal length: finds which tone a file holds.
double toneEnergy(const std::vector<float> &x, int rate, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / rate, c = 2.0 * std::cos(w);
    double s1 = 0, s2 = 0;
    for (float v : x) {
        const double s0 = v + c * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - c * s1 * s2) / double(x.size() * x.size());
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestAudioDecoder : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(testutil::haveProgram(QStringLiteral("ffmpeg")), "ffmpeg CLI is needed to make fixtures");
    }

    void decodesFormats_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("rate");
        for (const char *ext : {"mp3", "flac", "ogg", "opus", "m4a", "wav", "aiff"}) {
            QTest::newRow(ext) << QStringLiteral("tone.%1").arg(QLatin1String(ext)) << 16000;
            QTest::newRow(qPrintable(QString::fromLatin1(ext) + QStringLiteral("@22050"))) << QStringLiteral("tone.%1").arg(QLatin1String(ext)) << 22050;
        }
    }

    void decodesFormats()
    {
        QFETCH(QString, name);
        QFETCH(int, rate);
        QString path = m_dir.filePath(name);
        if (!QFile::exists(path))
            path = testutil::makeAudio(m_dir.path(), name, 3.0, QStringLiteral("sine=frequency=440"));
        QVERIFY(!path.isEmpty());

        AudioDecoder dec(rate);
        QVERIFY2(dec.open(path), qPrintable(dec.error().message));
        QVERIFY2(std::abs(dec.info().durationSeconds - 3.0) < 0.1,
                 qPrintable(QString::number(dec.info().durationSeconds)));  // known before decoding
        QCOMPARE(dec.info().sourceChannels, 2);
        std::vector<float> pcm;
        while (dec.read(pcm, 4096) > 0) {
        }
        QVERIFY2(dec.error().ok(), qPrintable(dec.error().message));
        // Lossy codecs add encoder delay/padding: allow 0.1 s.
        QVERIFY2(std::abs(double(pcm.size()) / rate - 3.0) < 0.1, qPrintable(QString::number(pcm.size())));
        // It is the 440 Hz tone, resampled correctly: far more energy at 440 than at 1 kHz or 220 Hz.
        const double e440 = toneEnergy(pcm, rate, 440), e1k = toneEnergy(pcm, rate, 1000), e220 = toneEnergy(pcm, rate, 220);
        QVERIFY2(e440 > 100 * e1k && e440 > 100 * e220, qPrintable(QStringLiteral("%1 %2 %3").arg(e440).arg(e1k).arg(e220)));
        // ffmpeg's sine source has amplitude 1/8; the stereo-to-mono downmix keeps it.
        const float peak = *std::max_element(pcm.begin(), pcm.end());
        QVERIFY2(peak > 0.08f && peak < 0.2f, qPrintable(QString::number(peak)));
    }

    void streamingMatchesWholeFile()
    {
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("stream.flac"), 5.0,
                                                 QStringLiteral("sine=frequency=1000"), 1);
        QVERIFY(!path.isEmpty());
        DecodeError err;
        const std::vector<float> whole = decodeFile(path, 16000, &err);
        QVERIFY(err.ok());
        AudioDecoder dec(16000);
        QVERIFY(dec.open(path));
        std::vector<float> pieces;
        qint64 n;
        while ((n = dec.read(pieces, 777)) > 0)
            QVERIFY(n <= 777);  // never more than asked: memory stays bounded by the block
        QCOMPARE(pieces.size(), whole.size());
        QVERIFY(std::equal(pieces.begin(), pieces.end(), whole.begin()));
        QCOMPARE(dec.framesDecoded(), qint64(whole.size()));
    }

    void maxSecondsStopsEarly()
    {
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("long.ogg"), 20.0);
        DecodeError err;
        const auto pcm = decodeFile(path, 16000, &err, 2.0);
        QCOMPARE(qint64(pcm.size()), qint64(32000));
        QVERIFY(err.ok());
    }

    // Two MP3 files glued together (`cat a.mp3 b.mp3`, which people do to join tracks) switch
    // channel count or sample rate mid-stream. A stereo part followed by a mono one crashed in the
    // resampler (found by fuzz_decode); a rate switch came out at the wrong speed; and FFmpeg's
    // bit-rate guess of the duration was taken for a promise and the file called truncated.
    void concatenatedMp3_data()
    {
        QTest::addColumn<int>("channelsA");
        QTest::addColumn<int>("rateA");
        QTest::addColumn<int>("channelsB");
        QTest::addColumn<int>("rateB");
        QTest::addColumn<bool>("leftOnlyB");  // part B's tone in the left channel only
        QTest::newRow("stereo then mono") << 2 << 44100 << 1 << 44100 << false;
        QTest::newRow("mono then stereo") << 1 << 44100 << 2 << 44100 << true;
        QTest::newRow("44.1 kHz then 22.05 kHz") << 2 << 44100 << 2 << 22050 << false;
        QTest::newRow("mono 22.05 kHz then stereo 48 kHz") << 1 << 22050 << 2 << 48000 << true;
    }

    void concatenatedMp3()
    {
        QFETCH(int, channelsA);
        QFETCH(int, rateA);
        QFETCH(int, channelsB);
        QFETCH(int, rateB);
        QFETCH(bool, leftOnlyB);
        const QString tag = QStringLiteral("%1-%2-%3-%4").arg(channelsA).arg(rateA).arg(channelsB).arg(rateB);
        const QString a = testutil::makeAudio(m_dir.path(), QStringLiteral("a-%1.mp3").arg(tag), 3.0,
                                              QStringLiteral("sine=frequency=440"), channelsA, rateA);
        const QString b = testutil::makeAudio(m_dir.path(), QStringLiteral("b-%1.mp3").arg(tag), 3.0,
                                              leftOnlyB ? QStringLiteral("aevalsrc=0.125*sin(2*PI*1000*t)|0")
                                                        : QStringLiteral("sine=frequency=1000"),
                                              channelsB, rateB);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QFile fa(a), fb(b);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        const QString joined = m_dir.filePath(QStringLiteral("joined-%1.mp3").arg(tag));
        writeBytes(joined, fa.readAll() + fb.readAll());

        AudioDecoder dec(16000);
        QVERIFY2(dec.open(joined), qPrintable(dec.error().message));
        std::vector<float> pcm;
        while (dec.read(pcm, 4096) > 0) {
        }
        QVERIFY2(dec.error().ok(), qPrintable(dec.error().message));
        QVERIFY2(std::abs(double(pcm.size()) / 16000 - 6.0) < 0.15, qPrintable(QString::number(double(pcm.size()) / 16000)));
        QVERIFY(std::all_of(pcm.begin(), pcm.end(), [](float v) { return std::isfinite(v); }));
        // Each half is its own tone at its own pitch: resampled from the rate it really has.
        const std::vector<float> first(pcm.begin() + 8000, pcm.begin() + 40000), second(pcm.end() - 40000, pcm.end() - 8000);
        QVERIFY2(toneEnergy(first, 16000, 440) > 100 * toneEnergy(first, 16000, 1000), "first half is not the 440 Hz tone");
        QVERIFY2(toneEnergy(second, 16000, 1000) > 100 * toneEnergy(second, 16000, 440), "second half is not the 1 kHz tone");
        // Both parts keep their level, and a stereo part is mixed down from both channels: a tone at
        // 1/8 in the left channel only comes out near 1/8 x 0.7 (FFmpeg's -3 dB downmix; MP3 moves
        // peaks a little), where reading just the first channel would keep the whole 1/8.
        const auto peak = [](const std::vector<float> &x) { return *std::max_element(x.begin(), x.end()); };
        const bool levelOk = leftOnlyB ? peak(second) > 0.05f && peak(second) < 0.1f : peak(second) > 0.1f;
        QVERIFY2(peak(first) > 0.1f && levelOk,
                 qPrintable(QStringLiteral("%1 %2").arg(peak(first)).arg(peak(second))));
    }

    void unicodePath()
    {
        const QString name = QStringLiteral("\u00dcn\u00efc\u00f6d\u0065\u0301 \u97f3\u697d \U0001F3B5 \u05E2\u05D1\u05E8\u05D9\u05EA.flac");
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("u.flac"), 1.0);
        QVERIFY(QFile::rename(path, m_dir.filePath(name)));
        DecodeError err;
        const auto pcm = decodeFile(m_dir.filePath(name), 16000, &err);
        QVERIFY2(err.ok(), qPrintable(err.message));
        QVERIFY(pcm.size() > 15000);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("missing") << QStringLiteral("missing") << int(DecodeErrorCode::FileNotFound);
        QTest::newRow("zero-byte") << QStringLiteral("empty") << int(DecodeErrorCode::EmptyFile);
        QTest::newRow("text named .mp3") << QStringLiteral("text") << int(DecodeErrorCode::NotAudio);
        QTest::newRow("random bytes .ogg") << QStringLiteral("random") << int(DecodeErrorCode::NotAudio);
        QTest::newRow("folder") << QStringLiteral("folder") << int(DecodeErrorCode::NotAudio);
        QTest::newRow("unknown codec in wav") << QStringLiteral("codec") << int(DecodeErrorCode::UnsupportedCodec);
        QTest::newRow("truncated flac") << QStringLiteral("trunc.flac") << int(DecodeErrorCode::Truncated);
        QTest::newRow("truncated mp3") << QStringLiteral("trunc.mp3") << int(DecodeErrorCode::Truncated);
        QTest::newRow("truncated wav") << QStringLiteral("trunc.wav") << int(DecodeErrorCode::Truncated);
        QTest::newRow("truncated aiff") << QStringLiteral("trunc.aiff") << int(DecodeErrorCode::Truncated);
        QTest::newRow("truncated m4a (index at the end)") << QStringLiteral("trunc.m4a") << int(DecodeErrorCode::Corrupt);
        QTest::newRow("hls playlist named .mp3") << QStringLiteral("hls") << int(DecodeErrorCode::NotAudio);
        // A header claiming 3 Hz or 3 MHz (found by fuzz_decode: setting up the resampler for such
        // a rate took over 10 s): refused at once as damage.
        QTest::newRow("wav claiming 3 Hz") << QStringLiteral("rate3") << int(DecodeErrorCode::Corrupt);
        QTest::newRow("wav claiming 3 MHz") << QStringLiteral("rate3000000") << int(DecodeErrorCode::Corrupt);
    }

    void badInput()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        QString path = m_dir.filePath(QStringLiteral("bad-") + kind);
        if (kind == QLatin1String("empty")) {
            writeBytes(path, {});
        } else if (kind == QLatin1String("text")) {
            path += QStringLiteral(".mp3");
            writeBytes(path, QByteArray("This is a shopping list, not a song.\nMilk\nEggs\n").repeated(40));
        } else if (kind == QLatin1String("random")) {
            path += QStringLiteral(".ogg");
            QByteArray b(64 * 1024, 0);
            quint32 s = 12345;
            for (char &c : b)
                c = char((s = s * 1664525u + 1013904223u) >> 24);
            writeBytes(path, b);
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("codec") || kind.startsWith(QLatin1String("rate"))) {
            // A RIFF/WAVE header whose format tag (0x7777) no decoder knows, or 16-bit PCM at a
            // sample rate from the row's name.
            QByteArray h;
            auto le32 = [&](quint32 v) { for (int i = 0; i < 4; ++i) h.append(char((v >> (8 * i)) & 0xff)); };
            auto le16 = [&](quint16 v) { h.append(char(v & 0xff)); h.append(char(v >> 8)); };
            const quint32 dataLen = 16000;
            const bool pcm = kind.startsWith(QLatin1String("rate"));
            const quint32 rate = pcm ? kind.mid(4).toUInt() : 8000;
            h.append("RIFF"); le32(36 + dataLen); h.append("WAVE");
            h.append("fmt "); le32(16); le16(pcm ? 1 : 0x7777); le16(1); le32(rate); le32(rate * 2); le16(2); le16(16);
            h.append("data"); le32(dataLen);
            h.append(QByteArray(int(dataLen), '\x11'));
            path += QStringLiteral(".wav");
            writeBytes(path, h);
        } else if (kind.startsWith(QLatin1String("trunc"))) {
            const QString ext = kind.section(QLatin1Char('.'), 1);
            const QString full = testutil::makeAudio(m_dir.path(), QStringLiteral("full.") + ext, 10.0);
            QFile f(full);
            QVERIFY(f.open(QIODevice::ReadOnly));
            path += QStringLiteral(".") + ext;
            writeBytes(path, f.read(f.size() * 4 / 10));  // cut at 40 %
        } else if (kind == QLatin1String("hls")) {
            // Must never make FFmpeg fetch another file or URL.
            path += QStringLiteral(".mp3");
            writeBytes(path, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n" + QFile::encodeName(m_dir.filePath(QStringLiteral("tone.flac")))
                                 + "\n#EXT-X-ENDLIST\n");
        }
        DecodeError err;
        const auto pcm = decodeFile(path, 16000, &err);
        QCOMPARE(DecodeError::codeName(err.code), DecodeError::codeName(DecodeErrorCode(expected)));
        QVERIFY2(err.message.contains(path), qPrintable(err.message));  // says which file
    }

    void unreadableFile()
    {
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("locked.flac"), 1.0);
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        if (geteuid() != 0) {
            DecodeError err;
            decodeFile(path, 16000, &err);
            QCOMPARE(DecodeError::codeName(err.code), DecodeError::codeName(DecodeErrorCode::PermissionDenied));
            return;
        }
        // Root reads everything: check through the CLI run as an unprivileged user instead.
        QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
        const auto r = testutil::run(QStringLiteral("setpriv"),
                                     {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                      testutil::spectagBinary(), QStringLiteral("decode"), QStringLiteral("--json"), path});
        QVERIFY2(r.out.contains("\"error\":\"permission-denied\""), QByteArray(r.out + r.err).constData());
        QCOMPARE(r.exitCode, 1);
    }

    void cancellation()
    {
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("cancel.ogg"), 30.0);
        std::atomic_bool cancel{false};
        AudioDecoder dec(16000);
        dec.setCancelFlag(&cancel);
        QVERIFY(dec.open(path));
        std::vector<float> pcm;
        QVERIFY(dec.read(pcm, 16000) == 16000);
        cancel = true;
        while (dec.read(pcm, 16000) > 0) {
        }
        QCOMPARE(DecodeError::codeName(dec.error().code), DecodeError::codeName(DecodeErrorCode::Cancelled));
        QVERIFY(pcm.size() < 30 * 16000);
    }

    void seek()
    {
        const QString path = testutil::makeAudio(m_dir.path(), QStringLiteral("seek.flac"), 6.0);
        AudioDecoder dec(16000);
        QVERIFY(dec.open(path));
        QVERIFY(dec.seek(4.0));
        std::vector<float> rest;
        while (dec.read(rest, 8192) > 0) {
        }
        QVERIFY(dec.error().ok());
        QVERIFY2(std::abs(double(rest.size()) / 16000 - 2.0) < 0.1, qPrintable(QString::number(rest.size())));
    }

    void payloadHashIgnoresTags()
    {
        const QString a = testutil::makeAudio(m_dir.path(), QStringLiteral("ph.flac"), 2.0);
        const QString b = m_dir.filePath(QStringLiteral("ph-tagged.flac"));
        const auto r = testutil::run(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"), a,
                                                               QStringLiteral("-c"), QStringLiteral("copy"), QStringLiteral("-metadata"),
                                                               QStringLiteral("MOOD=calm"), QStringLiteral("-metadata"), QStringLiteral("title=x"), b});
        QVERIFY2(r.ok(), r.err.constData());
        const auto ha = audioPayloadHash(a), hb = audioPayloadHash(b);
        QVERIFY(ha.ok() && hb.ok());
        QCOMPARE(ha.hash, hb.hash);
        QCOMPARE(audioPayloadHash(a, PayloadHashMode::Quick).hash, audioPayloadHash(b, PayloadHashMode::Quick).hash);
        const QString c = testutil::makeAudio(m_dir.path(), QStringLiteral("ph-other.flac"), 2.0, QStringLiteral("sine=frequency=500"));
        QVERIFY(audioPayloadHash(c).hash != ha.hash);
        QVERIFY(!audioPayloadHash(m_dir.filePath(QStringLiteral("nope.flac"))).ok());
    }

    void realMusic()
    {
        const QStringList files = testutil::realMusicFiles(2);
        if (files.isEmpty())
            QSKIP("wesnoth-1.16-music is not installed (packaging/install-deps.sh --test installs it)");
        for (const QString &f : files) {
            AudioDecoder dec(22050);
            QVERIFY2(dec.open(f), qPrintable(dec.error().message));
            const double declared = dec.info().durationSeconds;
            QVERIFY(declared > 10);
            std::vector<float> pcm;
            while (dec.read(pcm, 1 << 16) > 0) {
            }
            QVERIFY2(dec.error().ok(), qPrintable(dec.error().message));
            QVERIFY(std::abs(double(pcm.size()) / 22050 - declared) < 0.5);
        }
    }
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "tst_audiodecoder.moc"
