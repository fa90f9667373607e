#include "cli/npywriter.h"
#include "util/savefile.h"

#include <QSaveFile>

namespace spectag::cli {

QString writeNpy(const QString &path, const float *data, int rows, int cols)
{
    QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + QByteArray::number(rows) + ", "
        + QByteArray::number(cols) + "), }";
    // Pad so that magic(6) + version(2) + length(2) + header is a multiple of 64, ending in '\n'.
    const int total = 10 + int(header.size()) + 1;
    header.append(QByteArray((64 - total % 64) % 64, ' '));
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    const quint16 len = quint16(header.size());
    out.append(char(len & 0xff));
    out.append(char(len >> 8));
    out.append(header);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    f.write(out);
    f.write(reinterpret_cast<const char *>(data), qint64(rows) * cols * qint64(sizeof(float)));
    if (!commitSaveFile(f))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace spectag::cli
