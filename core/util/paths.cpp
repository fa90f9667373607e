#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringDecoder>

#include <dirent.h>
#include <sys/stat.h>

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

std::vector<UndecodableEntry> undecodableEntries(const QString &dir)
{
    std::vector<UndecodableEntry> out;
    DIR *d = ::opendir(QFile::encodeName(dir).constData());
    if (!d)
        return out;
    while (const dirent *e = ::readdir(d)) {
        const QByteArray name(e->d_name);
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(name);  // decoding is what sets hasError()
        Q_UNUSED(decoded)
        if (!utf8.hasError())
            continue;
        QString shown;
        for (const char c : name) {
            const auto b = uchar(c);
            shown += b < 0x80 ? QString(QLatin1Char(c)) : QStringLiteral("\\x") + QString::number(b, 16).toUpper();
        }
        bool isDir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            struct stat st;
            isDir = ::stat(QByteArray(QFile::encodeName(dir) + '/' + name).constData(), &st) == 0 && S_ISDIR(st.st_mode);
        }
        out.push_back({QDir(dir).filePath(shown), isDir});
    }
    ::closedir(d);
    return out;
}

bool isUndecodable(const QString &path)
{
    return path.contains(QChar::ReplacementCharacter) && !QFileInfo::exists(path) && !QFileInfo(path).isSymLink();
}

QString undecodableReason()
{
    return QStringLiteral("the name is not valid UTF-8, so it cannot be opened; rename it (for example with "
                          "convmv -f latin1 -t utf8) and try again");
}

} // namespace spectag::paths
