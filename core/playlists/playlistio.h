#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace spectag {

// Playlist files: M3U8 (extended M3U in UTF-8) and XSPF version 1 (https://xspf.org/spec).
// Written through QSaveFile, so a failed write leaves any earlier file as it was and never a
// half-written one; read back into absolute local paths.

struct PlaylistEntry {
    QString path;           // absolute local path
    QString title;          // empty: players show the file name
    QString artist;
    QString album;
    double duration = -1;   // seconds; negative = unknown
};

struct PlaylistFile {
    QString title;
    QList<PlaylistEntry> entries;
    int skipped = 0;        // when read: entries that are not local files (http://…, empty)
};

enum class PlaylistFormat { M3u8, Xspf };

// By extension: .m3u8/.m3u -> M3u8, .xspf -> Xspf.
std::optional<PlaylistFormat> playlistFormatForPath(const QString &path);
QString playlistFormatExtension(PlaylistFormat format);  // "m3u8", "xspf"

// #EXTM3U, #PLAYLIST:title, then per entry "#EXTINF:seconds,Artist - Title" and the path:
// relative to the playlist's folder when the track is below it (the pair can move together),
// else absolute.
QByteArray m3u8Bytes(const PlaylistFile &playlist, const QString &playlistPath);
// <playlist version="1" xmlns="http://xspf.org/ns/0/">: locations are percent-encoded file://
// URIs, duration in milliseconds; `creator` names who made the playlist (may be empty).
QByteArray xspfBytes(const PlaylistFile &playlist, const QString &creator = {});

// False with `error` set (a sentence naming the file) when the file cannot be written.
bool writePlaylist(const QString &path, PlaylistFormat format, const PlaylistFile &playlist, QString *error,
                   const QString &creator = {});

// M3U/M3U8 (relative paths resolved against the playlist's folder, file:// URLs accepted; .m3u
// that is not valid UTF-8 is read as Latin-1) or XSPF (by extension, else by content). nullopt
// with `error` set when the file cannot be read or parsed.
std::optional<PlaylistFile> readPlaylist(const QString &path, QString *error);

} // namespace spectag
