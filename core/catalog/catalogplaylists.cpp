// Catalog: playlist CRUD. Items are (playlist, position) with dense 0-based positions, rewritten
// as a whole in one transaction on every change: playlists are short, and a dense order is what
// PlaylistModel shows row for row.
#include "catalog/catalog.h"
#include "catalog/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// NULL rather than '' for "none", so the columns read the same for rows made before step 3.
QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

qint64 Catalog::createPlaylist(const QString &name, const QString &mood, const QString &query)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO playlists (name, mood, query, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(textOrNull(mood));
    q.addBindValue(textOrNull(query));
    q.addBindValue(nowText());
    if (!exec(q))
        return 0;
    Q_EMIT playlistsChanged();
    return q.lastInsertId().toLongLong();
}

bool Catalog::renamePlaylist(qint64 id, const QString &name)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE playlists SET name=? WHERE id=?"));
    q.addBindValue(name);
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1)
        return false;
    Q_EMIT playlistsChanged();
    return true;
}

bool Catalog::setPlaylistMood(qint64 id, const QString &mood)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE playlists SET mood=? WHERE id=?"));
    q.addBindValue(textOrNull(mood));
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1)
        return false;
    Q_EMIT playlistsChanged();
    return true;
}

bool Catalog::setPlaylistQuery(qint64 id, const QString &query)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE playlists SET query=? WHERE id=?"));
    q.addBindValue(textOrNull(query));
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1)
        return false;
    Q_EMIT playlistsChanged();
    return true;
}

bool Catalog::removePlaylist(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM playlists WHERE id=?"));  // items go by ON DELETE CASCADE
    q.addBindValue(id);
    if (!exec(q) || q.numRowsAffected() != 1)
        return false;
    Q_EMIT playlistsChanged();
    return true;
}

QList<PlaylistRecord> Catalog::playlists() const
{
    QList<PlaylistRecord> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT p.id, p.name, p.created_at, (SELECT COUNT(*) FROM playlist_items i "
                               "WHERE i.playlist_id = p.id), p.mood, p.query FROM playlists p ORDER BY p.name COLLATE NOCASE, p.id")))
        return out;
    while (q.next()) {
        PlaylistRecord p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.createdAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        p.itemCount = q.value(3).toInt();
        p.mood = q.value(4).toString();
        p.query = q.value(5).toString();
        out.append(p);
    }
    return out;
}

std::optional<PlaylistRecord> Catalog::playlist(qint64 id) const
{
    for (const PlaylistRecord &p : playlists())
        if (p.id == id)
            return p;
    return std::nullopt;
}

QList<qint64> Catalog::playlistTracks(qint64 id) const
{
    QList<qint64> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT track_id FROM playlist_items WHERE playlist_id=? ORDER BY position"));
    q.addBindValue(id);
    if (exec(q))
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

bool Catalog::setPlaylistTracks(qint64 id, const QList<qint64> &trackIds)
{
    {
        Transaction tx(database());
        if (!tx.isActive()) {
            setError(tx.error());
            return false;
        }
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT 1 FROM playlists WHERE id=?"));
        q.addBindValue(id);
        if (!exec(q) || !q.next()) {
            setError(QStringLiteral("no playlist %1").arg(id));
            return false;
        }
        q.prepare(QStringLiteral("DELETE FROM playlist_items WHERE playlist_id=?"));
        q.addBindValue(id);
        if (!exec(q))
            return false;
        q.prepare(QStringLiteral("INSERT INTO playlist_items (playlist_id, position, track_id) VALUES (?, ?, ?)"));
        for (int i = 0; i < trackIds.size(); ++i) {
            q.bindValue(0, id);
            q.bindValue(1, i);
            q.bindValue(2, trackIds.at(i));
            if (!exec(q))
                return false;  // e.g. an unknown track id (foreign key): nothing changes
        }
        if (!tx.commit()) {
            setError(tx.error());
            return false;
        }
    }
    Q_EMIT playlistChanged(id);
    Q_EMIT playlistsChanged();  // item counts
    return true;
}

bool Catalog::appendToPlaylist(qint64 id, const QList<qint64> &trackIds)
{
    return setPlaylistTracks(id, playlistTracks(id) + trackIds);
}

bool Catalog::removeFromPlaylist(qint64 id, int position)
{
    QList<qint64> items = playlistTracks(id);
    if (position < 0 || position >= items.size())
        return false;
    items.removeAt(position);
    return setPlaylistTracks(id, items);
}

bool Catalog::movePlaylistItem(qint64 id, int from, int to)
{
    QList<qint64> items = playlistTracks(id);
    if (from < 0 || from >= items.size() || to < 0 || to >= items.size())
        return false;
    items.move(from, to);
    return setPlaylistTracks(id, items);
}

} // namespace spectag
