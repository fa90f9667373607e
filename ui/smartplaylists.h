#pragma once

#include <QObject>
#include <QTimer>

class QAbstractItemModel;

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// Keeps every smart playlist (a playlist with a query in the library search syntax) equal to the
// library rows that match its query, in library order. The items are written to the catalog like
// any playlist's, so the views, the item counts, exports and the CLI see them; a refresh writes
// only the playlists whose matches changed. Library changes come in bursts (a scan, an analysis
// run), so refreshes are coalesced by a short timer.
class SmartPlaylists : public QObject {
    Q_OBJECT
public:
    // `library`: LibraryModel or anything with its columns and roles (LibraryProxyModel's filter).
    SmartPlaylists(Catalog *catalog, QAbstractItemModel *library, QObject *parent = nullptr);

    // The catalog ids of the rows of `library` that match `query`, in row order.
    static QList<qint64> matchingTracks(QAbstractItemModel *library, const QString &query);
    void setDelay(int ms) { m_timer.setInterval(ms); }

public Q_SLOTS:
    void refreshNow();

Q_SIGNALS:
    void refreshed(int playlistsChanged);

private:
    void schedule() { m_timer.start(); }

    Catalog *m_catalog;
    QAbstractItemModel *m_library;
    QTimer m_timer;
};

} // namespace spectag::ui
