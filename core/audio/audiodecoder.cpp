#include "audio/audiodecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avstring.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace spectag {

namespace {

// Only audio demuxers are allowed: a file named .mp3 that is really an HLS playlist or an
// ffconcat script must never make FFmpeg open other files or URLs on the user's behalf.
constexpr const char *kAudioDemuxers =
    "mp3,flac,ogg,mov,mp4,m4a,matroska,webm,wav,w64,aiff,aac,ape,wv,asf,dsf,mpc,mpc8,tta,caf,"
    "ac3,eac3,dts,amr,au,voc,truehd,mlp,alac,shn,oma,xwma,wsaud,iff,rso,sox";

// Packets that fail to decode are skipped the way players do; past this share the file is
// reported as corrupt rather than silently half-decoded.
constexpr double kMaxBadPacketShare = 0.10;

// FFmpeg's own log ("[mp3 @ 0x…] filesize and duration do not match") repeats, in its words,
// what DecodeError already tells the user in theirs, and landed on stderr of every verb and
// the app. It goes to a Qt logging category, off unless asked for:
// QT_LOGGING_RULES="spectag.ffmpeg.debug=true".
Q_LOGGING_CATEGORY(lcFfmpeg, "spectag.ffmpeg", QtWarningMsg)

void ffmpegLog(void *avcl, int level, const char *fmt, va_list args)
{
    if (level > av_log_get_level() || !lcFfmpeg().isDebugEnabled())
        return;
    thread_local int printPrefix = 1;  // FFmpeg's state: a prefix only at the start of a line
    char line[1024];
    av_log_format_line2(avcl, level, fmt, args, line, sizeof line, &printPrefix);
    qCDebug(lcFfmpeg).noquote() << QString::fromUtf8(line).trimmed();
}

QString avErrorText(int err)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

// FFmpeg estimates a damaged WAV/AIFF's duration from its size, so a file cut short looks whole.
// The chunk header still says how long the audio should be: compare it with what is on disk.
// Returns the declared data length in bytes beyond the end of the file (0 when complete).
qint64 missingPcmBytes(const QString &path, bool aiff)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray head = f.read(1 << 16);
    auto u32 = [&](qsizetype at) -> quint64 {
        if (at + 4 > head.size())
            return 0;
        const auto *b = reinterpret_cast<const uchar *>(head.constData() + at);
        return aiff ? (quint64(b[0]) << 24 | quint64(b[1]) << 16 | quint64(b[2]) << 8 | b[3])
                    : (quint64(b[3]) << 24 | quint64(b[2]) << 16 | quint64(b[1]) << 8 | b[0]);
    };
    const QByteArray dataId = aiff ? QByteArrayLiteral("SSND") : QByteArrayLiteral("data");
    for (qsizetype at = 12; at + 8 <= head.size();) {
        const quint64 len = u32(at + 4);
        if (head.mid(at, 4) == dataId) {
            if (len == 0 || len == 0xffffffffu)  // streamed WAV: size unknown by design
                return 0;
            const qint64 end = qint64(at + 8) + qint64(len);
            return std::max<qint64>(0, end - f.size());
        }
        at += 8 + qsizetype(len + (len & 1));
    }
    return 0;
}

// When FFmpeg cannot open a file, tell "not audio at all" from "audio, but damaged" by probing
// its first bytes: a confident probe (e.g. an MP4 whose index was cut off) means damaged.
QString confidentFormat(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray buf = f.read(1 << 16);
    const int size = int(buf.size());
    buf.append(QByteArray(AVPROBE_PADDING_SIZE, '\0'));
    AVProbeData pd{};
    pd.buf = reinterpret_cast<unsigned char *>(buf.data());
    pd.buf_size = size;
    int score = 0;
    const AVInputFormat *fmt = av_probe_input_format3(&pd, 1, &score);
    if (!fmt || score <= AVPROBE_SCORE_EXTENSION || !av_match_list(fmt->name, kAudioDemuxers, ','))
        return {};
    return QString::fromUtf8(fmt->name);
}

