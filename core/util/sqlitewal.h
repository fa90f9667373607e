#pragma once

#include <QSqlDatabase>
#include <QString>

namespace spectag {

// Puts an SQLite database into WAL mode (readers never wait for writers; persistent per file).
// Switching needs a moment alone with a new file, and SQLite answers "database is locked" at once,
// without its busy handler, while another process that opens the same new catalog (the app and a
// cron `spectag scan`, or the tag journal beside them) holds it. So this retries for up to
// timeoutMs. False with *error set when the file stays locked or refuses WAL.
bool enableWal(QSqlDatabase db, QString *error, int timeoutMs = 10000);

} // namespace spectag
