#include "audio/payloadhash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

#include <array>
#include <optional>

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
// Quick mode reads the common containers with plain file I/O. Profiling the first scan of the
// bench_scan tree showed avformat_open_input + 48 packets at ~1.2 ms a file against ~0.4 ms for
// all of TagLib: probing, the Ogg demuxer seeking to the end for the duration, FLAC packets of
// ~10 KiB each (half a MiB of SHA-256 per file). A few pread()s and 2 x 16 KiB of hashing give the
// same guarantees (tags, cover art and headers excluded; identical audio, identical hash).
// BLAKE2b-256, not SHA-256: Qt 6.4's SHA-256 needs ~165 us per 16 KiB here, BLAKE2b ~63 us, and
// hashing was then the larger half of the Quick hash. 8 KiB chunks keep it at a few tens of us.
constexpr qint64 kQuickChunk = 8 * 1024;
constexpr qint64 kHeadBytes = 64 * 1024;  // one read serves the headers of most files

class RawFile {
public:
    explicit RawFile(const QString &path)
        : m_file(path)
    {
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return;
        m_size = m_file.size();
        m_head.resize(std::min(m_size, kHeadBytes));
        if (m_file.read(m_head.data(), m_head.size()) != m_head.size())
            m_size = -1;
    }
    bool ok() const { return m_size > 0; }
    qint64 size() const { return m_size; }
    // Bytes [offset, offset + length) or fewer at the end of the file; empty on error.
    QByteArray read(qint64 offset, qint64 length)
    {
        if (offset < 0 || offset >= m_size || length <= 0)
            return {};
        length = std::min(length, m_size - offset);
        if (offset + length <= m_head.size())
            return m_head.mid(offset, length);
        QByteArray buf(length, Qt::Uninitialized);
        if (!m_file.seek(offset) || m_file.read(buf.data(), length) != length)
            return {};
        return buf;
    }

private:
    QFile m_file;
    qint64 m_size = -1;
    QByteArray m_head;
};

quint32 be32(const QByteArray &b, qsizetype at) { return qFromBigEndian<quint32>(b.constData() + at); }
quint32 le32(const QByteArray &b, qsizetype at) { return qFromLittleEndian<quint32>(b.constData() + at); }
quint8 byteAt(const QByteArray &b, qsizetype at) { return quint8(b.at(at)); }

// Everything a direct reader found: the stream's format parameters, its length, and the audio
// payload's first (and, where the payload is one contiguous byte range, middle) kQuickChunk bytes.
struct QuickParts {
    QByteArray hash;
    qint64 chunks = 0;
    qint64 bytes = 0;
};

class QuickHasher {
public:
    explicit QuickHasher(const char *format)
        : m_sha(QCryptographicHash::Blake2b_256)
    {
        // Versioned, so these hashes never equal the FFmpeg fallback's for another file.
        m_sha.addData("spectag-quick-2:");
        m_sha.addData(format);
    }
    void add(const QByteArray &b) { m_sha.addData(b); }
    void addNumber(qint64 n)
    {
        m_sha.addData(QByteArray::number(n));
        m_sha.addData(";");
    }
    void addChunk(const QByteArray &b)
    {
        m_sha.addData(b);
        ++m_parts.chunks;
        m_parts.bytes += b.size();
    }
    // Contiguous payload [start, start + length): length, first and middle chunks.
    bool addPayload(RawFile &f, qint64 start, qint64 length)
    {
        length = std::min(length, f.size() - start);
        if (length <= 0)
            return false;
        addNumber(length);
        addChunk(f.read(start, kQuickChunk));
        if (length > 2 * kQuickChunk)  // two intros alike are likelier than two middles alike
            addChunk(f.read(start + length / 2, kQuickChunk));
        return m_parts.bytes > 0;
    }
    QuickParts finish()
    {
        m_parts.hash = m_sha.result().toHex();
        return m_parts;
    }

private:
    QCryptographicHash m_sha;
    QuickParts m_parts;
};