int interruptCallback(void *opaque)
{
    const auto *flag = static_cast<const std::atomic_bool *>(opaque);
    return flag && flag->load(std::memory_order_relaxed) ? 1 : 0;
}

} // namespace

QString DecodeError::codeName(DecodeErrorCode code)
{
    switch (code) {
    case DecodeErrorCode::None: return QStringLiteral("ok");
    case DecodeErrorCode::FileNotFound: return QStringLiteral("file-not-found");
    case DecodeErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case DecodeErrorCode::EmptyFile: return QStringLiteral("empty-file");
    case DecodeErrorCode::NotAudio: return QStringLiteral("not-audio");
    case DecodeErrorCode::UnsupportedCodec: return QStringLiteral("unsupported-codec");
    case DecodeErrorCode::Corrupt: return QStringLiteral("corrupt");
    case DecodeErrorCode::Truncated: return QStringLiteral("truncated");
    case DecodeErrorCode::Cancelled: return QStringLiteral("cancelled");
    case DecodeErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

// Sample rates real audio uses, with room on both sides (telephone 8 kHz down to old 2 kHz
// recordings; 768 kHz PCM up). Outside them the header is damage: setting up the resampler for,
// say, 3 Hz -> 16 kHz took libswresample over 10 s (found by tests/fuzz/fuzz_decode).
namespace {
bool plausibleRate(int hz)
{
    return hz >= 1000 && hz <= 768000;
}
} // namespace

struct AudioDecoder::Private {
    QString path;
    AVFormatContext *fmt = nullptr;
    AVCodecContext *codec = nullptr;
    SwrContext *swr = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *frame = nullptr;
    int streamIndex = -1;
    AudioInfo info;
    DecodeError error;
    std::vector<float> pending;  // resampled samples not yet handed out
    size_t pendingPos = 0;
    qint64 framesOut = 0;
    qint64 packetsTotal = 0;
    qint64 packetsBad = 0;
    bool demuxEof = false;
    bool decoderFlushed = false;
    bool finished = false;
    bool seeked = false;
    // What the resampler was set up for. A stream may change these between frames (a stereo MP3
    // followed by a mono one in the same file, a sample-rate switch), so every frame is checked.
    AVChannelLayout swrLayout{};
    int swrFormat = -1;
    int swrRate = 0;

    ~Private()
    {
        av_frame_free(&frame);
        av_packet_free(&packet);
        swr_free(&swr);
        av_channel_layout_uninit(&swrLayout);
        avcodec_free_context(&codec);
        avformat_close_input(&fmt);
    }

    void fail(DecodeErrorCode code, const QString &what)
    {
        if (error.ok())
            error = {code, QStringLiteral("%1: %2").arg(path, what)};
        finished = true;
    }

    // A layout the resampler accepts: an unspecified order becomes the default for its count.
    static void normalisedLayout(const AVChannelLayout &src, AVChannelLayout *dst)
    {
        av_channel_layout_uninit(dst);
        if (src.order == AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_default(dst, src.nb_channels);
        else
            av_channel_layout_copy(dst, &src);
    }

    // (Re)creates the resampler for input of this layout, sample format and rate -> mono float.
    bool configureResampler(const AVChannelLayout &layout, int format, int rate, int targetRate)
    {
        swr_free(&swr);
        normalisedLayout(layout, &swrLayout);
        swrFormat = format;
        swrRate = rate;
        AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
        const int r = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, targetRate, &swrLayout,
                                          AVSampleFormat(format), rate, 0, nullptr);
        return r >= 0 && swr_init(swr) >= 0;
    }

    // True when a decoded frame is not what the resampler was set up for.
    bool frameDiffers(const AVFrame *in) const
    {
        if (in->format != swrFormat || in->sample_rate != swrRate)
            return true;
        AVChannelLayout layout{};
        normalisedLayout(in->ch_layout, &layout);
        const bool differs = av_channel_layout_compare(&layout, &swrLayout) != 0;
        av_channel_layout_uninit(&layout);
        return differs;
    }

    // Resamples one decoded frame (or flushes the resampler when in == nullptr) into pending.
    bool resample(const AVFrame *in, int targetRate)
    {
        if (in && frameDiffers(in)) {
            // Found by tests/fuzz/fuzz_decode, and real: `cat stereo.mp3 mono.mp3` crashed in
            // swr_convert, which read a second plane the mono frame does not have. Drain what the
            // old set-up still holds, then resample the new part for what it is.
            if (!plausibleRate(in->sample_rate) || in->ch_layout.nb_channels <= 0 || in->format < 0) {
                ++packetsBad;
                return true;
            }
            if (!resample(nullptr, targetRate))
                return false;
            if (!configureResampler(in->ch_layout, in->format, in->sample_rate, targetRate)) {
                fail(DecodeErrorCode::Internal, QStringLiteral("cannot set up resampling for a change of format mid-stream"));
                return false;
            }
        }
        const int inSamples = in ? in->nb_samples : 0;
        const int outCap = swr_get_out_samples(swr, inSamples);
        if (outCap <= 0)
            return true;
        if (pendingPos > 0) {  // compact before growing
            pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(pendingPos));
            pendingPos = 0;
        }
        const size_t base = pending.size();
        pending.resize(base + static_cast<size_t>(outCap));
        auto *dst = reinterpret_cast<uint8_t *>(pending.data() + base);
        const int got = swr_convert(swr, &dst, outCap, in ? const_cast<const uint8_t **>(in->extended_data) : nullptr,
                                    inSamples);
        if (got < 0) {
            pending.resize(base);
            fail(DecodeErrorCode::Internal, QStringLiteral("resampling failed (%1)").arg(avErrorText(got)));
            return false;
        }
        pending.resize(base + static_cast<size_t>(got));
        // Float PCM (WAV/AIFF float, damaged input) can carry NaN or infinity, which would poison
        // every mel bin and the model's scores downstream (found by tests/fuzz/fuzz_decode):
        // such samples become silence.
        for (size_t i = base; i < pending.size(); ++i) {
            if (!std::isfinite(pending[i]))
                pending[i] = 0.0f;
        }
        Q_UNUSED(targetRate);
        return true;
    }

    bool receiveFrames(int targetRate)
    {
        for (;;) {
            const int r = avcodec_receive_frame(codec, frame);
            if (r == AVERROR(EAGAIN))
                return true;
            if (r == AVERROR_EOF) {
                decoderFlushed = true;
                return true;
            }
            if (r < 0) {
                ++packetsBad;
                return true;
            }
            const bool ok = resample(frame, targetRate);
            av_frame_unref(frame);
            if (!ok)
                return false;
        }
    }
};

AudioDecoder::AudioDecoder(int targetSampleRate)
    : d(std::make_unique<Private>())
    , m_targetRate(targetSampleRate)
{
    static std::once_flag logInstalled;
    std::call_once(logInstalled, [] { av_log_set_callback(ffmpegLog); });
}

AudioDecoder::~AudioDecoder() = default;

const AudioInfo &AudioDecoder::info() const { return d->info; }
const DecodeError &AudioDecoder::error() const { return d->error; }
qint64 AudioDecoder::framesDecoded() const { return d->framesOut; }

bool AudioDecoder::open(const QString &path)
{
    d = std::make_unique<Private>();
    d->path = path;

    // Check the file ourselves first: FFmpeg's messages for these cases are vague.
    const QFileInfo fi(path);
    if (!fi.exists()) {
        d->fail(DecodeErrorCode::FileNotFound, QStringLiteral("no such file"));
        return false;
    }
    if (fi.isDir()) {
        d->fail(DecodeErrorCode::NotAudio, QStringLiteral("is a folder, not an audio file"));
        return false;
    }
    {
        QFile probe(path);
        if (!probe.open(QIODevice::ReadOnly)) {
            d->fail(DecodeErrorCode::PermissionDenied, QStringLiteral("cannot be read (%1)").arg(probe.errorString()));
            return false;
        }
    }
    if (fi.size() == 0) {
        d->fail(DecodeErrorCode::EmptyFile, QStringLiteral("is empty (0 bytes)"));
        return false;
    }

    d->fmt = avformat_alloc_context();
    if (!d->fmt) {
        d->fail(DecodeErrorCode::Internal, QStringLiteral("out of memory"));
        return false;
    }
    d->fmt->interrupt_callback.callback = &interruptCallback;
    d->fmt->interrupt_callback.opaque = const_cast<std::atomic_bool *>(m_cancel);

    AVDictionary *opts = nullptr;
    av_dict_set(&opts, "protocol_whitelist", "file", 0);
    av_dict_set(&opts, "format_whitelist", kAudioDemuxers, 0);
    const QByteArray nativePath = QFile::encodeName(path);
    int r = avformat_open_input(&d->fmt, nativePath.constData(), nullptr, &opts);
    av_dict_free(&opts);
    if (r < 0) {
        d->fmt = nullptr;  // freed by avformat_open_input on failure
        if (m_cancel && m_cancel->load())
            d->fail(DecodeErrorCode::Cancelled, QStringLiteral("cancelled"));
        else if (const QString fmtName = confidentFormat(path); !fmtName.isEmpty())
            d->fail(DecodeErrorCode::Corrupt, QStringLiteral("looks like '%1' but cannot be opened: damaged or incomplete (%2)")
                                                  .arg(fmtName, avErrorText(r)));
        else
            d->fail(DecodeErrorCode::NotAudio,
                    QStringLiteral("not a recognised audio file (%1)").arg(avErrorText(r)));
        return false;
    }
    // A probe that only matched the file name's extension means the content looked like nothing.
    if (d->fmt->probe_score <= AVPROBE_SCORE_EXTENSION / 2) {
        d->fail(DecodeErrorCode::NotAudio, QStringLiteral("content does not look like audio"));
        return false;
    }
    r = avformat_find_stream_info(d->fmt, nullptr);
    if (r < 0) {
        d->fail(DecodeErrorCode::Corrupt, QStringLiteral("cannot read stream information (%1)").arg(avErrorText(r)));
        return false;
    }
    const AVCodec *dec = nullptr;
    d->streamIndex = av_find_best_stream(d->fmt, AVMEDIA_TYPE_AUDIO, -1, -1, &dec, 0);
    if (d->streamIndex == AVERROR_STREAM_NOT_FOUND) {
        d->fail(DecodeErrorCode::NotAudio, QStringLiteral("contains no audio stream"));
        return false;
    }
    AVStream *st = d->fmt->streams[std::max(d->streamIndex, 0)];
    if (d->streamIndex == AVERROR_DECODER_NOT_FOUND || !dec) {
        const char *name = avcodec_get_name(st->codecpar->codec_id);
        d->fail(DecodeErrorCode::UnsupportedCodec,
                QStringLiteral("audio codec '%1' is not supported by this FFmpeg build").arg(QString::fromUtf8(name)));
        return false;
    }
    if (d->streamIndex < 0) {
        d->fail(DecodeErrorCode::NotAudio, QStringLiteral("no usable audio stream (%1)").arg(avErrorText(d->streamIndex)));
        return false;
    }
    // Only the chosen stream is demuxed; cover art and other streams are discarded early.
    for (unsigned i = 0; i < d->fmt->nb_streams; ++i)
        if (int(i) != d->streamIndex)
            d->fmt->streams[i]->discard = AVDISCARD_ALL;

    d->codec = avcodec_alloc_context3(dec);
    if (!d->codec || avcodec_parameters_to_context(d->codec, st->codecpar) < 0) {
        d->fail(DecodeErrorCode::Internal, QStringLiteral("cannot set up the decoder"));
        return false;
    }
    d->codec->pkt_timebase = st->time_base;
    r = avcodec_open2(d->codec, dec, nullptr);
    if (r < 0) {
        d->fail(DecodeErrorCode::UnsupportedCodec, QStringLiteral("cannot open the '%1' decoder (%2)")
                                                       .arg(QString::fromUtf8(dec->name), avErrorText(r)));
        return false;
    }
    if (d->codec->sample_rate <= 0 || d->codec->ch_layout.nb_channels <= 0) {
        d->fail(DecodeErrorCode::Corrupt, QStringLiteral("audio stream has no valid sample rate or channel count"));
        return false;
    }
    if (!plausibleRate(d->codec->sample_rate)) {
        d->fail(DecodeErrorCode::Corrupt, QStringLiteral("audio stream claims an implausible sample rate (%1 Hz)").arg(d->codec->sample_rate));
        return false;
    }

    if (!d->configureResampler(d->codec->ch_layout, d->codec->sample_fmt, d->codec->sample_rate, m_targetRate)) {
        d->fail(DecodeErrorCode::Internal, QStringLiteral("cannot set up resampling"));
        return false;
    }

    d->info.sourceSampleRate = d->codec->sample_rate;
    d->info.sourceChannels = d->codec->ch_layout.nb_channels;
    d->info.codec = QString::fromUtf8(dec->name);
    d->info.container = QString::fromUtf8(d->fmt->iformat->name);
    d->info.bitRate = d->fmt->bit_rate;
    if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
        d->info.durationSeconds = double(st->duration) * av_q2d(st->time_base);
    else if (d->fmt->duration != AV_NOPTS_VALUE && d->fmt->duration > 0)
        d->info.durationSeconds = double(d->fmt->duration) / AV_TIME_BASE;

    d->packet = av_packet_alloc();
    d->frame = av_frame_alloc();
    if (!d->packet || !d->frame) {
        d->fail(DecodeErrorCode::Internal, QStringLiteral("out of memory"));
        return false;
    }
    return true;
}

qint64 AudioDecoder::read(std::vector<float> &out, qint64 maxFrames)
{
    if (!d->fmt || maxFrames <= 0)
        return 0;
    qint64 appended = 0;
    while (appended < maxFrames) {
        const size_t avail = d->pending.size() - d->pendingPos;
        if (avail > 0) {
            const size_t take = std::min<size_t>(avail, size_t(maxFrames - appended));
            out.insert(out.end(), d->pending.begin() + std::ptrdiff_t(d->pendingPos),
                       d->pending.begin() + std::ptrdiff_t(d->pendingPos + take));
            d->pendingPos += take;
            appended += qint64(take);
            continue;
        }
        if (d->finished)
            break;
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            d->fail(DecodeErrorCode::Cancelled, QStringLiteral("cancelled"));
            break;
        }
        if (d->decoderFlushed) {
            // Drain the resampler's delay line, then judge the whole stream once.
            d->resample(nullptr, m_targetRate);
            d->finished = true;
            const qint64 total = d->framesOut + appended + qint64(d->pending.size() - d->pendingPos);
            const double decodedSec = double(total) / m_targetRate;
            if (d->packetsTotal > 0 && double(d->packetsBad) > kMaxBadPacketShare * double(d->packetsTotal)) {
                d->fail(DecodeErrorCode::Corrupt, QStringLiteral("%1 of %2 audio packets could not be decoded")
                                                      .arg(d->packetsBad).arg(d->packetsTotal));
            } else if (total == 0) {
                d->fail(DecodeErrorCode::NotAudio, QStringLiteral("no audio could be decoded from it"));
            } else if (!d->seeked && (d->info.container == QLatin1String("wav") || d->info.container == QLatin1String("aiff"))
                       && missingPcmBytes(d->path, d->info.container == QLatin1String("aiff")) > 0) {
                d->fail(DecodeErrorCode::Truncated, QStringLiteral("file ends after %1 s; its header declares more audio")
                                                        .arg(decodedSec, 0, 'f', 1));
            } else if (!d->seeked && d->info.durationSeconds > 2.0
                       // A duration guessed from the first frame's bit rate (FFmpeg's fallback for
                       // concatenated or header-less MP3) is no promise: falling short is no cut.
                       && d->fmt->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE
                       && decodedSec < d->info.durationSeconds - std::max(1.0, 0.02 * d->info.durationSeconds)) {
                d->fail(DecodeErrorCode::Truncated, QStringLiteral("file ends after %1 s of the %2 s it declares")
                                                        .arg(decodedSec, 0, 'f', 1)
                                                        .arg(d->info.durationSeconds, 0, 'f', 1));
            }
            continue;  // hand out what the flush produced
        }
        if (!d->demuxEof) {
            const int r = av_read_frame(d->fmt, d->packet);
            if (r == AVERROR_EOF || r == AVERROR(EIO) || r == AVERROR_INVALIDDATA) {
                // EIO/INVALIDDATA at the tail is how damaged ends look; judge by duration later.
                if (r != AVERROR_EOF)
                    ++d->packetsBad;
                d->demuxEof = true;
                avcodec_send_packet(d->codec, nullptr);
            } else if (r == AVERROR_EXIT) {
                d->fail(DecodeErrorCode::Cancelled, QStringLiteral("cancelled"));
                break;
            } else if (r < 0) {
                d->fail(DecodeErrorCode::Corrupt, QStringLiteral("read error (%1)").arg(avErrorText(r)));
                break;
            } else {
                if (d->packet->stream_index == d->streamIndex) {
                    ++d->packetsTotal;
                    const int s = avcodec_send_packet(d->codec, d->packet);
                    if (s < 0 && s != AVERROR(EAGAIN))
                        ++d->packetsBad;
                }
                av_packet_unref(d->packet);
            }
        }
        if (!d->receiveFrames(m_targetRate))
            break;
    }
    d->framesOut += appended;
    return appended;
}

