#include "catalog/trackmime.h"

#include <QMimeData>
#include <QUrl>

namespace spectag::trackmime {

QString trackIdsMimeType()
{
    return QStringLiteral("application/x-spectag-track-ids");
}

QString playlistRowsMimeType()
{
    return QStringLiteral("application/x-spectag-playlist-rows");
}

namespace {

QByteArray joinNumbers(const QList<qint64> &numbers)
{
    QByteArray out;
    for (qint64 n : numbers)
        out += QByteArray::number(n) + '\n';
    return out;
}

// Malformed lines are skipped: the data may come from another process.
QList<qint64> splitNumbers(const QByteArray &data)
{
    QList<qint64> out;
    for (const QByteArray &line : data.split('\n')) {
        bool ok = false;
        const qint64 n = line.trimmed().toLongLong(&ok);
        if (ok)
            out.append(n);
    }
    return out;
}

} // namespace

void encodeTracks(QMimeData *mime, const QList<qint64> &ids, const QStringList &paths)
{
    mime->setData(trackIdsMimeType(), joinNumbers(ids));
    QList<QUrl> urls;
    for (const QString &path : paths)
        if (!path.isEmpty())
            urls.append(QUrl::fromLocalFile(path));
    if (!urls.isEmpty())
        mime->setUrls(urls);
}

QList<qint64> decodeTrackIds(const QMimeData *mime)
{
    QList<qint64> ids;
    for (qint64 id : splitNumbers(mime->data(trackIdsMimeType())))
        if (id > 0)
            ids.append(id);
    return ids;
}

bool hasTrackIds(const QMimeData *mime)
{
    return mime && mime->hasFormat(trackIdsMimeType());
}

void encodePlaylistRows(QMimeData *mime, qint64 playlistId, const QList<int> &positions)
{
    QList<qint64> numbers{playlistId};
    for (int p : positions)
        numbers.append(p);
    mime->setData(playlistRowsMimeType(), joinNumbers(numbers));
}

qint64 decodePlaylistRows(const QMimeData *mime, QList<int> *positions)
{
    const QList<qint64> numbers = splitNumbers(mime->data(playlistRowsMimeType()));
    if (numbers.isEmpty())
        return 0;
    positions->clear();
    for (qsizetype i = 1; i < numbers.size(); ++i)
        positions->append(int(numbers.at(i)));
    return numbers.first();
}

} // namespace spectag::trackmime
