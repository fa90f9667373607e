#pragma once

#include <QString>

#include <vector>

namespace spectag {

// Where Spectag's own files live. Each can be overridden for tests and servers.
namespace paths {
QString defaultCatalogPath();   // AppDataLocation/catalog.sqlite
QString featureCacheDir();      // CacheLocation/features: training spectrograms (app and CLI share it)
QString defaultModelPath();     // the shipped default model (installed or in the source tree)
QString resourcesDir();         // resources/ next to the binary's share dir or the source tree

// A file or folder name that is not valid UTF-8 (old Latin-1 libraries) cannot be named through
// Qt: QDirIterator leaves it out and every open by a decoded name fails. The walks look for such
// entries themselves and report them with undecodableReason() instead of skipping them silently.
struct UndecodableEntry {
    QString shownPath;  // the folder, then the name with each bad byte written as \xNN
    bool isDir = false;
};
// The entries of `dir` (not recursive) whose names are not valid UTF-8.
std::vector<UndecodableEntry> undecodableEntries(const QString &dir);
// True for a path given on the command line whose bytes were not UTF-8 (decoded with U+FFFD).
bool isUndecodable(const QString &path);
QString undecodableReason();
} // namespace paths

} // namespace spectag
