#include "tags/tagfile.h"
#include "tags/tagformats_p.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <taglib/aifffile.h>
#include <taglib/apefile.h>
#include <taglib/audioproperties.h>
#include <taglib/flacfile.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tag.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/wavpackfile.h>

#include <cmath>

namespace spectag {

QString tagFieldName(TagField field)
{
    switch (field) {
    case TagField::Mood: return QStringLiteral("mood");
    case TagField::Genre: return QStringLiteral("genre");
    case TagField::MoodScores: return QStringLiteral("mood_scores");
    case TagField::GenreScores: return QStringLiteral("genre_scores");
    }
    return {};
}

std::optional<TagField> tagFieldFromName(const QString &name)
{
    for (TagField f : kAllTagFields) {
        if (tagFieldName(f) == name.trimmed().toLower())
            return f;
    }
    return std::nullopt;
}

QString formatScores(const std::vector<std::pair<QString, double>> &scores)
{
    QStringList parts;
    for (const auto &[label, score] : scores)
        parts << label.trimmed() + QLatin1Char('=') + QString::number(score, 'f', 3);
    return parts.join(QLatin1Char(';'));
}

std::optional<std::vector<std::pair<QString, double>>> parseScores(const QString &text, QString *error)
{
    std::vector<std::pair<QString, double>> out;
    static const QRegularExpression sep(QStringLiteral("[;,]"));
    const QStringList parts = text.split(sep, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString p = part.trimmed();
        if (p.isEmpty())
            continue;
        const qsizetype eq = p.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? p.mid(eq + 1).trimmed().toDouble(&ok) : 0.0;
        if (!ok || !std::isfinite(v)) {
            if (error)
                *error = QStringLiteral("bad score \"%1\" (expected label=number)").arg(p);
            return std::nullopt;
        }
        out.emplace_back(p.left(eq).trimmed(), v);
    }
    return out;
}

TagLib::String toTag(const QString &s)
{
    return TagLib::String(s.toUtf8().constData(), TagLib::String::UTF8);
}

QString fromTag(const TagLib::String &s)
{
    return QString::fromStdString(s.to8Bit(true));
}

TagLib::StringList toTagList(const QStringList &l)
{
    TagLib::StringList out;
    for (const QString &s : l)
        out.append(toTag(s));
    return out;
}

QStringList fromTagList(const TagLib::StringList &l)
{
    QStringList out;
    for (const TagLib::String &s : l)
        out << fromTag(s);
    return out;
}

QString elided(const QString &text)
{
    constexpr qsizetype kMax = 80;
    return text.size() <= kMax ? text : text.left(kMax - 1) + QChar(0x2026);
}

QStringList cleanValues(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values) {
        const QString t = v.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

TagFile::TagFile(std::unique_ptr<TagLib::File> file)
    : m_file(std::move(file))
{
}

TagFile::~TagFile() = default;

QStringList TagFile::storedForm(TagField, const QStringList &values) const
{
    return cleanValues(values);
}

QStringList TagFile::warnings(TagField, const QStringList &) const
{
    return {};
}

TagValueMap TagFile::allValues() const
{
    TagValueMap m;
    for (TagField f : kAllTagFields)
        m.insert(f, values(f));
    return m;
}

TagFileInfo TagFile::info() const
{
    TagFileInfo i;
    i.format = formatName();
    if (const TagLib::Tag *t = m_file->tag()) {
        i.title = fromTag(t->title());
        i.artist = fromTag(t->artist());
        i.album = fromTag(t->album());
    }
    if (const TagLib::AudioProperties *p = m_file->audioProperties()) {
        i.durationSeconds = p->lengthInMilliseconds() / 1000.0;
        i.bitrateKbps = p->bitrate();
        i.sampleRate = p->sampleRate();
        i.channels = p->channels();
    }
    return i;
}

bool TagFile::save()
{
    if (m_saved) {
        m_error = QStringLiteral("internal error: a tag file object is saved only once");
        return false;
    }
    m_saved = true;
    if (m_file->readOnly()) {
        m_error = QStringLiteral("file is not writable");
        return false;
    }
    if (!doSave()) {
        m_error = QStringLiteral("TagLib could not save the tags (write error or disk full?)");
        return false;
    }
    return true;
}

namespace {

enum class Kind { Unknown, Mpeg, Flac, Vorbis, Opus, Mp4, Wav, Aiff, WavPack, Ape };

Kind kindOf(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("mp3") || ext == QLatin1String("mp2"))
        return Kind::Mpeg;
    if (ext == QLatin1String("flac"))
        return Kind::Flac;
    if (ext == QLatin1String("ogg") || ext == QLatin1String("oga"))
        return Kind::Vorbis;
    if (ext == QLatin1String("opus"))
        return Kind::Opus;
    if (ext == QLatin1String("m4a") || ext == QLatin1String("mp4") || ext == QLatin1String("m4b")
        || ext == QLatin1String("aac") || ext == QLatin1String("alac"))
        return Kind::Mp4;
    if (ext == QLatin1String("wav"))
        return Kind::Wav;
    if (ext == QLatin1String("aif") || ext == QLatin1String("aiff") || ext == QLatin1String("aifc"))
        return Kind::Aiff;
    if (ext == QLatin1String("wv"))
        return Kind::WavPack;
    if (ext == QLatin1String("ape"))
        return Kind::Ape;
    return Kind::Unknown;
}

} // namespace

bool TagFile::isSupportedPath(const QString &path)
{
    return kindOf(path) != Kind::Unknown;
}

std::unique_ptr<TagFile> TagFile::open(const QString &path, QString *error, const QString &formatPath)
{
    const Kind kind = kindOf(formatPath.isEmpty() ? path : formatPath);
    if (kind == Kind::Unknown) {
        *error = QStringLiteral("%1: unsupported file type for tags").arg(path);
        return nullptr;
    }
    const QFileInfo fi(path);
    if (!fi.exists()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return nullptr;
    }
    if (!fi.isReadable()) {
        *error = QStringLiteral("%1: permission denied").arg(path);
        return nullptr;
    }
    // TagLib takes a char* file name on POSIX: the locale-independent bytes Qt would use.
    const QByteArray name = QFile::encodeName(path);
    const TagLib::FileName fn = name.constData();
    std::unique_ptr<TagFile> result;
    switch (kind) {
    case Kind::Mpeg: {
        auto f = std::make_unique<TagLib::MPEG::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        const bool had = f->hasID3v2Tag();
        auto *tag = f->ID3v2Tag(true);
        result = std::make_unique<Id3v2TagFile>(std::move(f), tag, had, QStringLiteral("MP3"), [](TagLib::File *file, int v, bool withApe) {
            // The ID3v2 tag, and the APE tag only where it was kept in step; an ID3v1 tag is
            // never rendered by TagLib (Id3v2TagFile patches its genre byte).
            const int tags = TagLib::MPEG::File::ID3v2 | (withApe ? TagLib::MPEG::File::APE : 0);
            return static_cast<TagLib::MPEG::File *>(file)->save(tags, TagLib::File::StripNone, TagLib::ID3v2::Version(v),
                                                                 TagLib::File::DoNotDuplicate);
        });
        break;
    }
    case Kind::Wav: {
        auto f = std::make_unique<TagLib::RIFF::WAV::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        const bool had = f->hasID3v2Tag();
        auto *tag = f->ID3v2Tag();
        result = std::make_unique<Id3v2TagFile>(std::move(f), tag, had, QStringLiteral("WAV"), [](TagLib::File *file, int v, bool) {
            // The RIFF INFO chunk is not ours: StripNone keeps it.
            return static_cast<TagLib::RIFF::WAV::File *>(file)->save(TagLib::RIFF::WAV::File::ID3v2, TagLib::File::StripNone,
                                                                      TagLib::ID3v2::Version(v));
        });
        break;
    }
    case Kind::Aiff: {
        auto f = std::make_unique<TagLib::RIFF::AIFF::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        const bool had = f->hasID3v2Tag();
        auto *tag = f->tag();
        result = std::make_unique<Id3v2TagFile>(std::move(f), tag, had, QStringLiteral("AIFF"), [](TagLib::File *file, int v, bool) {
            return static_cast<TagLib::RIFF::AIFF::File *>(file)->save(TagLib::ID3v2::Version(v));
        });
        break;
    }
    case Kind::Flac: {
        auto f = std::make_unique<TagLib::FLAC::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->xiphComment(true);
        result = std::make_unique<XiphTagFile>(std::move(f), tag, QStringLiteral("FLAC"));
        break;
    }
    case Kind::Vorbis: {
        auto f = std::make_unique<TagLib::Ogg::Vorbis::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->tag();
        result = std::make_unique<XiphTagFile>(std::move(f), tag, QStringLiteral("Ogg Vorbis"));
        break;
    }
    case Kind::Opus: {
        auto f = std::make_unique<TagLib::Ogg::Opus::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->tag();
        result = std::make_unique<XiphTagFile>(std::move(f), tag, QStringLiteral("Opus"));
        break;
    }
    case Kind::Mp4: {
        auto f = std::make_unique<TagLib::MP4::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->tag();
        result = std::make_unique<Mp4TagFile>(std::move(f), tag);
        break;
    }
    case Kind::WavPack: {
        auto f = std::make_unique<TagLib::WavPack::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->APETag(true);
        result = std::make_unique<ApeTagFile>(std::move(f), tag, QStringLiteral("WavPack"));
        break;
    }
    case Kind::Ape: {
        auto f = std::make_unique<TagLib::APE::File>(fn, true, TagLib::AudioProperties::Average);
        if (!f->isValid())
            break;
        auto *tag = f->APETag(true);
        result = std::make_unique<ApeTagFile>(std::move(f), tag, QStringLiteral("Monkey's Audio"));
        break;
    }
    case Kind::Unknown:
        break;
    }
    if (!result)
        *error = QStringLiteral("%1: not a valid %2 file (damaged, or wrong extension)")
                     .arg(path, QFileInfo(formatPath.isEmpty() ? path : formatPath).suffix().toLower());
    return result;
}

} // namespace spectag
