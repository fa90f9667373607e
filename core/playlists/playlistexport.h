#pragma once

#include "catalog/records.h"
#include "playlists/playlistio.h"

#include <optional>

namespace spectag {

class Catalog;

// A catalog playlist as a playlist file: its name as the title, its tracks in order with the
// tags the scanner read (a smart playlist exports its items as the application last kept them).
PlaylistEntry playlistEntryFor(const TrackRecord &track);
PlaylistFile playlistFileFor(const Catalog &catalog, qint64 playlistId);
bool exportPlaylist(const Catalog &catalog, qint64 playlistId, const QString &path, PlaylistFormat format,
                    QString *error);

// By exact name, else case-insensitively, else by numeric id; nullopt when none (or when a
// case-insensitive match is ambiguous).
std::optional<PlaylistRecord> findPlaylist(const Catalog &catalog, const QString &nameOrId);

} // namespace spectag
