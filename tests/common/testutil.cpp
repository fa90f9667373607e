#include "common/testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtDebug>

namespace testutil {

ProcResult run(const QString &program, const QStringList &args, int timeoutMs)
{
    ProcResult r;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

bool haveProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
}

bool havePythonModule(const QString &module)
{
    return run(python(), {QStringLiteral("-c"), QStringLiteral("import ") + module}, 60000).ok();
}

QString makeAudio(const QString &dir, const QString &fileName, double seconds, const QString &source, int channels,
                  int sampleRate)
{
    const QString out = QDir(dir).filePath(fileName);
    QStringList args{QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     source + QStringLiteral(":duration=") + QString::number(seconds),
                     QStringLiteral("-ac"), QString::number(channels), QStringLiteral("-ar"), QString::number(sampleRate)};
    const QString ext = QFileInfo(fileName).suffix().toLower();
    if (ext == QLatin1String("mp3"))
        args << QStringLiteral("-c:a") << QStringLiteral("libmp3lame") << QStringLiteral("-b:a") << QStringLiteral("128k");
    else if (ext == QLatin1String("ogg"))
        args << QStringLiteral("-c:a") << QStringLiteral("libvorbis");
    else if (ext == QLatin1String("opus"))
        args << QStringLiteral("-c:a") << QStringLiteral("libopus") << QStringLiteral("-ar") << QStringLiteral("48000");
    else if (ext == QLatin1String("m4a"))
        args << QStringLiteral("-c:a") << QStringLiteral("aac");
    args << out;
    const ProcResult r = run(QStringLiteral("ffmpeg"), args);
    if (!r.ok()) {
        qWarning() << "ffmpeg failed for" << out << r.err;
        return {};
    }
    return out;
}

QString realMusicDir()
{
    return QStringLiteral("/usr/share/games/wesnoth/1.16/data/core/music");
}

QStringList realMusicFiles(int max)
{
    QDir d(realMusicDir());
    QStringList files;
    const QStringList names = d.entryList({QStringLiteral("*.ogg")}, QDir::Files, QDir::Name);
    for (const QString &n : names) {
        if (max >= 0 && files.size() >= max)
            break;
        files << d.filePath(n);
    }
    return files;
}

QString sharedDir()
{
    return QStringLiteral(SPECTAG_SHARED_DIR);
}

QString spectagBinary()
{
    return QStringLiteral(SPECTAG_BINARY);
}

} // namespace testutil
