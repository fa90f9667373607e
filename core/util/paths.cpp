#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace spectag::paths {

QString defaultCatalogPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("catalog.sqlite"));
}

QString featureCacheDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("features"));
}

QString resourcesDir()
{
    // An explicit override wins (tests, relocated installs), then the installed share dir,
    // then the source tree the binary was built from (developers run it from build/).
    const QByteArray env = qgetenv("SPECTAG_RESOURCES");
    if (!env.isEmpty())
        return QFile::decodeName(env);
    const QString appDir = QCoreApplication::applicationDirPath();
    // bin/spectag (the launcher) and lib/spectag/spectag-app (the full program) share one prefix.
    for (const QLatin1String rel : {QLatin1String("../share/spectag"), QLatin1String("../../share/spectag")}) {
        const QString installed = QDir(appDir).absoluteFilePath(rel);
        if (QFileInfo::exists(installed))
            return QDir::cleanPath(installed);
    }
#ifdef SPECTAG_SOURCE_RESOURCES
    return QStringLiteral(SPECTAG_SOURCE_RESOURCES);
#else
    return QDir(appDir).absoluteFilePath(QStringLiteral("resources"));
#endif
}

QString defaultModelPath()
{
    return QDir(resourcesDir()).filePath(QStringLiteral("models/spectag-default.stm"));
}

} // namespace spectag::paths