// ID3v2 tags in front of MP3 (and sometimes FLAC) files: their size, so the audio can be found.
qint64 skipId3v2(RawFile &f, qint64 at)
{
    for (int guard = 0; guard < 8; ++guard) {  // some writers stack several
        const QByteArray h = f.read(at, 10);
        if (h.size() < 10 || !h.startsWith("ID3"))
            break;
        const qint64 body = (qint64(byteAt(h, 6) & 0x7f) << 21) | (qint64(byteAt(h, 7) & 0x7f) << 14)
            | (qint64(byteAt(h, 8) & 0x7f) << 7) | qint64(byteAt(h, 9) & 0x7f);
        at += 10 + body + ((byteAt(h, 5) & 0x10) ? 10 : 0);
    }
    return at;
}

// --- Ogg (Vorbis, Opus): the packet bytes after the header packets, and the last granule.
// Page headers are left out: a tag write renumbers the pages after the comment packet, and a
// remux may cut the same packets into different pages.
std::optional<QuickParts> quickOgg(RawFile &f)
{
    QuickHasher h("ogg");
    qint64 at = 0;
    quint32 serial = 0;
    int headerPackets = -1;  // packets before the audio: 3 for Vorbis, 2 for Opus
    int packetsDone = 0;
    qint64 audioBytes = 0;
    // Twice the chunk: there is no middle chunk for Ogg (pages would have to be parsed there too).
    const qint64 wanted = 2 * kQuickChunk;
    for (int page = 0; audioBytes < wanted && page < 4096; ++page) {
        const QByteArray hdr = f.read(at, 27 + 255);
        if (hdr.size() < 27 || !hdr.startsWith("OggS") || hdr.at(4) != 0)
            return std::nullopt;
        const int segments = byteAt(hdr, 26);
        if (hdr.size() < 27 + segments)
            return std::nullopt;
        qint64 bodySize = 0;
        for (int i = 0; i < segments; ++i)
            bodySize += byteAt(hdr, 27 + i);
        const qint64 bodyAt = at + 27 + segments;
        at = bodyAt + bodySize;
        const quint32 pageSerial = le32(hdr, 14);
        if (page == 0) {
            serial = pageSerial;
            const QByteArray id = f.read(bodyAt, bodySize);
            if (id.startsWith("\x01vorbis"))
                headerPackets = 3;
            else if (id.startsWith("OpusHead"))
                headerPackets = 2;
            else
                return std::nullopt;  // other Ogg codecs: FFmpeg knows them
            h.add(id);                // sample rate, channels: never touched by a tag writer
        } else if (pageSerial != serial) {
            continue;  // another logical stream multiplexed in
        }
        // Which of this page's segments belong to audio packets?
        qint64 offset = 0, audioFrom = -1;
        for (int i = 0; i < segments; ++i) {
            const int lace = byteAt(hdr, 27 + i);
            if (packetsDone >= headerPackets && audioFrom < 0)
                audioFrom = offset;
            offset += lace;
            if (lace < 255)
                ++packetsDone;
        }
        if (audioFrom >= 0 && bodySize > audioFrom) {
            const QByteArray body = f.read(bodyAt + audioFrom, std::min(bodySize - audioFrom, wanted - audioBytes));
            if (body.isEmpty())
                return std::nullopt;
            h.addChunk(body);
            audioBytes += body.size();
        }
        if (at >= f.size())
            break;
    }
    if (audioBytes == 0)
        return std::nullopt;
    // Length: the granule position of the stream's last page, found from the end of the file.
    for (qint64 tail : {qint64(16 * 1024), qint64(96 * 1024)}) {
        const qint64 from = std::max<qint64>(0, f.size() - tail);
        const QByteArray end = f.read(from, f.size() - from);
        for (qsizetype i = end.lastIndexOf("OggS"); i >= 0; i = i > 0 ? end.lastIndexOf("OggS", i - 1) : -1) {
            if (end.size() - i >= 27 && end.at(i + 4) == 0 && le32(end, i + 14) == serial) {
                h.addNumber(qFromLittleEndian<qint64>(end.constData() + i + 6));
                return h.finish();
            }
        }
        if (from == 0)
            break;
    }
    return std::nullopt;
}

