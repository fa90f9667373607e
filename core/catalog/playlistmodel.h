#pragma once

#include "catalog/records.h"

#include <QAbstractListModel>

namespace spectag {

class Catalog;

// The user's playlists, by name. Reloads on Catalog::playlistsChanged (a handful of rows).
class PlaylistListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PlaylistIdRole = Qt::UserRole + 1, ItemCountRole };
    Q_ENUM(Role)

    explicit PlaylistListModel(Catalog *catalog, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    qint64 playlistIdAt(int row) const;

public Q_SLOTS:
    void reload();

private:
    Catalog *m_catalog;
    QList<PlaylistRecord> m_rows;
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

public Q_SLOTS:
    void reload();

private:
    void onPlaylistChanged(qint64 id);
    void onTracksChanged(const QList<qint64> &ids);

    Catalog *m_catalog;
    qint64 m_playlistId = 0;
    QList<TrackRecord> m_rows;
};

} // namespace spectag
