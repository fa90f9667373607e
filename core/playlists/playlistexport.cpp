#include "playlists/playlistexport.h"

#include "catalog/catalog.h"

#include <QCoreApplication>

namespace spectag {

PlaylistEntry playlistEntryFor(const TrackRecord &track)
{
    PlaylistEntry e;
    e.path = track.path;
    e.title = track.title;
    e.artist = track.artist;
    e.album = track.album;
    e.duration = track.duration > 0 ? track.duration : -1;
    return e;
}

PlaylistFile playlistFileFor(const Catalog &catalog, qint64 playlistId)
{
    PlaylistFile file;
    if (const auto p = catalog.playlist(playlistId))
        file.title = p->name;
    for (qint64 id : catalog.playlistTracks(playlistId))
        if (const auto t = catalog.track(id))
            file.entries.append(playlistEntryFor(*t));
    return file;
}

bool exportPlaylist(const Catalog &catalog, qint64 playlistId, const QString &path, PlaylistFormat format, QString *error)
{
    if (!catalog.playlist(playlistId)) {
        *error = QCoreApplication::translate("spectag::PlaylistIO", "There is no playlist %1").arg(playlistId);
        return false;
    }
    return writePlaylist(path, format, playlistFileFor(catalog, playlistId), error, QStringLiteral("Spectag"));
}

std::optional<PlaylistRecord> findPlaylist(const Catalog &catalog, const QString &nameOrId)
{
    const QList<PlaylistRecord> all = catalog.playlists();
    for (const PlaylistRecord &p : all)
        if (p.name == nameOrId)
            return p;
    std::optional<PlaylistRecord> folded;
    for (const PlaylistRecord &p : all) {
        if (p.name.compare(nameOrId, Qt::CaseInsensitive) == 0) {
            if (folded)
                return std::nullopt;
            folded = p;
        }
    }
    if (folded)
        return folded;
    bool ok = false;
    const qint64 id = nameOrId.toLongLong(&ok);
    if (ok)
        for (const PlaylistRecord &p : all)
            if (p.id == id)
                return p;
    return std::nullopt;
}

} // namespace spectag
