#include "util/sqlitewal.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace spectag {

bool enableWal(QSqlDatabase db, QString *error, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QSqlQuery q(db);
    for (;;) {
        if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && q.next()
            && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
            return true;
        const QString why = q.lastError().isValid() ? q.lastError().text() : QStringLiteral("journal mode is %1").arg(q.value(0).toString());
        q.finish();
        if (deadline.hasExpired()) {
            *error = QStringLiteral("cannot switch to WAL mode: %1").arg(why);
            return false;
        }
        QThread::msleep(20);
    }
}

} // namespace spectag
