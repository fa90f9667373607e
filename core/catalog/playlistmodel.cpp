#include "catalog/playlistmodel.h"
#include "catalog/catalog.h"

#include <QFileInfo>
#include <QSet>

namespace spectag {

PlaylistListModel::PlaylistListModel(Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
{
    connect(catalog, &Catalog::playlistsChanged, this, &PlaylistListModel::reload);
    reload();
}

void PlaylistListModel::reload()
{
    beginResetModel();
    m_rows = m_catalog->isOpen() ? m_catalog->playlists() : QList<PlaylistRecord>();
    endResetModel();
}

int PlaylistListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PlaylistListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlaylistRecord &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.name;
    case Qt::ToolTipRole:
        return tr("%n track(s)", nullptr, p.itemCount);
    case PlaylistIdRole:
        return p.id;
    case ItemCountRole:
        return p.itemCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> PlaylistListModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractListModel::roleNames();
    r.insert(PlaylistIdRole, "playlistId");
    r.insert(ItemCountRole, "itemCount");
    return r;
}

qint64 PlaylistListModel::playlistIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

PlaylistModel::PlaylistModel(Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
{
    connect(catalog, &Catalog::playlistChanged, this, &PlaylistModel::onPlaylistChanged);
    connect(catalog, &Catalog::playlistsChanged, this, [this] {
        if (m_playlistId && !m_catalog->playlist(m_playlistId))
            setPlaylistId(0);  // removed
    });
    connect(catalog, &Catalog::tracksChanged, this, &PlaylistModel::onTracksChanged);
}

void PlaylistModel::setPlaylistId(qint64 id)
{
    m_playlistId = id;
    reload();
}

void PlaylistModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_playlistId && m_catalog->isOpen()) {
        for (qint64 trackId : m_catalog->playlistTracks(m_playlistId))
            if (auto t = m_catalog->track(trackId))
                m_rows.append(*t);
    }
    endResetModel();
}

void PlaylistModel::onPlaylistChanged(qint64 id)
{
    if (id == m_playlistId)
        reload();
}

void PlaylistModel::onTracksChanged(const QList<qint64> &ids)
{
    const QSet<qint64> changed(ids.begin(), ids.end());
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!changed.contains(m_rows.at(row).id))
            continue;
        if (auto t = m_catalog->track(m_rows.at(row).id)) {
            m_rows[row] = *t;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
}

int PlaylistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PlaylistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrackRecord &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString title = t.title.isEmpty() ? QFileInfo(t.path).completeBaseName() : t.title;
        return t.artist.isEmpty() ? title : t.artist + QStringLiteral(" – ") + title;
    }
    case Qt::ToolTipRole:
    case PathRole:
        return t.path;
    case TrackIdRole:
        return t.id;
    case PositionRole:
        return index.row();
    case StateRole:
        return t.state == TrackState::Missing ? QStringLiteral("missing") : QStringLiteral("present");
    default:
        return {};
    }
}

QHash<int, QByteArray> PlaylistModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractListModel::roleNames();
    r.insert(TrackIdRole, "trackId");
    r.insert(PathRole, "path");
    r.insert(PositionRole, "position");
    r.insert(StateRole, "state");
    return r;
}

} // namespace spectag
