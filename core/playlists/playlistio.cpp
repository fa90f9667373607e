#include "playlists/playlistio.h"
#include "util/savefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace spectag {

namespace {

const QString kXspfNs = QStringLiteral("http://xspf.org/ns/0/");

// Playlist lines and XML text cannot carry line breaks or most control characters.
QString oneLine(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c.unicode() < 0x20 || c == QChar(0x7f) || c == QChar(0xfffe) || c == QChar(0xffff))
            c = u' ';
    return out;
}

QString displayTitle(const PlaylistEntry &e)
{
    const QString title = e.title.isEmpty() ? QFileInfo(e.path).completeBaseName() : e.title;
    return oneLine(e.artist.isEmpty() ? title : QString(e.artist + QStringLiteral(" - ") + title));
}

QString playlistFolder(const QString &playlistPath)
{
    return QDir::cleanPath(QFileInfo(playlistPath).absolutePath());
}

// A path as the M3U8 line: relative below the playlist's folder, else absolute.
QString m3uLocation(const QString &path, const QString &folder)
{
    const QString clean = QDir::cleanPath(path);
    const QString prefix = folder.endsWith(u'/') ? folder : QString(folder + u'/');
    if (!clean.startsWith(prefix))
        return clean;
    QString rel = clean.mid(prefix.size());
    // "./" keeps a line from reading as a comment ('#'), from losing its leading blanks to the
    // trimming every reader does, or from looking like a URL ("file:x.ogg", "http:x.ogg").
    static const QRegularExpression schemeLike(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    if (rel.startsWith(u'#') || (!rel.isEmpty() && rel.at(0).isSpace()) || schemeLike.match(rel).hasMatch())
        rel.prepend(QStringLiteral("./"));
    return rel;
}

// `uriReference`: XSPF locations are URIs, so a relative one is percent-encoded and resolved as a
// URL; an M3U line is a plain path unless it carries a scheme.
QString localPathFromLocation(const QString &location, const QString &playlistPath, bool *isLocal, bool uriReference = false)
{
    *isLocal = false;
    const QString text = location.trimmed();
    if (text.isEmpty())
        return {};
    if (uriReference) {
        const QUrl url = QUrl::fromLocalFile(QFileInfo(playlistPath).absoluteFilePath()).resolved(QUrl(text));
        if (!url.isLocalFile())
            return {};
        *isLocal = true;
        return QDir::cleanPath(url.toLocalFile());
    }
    const bool looksLikeUrl = text.contains(QStringLiteral("://")) || text.startsWith(QStringLiteral("file:"));
    if (looksLikeUrl) {
        const QUrl url(text);
        if (!url.isLocalFile())
            return {};
        *isLocal = true;
        return QDir::cleanPath(url.toLocalFile());
    }
    *isLocal = true;
    return QDir::cleanPath(QDir::isRelativePath(text) ? QDir(playlistFolder(playlistPath)).absoluteFilePath(text) : text);
}

void parseExtInf(const QString &line, PlaylistEntry *e)
{
    // #EXTINF:<seconds>[ key="value"...],<Artist - Title>
    const QString rest = line.mid(8);
    const qsizetype comma = rest.indexOf(u',');
    const QString head = comma < 0 ? rest : rest.left(comma);
    bool ok = false;
    const double seconds = head.section(u' ', 0, 0).toDouble(&ok);
    e->duration = ok && seconds >= 0 ? seconds : -1;
    if (comma < 0)
        return;
    const QString display = rest.mid(comma + 1).trimmed();
    const qsizetype dash = display.indexOf(QStringLiteral(" - "));
    if (dash < 0) {
        e->title = display;
    } else {
        e->artist = display.left(dash).trimmed();
        e->title = display.mid(dash + 3).trimmed();
    }
}

PlaylistFile parseM3u(const QString &text, const QString &playlistPath)
{
    PlaylistFile out;
    PlaylistEntry pending;
    bool havePending = false;
    for (QString line : text.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QStringLiteral("#EXTINF:"))) {
            pending = {};
            parseExtInf(line, &pending);
            havePending = true;
            continue;
        }
        if (line.startsWith(QStringLiteral("#PLAYLIST:"))) {
            out.title = line.mid(10).trimmed();
            continue;
        }
        if (line.startsWith(u'#'))
            continue;
        bool local = false;
        const QString path = localPathFromLocation(line, playlistPath, &local);
        if (local) {
            PlaylistEntry e = havePending ? pending : PlaylistEntry{};
            e.path = path;
            out.entries.append(e);
        } else {
            ++out.skipped;
        }
        havePending = false;
    }
    return out;
}

std::optional<PlaylistFile> parseXspf(const QByteArray &bytes, const QString &playlistPath, QString *error)
{
    PlaylistFile out;
    QXmlStreamReader xml(bytes);
    bool sawPlaylist = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (!sawPlaylist) {
            if (xml.name() != u"playlist") {
                xml.raiseError(QStringLiteral("the root element is not an XSPF <playlist>"));
                break;
            }
            sawPlaylist = true;
            continue;
        }
        if (xml.name() == u"title") {
            out.title = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        } else if (xml.name() == u"track") {
            PlaylistEntry e;
            QString location;
            bool haveLocation = false;
            while (xml.readNextStartElement()) {
                const auto name = xml.name();
                const QString value = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (name == u"location" && !haveLocation) {  // a player renders only the first
                    location = value;
                    haveLocation = true;
                } else if (name == u"title") {
                    e.title = value.trimmed();
                } else if (name == u"creator") {
                    e.artist = value.trimmed();
                } else if (name == u"album") {
                    e.album = value.trimmed();
                } else if (name == u"duration") {
                    bool ok = false;
                    const qint64 ms = value.trimmed().toLongLong(&ok);
                    e.duration = ok && ms >= 0 ? ms / 1000.0 : -1;
                }
            }
            bool local = false;
            e.path = localPathFromLocation(location, playlistPath, &local, true);
            if (local)
                out.entries.append(e);
            else
                ++out.skipped;
        }
    }
    if (xml.hasError() || !sawPlaylist) {
        *error = QStringLiteral("%1 is not a valid XSPF playlist: %2")
                     .arg(QDir::toNativeSeparators(playlistPath),
                          sawPlaylist ? xml.errorString() : QStringLiteral("no <playlist> element"));
        return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<PlaylistFormat> playlistFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"m3u8" || suffix == u"m3u")
        return PlaylistFormat::M3u8;
    if (suffix == u"xspf")
        return PlaylistFormat::Xspf;
    return std::nullopt;
}

