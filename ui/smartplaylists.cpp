#include "smartplaylists.h"

#include "libraryproxymodel.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"

namespace spectag::ui {

SmartPlaylists::SmartPlaylists(Catalog *catalog, QAbstractItemModel *library, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_library(library)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SmartPlaylists::refreshNow);
    connect(library, &QAbstractItemModel::rowsInserted, this, &SmartPlaylists::schedule);
    connect(library, &QAbstractItemModel::rowsRemoved, this, &SmartPlaylists::schedule);
    connect(library, &QAbstractItemModel::dataChanged, this, &SmartPlaylists::schedule);
    connect(library, &QAbstractItemModel::modelReset, this, &SmartPlaylists::schedule);
    connect(library, &QAbstractItemModel::layoutChanged, this, &SmartPlaylists::schedule);
    // A new or edited query; the writes below come back here too and then find nothing to do.
    connect(catalog, &Catalog::playlistsChanged, this, &SmartPlaylists::schedule);
}

QList<qint64> SmartPlaylists::matchingTracks(QAbstractItemModel *library, const QString &query)
{
    // The search box's own filter, so a smart playlist shows exactly what that search shows.
    LibraryProxyModel filter;
    filter.setDynamicSortFilter(false);
    filter.setSourceModel(library);
    filter.setSearch(query);
    QList<qint64> ids;
    ids.reserve(filter.rowCount());
    for (int row = 0; row < filter.rowCount(); ++row)
        ids.append(filter.index(row, 0).data(LibraryModel::TrackIdRole).toLongLong());
    return ids;
}

void SmartPlaylists::refreshNow()
{
    m_timer.stop();
    if (!m_catalog->isOpen())
        return;
    int changed = 0;
    for (const PlaylistRecord &p : m_catalog->playlists()) {
        if (p.query.trimmed().isEmpty())
            continue;
        const QList<qint64> ids = matchingTracks(m_library, p.query);
        if (ids != m_catalog->playlistTracks(p.id) && m_catalog->setPlaylistTracks(p.id, ids))
            ++changed;
    }
    m_timer.stop();  // our own writes scheduled another pass: nothing would change
    Q_EMIT refreshed(changed);
}

} // namespace spectag::ui
