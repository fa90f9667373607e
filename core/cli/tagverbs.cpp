// `spectag tag`, `spectag tags` and `spectag undo`: write Spectag's mood/genre fields safely,
// show what Spectag reads, and undo a journaled batch.
#include "cli/cli.h"
#include "cli/analysisrun.h"
#include "inference/tagsuggestion.h"
#include "tags/tagbatch.h"
#include "tags/tagfile.h"
#include "tags/tagjournal.h"
#include "util/paths.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QSet>

namespace spectag::cli {

namespace {

QString shown(const QStringList &values)
{
    return values.isEmpty() ? QStringLiteral("(none)") : values.join(QLatin1String("; "));
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression sep(QStringLiteral("[,;]"));
    return cleanValues(text.split(sep));
}

int showTags(Context &ctx, const QStringList &files)
{
    int failures = 0;
    for (const QString &file : files) {
        QString error;
        std::unique_ptr<TagFile> tf = TagFile::open(file, &error);
        if (!tf) {
            ctx.err << "spectag: " << error << '\n';
            ++failures;
            continue;
        }
        const TagFileInfo i = tf->info();
        if (i.sampleRate <= 0) {  // TagLib opens an empty or text file named .mp3 without complaint
            ctx.err << "spectag: " << file << ": no audio found (not an audio file, or damaged)\n";
            ++failures;
            continue;
        }
        ctx.out << file << '\n'
                << "  format:       " << i.format << '\n'
                << "  audio:        " << QString::number(i.durationSeconds, 'f', 2) << " s, " << i.sampleRate << " Hz x"
                << i.channels << ", " << i.bitrateKbps << " kb/s\n"
                << "  title:        " << i.title << '\n'
                << "  artist:       " << i.artist << '\n'
                << "  album:        " << i.album << '\n';
        for (TagField f : kAllTagFields)
            ctx.out << "  " << QString(tagFieldName(f) + QLatin1Char(':')).leftJustified(14) << shown(tf->values(f)) << '\n';
    }
    return failures == 0 ? Ok : failures == files.size() ? Failure : PartialFailure;
}

QString catalogPath(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("catalog")) ? p.value(QStringLiteral("catalog")) : paths::defaultCatalogPath();
}

void printOutcome(Context &ctx, const BatchOutcome &o)
{
    for (const FileOutcome &f : o.files) {
        if (f.status == QLatin1String("failed"))
            ctx.err << "spectag: " << f.error << '\n';
    }
    if (!o.error.isEmpty())
        ctx.err << "spectag: " << o.error << '\n';
    ctx.out << o.written << " written, " << o.unchanged << " unchanged, " << o.failed << " failed";
    if (o.batchId > 0)
        ctx.out << " (batch " << o.batchId << ')';
    ctx.out << '\n';
}

int exitCode(const BatchOutcome &o, qsizetype files)
{
    if (o.cancelled)
        return Cancelled;
    if (!o.error.isEmpty() && o.written == 0)
        return Failure;
    if (o.failed == 0 && o.error.isEmpty())
        return Ok;
    return o.failed >= files ? Failure : PartialFailure;
}

// Shows old -> new per file and field (with warnings about lossy cases), then, unless it is a
// dry run, applies the writes as one journaled, undoable batch.
int previewAndWrite(Context &ctx, const QCommandLineParser &p, const std::vector<TagChangeRequest> &requests,
                    const QString &description)
{
    TagWriteOptions options;
    if (p.isSet(QStringLiteral("id3v2.3")))
        options.id3v2 = Id3v2Version::V3;
    else if (p.isSet(QStringLiteral("id3v2.4")))
        options.id3v2 = Id3v2Version::V4;

    const std::vector<FilePlan> plans = planTagWrites(requests, options, &ctx.cancel);
    if (ctx.cancel)
        return Cancelled;
    for (const FilePlan &plan : plans) {
        if (!plan.error.isEmpty())
            continue;  // reported with the outcome
        ctx.out << plan.path << '\n';
        for (auto it = plan.newValues.cbegin(); it != plan.newValues.cend(); ++it) {
            const QStringList old = plan.oldValues.value(it.key());
            ctx.out << "  " << tagFieldName(it.key()) << ": " << shown(old);
            if (old == it.value())
                ctx.out << " (unchanged)\n";
            else
                ctx.out << " -> " << shown(it.value()) << '\n';
        }
        for (const QString &w : plan.warnings)
            ctx.out << "  warning: " << w << '\n';
    }
    if (p.isSet(QStringLiteral("dry-run"))) {
        int failed = 0;
        for (const FilePlan &plan : plans) {
            if (!plan.error.isEmpty()) {
                ctx.err << "spectag: " << plan.error << '\n';
                ++failed;
            }
        }
        ctx.out << "dry run: nothing written\n";
        return failed == 0 ? Ok : failed == qsizetype(plans.size()) ? Failure : PartialFailure;
    }
    TagJournal journal(catalogPath(p));
    if (!journal.open()) {
        ctx.err << "spectag: " << journal.error() << " (nothing was written)\n";
        return Failure;
    }
    const BatchOutcome o = applyTagWrites(journal, plans, description, options,
                                          &ctx.cancel);
    printOutcome(ctx, o);
    return exitCode(o, qsizetype(requests.size()));
}

// `tag --predicted`: analyse (or take cached predictions from the catalog) and write what the
// model is confident about, in the chosen mood vocabulary.
int tagPredicted(Context &ctx, const QCommandLineParser &p)
{
    bool ok = true;
    TagSuggestionOptions so;
    so.vocabulary = parseMoodVocabulary(p.value(QStringLiteral("vocabulary")), &ok);
    bool numberOk = false;
    so.minConfidence = p.value(QStringLiteral("min-confidence")).toDouble(&numberOk);
    ok = ok && numberOk && so.minConfidence >= 0 && so.minConfidence <= 1;
    so.scores = !p.isSet(QStringLiteral("no-scores"));
    for (const QString &pair : p.value(QStringLiteral("mood-words")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString q = pair.section(QLatin1Char('='), 0, 0).trimmed(), word = pair.section(QLatin1Char('='), 1).trimmed();
        ok = ok && !q.isEmpty() && !word.isEmpty();
        so.everydayWords.insert(q, word);
    }
    if (!ok || p.isSet(QStringLiteral("mood")) || p.isSet(QStringLiteral("genre"))) {
        ctx.err << "spectag: --predicted takes --min-confidence 0..1, --vocabulary everyday|gems|both, "
                   "--mood-words Q1=word,…; not --mood/--genre\n";
        return Usage;
    }
    QStringList missing;
    const QStringList files = collectAudio(p.positionalArguments(), &missing);
    for (const QString &m : missing)
        ctx.err << "spectag: " << m << '\n';
    if (files.isEmpty())
        return Failure;
    AnalysisRun run;
    run.modelPath = p.value(QStringLiteral("model"));
    run.catalogPath = catalogPath(p);
    std::vector<TagChangeRequest> requests;
    const AnalysisRunResult done = runAnalysis(ctx, files, run, [&](const ModelSpec &spec, const TrackResult &r) {
        if (!r.ok())
            return;
        const TagValueMap values = toTagValues(suggestTags(spec, r.heads, so));
        if (values.isEmpty())
            ctx.out << r.path << ": nothing above " << so.minConfidence << ", left as it is\n";
        else
            requests.push_back({r.path, values});
    });
    if (!done.started)
        return Failure;
    if (ctx.cancel)
        return Cancelled;
    // Analysis finishes in any order; write in the order the files were named.
    std::sort(requests.begin(), requests.end(), [&](const TagChangeRequest &a, const TagChangeRequest &b) {
        return files.indexOf(a.path) < files.indexOf(b.path);
    });
    if (requests.empty())
        return done.failures > 0 ? Failure : Ok;
    const int rc = previewAndWrite(ctx, p, requests, QStringLiteral("spectag tag --predicted (%1)").arg(requests.size() == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(requests.size())));
    return rc == Ok && (done.failures > 0 || !missing.isEmpty()) ? int(PartialFailure) : rc;
}

int tagVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Audio files."), QStringLiteral("FILE..."));
    p.addOptions({
        {QStringLiteral("mood"), QStringLiteral("Moods, comma-separated (empty text removes the field)."), QStringLiteral("a,b")},
        {QStringLiteral("genre"), QStringLiteral("Genres, comma-separated (empty text removes the field)."), QStringLiteral("x,y")},
        {QStringLiteral("mood-scores"), QStringLiteral("Mood scores, e.g. 'happy=0.8,sad=0.1'."), QStringLiteral("scores")},
        {QStringLiteral("genre-scores"), QStringLiteral("Genre scores, e.g. 'rock=0.7,jazz=0.2'."), QStringLiteral("scores")},
        {QStringLiteral("dry-run"), QStringLiteral("Show the changes, write no tags (with --predicted the analysis is still kept in the catalog, so the real run reuses it).")},
        {QStringLiteral("id3v2.3"), QStringLiteral("Write ID3v2.3 tags (MP3/WAV/AIFF); lists are joined with \"; \".")},
        {QStringLiteral("id3v2.4"), QStringLiteral("Write ID3v2.4 tags (default: keep the file's version).")},
        {QStringLiteral("show"), QStringLiteral("Only print what Spectag reads (same as `spectag tags`).")},
        {QStringLiteral("catalog"), QStringLiteral("Catalog database holding the undo journal (and, with --predicted, the cached predictions)."), QStringLiteral("path")},
        {QStringLiteral("predicted"), QStringLiteral("Write the model's predictions (files or folders; analysed ones are not decoded again).")},
        {QStringLiteral("model"), QStringLiteral("--predicted: model file (default: the shipped model)."), QStringLiteral("file")},
        {QStringLiteral("min-confidence"), QStringLiteral("--predicted: write a label only at this probability or above (default 0.5)."), QStringLiteral("x"), QStringLiteral("0.5")},
        {QStringLiteral("vocabulary"), QStringLiteral("--predicted: mood words: everyday (happy/angry/sad/relaxed), gems (nine GEMS emotions) or both (default everyday)."), QStringLiteral("name"), QStringLiteral("everyday")},
        {QStringLiteral("mood-words"), QStringLiteral("--predicted: everyday words per quadrant, e.g. 'Q1=upbeat,Q4=chill'."), QStringLiteral("map")},
        {QStringLiteral("no-scores"), QStringLiteral("--predicted: do not write the namespaced score fields.")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Writes mood, genre and score tags safely (journaled, undoable).")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    const QStringList files = p.positionalArguments();
    if (files.isEmpty() || (p.isSet(QStringLiteral("id3v2.3")) && p.isSet(QStringLiteral("id3v2.4")))) {
        ctx.err << p.helpText();
        return Usage;
    }
    if (p.isSet(QStringLiteral("show")))
        return showTags(ctx, files);
    if (p.isSet(QStringLiteral("predicted")))
        return tagPredicted(ctx, p);

    TagValueMap values;
    if (p.isSet(QStringLiteral("mood")))
        values.insert(TagField::Mood, splitList(p.value(QStringLiteral("mood"))));
    if (p.isSet(QStringLiteral("genre")))
        values.insert(TagField::Genre, splitList(p.value(QStringLiteral("genre"))));
    const std::pair<const char *, TagField> scoreOptions[] = {{"mood-scores", TagField::MoodScores},
                                                              {"genre-scores", TagField::GenreScores}};
    for (const auto &[option, field] : scoreOptions) {
        if (!p.isSet(QLatin1String(option)))
            continue;
        QString error;
        const auto scores = parseScores(p.value(QLatin1String(option)), &error);
        if (!scores) {
            ctx.err << "spectag: --" << option << ": " << error << '\n';
            return Usage;
        }
        // Scores are probabilities, one per label: refuse what a reader would misread.
        QSet<QString> labels;
        for (const auto &[label, score] : *scores) {
            if (score < 0 || score > 1 || labels.contains(label)) {
                ctx.err << "spectag: --" << option << ": " << label << '=' << score
                        << (labels.contains(label) ? " names the label twice\n" : " is not within 0..1\n");
                return Usage;
            }
            labels.insert(label);
        }
        values.insert(field, scores->empty() ? QStringList() : QStringList{formatScores(*scores)});
    }
    if (values.isEmpty()) {
        ctx.err << "spectag: nothing to write: give --mood, --genre, --mood-scores or --genre-scores\n";
        return Usage;
    }
    std::vector<TagChangeRequest> requests;
    for (const QString &f : files)
        requests.push_back({f, values});
    return previewAndWrite(ctx, p, requests, QStringLiteral("spectag tag (%1)").arg(files.size() == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(files.size())));
}

int tagsVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Audio files."), QStringLiteral("FILE..."));
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Prints the tags and audio properties Spectag reads.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().isEmpty()) {
        ctx.err << p.helpText();
        return Usage;
    }
    return showTags(ctx, p.positionalArguments());
}

int undoVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("batch"), QStringLiteral("Batch to undo (default: the last one; see --list)."),
                            QStringLiteral("[BATCH]"));
    p.addOptions({
        {QStringLiteral("batch"), QStringLiteral("Batch to undo (default: the last one)."), QStringLiteral("n")},
        {QStringLiteral("list"), QStringLiteral("List the journaled batches.")},
        {QStringLiteral("catalog"), QStringLiteral("Catalog database holding the undo journal."), QStringLiteral("path")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Restores the tags a `spectag tag` batch replaced.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    // `undo 3` (as the README writes it) and `undo --batch 3` mean the same; anything more is
    // refused rather than silently undoing the last batch instead.
    const QStringList rest = p.positionalArguments();
    if (rest.size() > 1 || (rest.size() == 1 && p.isSet(QStringLiteral("batch")))) {
        ctx.err << "spectag: undo takes one batch number\n";
        return Usage;
    }
    qint64 batch = 0;
    if (p.isSet(QStringLiteral("batch")) || !rest.isEmpty()) {
        bool ok = false;
        batch = (rest.isEmpty() ? p.value(QStringLiteral("batch")) : rest.first()).toLongLong(&ok);
        if (!ok || batch <= 0) {
            ctx.err << "spectag: the batch to undo needs a positive number\n";
            return Usage;
        }
    }
    TagJournal journal(catalogPath(p));
    if (!journal.open()) {
        ctx.err << "spectag: " << journal.error() << '\n';
        return Failure;
    }
    if (p.isSet(QStringLiteral("list"))) {
        for (const JournalBatch &b : journal.batches()) {
            ctx.out << b.id << '\t' << b.createdAt.toLocalTime().toString(Qt::ISODate) << '\t' << b.description;
            if (b.undoneAt.isValid())
                ctx.out << "\t(undone " << b.undoneAt.toLocalTime().toString(Qt::ISODate) << ')';
            ctx.out << '\n';
        }
        return Ok;
    }
    const BatchOutcome o = undoTagBatch(journal, batch);
    if (o.batchId == 0 && o.files.empty()) {
        ctx.err << "spectag: " << o.error << '\n';
        return Failure;
    }
    printOutcome(ctx, o);
    return exitCode(o, qsizetype(o.files.size()));
}

} // namespace

void addTagVerbs(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("tag"), QStringLiteral("Write mood/genre tags safely (preview, --dry-run, journaled)"), tagVerb});
    verbs.push_back({QStringLiteral("tags"), QStringLiteral("Show the tags Spectag reads from files"), tagsVerb});
    verbs.push_back({QStringLiteral("undo"), QStringLiteral("Undo the last (or a given) tag write batch"), undoVerb});
}

} // namespace spectag::cli
