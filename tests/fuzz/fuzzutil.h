#pragma once

// Shared by the libFuzzer harnesses: the input becomes a file, because every reader under test
// (TagLib, FFmpeg, the quick payload hash) takes a path. The first byte picks the extension
// (which decides the format TagLib assumes); the rest is the file's content.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace fuzzutil {

inline const char *const kExtensions[] = {"mp3", "flac", "ogg", "opus", "m4a", "wav", "aiff", "ape", "wv", "wma", "aac", "mp4"};
constexpr int kExtensionCount = int(sizeof(kExtensions) / sizeof(kExtensions[0]));

// A private folder in /dev/shm (memory, fast) when there is one, else the temporary folder.
inline QString workDir()
{
    static const QString dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        const QString d = base + QStringLiteral("/spectag-fuzz-") + QString::number(::getpid());
        QDir().mkpath(d);
        return d;
    }();
    return dir;
}

// Writes data[1..] to <workDir>/input.<ext picked by data[0]>; returns the path, empty when size is 0.
inline QString writeInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return {};
    const QString path = workDir() + QStringLiteral("/input.") + QLatin1String(kExtensions[data[0] % kExtensionCount]);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(reinterpret_cast<const char *>(data + 1), qint64(size - 1));
    return path;
}

// Removes everything the harness left in its folder (the writer's temporary files included).
inline void cleanUp()
{
    QDir d(workDir());
    const QStringList names = d.entryList(QDir::Files | QDir::Hidden);
    for (const QString &n : names)
        d.remove(n);
}

} // namespace fuzzutil
