#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QMimeData;

namespace spectag::trackmime {

// Drag and drop of catalog tracks between Spectag's views (Strawberry does the same): an
// app-private MIME type carries the catalog ids, so a drop needs no path look-ups and keeps the
// order of the drag; text/uri-list carries the files for every other application.

// "application/x-spectag-track-ids": the ids as decimal ASCII, one per line.
QString trackIdsMimeType();
// "application/x-spectag-playlist-rows": "<playlist id>\n<position>\n<position>...", added when
// rows are dragged out of a playlist, so that a drop back into it is a reorder, not a copy.
QString playlistRowsMimeType();

// Fills `mime` with the ids and, for the paths that are not empty, file:// URLs.
void encodeTracks(QMimeData *mime, const QList<qint64> &ids, const QStringList &paths);
QList<qint64> decodeTrackIds(const QMimeData *mime);
bool hasTrackIds(const QMimeData *mime);

void encodePlaylistRows(QMimeData *mime, qint64 playlistId, const QList<int> &positions);
// The playlist the rows came from (0 when the data carries none) and their positions.
qint64 decodePlaylistRows(const QMimeData *mime, QList<int> *positions);

} // namespace spectag::trackmime
