#pragma once

#include <QString>
#include <QStringList>

// Helpers shared by the test executables: fixture generation with the ffmpeg CLI, the real music
// that Debian packages provide, and running reference tools (python3 + torchaudio/sklearn).
namespace testutil {

struct ProcResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

ProcResult run(const QString &program, const QStringList &args, int timeoutMs = 120000);
bool haveProgram(const QString &program);
bool havePythonModule(const QString &module);
// Debian's interpreter (/usr/bin/python3), whose modules come from python3-* packages; a python3
// earlier on PATH (pyenv, venv) would not see python3-torchaudio or python3-sklearn.
QString python();

// Generates an audio file with the ffmpeg CLI; the codec follows the extension (.mp3 .flac .ogg
// .opus .m4a .wav .aiff). `source` is an ffmpeg lavfi graph, e.g. "sine=frequency=440".
// Returns the path, or an empty string (and a qWarning with ffmpeg's message) on failure.
QString makeAudio(const QString &dir, const QString &fileName, double seconds,
                  const QString &source = QStringLiteral("sine=frequency=440"), int channels = 2,
                  int sampleRate = 44100);

// Real orchestral music (Debian's wesnoth-1.16-music), sorted by name; empty when not installed.
QStringList realMusicFiles(int max = -1);
QString realMusicDir();

QString sharedDir();     // ../shared beside the repository
QString spectagBinary(); // the built `spectag` executable

} // namespace testutil
