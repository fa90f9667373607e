#include "tags/id3v2frames.h"

#include <QFile>
#include <QStringDecoder>

namespace spectag {

namespace {

quint32 syncsafe(const uchar *p) { return quint32(p[0] & 0x7f) << 21 | quint32(p[1] & 0x7f) << 14 | quint32(p[2] & 0x7f) << 7 | (p[3] & 0x7f); }
quint32 bigEndian(const uchar *p, int bytes)
{
    quint32 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = v << 8 | p[i];
    return v;
}

// ID3v2.3 unsynchronisation applies to the whole tag: every FF 00 stands for FF.
QByteArray resync(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        out += in[i];
        if (uchar(in[i]) == 0xff && i + 1 < in.size() && in[i + 1] == 0)
            ++i;
    }
    return out;
}

// A TXXX frame's description: text encoding byte, then the description up to its terminator.
QString txxxDescription(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    const char enc = body[0];
    const QByteArray rest = body.mid(1);
    if (enc == 1 || enc == 2) {  // UTF-16 with BOM / UTF-16BE, two zero bytes end it
        qsizetype end = 0;
        while (end + 1 < rest.size() && !(rest[end] == 0 && rest[end + 1] == 0))
            end += 2;
        QStringDecoder dec(enc == 2 ? QStringDecoder::Utf16BE : QStringDecoder::Utf16);
        return QString(dec(rest.left(end))).toUpper();
    }
    const QByteArray text = rest.left(rest.indexOf('\0') < 0 ? rest.size() : rest.indexOf('\0'));
    return (enc == 3 ? QString::fromUtf8(text) : QString::fromLatin1(text)).toUpper();
}

} // namespace

std::optional<Id3v2Frames> readId3v2Frames(const QByteArray &path)
{
    QFile f(QFile::decodeName(path));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = f.read(10);
    const auto *h = reinterpret_cast<const uchar *>(header.constData());
    if (header.size() < 10 || !header.startsWith("ID3") || h[3] < 2 || h[3] > 4 || (h[6] | h[7] | h[8] | h[9]) & 0x80)
        return std::nullopt;
    Id3v2Frames out;
    out.majorVersion = h[3];
    const quint32 size = syncsafe(h + 6);
    QByteArray tag = f.read(size);
    if (tag.size() < qsizetype(size))
        return std::nullopt;
    if (h[5] & 0x80 && out.majorVersion < 4)
        tag = resync(tag);
    const auto *t = reinterpret_cast<const uchar *>(tag.constData());
    qsizetype pos = 0;
    if (h[5] & 0x40 && out.majorVersion >= 3 && tag.size() >= 4)  // extended header
        pos = out.majorVersion == 3 ? 4 + bigEndian(t, 4) : syncsafe(t);
    const int idLen = out.majorVersion == 2 ? 3 : 4, headLen = out.majorVersion == 2 ? 6 : 10;
    while (pos + headLen <= tag.size() && t[pos] != 0) {  // a zero byte starts the padding
        const QByteArray id = tag.mid(pos, idLen);
        const quint32 len = out.majorVersion == 2 ? bigEndian(t + pos + 3, 3)
                          : out.majorVersion == 3 ? bigEndian(t + pos + 4, 4)
                                                  : syncsafe(t + pos + 4);
        if (pos + headLen + qsizetype(len) > tag.size())
            break;  // damaged: keep what was read
        QString key = QString::fromLatin1(id);
        // Compressed, encrypted or v2.4-unsynchronised frames keep their description unreadable.
        const bool plain = out.majorVersion == 2 || (out.majorVersion == 3 ? (t[pos + 9] & 0xc0) == 0 : (t[pos + 9] & 0x0f) == 0);
        if ((id == "TXXX" || id == "TXX") && plain)
            key += QLatin1Char(':') + txxxDescription(tag.mid(pos + headLen, len));
        out.keys << key;
        pos += headLen + len;
    }
    return out;
}

} // namespace spectag
