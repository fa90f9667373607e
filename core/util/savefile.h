#pragma once

#include <QSaveFile>

namespace spectag {

// QSaveFile::commit() for real. Data under Qt's 16 KiB write buffer is only written when commit()
// flushes it, and (Qt 6.4) commit() renames the new file over the target even when that flush
// failed: on a full disk a small playlist, report or model came out empty or cut off behind a
// "success". Flushes and checks first; on failure the target is untouched and the temporary
// file is discarded (QSaveFile's destructor).
inline bool commitSaveFile(QSaveFile &file)
{
    return file.flush() && file.error() == QFileDevice::NoError && file.commit();
}

} // namespace spectag
