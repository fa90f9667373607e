#pragma once

#include "catalog/records.h"

#include <QAbstractListModel>

#include <functional>

class QMimeData;

namespace spectag {

class Catalog;

// What a drop onto a playlist adds: catalog ids for dropped data (trackmime ids, or file URLs).
// The default knows only tracks already in the catalog; the UI installs one that adds new audio
// files first (core/catalog cannot scan).
using DropResolver = std::function<QList<qint64>(const QMimeData *)>;
QList<qint64> knownDroppedTracks(Catalog *catalog, const QMimeData *mime);

// The user's playlists, by name. Reloads on Catalog::playlistsChanged (a handful of rows).
class PlaylistListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PlaylistIdRole = Qt::UserRole + 1, ItemCountRole, MoodRole, QueryRole };
    Q_ENUM(Role)

    explicit PlaylistListModel(Catalog *catalog, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;  // rename
    QHash<int, QByteArray> roleNames() const override;
    qint64 playlistIdAt(int row) const;
    int rowForPlaylist(qint64 id) const;

    // Tracks dropped onto a playlist's name are appended to it (not to smart playlists, whose
    // items follow their query). Dragging a playlist out is the view's business (it writes a file).
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    void setDropResolver(DropResolver resolver) { m_resolver = std::move(resolver); }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    // After a drop added tracks to a playlist (what mood playlists annotate).
    void tracksAdded(qint64 playlistId, const QList<qint64> &trackIds);

private:
    Catalog *m_catalog;
    QList<PlaylistRecord> m_rows;
    DropResolver m_resolver;
};

// The tracks of one playlist in their order. Reloads when the catalog reports that playlist
// changed, and updates rows in place when one of its tracks changes.
class PlaylistModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { TrackIdRole = Qt::UserRole + 1, PathRole, PositionRole, StateRole };
    Q_ENUM(Role)

    explicit PlaylistModel(Catalog *catalog, QObject *parent = nullptr);
    void setPlaylistId(qint64 id);
    qint64 playlistId() const { return m_playlistId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    QList<qint64> trackIds() const;
    // A smart playlist's items follow its query: no drops, moves or removals by hand.
    bool isSmart() const { return m_smart; }

    // Drag and drop: rows drag out as trackmime ids + file URLs + their positions; a drop of the
    // same playlist's rows reorders, any other tracks are inserted at the drop row. Views that
    // move rows themselves (QListView's internal move) use moveRows; Delete uses removeRows.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    void setDropResolver(DropResolver resolver) { m_resolver = std::move(resolver); }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void tracksAdded(qint64 playlistId, const QList<qint64> &trackIds);

private:
    void onPlaylistChanged(qint64 id);
    void onTracksChanged(const QList<qint64> &ids);
    bool persist();  // m_rows' order into the catalog, without reloading from it

    Catalog *m_catalog;
    qint64 m_playlistId = 0;
    bool m_smart = false;
    bool m_writing = false;
    QList<TrackRecord> m_rows;
    DropResolver m_resolver;
};

} // namespace spectag
