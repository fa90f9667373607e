#pragma once

#include "scan/scanner.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QSet>
#include <QTimer>

namespace spectag {

// Keeps the catalog in step with the library folders while the app runs: watches every folder
// below the roots (QFileSystemWatcher: inotify on Linux), collects the folders that changed,
// and after a quiet period (debounce, default 800 ms: a file copy fires many events) rescans just
// those folders on a worker thread. New subfolders are watched after the rescan that found them.
class LibraryWatcher : public QObject {
    Q_OBJECT
public:
    explicit LibraryWatcher(Catalog *catalog, QObject *parent = nullptr);
    ~LibraryWatcher() override;

    // Starts watching `roots` (replacing earlier ones); with initialScan, scans them first.
    void watch(const QStringList &roots, bool initialScan = false);
    void stop();
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    QStringList roots() const { return m_roots; }
    QStringList watchedDirectories() const { return m_watcher.directories(); }
    Scanner *scanner() { return &m_scanner; }
    bool isScanning() const { return m_running.isRunning(); }

Q_SIGNALS:
    void rescanned(const spectag::ScanStats &stats);

private:
    void onDirectoryChanged(const QString &dir);
    void startPending();
    void onScanFinished();
    void updateWatchedDirectories();

    Scanner m_scanner;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QStringList m_roots;
    QSet<QString> m_pending;
    QFutureWatcher<ScanStats> m_running;
};

} // namespace spectag