// --- FLAC: STREAMINFO's sample format, length and MD5 of the decoded audio, plus the first frames.
std::optional<QuickParts> quickFlac(RawFile &f, qint64 at)
{
    QuickHasher h("flac");
    at += 4;  // "fLaC"
    bool last = false;
    for (int block = 0; !last && block < 1024; ++block) {
        const QByteArray bh = f.read(at, 4);
        if (bh.size() < 4)
            return std::nullopt;
        last = byteAt(bh, 0) & 0x80;
        const int type = byteAt(bh, 0) & 0x7f;
        const qint64 length = qint64(be32(bh, 0) & 0xffffff);
        if (block == 0) {
            if (type != 0 || length < 34)
                return std::nullopt;
            // Bytes 10..33: sample rate, channels, bits, total samples, MD5. Not 0..9 (block and
            // frame size bounds), which some remuxers recompute.
            const QByteArray info = f.read(at + 4 + 10, 24);
            if (info.size() != 24)
                return std::nullopt;
            h.add(info);
        }
        at += 4 + length;
    }
    const QByteArray sync = f.read(at, 2);
    if (!last || sync.size() < 2 || byteAt(sync, 0) != 0xff || (byteAt(sync, 1) & 0xfe) != 0xf8)
        return std::nullopt;
    h.addChunk(f.read(at, kQuickChunk));  // frames only: no trailing-tag guesswork for a middle chunk
    return h.finish();
}

// --- MP3 (MPEG audio layers I-III): frames from the first real one (a Xing/Info/VBRI frame is a
// header a remuxer rewrites) to the trailing ID3v1/APEv2 tags.
qint64 mpegFrameLength(quint32 hdr)
{
    static constexpr std::array<std::array<int, 16>, 5> kBitrates{{
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0},  // V1 L1
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0},     // V1 L2
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},      // V1 L3
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0},     // V2 L1
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0},          // V2 L2/L3
    }};
    static constexpr std::array<int, 3> kRates{44100, 48000, 32000};
    if ((hdr & 0xffe00000) != 0xffe00000)
        return 0;
    const int version = (hdr >> 19) & 3;  // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    const int layer = 4 - int((hdr >> 17) & 3);
    const int bitrateIndex = (hdr >> 12) & 15;
    const int rateIndex = (hdr >> 10) & 3;
    if (version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3)
        return 0;
    const bool v1 = version == 3;
    const int rate = kRates[rateIndex] >> (v1 ? 0 : version == 2 ? 1 : 2);
    const int kbps = kBitrates[v1 ? layer - 1 : layer == 1 ? 3 : 4][bitrateIndex];
    const int padding = (hdr >> 9) & 1;
    if (layer == 1)
        return (12 * kbps * 1000 / rate + padding) * 4;
    return (layer == 3 && !v1 ? 72 : 144) * kbps * 1000 / rate + padding;
}

std::optional<QuickParts> quickMpeg(RawFile &f, qint64 at)
{
    const QByteArray first = f.read(at, 4 + 64);
    if (first.size() < 4)
        return std::nullopt;
    const quint32 hdr = be32(first, 0);
    qint64 length = mpegFrameLength(hdr);
    if (length <= 0)
        return std::nullopt;
    // The Xing/Info tag sits after the side information, whose size depends on version and mode.
    const bool v1 = ((hdr >> 19) & 3) == 3, mono = ((hdr >> 6) & 3) == 3;
    const QByteArray xing = first.mid(4 + (v1 ? (mono ? 17 : 32) : (mono ? 9 : 17)), 4);
    if (xing == "Xing" || xing == "Info" || first.mid(36, 4) == "VBRI") {
        at += length;
        const QByteArray next = f.read(at, 4);
        if (next.size() < 4 || (length = mpegFrameLength(be32(next, 0))) <= 0)
            return std::nullopt;
    }
    // A second frame header right after the first: a text file that happens to start with 0xFFE
    // is not MPEG audio.
    const QByteArray second = f.read(at + length, 4);
    if (second.size() == 4 && mpegFrameLength(be32(second, 0)) <= 0)
        return std::nullopt;
    qint64 end = f.size();
    if (const QByteArray v1 = f.read(end - 128, 3); end - 128 > at && v1 == "TAG")
        end -= 128;
    if (const QByteArray ape = f.read(end - 32, 32); end - 32 > at && ape.startsWith("APETAGEX")) {
        const qint64 tagSize = le32(ape, 12) + ((le32(ape, 20) & 0x80000000u) ? 32 : 0);
        if (tagSize < end - at)
            end -= tagSize;
    }
    QuickHasher h("mpeg");
    h.addNumber(hdr & 0xfffe0c00);  // version, layer, sample rate: not the per-frame bits
    if (!h.addPayload(f, at, end - at))
        return std::nullopt;
    return h.finish();
}

