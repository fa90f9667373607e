#include "training/datasetcsv.h"

namespace spectag::training {

bool parseCsv(const QByteArray &data, QList<CsvRecord> *records, QString *error)
{
    const QString text = QString::fromUtf8(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
    records->clear();
    CsvRecord rec;
    QString field;
    bool inQuotes = false, fieldStarted = false, recordHasContent = false;
    int line = 1, quoteLine = 0;
    rec.line = 1;

    const auto endField = [&] {
        rec.fields << field;
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        if (recordHasContent || rec.fields.size() > 1 || !rec.fields.first().isEmpty())
            records->append(rec);
        rec = CsvRecord();
        recordHasContent = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = recordHasContent = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            endField();
            recordHasContent = true;
        } else if (c == QLatin1Char('\r')) {
            // part of CRLF; a lone CR inside a field is dropped as well
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            rec.line = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        *error = QStringLiteral("line %1: unterminated quoted field").arg(quoteLine);
        return false;
    }
    if (fieldStarted || !rec.fields.isEmpty() || recordHasContent)
        endRecord();
    return true;
}

} // namespace spectag::training
