#pragma once
// How the catalog's SQL columns hold dates and optional numbers; shared by the Catalog's source
// files (catalog.cpp, catalogannotations.cpp), not part of its interface.
#include <QDateTime>
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

} // namespace spectag::catalogsql