QString playlistFormatExtension(PlaylistFormat format)
{
    return format == PlaylistFormat::Xspf ? QStringLiteral("xspf") : QStringLiteral("m3u8");
}

QByteArray m3u8Bytes(const PlaylistFile &playlist, const QString &playlistPath)
{
    const QString folder = playlistFolder(playlistPath);
    QString text = QStringLiteral("#EXTM3U\n");
    if (!playlist.title.isEmpty())
        text += QStringLiteral("#PLAYLIST:") + oneLine(playlist.title) + u'\n';
    for (const PlaylistEntry &e : playlist.entries) {
        const qint64 seconds = e.duration < 0 ? -1 : qRound64(e.duration);
        text += QStringLiteral("#EXTINF:") + QString::number(seconds) + u',' + displayTitle(e) + u'\n';
        // A line break in a file name cannot stand in a line-based format: such an entry is
        // written as a percent-encoded file:// URL (players and readPlaylist take those) instead
        // of being dropped, as it used to be.
        if (e.path.contains(u'\n') || e.path.contains(u'\r'))
            text += QString::fromLatin1(QUrl::fromLocalFile(QDir::cleanPath(e.path)).toEncoded()) + u'\n';
        else
            text += m3uLocation(e.path, folder) + u'\n';
    }
    return text.toUtf8();
}

QByteArray xspfBytes(const PlaylistFile &playlist, const QString &creator)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeDefaultNamespace(kXspfNs);
    w.writeStartElement(kXspfNs, QStringLiteral("playlist"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1"));
    if (!playlist.title.isEmpty())
        w.writeTextElement(kXspfNs, QStringLiteral("title"), oneLine(playlist.title));
    if (!creator.isEmpty())
        w.writeTextElement(kXspfNs, QStringLiteral("creator"), oneLine(creator));
    w.writeTextElement(kXspfNs, QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    w.writeStartElement(kXspfNs, QStringLiteral("trackList"));
    for (const PlaylistEntry &e : playlist.entries) {
        w.writeStartElement(kXspfNs, QStringLiteral("track"));
        // Percent-encoded UTF-8: a valid anyURI whatever the file name holds (spaces, '#', 'ü').
        w.writeTextElement(kXspfNs, QStringLiteral("location"),
                           QString::fromLatin1(QUrl::fromLocalFile(e.path).toEncoded()));
        w.writeTextElement(kXspfNs, QStringLiteral("title"),
                           oneLine(e.title.isEmpty() ? QFileInfo(e.path).completeBaseName() : e.title));
        if (!e.artist.isEmpty())
            w.writeTextElement(kXspfNs, QStringLiteral("creator"), oneLine(e.artist));
        if (!e.album.isEmpty())
            w.writeTextElement(kXspfNs, QStringLiteral("album"), oneLine(e.album));
        if (e.duration >= 0)
            w.writeTextElement(kXspfNs, QStringLiteral("duration"), QString::number(qRound64(e.duration * 1000)));
        w.writeEndElement();
    }
    w.writeEndElement();  // trackList
    w.writeEndElement();  // playlist
    w.writeEndDocument();
    return out;
}

bool writePlaylist(const QString &path, PlaylistFormat format, const PlaylistFile &playlist, QString *error,
                   const QString &creator)
{
    const QByteArray bytes = format == PlaylistFormat::Xspf ? xspfBytes(playlist, creator) : m3u8Bytes(playlist, path);
    // The save renames a new file over the target: a device or a pipe there (as root, --out
    // /dev/full) would be replaced by a regular file.
    const QFileInfo target(path);
    if (target.exists() && !target.isFile() && !target.isDir()) {
        *error = QStringLiteral("Cannot write the playlist %1: not a regular file").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write the playlist %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    // (commitSaveFile: a full disk used to leave an empty playlist and "wrote N tracks".)
    if (file.write(bytes) != bytes.size() || !commitSaveFile(file)) {
        *error = QStringLiteral("Cannot write the playlist %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;  // QSaveFile discards its temporary file: the target is untouched
    }
    return true;
}

std::optional<PlaylistFile> readPlaylist(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the playlist %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    auto format = playlistFormatForPath(path);
    if (!format) {
        const QByteArray start = bytes.left(512).trimmed();
        format = start.startsWith("<?xml") || start.contains("<playlist") ? PlaylistFormat::Xspf : PlaylistFormat::M3u8;
    }
    if (format == PlaylistFormat::Xspf)
        return parseXspf(bytes, path, error);

    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        if (QFileInfo(path).suffix().compare(u"m3u8", Qt::CaseInsensitive) == 0) {
            *error = QStringLiteral("%1 is not valid UTF-8, as an .m3u8 playlist must be").arg(QDir::toNativeSeparators(path));
            return std::nullopt;
        }
        text = QString::fromLatin1(bytes);  // old .m3u files are in a legacy 8-bit encoding
    }
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return parseM3u(text, path);
}

} // namespace spectag