bool AudioDecoder::seek(double seconds)
{
    if (!d->fmt || !d->codec)
        return false;
    const int64_t ts = int64_t(seconds * AV_TIME_BASE);
    if (av_seek_frame(d->fmt, -1, ts, AVSEEK_FLAG_BACKWARD) < 0)
        return false;
    avcodec_flush_buffers(d->codec);
    swr_close(d->swr);
    swr_init(d->swr);
    d->pending.clear();
    d->pendingPos = 0;
    d->demuxEof = d->decoderFlushed = d->finished = false;
    d->seeked = true;
    d->framesOut = qint64(seconds * m_targetRate);
    return true;
}

std::vector<float> decodeFile(const QString &path, int sampleRate, DecodeError *error, double maxSeconds,
                              AudioInfo *info)
{
    std::vector<float> pcm;
    AudioDecoder dec(sampleRate);
    if (dec.open(path)) {
        if (dec.info().durationSeconds > 0)
            pcm.reserve(size_t(std::min(maxSeconds > 0 ? maxSeconds : 1e9, dec.info().durationSeconds + 1) * sampleRate));
        const qint64 limit = maxSeconds > 0 ? qint64(maxSeconds * sampleRate) : std::numeric_limits<qint64>::max();
        constexpr qint64 kBlock = 1 << 16;
        while (qint64(pcm.size()) < limit) {
            if (dec.read(pcm, std::min(kBlock, limit - qint64(pcm.size()))) == 0)
                break;
        }
    }
    if (error)
        *error = dec.error();
    if (info)
        *info = dec.info();
    return pcm;
}

} // namespace spectag
