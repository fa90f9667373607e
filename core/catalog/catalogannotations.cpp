// Catalog: annotations, an append-only history per track (and segment), newest row wins.
#include "catalog/catalog.h"
#include "catalog/sqlvalues.h"
#include "catalog/transaction.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

using namespace catalogsql;

// ------------------------------------------------------------------------------------ annotations

namespace {

const QString kAnnotationColumns = QStringLiteral(
    "id, track_id, segment_start, segment_end, head, label, value, source, annotator, created_at");

Annotation annotationFromQuery(const QSqlQuery &q)
{
    Annotation a;
    a.id = q.value(0).toLongLong();
    a.trackId = q.value(1).toLongLong();
    a.segmentStart = optionalFrom(q.value(2));
    a.segmentEnd = optionalFrom(q.value(3));
    a.head = q.value(4).toString();
    a.label = q.value(5).toString();
    a.value = q.value(6).toDouble();
    a.source = q.value(7).toString() == QLatin1String("model") ? Annotation::Source::Model : Annotation::Source::Human;
    a.annotator = q.value(8).toString();
    a.createdAt = fromText(q.value(9));
    return a;
}

QString sourceText(Annotation::Source s)
{
    return s == Annotation::Source::Model ? QStringLiteral("model") : QStringLiteral("human");
}

} // namespace

bool Catalog::addAnnotations(const QList<Annotation> &list)
{
    if (list.isEmpty())
        return true;
    Transaction tx(database());
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO annotations (track_id, segment_start, segment_end, head, label, value, "
                             "source, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<qint64> tracks;
    for (const Annotation &a : list) {
        q.bindValue(0, a.trackId);
        q.bindValue(1, optionalValue(a.segmentStart));
        q.bindValue(2, optionalValue(a.segmentEnd));
        q.bindValue(3, a.head);
        q.bindValue(4, a.label);
        q.bindValue(5, a.value);
        q.bindValue(6, sourceText(a.source));
        q.bindValue(7, a.annotator);
        q.bindValue(8, toText(a.createdAt));
        if (!exec(q))
            return false;
        if (!tracks.contains(a.trackId))
            tracks << a.trackId;
    }
    if (!tx.commit()) {
        setError(tx.error());
        return false;
    }
    Q_EMIT annotationsChanged(tracks);
    return true;
}

qint64 Catalog::addAnnotation(const Annotation &a)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO annotations (track_id, segment_start, segment_end, head, label, value, "
                             "source, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(a.trackId);
    q.addBindValue(optionalValue(a.segmentStart));
    q.addBindValue(optionalValue(a.segmentEnd));
    q.addBindValue(a.head);
    q.addBindValue(a.label);
    q.addBindValue(a.value);
    q.addBindValue(sourceText(a.source));
    q.addBindValue(a.annotator);
    q.addBindValue(toText(a.createdAt));
    if (!exec(q))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    Q_EMIT annotationsChanged({a.trackId});
    return id;
}

QList<Annotation> Catalog::annotations(qint64 trackId) const
{
    QList<Annotation> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM annotations WHERE track_id=? ORDER BY id").arg(kAnnotationColumns));
    q.addBindValue(trackId);
    if (!exec(q))
        return out;
    while (q.next())
        out.append(annotationFromQuery(q));
    return out;
}

QList<Annotation> Catalog::allAnnotations(std::optional<Annotation::Source> source) const
{
    QList<Annotation> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM annotations%2 ORDER BY id")
                  .arg(kAnnotationColumns, source ? QStringLiteral(" WHERE source=?") : QString()));
    if (source)
        q.addBindValue(sourceText(*source));
    if (!exec(q))
        return out;
    while (q.next())
        out.append(annotationFromQuery(q));
    return out;
}

QList<Annotation> Catalog::effectiveAnnotations(std::optional<Annotation::Source> source, qint64 trackId) const
{
    const QList<Annotation> all = trackId > 0 ? annotations(trackId) : allAnnotations(source);
    // Newest row per key wins; keys compare segment bounds as text so that "whole track" (null)
    // and a segment never collide.
    QHash<QString, int> newest;
    auto key = [](const Annotation &a) {
        return QStringLiteral("%1|%2|%3|%4|%5")
            .arg(a.trackId)
            .arg(a.segmentStart ? QString::number(*a.segmentStart, 'f', 3) : QStringLiteral("-"),
                 a.segmentEnd ? QString::number(*a.segmentEnd, 'f', 3) : QStringLiteral("-"), a.head, a.label);
    };
    for (int i = 0; i < all.size(); ++i)
        if (!source || all[i].source == *source)
            newest.insert(key(all[i]), i);
    QList<Annotation> out;
    for (int i = 0; i < all.size(); ++i)
        if ((!source || all[i].source == *source) && newest.value(key(all[i])) == i)
            out.append(all[i]);
    return out;
}

QList<qint64> Catalog::annotatedTrackIds() const
{
    QList<qint64> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT DISTINCT track_id FROM annotations WHERE source='human' ORDER BY track_id"));
    if (!exec(q))
        return out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

bool Catalog::removeAnnotation(qint64 id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT track_id FROM annotations WHERE id=?"));
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return false;
    const qint64 trackId = q.value(0).toLongLong();
    QSqlQuery d(database());
    d.prepare(QStringLiteral("DELETE FROM annotations WHERE id=?"));
    d.addBindValue(id);
    if (!exec(d) || d.numRowsAffected() != 1)
        return false;
    Q_EMIT annotationsChanged({trackId});
    return true;
}

} // namespace spectag
