#include "scan/scanner.h"

#include "catalog/catalog.h"
#include "catalog/transaction.h"
#include "scan/tagreader.h"
#include "tags/safetagwriter.h"
#include "util/paths.h"
#include "util/progressthrottle.h"
#include "util/workerpool.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMultiHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace spectag {

namespace {

struct FoundFile {
    QString path;
    qint64 size = 0;
    qint64 mtimeMs = 0;
};

bool underRoot(const QString &path, const QStringList &roots)
{
    for (const QString &root : roots)
        if (path == root || (path.startsWith(root) && path.at(root.size()) == QLatin1Char('/')))
            return true;
    return false;
}

} // namespace

QJsonObject ScanStats::toJson() const
{
    QJsonArray f;
    for (const ScanFailure &x : failures)
        f.append(QJsonObject{{QStringLiteral("path"), x.path}, {QStringLiteral("reason"), x.reason}});
    return {{QStringLiteral("found"), found},         {QStringLiteral("read"), read},
            {QStringLiteral("added"), added},         {QStringLiteral("updated"), updated},
            {QStringLiteral("moved"), moved},         {QStringLiteral("missing"), missing},
            {QStringLiteral("unchanged"), unchanged}, {QStringLiteral("failed"), failed},
            {QStringLiteral("failures"), f},          {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("elapsed_ms"), elapsedMs}};
}

const QStringList &Scanner::audioExtensions()
{
    static const QStringList ext{QStringLiteral("mp3"), QStringLiteral("flac"), QStringLiteral("ogg"),
                                 QStringLiteral("oga"), QStringLiteral("opus"), QStringLiteral("m4a"),
                                 QStringLiteral("mp4"), QStringLiteral("aac"),  QStringLiteral("wav"),
                                 QStringLiteral("aif"), QStringLiteral("aiff"), QStringLiteral("ape"),
                                 QStringLiteral("wv"),  QStringLiteral("wma")};
    return ext;
}

