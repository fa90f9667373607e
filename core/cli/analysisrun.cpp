// The analysis pass shared by `analyze` and `tag --predicted`.
#include "cli/analysisrun.h"

#include "catalog/catalog.h"
#include "inference/analysisqueue.h"
#include "inference/catalogcache.h"
#include "util/paths.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QSet>
#include <QTimer>

namespace spectag::cli {

namespace {

std::unique_ptr<Model> loadModel(Context &ctx, const QString &path, Model::Device device)
{
    if (!QFileInfo::exists(path)) {
        if (path == paths::defaultModelPath())
            ctx.err << "spectag: no default model yet (" << path << "); train one with 'spectag train' "
                    << "or pass --model FILE (a random one: 'spectag model init')\n";
        else
            ctx.err << "spectag: model " << path << " does not exist\n";
        return nullptr;
    }
    QString error;
    auto m = Model::load(path, &error, device);
    if (!m)
        ctx.err << "spectag: " << error << '\n';
    return m;
}

} // namespace

// Audio files by extension; folders are walked recursively (sorted for a stable order).
QStringList collectAudio(const QStringList &inputs, QStringList *problems)
{
    static const QStringList exts = {QStringLiteral("mp3"), QStringLiteral("flac"), QStringLiteral("ogg"),
                                     QStringLiteral("oga"), QStringLiteral("opus"), QStringLiteral("m4a"),
                                     QStringLiteral("mp4"), QStringLiteral("aac"), QStringLiteral("wav"),
                                     QStringLiteral("aif"), QStringLiteral("aiff"), QStringLiteral("wma"),
                                     QStringLiteral("ape"), QStringLiteral("wv"), QStringLiteral("mpc")};
    QStringList files;
    for (const QString &in : inputs) {
        const QFileInfo fi(in);
        if (fi.isDir()) {
            QStringList found;
            const auto noteUndecodable = [&](const QString &dir) {  // QDirIterator cannot see them
                for (const paths::UndecodableEntry &e : paths::undecodableEntries(dir)) {
                    if (e.isDir || exts.contains(QFileInfo(e.shownPath).suffix().toLower()))
                        *problems << QStringLiteral("%1: %2").arg(e.shownPath, paths::undecodableReason());
                }
            };
            noteUndecodable(in);
            QDirIterator it(in, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString f = it.next();
                if (it.fileInfo().isDir())
                    noteUndecodable(f);
                else if (exts.contains(it.fileInfo().suffix().toLower()) && it.fileInfo().isFile() && it.fileInfo().isReadable())
                    found << f;
            }
            found.sort();
            files << found;
        } else if (fi.exists()) {
            files << in;  // an explicit file is tried whatever its extension
        } else if (paths::isUndecodable(in)) {
            *problems << QStringLiteral("%1: %2").arg(in, paths::undecodableReason());
        } else {
            *problems << QStringLiteral("%1: no such file or folder").arg(in);
        }
    }
    // Overlapping inputs (a folder and its subfolder, a file named twice, a symlinked folder)
    // name one file several times: analyse and tag it once.
    QSet<QString> seen;
    QStringList unique;
    for (const QString &f : std::as_const(files)) {
        const QString key = QFileInfo(f).canonicalFilePath();
        if (!seen.contains(key)) {
            seen.insert(key);
            unique << f;
        }
    }
    return unique;
}

AnalysisRunResult runAnalysis(Context &ctx, const QStringList &files, const AnalysisRun &run,
                              const std::function<void(const ModelSpec &, const TrackResult &)> &onResult)
{
    AnalysisRunResult result;
    Model::setThreadCount(run.threads);
    const QString modelPath = run.modelPath.isEmpty() ? paths::defaultModelPath() : run.modelPath;
    std::shared_ptr<Model> model = loadModel(ctx, modelPath, run.device);
    if (!model)
        return result;
    if (run.device == Model::Device::Cuda && !model->deviceName().startsWith(QLatin1String("cuda")))
        ctx.err << "spectag: CUDA is not available, running on the CPU\n";
    const Aggregation aggregation = run.aggregation.value_or(defaultAggregation(model->spec()));

    // Declared before the queue, so the queue (whose workers write through the cache) goes first.
    Catalog catalog;
    std::shared_ptr<CatalogAnalysisCache> cache;
    if (!run.catalogPath.isEmpty()) {
        const QString &catalogPath = run.catalogPath;
        if (!catalog.open(catalogPath)) {
            ctx.err << "spectag: " << catalog.lastError() << '\n';
            return result;
        }
        cache = std::make_shared<CatalogAnalysisCache>(&catalog, model->spec(), CatalogAnalysisCache::describe(*model, modelPath), aggregation);
        // A catalog without an active model shows this one's predictions in the library.
        if (cache->modelId() == 0 || (!catalog.activeModel() && !cache->activate())) {
            ctx.err << "spectag: " << catalogPath << ": " << cache->lastError() << catalog.lastError() << '\n';
            return result;
        }
    }

    AnalysisQueue::Options opt;
    opt.aggregation = aggregation;
    opt.decodeThreads = run.threads;
    opt.batchSize = run.batch;
    opt.keepSegments = run.keepSegments;
    AnalysisQueue queue(model, opt);
    if (cache)
        queue.setCache(cache);
    QEventLoop loop;
    QObject::connect(&queue, &AnalysisQueue::trackFinished, &loop, [&](const TrackResult &r) {
        if (!r.ok()) {
            ++result.failures;
            ctx.err << "spectag: " << r.error << '\n';
        }
        onResult(model->spec(), r);
    });
    QObject::connect(&queue, &AnalysisQueue::idle, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (ctx.cancel) {
            queue.cancel();
            loop.quit();
        }
    });
    cancelPoll.start(50);
    queue.enqueue(files);
    loop.exec();
    if (cache) {
        const AnalysisQueue::Stats st = queue.stats();
        ctx.err << "spectag: " << st.cacheHits << " of " << files.size() << " track(s) from cache, " << st.decoded
                << " decoded, " << cache->storedCount() << " prediction(s) stored in " << catalog.path() << '\n';
        if (cache->failedStores() > 0) {
            ctx.err << "spectag: " << cache->failedStores() << " prediction(s) could not be stored: " << cache->lastError() << '\n';
            result.failures += cache->failedStores();
        }
    }
    result.started = true;
    return result;
}

} // namespace spectag::cli