// --- MP4/M4A: the first non-empty 'mdat' box (tags live in 'moov', which a tag writer rewrites).
std::optional<QuickParts> quickMp4(RawFile &f)
{
    qint64 at = 0;
    for (int box = 0; box < 256 && at + 8 <= f.size(); ++box) {
        const QByteArray bh = f.read(at, 16);
        if (bh.size() < 8)
            return std::nullopt;
        qint64 size = be32(bh, 0);
        qint64 header = 8;
        if (size == 1 && bh.size() == 16) {
            size = qFromBigEndian<qint64>(bh.constData() + 8);
            header = 16;
        } else if (size == 0) {
            size = f.size() - at;
        }
        if (size < header)
            return std::nullopt;
        const QByteArray type = bh.mid(4, 4);
        if (box == 0 && type != "ftyp")
            return std::nullopt;
        if (type == "mdat" && size > header) {
            QuickHasher h("mp4");
            if (!h.addPayload(f, at + header, size - header))
                return std::nullopt;
            return h.finish();
        }
        at += size;
    }
    return std::nullopt;
}

// --- WAV and AIFF: the format chunk and the sample data chunk.
std::optional<QuickParts> quickRiff(RawFile &f, bool aiff)
{
    QuickHasher h(aiff ? "aiff" : "wav");
    bool haveFormat = false;
    qint64 at = 12;
    for (int chunk = 0; chunk < 1024 && at + 8 <= f.size(); ++chunk) {
        const QByteArray ch = f.read(at, 8);
        if (ch.size() < 8)
            return std::nullopt;
        const QByteArray id = ch.left(4);
        const qint64 size = aiff ? be32(ch, 4) : le32(ch, 4);
        const qint64 body = at + 8;
        if (id == (aiff ? "COMM" : "fmt ")) {
            h.add(f.read(body, std::min<qint64>(size, 64)));
            haveFormat = true;
        } else if (haveFormat && !aiff && id == "data") {
            if (!h.addPayload(f, body, size))  // addPayload clamps an oversized (streamed) length
                return std::nullopt;
            return h.finish();
        } else if (haveFormat && aiff && id == "SSND") {
            const QByteArray offset = f.read(body, 4);
            if (offset.size() < 4 || !h.addPayload(f, body + 8 + be32(offset, 0), size - 8 - be32(offset, 0)))
                return std::nullopt;
            return h.finish();
        }
        at = body + size + (size & 1);
    }
    return std::nullopt;
}

// nullopt: not a container read here (or not one this code understands): ask FFmpeg.
std::optional<QuickParts> quickDirect(const QString &path)
{
    RawFile f(path);
    if (!f.ok())
        return std::nullopt;
    const QByteArray magic = f.read(0, 12);
    if (magic.size() < 12)
        return std::nullopt;
    if (magic.startsWith("OggS"))
        return quickOgg(f);
    if (magic.startsWith("RIFF") && magic.mid(8, 4) == "WAVE")
        return quickRiff(f, false);
    if (magic.startsWith("FORM") && (magic.mid(8, 4) == "AIFF" || magic.mid(8, 4) == "AIFC"))
        return quickRiff(f, true);
    if (magic.mid(4, 4) == "ftyp")
        return quickMp4(f);
    const qint64 audio = skipId3v2(f, 0);
    const QByteArray start = f.read(audio, 4);
    if (start == "fLaC")
        return quickFlac(f, audio);
    return quickMpeg(f, audio);
}

} // namespace

PayloadHash audioPayloadHash(const QString &path, PayloadHashMode mode)
{
    PayloadHash result;
    if (mode == PayloadHashMode::Quick) {
        if (const std::optional<QuickParts> q = quickDirect(path)) {
            result.hash = q->hash;
            result.packets = q->chunks;
            result.payloadBytes = q->bytes;
            return result;
        }
    }
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