bool Scanner::isAudioFileName(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || fileName.size() - dot > 5)
        return false;
    const QStringView ext = QStringView(fileName).mid(dot + 1);
    for (const QString &e : audioExtensions())
        if (ext.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

Scanner::Scanner(Catalog *catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
{
    qRegisterMetaType<spectag::ScanStats>();
    // Reading is mostly waiting for the disk and FFmpeg's demuxer: a few threads more than cores.
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
}

Scanner::~Scanner()
{
    m_cancel = true;
    m_future.waitForFinished();
    m_pool.waitForDone();
}

bool Scanner::isCancelled() const
{
    return m_cancel.load() || (m_externalCancel && m_externalCancel->load());
}

ScanStats Scanner::scan(const QStringList &roots)
{
    m_cancel = false;
    const ScanStats stats = run(roots);
    Q_EMIT finished(stats);
    return stats;
}

QFuture<ScanStats> Scanner::start(const QStringList &roots)
{
    m_future.waitForFinished();
    m_cancel = false;
    m_future = spectag::runInBackground([this, roots] {
        const ScanStats stats = run(roots);
        Q_EMIT finished(stats);
        return stats;
    });
    return m_future;
}

ScanStats Scanner::run(const QStringList &rootArgs)
{
    QElapsedTimer timer;
    timer.start();
    ScanStats stats;
    ProgressThrottle throttle;

    // 1. Walk. Roots are made absolute and clean (not canonical: the paths the user chose are
    //    the paths the catalog keeps).
    QStringList roots;
    QList<FoundFile> found;
    QSet<QString> visitedDirs;  // canonical paths: a symlink back up the tree is seen twice
    for (const QString &arg : rootArgs) {
        const QFileInfo ri(arg);
        const QString root = QDir::cleanPath(ri.absoluteFilePath());
        if (!ri.exists()) {
            stats.failures.append({root, QStringLiteral("no such file or folder")});
            continue;
        }
        roots.append(root);
        if (!ri.isDir()) {
            if (isAudioFileName(ri.fileName()))
                found.append({root, ri.size(), ri.lastModified().toMSecsSinceEpoch()});
            continue;
        }
        QStringList stack{root};
        while (!stack.isEmpty() && !isCancelled()) {
            const QString dir = stack.takeLast();
            const QFileInfo di(dir);
            const QString canonical = di.canonicalFilePath();
            if (canonical.isEmpty() || visitedDirs.contains(canonical))
                continue;
            visitedDirs.insert(canonical);
            if (!di.isReadable() || !di.isExecutable()) {
                stats.failures.append({dir, QStringLiteral("folder not readable (permission denied)")});
                continue;
            }
            // Names Qt cannot represent are invisible to QDirIterator. Only those that could be
            // music or a folder of it are reported: a Latin-1 cover.jpg is not worth a failed scan.
            for (const paths::UndecodableEntry &e : paths::undecodableEntries(dir)) {
                if (e.isDir || isAudioFileName(e.shownPath))
                    stats.failures.append({e.shownPath, paths::undecodableReason()});
            }
            QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
            bool staleTempsRemoved = false;
            while (it.hasNext()) {
                it.next();
                const QString name = it.fileName();
                const QFileInfo fi = it.fileInfo();
                if (!staleTempsRemoved && SafeTagWriter::isTempFileName(name)) {
                    // A tag write killed mid-way leaves its full-size copy; the next write in this
                    // folder would remove it, but a folder may never be written again.
                    SafeTagWriter::removeStaleTempFiles(dir);
                    staleTempsRemoved = true;
                } else if (isAudioFileName(name)) {
                    if (fi.isFile())
                        found.append({it.filePath(), fi.size(), fi.lastModified().toMSecsSinceEpoch()});
                    else if (fi.isSymLink() && !fi.exists())
                        stats.failures.append({it.filePath(), QStringLiteral("broken symbolic link")});
                } else if (fi.isDir()) {
                    stack.append(it.filePath());
                }
            }
        }
    }
    stats.found = int(found.size());
    if (isCancelled()) {
        stats.cancelled = true;
        stats.elapsedMs = timer.elapsed();
        return stats;
    }

    // 2. Compare with the catalog in one query.
    QHash<QString, KnownFile> known = m_catalog->knownFiles();
    QList<FoundFile> toRead;
    QSet<QString> seen;
    seen.reserve(found.size());
    for (const FoundFile &f : std::as_const(found)) {
        seen.insert(f.path);
        const auto k = known.constFind(f.path);
        if (k != known.constEnd() && k->state == TrackState::Present && k->size == f.size && k->mtimeMs == f.mtimeMs)
            ++stats.unchanged;
        else
            toRead.append(f);
    }
    // Tracks that were under the scanned roots and are gone, plus tracks already missing
    // anywhere: a new file with one of their fingerprints is that track, moved.
    QSet<qint64> vanished;
    QMultiHash<QByteArray, qint64> moveCandidates;
    for (auto it = known.constBegin(); it != known.constEnd(); ++it) {
        if (seen.contains(it.key()))
            continue;
        const bool inScope = underRoot(it.key(), roots);
        if (inScope && it->state == TrackState::Present)
            vanished.insert(it->id);
        if ((inScope || it->state == TrackState::Missing) && !it->fingerprint.isEmpty())
            moveCandidates.insert(it->fingerprint, it->id);
    }

    // 3. Read the rest in parallel, write in order in batches.
    const int total = int(found.size());
    int done = stats.unchanged;
    if (throttle.due(true))
        Q_EMIT progress(done, total, QString());
    QFuture<FileReadResult> reading = QtConcurrent::mapped(&m_pool, toRead, [](const FoundFile &f) {
        return readAudioFile(f.path, f.size, f.mtimeMs);
    });
    QSqlDatabase db = m_catalog->database();
    std::optional<ScanTransaction> tx;
    Catalog::TrackWriter writer(*m_catalog);
    QList<qint64> batchIds;
    // What the open batch added, updated and moved: counted only once it is committed, so the
    // summary says what the catalog holds even when another program keeps the catalog locked.
    int batchAdded = 0, batchUpdated = 0, batchMoved = 0;
    QString busy;  // set once the catalog could not be locked: the rest is not written this time
    auto flush = [&] {
        if (tx && tx->commit()) {
            stats.added += batchAdded;
            stats.updated += batchUpdated;
            stats.moved += batchMoved;
        } else if (tx) {
            stats.failures.append({m_catalog->path(), QStringLiteral("catalog write failed: %1; %2 files not recorded (scan again)")
                                                          .arg(tx->error()).arg(batchAdded + batchUpdated + batchMoved)});
            stats.failed += batchAdded + batchUpdated + batchMoved;
            batchIds.clear();
        }
        batchAdded = batchUpdated = batchMoved = 0;
        tx.reset();
        m_catalog->notifyTracksChanged(batchIds);
        batchIds.clear();
    };
    for (int i = 0; i < toRead.size(); ++i) {
        if (isCancelled()) {
            reading.cancel();
            stats.cancelled = true;
            break;
        }
        const FileReadResult r = reading.resultAt(i);
        ++stats.read;
        ++done;
        if (!r.ok()) {
            ++stats.failed;
            stats.failures.append({r.track.path, r.error});
        } else if (!busy.isEmpty()) {
            ++stats.failed;
            stats.failures.append({r.track.path, busy});
            if (const auto k = known.constFind(r.track.path); k != known.constEnd())
                vanished.remove(k->id);  // still there, only not re-read into the catalog
        } else {
            if (!tx) {
                tx.emplace(db);
                if (!tx->isActive()) {
                    // Another program held the write lock past the busy timeout. Writing without
                    // a transaction would wait that long per statement; give the rest up instead.
                    busy = QStringLiteral("not recorded: the catalog is locked by another program (%1); scan again")
                               .arg(tx->error());
                    tx.reset();
                    ++stats.failed;
                    stats.failures.append({r.track.path, busy});
                    if (const auto k = known.constFind(r.track.path); k != known.constEnd())
                        vanished.remove(k->id);
                    continue;
                }
            }
            qint64 id = 0;
            int *counter = nullptr;
            // A row analysis made for a file never scanned (size and mtime 0, see
            // CatalogAnalysisCache::trackIdFor) is new to the library, not an update of it.
            const auto addedOrUpdated = [&](qint64 size, qint64 mtimeMs) {
                return size == 0 && mtimeMs == 0 ? &batchAdded : &batchUpdated;
            };
            const auto k = known.constFind(r.track.path);
            if (k != known.constEnd()) {
                id = writer.updateFile(k->id, r.track) ? k->id : 0;
                vanished.remove(k->id);
                counter = addedOrUpdated(k->size, k->mtimeMs);
            } else if (const auto c = moveCandidates.find(r.track.fingerprint); c != moveCandidates.end()) {
                const qint64 movedId = c.value();
                // One file claims one track; drop the id from every fingerprint it was listed under.
                moveCandidates.erase(c);
                id = writer.updateFile(movedId, r.track) ? movedId : 0;
                vanished.remove(movedId);
                counter = &batchMoved;
            } else {
                // Not there when this scan began, but another scan (another program) may have
                // recorded it since: asked inside this write transaction, so that two scans of
                // the same folder at once do not both count the file as added.
                const auto before = writer.fileStamp(r.track.path);
                id = writer.upsert(r.track);
                counter = before ? addedOrUpdated(before->first, before->second) : &batchAdded;
            }
            if (id == 0) {
                stats.failures.append({r.track.path, QStringLiteral("catalog write failed: %1").arg(m_catalog->lastError())});
                ++stats.failed;
            } else {
                ++*counter;
                batchIds.append(id);
            }
            if (batchIds.size() >= m_batchSize)
                flush();
        }
        if (throttle.due(done == total))
            Q_EMIT progress(done, total, r.track.path);
    }
    reading.waitForFinished();
    flush();

    // 4. Whatever vanished and was not claimed by a move is missing (only after a complete scan:
    //    a cancelled one has not seen every file that might be its new home).
    if (!stats.cancelled && busy.isEmpty() && !vanished.isEmpty()) {
        const QList<qint64> ids(vanished.begin(), vanished.end());
        if (m_catalog->markMissing(ids))
            stats.missing = int(ids.size());
        else
            stats.failures.append({m_catalog->path(), QStringLiteral("catalog write failed: %1").arg(m_catalog->lastError())});
    }
    if (throttle.due(true))
        Q_EMIT progress(done, total, QString());
    stats.elapsedMs = timer.elapsed();
    return stats;
}

} // namespace spectag
