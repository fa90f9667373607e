#pragma once
// How the catalog's SQL columns hold dates and optional numbers, and how a list of ids is bound;
// shared by the catalog area's source files, not part of its interface.
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace spectag::catalogsql {

inline QString toText(const QDateTime &t)
{
    return (t.isValid() ? t : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime fromText(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

inline QVariant optionalValue(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

inline std::optional<double> optionalFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// Ids as a JSON array text for `IN (SELECT value FROM json_each(?))`: one bound value instead of
// a statement text that changes (and is parsed again) with every list.
inline QString idArray(const QList<qint64> &ids)
{
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids)
        numbers << QString::number(id);
    return QLatin1Char('[') + numbers.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace spectag::catalogsql
