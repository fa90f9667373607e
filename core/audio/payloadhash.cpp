#include "audio/payloadhash.h"

#include <QCryptographicHash>
#include <QFile>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

namespace spectag {

namespace {
constexpr int kQuickPackets = 48;
// Same rule as the decoder: only audio demuxers, only local files.
constexpr const char *kAudioDemuxers =
    "mp3,flac,ogg,mov,mp4,m4a,matroska,webm,wav,w64,aiff,aac,ape,wv,asf,dsf,mpc,mpc8,tta,caf,"
    "ac3,eac3,dts,amr,au,voc,truehd,mlp,alac,shn,oma,xwma,wsaud,iff,rso,sox";
} // namespace

PayloadHash audioPayloadHash(const QString &path, PayloadHashMode mode)
{
    PayloadHash result;
    AVFormatContext *fmt = nullptr;
    AVDictionary *opts = nullptr;
    av_dict_set(&opts, "protocol_whitelist", "file", 0);
    av_dict_set(&opts, "format_whitelist", kAudioDemuxers, 0);
    const QByteArray native = QFile::encodeName(path);
    int r = avformat_open_input(&fmt, native.constData(), nullptr, &opts);
    av_dict_free(&opts);
    if (r < 0) {
        result.error = QStringLiteral("%1: not a readable audio file").arg(path);
        return result;
    }
    // No avformat_find_stream_info(): it decodes frames, and the stream table is all we need.
    int audio = -1;
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        if (audio < 0 && fmt->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            audio = int(i);
        else
            fmt->streams[i]->discard = AVDISCARD_ALL;
    }
    if (audio < 0) {
        avformat_close_input(&fmt);
        result.error = QStringLiteral("%1: contains no audio stream").arg(path);
        return result;
    }
    QCryptographicHash sha(QCryptographicHash::Sha256);
    AVPacket *pkt = av_packet_alloc();
    while ((r = av_read_frame(fmt, pkt)) >= 0) {
        if (pkt->stream_index == audio) {
            sha.addData(QByteArrayView(reinterpret_cast<const char *>(pkt->data), pkt->size));
            ++result.packets;
            result.payloadBytes += pkt->size;
        }
        av_packet_unref(pkt);
        if (mode == PayloadHashMode::Quick && result.packets >= kQuickPackets)
            break;
    }
    av_packet_free(&pkt);
    if (mode == PayloadHashMode::Quick) {
        // Two files that share an intro would share the first packets: mix in the length.
        const qint64 duration = fmt->streams[audio]->duration;
        sha.addData(QByteArray::number(duration == AV_NOPTS_VALUE ? fmt->duration : duration));
    }
    avformat_close_input(&fmt);
    if (r < 0 && r != AVERROR_EOF && mode == PayloadHashMode::Full) {
        result.error = QStringLiteral("%1: audio data is damaged or cut short").arg(path);
        return result;
    }
    if (result.packets == 0) {
        result.error = QStringLiteral("%1: no audio packets").arg(path);
        return result;
    }
    result.hash = sha.result().toHex();
    return result;
}

} // namespace spectag
