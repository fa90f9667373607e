#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace spectag::training {

// One record of an RFC 4180 CSV file and the line it starts on (1-based; a quoted field may
// span lines, so records and lines differ).
struct CsvRecord {
    int line = 0;
    QStringList fields;
};

// Parses UTF-8 CSV text (comma separated, "" escapes a quote, CRLF or LF, BOM tolerated).
// Blank lines are skipped. On an unterminated quote returns false with the line in *error.
bool parseCsv(const QByteArray &data, QList<CsvRecord> *records, QString *error);

} // namespace spectag::training
