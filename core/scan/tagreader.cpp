#include "scan/tagreader.h"

#include "audio/payloadhash.h"
#include "scan/readonlyfilestream.h"

#include <QFile>
#include <QFileInfo>

#include <taglib/aifffile.h>
#include <taglib/apefile.h>
#include <taglib/asffile.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/oggflacfile.h>
#include <taglib/opusfile.h>
#include <taglib/tpropertymap.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/wavpackfile.h>

namespace spectag {

namespace {

QString qstr(const TagLib::String &s)
{
    return QString::fromStdWString(s.toWString()).trimmed();
}

QString firstValue(const TagLib::PropertyMap &map, const char *key)
{
    const auto it = map.find(key);
    if (it == map.end() || it->second.isEmpty())
        return {};
    return qstr(it->second.front());
}

QString codecOf(TagLib::File *file)
{
    if (dynamic_cast<TagLib::MPEG::File *>(file))
        return QStringLiteral("MP3");
    if (dynamic_cast<TagLib::FLAC::File *>(file) || dynamic_cast<TagLib::Ogg::FLAC::File *>(file))
        return QStringLiteral("FLAC");
    if (dynamic_cast<TagLib::Ogg::Vorbis::File *>(file))
        return QStringLiteral("Vorbis");
    if (dynamic_cast<TagLib::Ogg::Opus::File *>(file))
        return QStringLiteral("Opus");
    if (auto *mp4 = dynamic_cast<TagLib::MP4::File *>(file)) {
        const auto *p = mp4->audioProperties();
        return p && p->codec() == TagLib::MP4::Properties::ALAC ? QStringLiteral("ALAC") : QStringLiteral("AAC");
    }
    if (dynamic_cast<TagLib::RIFF::WAV::File *>(file) || dynamic_cast<TagLib::RIFF::AIFF::File *>(file))
        return QStringLiteral("PCM");
    if (dynamic_cast<TagLib::APE::File *>(file))
        return QStringLiteral("APE");
    if (dynamic_cast<TagLib::WavPack::File *>(file))
        return QStringLiteral("WavPack");
    if (dynamic_cast<TagLib::ASF::File *>(file))
        return QStringLiteral("WMA");
    return {};
}

} // namespace

FileReadResult readAudioFile(const QString &path, qint64 size, qint64 mtimeMs)
{
    FileReadResult r;
    TrackRecord &t = r.track;
    const QFileInfo fi(path);
    t.path = path;
    t.folder = fi.path();
    t.size = size;
    t.mtimeMs = mtimeMs;
    t.format = fi.suffix().toLower();
    t.scannedAt = t.addedAt = QDateTime::currentDateTimeUtc();
    if (size == 0) {
        r.error = QStringLiteral("empty file");
        return r;
    }
    if (!fi.isReadable()) {
        r.error = QStringLiteral("not readable (permission denied)");
        return r;
    }
    {
        ReadOnlyFileStream stream(QFile::encodeName(path));
        TagLib::FileRef ref(&stream, true, TagLib::AudioProperties::Fast);
        if (ref.isNull() || !ref.file()->isValid()) {
            r.error = QStringLiteral("not a valid %1 file (TagLib cannot read it)").arg(t.format);
            return r;
        }
        const TagLib::PropertyMap props = ref.file()->properties();
        t.title = firstValue(props, "TITLE");
        t.artist = firstValue(props, "ARTIST");
        t.album = firstValue(props, "ALBUM");
        t.genre = firstValue(props, "GENRE");
        t.mood = firstValue(props, "MOOD");
        if (const TagLib::AudioProperties *ap = ref.audioProperties()) {
            t.duration = ap->lengthInMilliseconds() / 1000.0;
            t.sampleRate = ap->sampleRate();
            t.channels = ap->channels();
            t.bitrate = ap->bitrate();
        }
        t.codec = codecOf(ref.file());
        if (t.sampleRate <= 0 || t.channels <= 0) {
            r.error = QStringLiteral("no audio stream found (not a valid %1 file)").arg(t.format);
            return r;
        }
    }
    // Identity that survives tag edits and moves. Also a second opinion on whether the file holds
    // audio at all: TagLib is lenient with garbage behind a valid-looking header.
    const PayloadHash hash = audioPayloadHash(path, PayloadHashMode::Quick);
    if (!hash.ok()) {
        r.error = hash.error.startsWith(path) ? hash.error.mid(path.size() + 2) : hash.error;
        if (r.error.isEmpty())
            r.error = QStringLiteral("no audio packets");
        return r;
    }
    t.fingerprint = hash.hash;
    return r;
}

} // namespace spectag
