#include "catalog/playlistmodel.h"
#include "catalog/catalog.h"
#include "catalog/trackmime.h"

#include <QFileInfo>
#include <QMimeData>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace spectag {

QList<qint64> knownDroppedTracks(Catalog *catalog, const QMimeData *mime)
{
    if (!mime)
        return {};
    if (trackmime::hasTrackIds(mime))
        return trackmime::decodeTrackIds(mime);
    QList<qint64> ids;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            if (const auto t = catalog->trackByPath(QFileInfo(url.toLocalFile()).absoluteFilePath()))
                ids.append(t->id);
    return ids;
}

namespace {

bool carriesTracks(const QMimeData *data)
{
    return data && (trackmime::hasTrackIds(data) || data->hasUrls());
}

} // namespace

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
    case MoodRole:
        return p.mood;
    case QueryRole:
        return p.query;
    default:
        return {};
    }
}

bool PlaylistListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == m_rows.at(index.row()).name)
        return false;
    return m_catalog->renamePlaylist(m_rows.at(index.row()).id, name);  // playlistsChanged reloads
}

QHash<int, QByteArray> PlaylistListModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractListModel::roleNames();
    r.insert(PlaylistIdRole, "playlistId");
    r.insert(ItemCountRole, "itemCount");
    r.insert(MoodRole, "mood");
    r.insert(QueryRole, "query");
    return r;
}

qint64 PlaylistListModel::playlistIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int PlaylistListModel::rowForPlaylist(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

Qt::ItemFlags PlaylistListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (!index.isValid())
        return f;
    f |= Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    if (m_rows.at(index.row()).query.isEmpty())
        f |= Qt::ItemIsDropEnabled;
    return f;
}

Qt::DropActions PlaylistListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

QStringList PlaylistListModel::mimeTypes() const
{
    return {trackmime::trackIdsMimeType(), QStringLiteral("text/uri-list")};
}

bool PlaylistListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    // Only onto a playlist: between two names there is nothing to add the tracks to.
    return (action == Qt::CopyAction || action == Qt::MoveAction) && carriesTracks(data)
        && parent.isValid() && checkIndex(parent, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        && m_rows.at(parent.row()).query.isEmpty();
}

bool PlaylistListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const qint64 id = m_rows.at(parent.row()).id;
    const QList<qint64> ids = m_resolver ? m_resolver(data) : knownDroppedTracks(m_catalog, data);
    if (ids.isEmpty() || !m_catalog->appendToPlaylist(id, ids))
        return false;
    Q_EMIT tracksAdded(id, ids);
    return true;
}

PlaylistModel::PlaylistModel(Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
{
    connect(catalog, &Catalog::playlistChanged, this, &PlaylistModel::onPlaylistChanged);
    connect(catalog, &Catalog::playlistsChanged, this, [this] {
        if (!m_playlistId)
            return;
        const auto p = m_catalog->playlist(m_playlistId);
        if (!p)
            setPlaylistId(0);  // removed
        else
            m_smart = !p->query.isEmpty();
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
    m_smart = false;
    if (m_playlistId && m_catalog->isOpen()) {
        const auto p = m_catalog->playlist(m_playlistId);
        m_smart = p && !p->query.isEmpty();
        for (qint64 trackId : m_catalog->playlistTracks(m_playlistId))
            if (auto t = m_catalog->track(trackId))
                m_rows.append(*t);
    }
    endResetModel();
}

void PlaylistModel::onPlaylistChanged(qint64 id)
{
    if (id == m_playlistId && !m_writing)
        reload();
}

QList<qint64> PlaylistModel::trackIds() const
{
    QList<qint64> ids;
    ids.reserve(m_rows.size());
    for (const TrackRecord &t : m_rows)
        ids.append(t.id);
    return ids;
}

bool PlaylistModel::persist()
{
    m_writing = true;
    const bool ok = m_catalog->setPlaylistTracks(m_playlistId, trackIds());
    m_writing = false;
    if (!ok)
        reload();  // show what the catalog kept
    return ok;
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

Qt::ItemFlags PlaylistModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid())
        return f | Qt::ItemIsDragEnabled;  // not drop-enabled: a drop on a row inserts before or after it
    return m_playlistId && !m_smart ? f | Qt::ItemIsDropEnabled : f;
}

Qt::DropActions PlaylistModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions PlaylistModel::supportedDragActions() const
{
    return m_smart ? Qt::CopyAction : Qt::CopyAction | Qt::MoveAction;
}

QStringList PlaylistModel::mimeTypes() const
{
    return {trackmime::trackIdsMimeType(), trackmime::playlistRowsMimeType(), QStringLiteral("text/uri-list")};
}

QMimeData *PlaylistModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes)
        if (checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) && !rows.contains(index.row()))
            rows.append(index.row());
    if (rows.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    QStringList paths;
    for (int row : rows) {
        ids.append(m_rows.at(row).id);
        paths.append(m_rows.at(row).path);
    }
    auto *mime = new QMimeData;
    trackmime::encodeTracks(mime, ids, paths);
    trackmime::encodePlaylistRows(mime, m_playlistId, rows);
    return mime;
}

bool PlaylistModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    Q_UNUSED(parent)
    return m_playlistId && !m_smart && (action == Qt::CopyAction || action == Qt::MoveAction) && carriesTracks(data);
}

bool PlaylistModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    int at = parent.isValid() ? parent.row() : row;
    if (at < 0 || at > m_rows.size())
        at = int(m_rows.size());

    QList<int> positions;
    if (trackmime::decodePlaylistRows(data, &positions) == m_playlistId) {
        // Our own rows: a reorder. The moved rows keep their relative order and land before
        // whatever row was at `at`.
        std::sort(positions.begin(), positions.end());
        positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
        if (positions.isEmpty() || positions.first() < 0 || positions.last() >= m_rows.size())
            return false;
        QList<TrackRecord> moved, rest;
        int target = at;
        for (int i = 0; i < m_rows.size(); ++i) {
            if (positions.contains(i)) {
                moved.append(m_rows.at(i));
                if (i < at)
                    --target;
            } else {
                rest.append(m_rows.at(i));
            }
        }
        for (int i = 0; i < moved.size(); ++i)
            rest.insert(target + i, moved.at(i));
        beginResetModel();
        m_rows = rest;
        endResetModel();
        return persist();
    }

    const QList<qint64> ids = m_resolver ? m_resolver(data) : knownDroppedTracks(m_catalog, data);
    QList<TrackRecord> added;
    for (qint64 id : ids)
        if (const auto t = m_catalog->track(id))
            added.append(*t);
    if (added.isEmpty())
        return false;
    beginInsertRows({}, at, at + int(added.size()) - 1);
    for (int i = 0; i < added.size(); ++i)
        m_rows.insert(at + i, added.at(i));
    endInsertRows();
    if (!persist())
        return false;
    QList<qint64> addedIds;
    for (const TrackRecord &t : std::as_const(added))
        addedIds.append(t.id);
    Q_EMIT tracksAdded(m_playlistId, addedIds);
    return true;
}

bool PlaylistModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                             int destinationChild)
{
    if (m_smart || sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > m_rows.size() || destinationChild < 0 || destinationChild > m_rows.size()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;  // the last case is a move onto itself, which beginMoveRows refuses too
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<TrackRecord> moved = m_rows.mid(sourceRow, count);
    m_rows.remove(sourceRow, count);
    const int target = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_rows.insert(target + i, moved.at(i));
    endMoveRows();
    return persist();
}

bool PlaylistModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (m_smart || parent.isValid() || count <= 0 || row < 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return persist();
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
