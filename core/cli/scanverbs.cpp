// `spectag scan`: brings the catalog in step with folders of music, once or (--watch) until stopped.
#include "catalog/catalog.h"
#include "cli/catalogoption.h"
#include "cli/cli.h"
#include "scan/librarywatcher.h"
#include "scan/scanner.h"
#include "util/paths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace spectag::cli {

namespace {

// Paths the walk could not take (a dangling link, an unreadable folder, an undecodable name) are
// failures too, but not "files that could not be read": the summary counts them apart.
QString walkProblems(const ScanStats &s)
{
    const qsizetype n = s.failures.size() - s.failed;
    return n <= 0 ? QString() : QStringLiteral(", %1 not scanned").arg(n);
}

void printStats(Context &ctx, const ScanStats &s, bool json)
{
    if (json) {
        ctx.out << QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact) << '\n';
        ctx.out.flush();
        return;
    }
    for (const ScanFailure &f : s.failures)
        ctx.err << "spectag: " << f.path << ": " << f.reason << '\n';
    ctx.err.flush();
    ctx.out << QStringLiteral("%1 audio files in %2 s: %3 added, %4 updated, %5 moved, %6 missing, %7 unchanged, %8 failed%9\n")
                   .arg(s.found)
                   .arg(QString::number(s.elapsedMs / 1000.0, 'f', 2))
                   .arg(s.added)
                   .arg(s.updated)
                   .arg(s.moved)
                   .arg(s.missing)
                   .arg(s.unchanged)
                   .arg(s.failed)
                   .arg(walkProblems(s) + (s.cancelled ? QStringLiteral(" (cancelled)") : QString()));
    ctx.out.flush();
}

int exitCodeFor(const ScanStats &s)
{
    if (s.cancelled)
        return Cancelled;
    if (s.failures.isEmpty())
        return Ok;
    return s.found > s.failed ? PartialFailure : Failure;
}

int scanVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("dirs"), QStringLiteral("Folders (or files) to scan."), QStringLiteral("DIR..."));
    p.addOptions({
        {QStringLiteral("catalog"), QStringLiteral("Catalog database (default %1).").arg(paths::defaultCatalogPath()), QStringLiteral("path")},
        {QStringLiteral("json"), QStringLiteral("Print the summary as one JSON object (per rescan with --watch).")},
        {QStringLiteral("watch"), QStringLiteral("Keep watching the folders and rescan on changes until interrupted.")},
        {QStringLiteral("threads"), QStringLiteral("Reader threads (default: cores, at least 2)."), QStringLiteral("n")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral(
        "Adds the audio files under DIR to the catalog: new files are read (tags, audio properties, "
        "fingerprint), unchanged ones skipped, moved ones followed, deleted ones marked missing.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    const QStringList dirs = p.positionalArguments();
    if (dirs.isEmpty()) {
        ctx.err << p.helpText();
        return Usage;
    }
    Catalog catalog;
    if (!openCatalog(ctx, p, catalog))
        return Failure;
    const bool json = p.isSet(QStringLiteral("json"));

    Scanner scanner(&catalog);
    scanner.setCancelFlag(&ctx.cancel);
    if (p.isSet(QStringLiteral("threads")))
        scanner.setMaxThreads(p.value(QStringLiteral("threads")).toInt());
    const ScanStats stats = scanner.scan(dirs);
    printStats(ctx, stats, json);
    if (!p.isSet(QStringLiteral("watch")) || stats.cancelled)
        return exitCodeFor(stats);

    LibraryWatcher watcher(&catalog);
    watcher.scanner()->setCancelFlag(&ctx.cancel);
    QEventLoop loop;
    QObject::connect(&watcher, &LibraryWatcher::rescanned, &loop, [&](const ScanStats &s) { printStats(ctx, s, json); });
    QTimer poll;  // Ctrl+C only sets a flag (signal-safe): look at it a few times a second
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (ctx.cancel.load())
            loop.quit();
    });
    poll.start(200);
    watcher.watch(dirs);
    if (!json)
        ctx.err << "spectag: watching " << watcher.watchedDirectories().size() << " folders; Ctrl+C stops\n";
    ctx.err.flush();
    loop.exec();
    return Ok;
}

} // namespace

void addScanVerbs(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("scan"), QStringLiteral("Scan folders of music into the catalog."), &scanVerb});
}

} // namespace spectag::cli
