#include "scan/librarywatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace spectag {

LibraryWatcher::LibraryWatcher(Catalog *catalog, QObject *parent)
    : QObject(parent)
    , m_scanner(catalog)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(800);
    connect(&m_debounce, &QTimer::timeout, this, &LibraryWatcher::startPending);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &LibraryWatcher::onDirectoryChanged);
    connect(&m_running, &QFutureWatcher<ScanStats>::finished, this, &LibraryWatcher::onScanFinished);
}

LibraryWatcher::~LibraryWatcher()
{
    m_scanner.cancel();
    m_running.waitForFinished();
}

void LibraryWatcher::watch(const QStringList &roots, bool initialScan)
{
    stop();
    for (const QString &r : roots)
        m_roots.append(QDir::cleanPath(QFileInfo(r).absoluteFilePath()));
    updateWatchedDirectories();
    if (initialScan) {
        for (const QString &r : std::as_const(m_roots))
            m_pending.insert(r);
        startPending();
    }
}

void LibraryWatcher::stop()
{
    m_debounce.stop();
    m_pending.clear();
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_roots.clear();
}

void LibraryWatcher::updateWatchedDirectories()
{
    QStringList dirs;
    QSet<QString> canonical;
    for (const QString &root : std::as_const(m_roots)) {
        if (!QFileInfo(root).isDir())
            continue;
        dirs.append(root);
        canonical.insert(QFileInfo(root).canonicalFilePath());
        QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext()) {
            const QString d = it.next();
            const QString c = it.fileInfo().canonicalFilePath();
            if (!canonical.contains(c)) {  // QDirIterator already refuses to loop; this drops aliases
                canonical.insert(c);
                dirs.append(d);
            }
        }
    }
    const QStringList current = m_watcher.directories();
    QStringList add;
    const QSet<QString> currentSet(current.begin(), current.end());
    for (const QString &d : std::as_const(dirs))
        if (!currentSet.contains(d))
            add.append(d);
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void LibraryWatcher::onDirectoryChanged(const QString &dir)
{
    // A removed folder cannot be scanned: its nearest surviving ancestor marks its files missing.
    QString target = dir;
    while (!QFileInfo(target).isDir() && target.size() > 1)
        target = QFileInfo(target).path();
    m_pending.insert(target);
    m_debounce.start();
}

void LibraryWatcher::startPending()
{
    if (m_pending.isEmpty() || m_running.isRunning())
        return;  // onScanFinished() comes back for what is still pending
    QStringList dirs(m_pending.begin(), m_pending.end());
    m_pending.clear();
    // A folder inside another pending one is covered by it.
    std::sort(dirs.begin(), dirs.end());
    QStringList outer;
    for (const QString &d : std::as_const(dirs))
        if (outer.isEmpty() || !(d == outer.last() || d.startsWith(outer.last() + QLatin1Char('/'))))
            outer.append(d);
    m_running.setFuture(m_scanner.start(outer));
}

void LibraryWatcher::onScanFinished()
{
    const ScanStats stats = m_running.result();
    updateWatchedDirectories();
    Q_EMIT rescanned(stats);
    if (!m_pending.isEmpty())
        m_debounce.start();
}

} // namespace spectag
