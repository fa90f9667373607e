#include "libraryimporter.h"

#include "audio/audiodecoder.h"
#include "catalog/catalog.h"
#include "util/workerpool.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace spectag::ui {

namespace {
struct ImportResult {
    int added = 0;
    QStringList errors;
    QList<qint64> ids;  // imported and not yet announced to the views
};
constexpr qint64 kFlushMs = 250;
} // namespace

LibraryImporter::LibraryImporter(Catalog *catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
}

LibraryImporter::~LibraryImporter()
{
    *m_cancel = true;
    // The workers use m_catalog. Only our own: the shared pool may be running a fine-tune.
    for (auto *watcher : findChildren<QFutureWatcher<ImportResult> *>())
        watcher->waitForFinished();
}

QStringList LibraryImporter::audioExtensions()
{
    return {QStringLiteral("mp3"), QStringLiteral("flac"), QStringLiteral("ogg"), QStringLiteral("oga"),
            QStringLiteral("opus"), QStringLiteral("m4a"), QStringLiteral("aac"), QStringLiteral("wav"),
            QStringLiteral("aif"), QStringLiteral("aiff"), QStringLiteral("wv"), QStringLiteral("ape")};
}

void LibraryImporter::addFolder(const QString &folder)
{
    ++m_running;
    auto cancel = m_cancel;
    Catalog *catalog = m_catalog;
    QPointer<LibraryImporter> self(this);
    auto *watcher = new QFutureWatcher<ImportResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, folder] {
        watcher->deleteLater();
        --m_running;
        const ImportResult r = watcher->result();
        m_catalog->notifyTracksChanged(r.ids);  // what the last batch did not carry
        Q_EMIT finished(folder, r.added, r.errors);
    });
    watcher->setFuture(spectag::runInBackground([folder, cancel, catalog, self] {
        ImportResult r;
        QStringList files;
        const QStringList exts = audioExtensions();
        QDirIterator it(folder, QDir::Files | QDir::Readable, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext() && !*cancel) {
            const QString f = it.next();
            if (exts.contains(QFileInfo(f).suffix().toLower()))
                files.append(f);
        }
        files.sort();
        catalog->addLibraryFolder(QFileInfo(folder).absoluteFilePath());
        QElapsedTimer sinceFlush;
        sinceFlush.start();
        for (int i = 0; i < files.size() && !*cancel; ++i) {
            const QFileInfo fi(files.at(i));
            AudioDecoder probe(8000);  // opening only reads the container header
            if (!probe.open(fi.absoluteFilePath())) {
                r.errors.append(probe.error().message);
                continue;
            }
            TrackRecord t;
            t.path = fi.absoluteFilePath();
            t.folder = fi.absolutePath();
            t.size = fi.size();
            t.mtimeMs = fi.lastModified().toMSecsSinceEpoch();
            const AudioInfo &info = probe.info();
            t.duration = info.durationSeconds;
            t.format = fi.suffix().toLower();
            t.codec = info.codec;
            t.sampleRate = info.sourceSampleRate;
            t.channels = info.sourceChannels;
            t.bitrate = int(info.bitRate / 1000);
            const qint64 id = catalog->upsertTrack(t);
            if (id > 0) {
                r.ids.append(id);
                ++r.added;
            } else {
                r.errors.append(catalog->lastError());
            }
            if (self && (i % 16 == 15 || i + 1 == files.size())) {
                // The views fill as the import goes, a batch every quarter second: one refresh of
                // 10,000 rows at the end held the GUI thread for 60-150 ms (bench_guistall).
                QList<qint64> batch;
                if (sinceFlush.elapsed() >= kFlushMs) {
                    batch.swap(r.ids);
                    sinceFlush.restart();
                }
                QMetaObject::invokeMethod(self.data(), [self, folder, i, n = int(files.size()), batch] {
                    if (!self)
                        return;
                    self->m_catalog->notifyTracksChanged(batch);
                    Q_EMIT self->progress(folder, i + 1, n);
                }, Qt::QueuedConnection);
            }
        }
        return r;
    }));
}

} // namespace spectag::ui
