#pragma once

#include <QSqlDatabase>
#include <QString>

namespace spectag {

// RAII write transaction: BEGIN IMMEDIATE in the constructor (takes SQLite's write lock up front,
// so two writers wait on the busy timeout instead of deadlocking on a lock upgrade), ROLLBACK in
// the destructor unless commit() succeeded — an exception or an early return loses nothing but
// the unfinished batch.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

// The scanner commits its rows in batches of these.
using ScanTransaction = Transaction;

} // namespace spectag
