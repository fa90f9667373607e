#pragma once
// How the catalog's SQL columns hold dates and optional numbers, and how a list of ids is bound;
// shared by the catalog area's source files, not part of its interface.
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QSqlError>
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

// A statement prepared once and executed many times: the models refresh on the GUI thread after
// every analysis batch, and parsing their joins again each time was the top cost there (perf,
// bench_guistall). Prepared again when the connection changed or an exec failed (a closed and
// reopened catalog invalidates its statements).
class PreparedQuery {
public:
    // Binds `values` in order and executes; nullptr when the statement cannot run (the last
    // query's error is in lastError()). Call done() after reading so that SQLite's read
    // snapshot is not held until the next refresh.
    QSqlQuery *exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (!m_query || attempt > 0 || m_connection != db.connectionName()) {
                m_query.emplace(db);
                m_query->setForwardOnly(true);
                m_connection = db.connectionName();
                if (!m_query->prepare(sql))
                    continue;
            }
            for (int i = 0; i < values.size(); ++i)
                m_query->bindValue(i, values.at(i));
            if (m_query->exec())
                return &*m_query;
        }
        return nullptr;
    }
    void done()
    {
        if (m_query)
            m_query->finish();
    }
    QString lastError() const { return m_query ? m_query->lastError().text() : QString(); }

private:
    std::optional<QSqlQuery> m_query;
    QString m_connection;
};

} // namespace spectag::catalogsql
