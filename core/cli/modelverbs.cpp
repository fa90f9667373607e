// `spectag analyze` and `spectag model info|init`: run a model over files, inspect model files.
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "cli/analysisrun.h"
#include "model/model.h"
#include "util/paths.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace spectag::cli {

namespace {

QString describeHead(const HeadSpec &h)
{
    return QStringLiteral("%1 (%2): %3").arg(h.name, HeadSpec::kindName(h.kind), h.labels.join(QStringLiteral(", ")));
}

int analyzeVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Audio files or folders."), QStringLiteral("PATH..."));
    p.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model file (.stm); default: the shipped model."), QStringLiteral("file")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu or cuda (default auto)."), QStringLiteral("device"), QStringLiteral("auto")},
        {QStringLiteral("json"), QStringLiteral("JSON Lines: one object per track.")},
        {QStringLiteral("timeline"), QStringLiteral("Include per-segment scores.")},
        {QStringLiteral("aggregate"), QStringLiteral("Track score from segments: mean, vote or max (default: the "
                                                     "model's own, vote for cerutti2021, mean for the others)."),
         QStringLiteral("how")},
        {QStringLiteral("threads"), QStringLiteral("Decoding threads and Torch threads (default: all cores)."), QStringLiteral("n")},
        {QStringLiteral("batch"), QStringLiteral("Segments per forward pass (default 32)."), QStringLiteral("n"), QStringLiteral("32")},
        {QStringLiteral("catalog"), QStringLiteral("Store every prediction in this catalog and reuse the ones it has "
                                                   "(a file analysed before by the same model is not decoded again)."),
         QStringLiteral("file")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Predicts mood and genre of audio files with a model.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (!checkNumbers(ctx, p, {{"threads", 0, 4096}, {"batch", 1, 65536}}))
        return Usage;
    bool ok = true;
    const Model::Device device = Model::parseDevice(p.value(QStringLiteral("device")), &ok);
    bool aggOk = true;
    const std::optional<Aggregation> how = p.isSet(QStringLiteral("aggregate"))
        ? std::optional<Aggregation>(parseAggregation(p.value(QStringLiteral("aggregate")), &aggOk))
        : std::nullopt;
    const int threads = p.isSet(QStringLiteral("threads")) ? p.value(QStringLiteral("threads")).toInt() : 0;
    const int batch = p.value(QStringLiteral("batch")).toInt();
    if (!ok || !aggOk || p.positionalArguments().isEmpty()) {  // (threads, batch: checkNumbers above)
        ctx.err << p.helpText();
        return Usage;
    }
    QStringList missing;
    const QStringList files = collectAudio(p.positionalArguments(), &missing);
    for (const QString &m : missing)
        ctx.err << "spectag: " << m << '\n';
    if (files.isEmpty()) {
        ctx.err << "spectag: no audio files to analyse\n";
        return Failure;
    }
    AnalysisRun run;
    run.modelPath = p.value(QStringLiteral("model"));
    run.device = device;
    run.aggregation = how;
    run.threads = threads;
    run.batch = batch;
    run.keepSegments = p.isSet(QStringLiteral("timeline"));
    run.catalogPath = p.value(QStringLiteral("catalog"));
    const bool json = p.isSet(QStringLiteral("json"));
    const bool timeline = run.keepSegments;
    const AnalysisRunResult done = runAnalysis(ctx, files, run, [&](const ModelSpec &spec, const TrackResult &r) {
        if (!r.ok()) {
            if (json)
                ctx.out << QJsonDocument(trackJson(spec, r, false)).toJson(QJsonDocument::Compact) << '\n';
        } else if (json) {
            ctx.out << QJsonDocument(trackJson(spec, r, timeline)).toJson(QJsonDocument::Compact) << '\n';
        } else {
            ctx.out << r.path << '\n';
            for (size_t h = 0; h < spec.heads.size(); ++h) {
                const HeadSpec &head = spec.heads[h];
                const QStringList labels = decideLabels(head, r.heads[h]);
                QStringList top;
                for (qsizetype i = 0; i < head.labels.size(); ++i)
                    top << QStringLiteral("%1 %2").arg(head.labels[i]).arg(double(r.heads[h][size_t(i)]), 0, 'f', 2);
                ctx.out << "  " << head.name << ": " << (labels.isEmpty() ? QStringLiteral("-") : labels.join(QStringLiteral(", ")))
                        << "  [" << top.join(QStringLiteral(", ")) << "]\n";
            }
            if (timeline) {
                for (const SegmentScores &s : r.segments) {
                    ctx.out << "    " << QString::number(s.start, 'f', 1) << "-" << QString::number(s.end, 'f', 1) << " s:";
                    for (size_t h = 0; h < spec.heads.size(); ++h)
                        ctx.out << ' ' << spec.heads[h].name << '=' << decideLabels(spec.heads[h], s.heads[h]).join(QLatin1Char('+'));
                    ctx.out << '\n';
                }
            }
        }
        ctx.out.flush();
    });
    if (!done.started)
        return Failure;
    const int failures = done.failures + int(missing.size());
    if (ctx.cancel)
        return Cancelled;
    return failures == 0 ? Ok : (failures >= int(files.size() + missing.size()) ? Failure : PartialFailure);
}

int modelInfo(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    // args[0] is "info", which QCommandLineParser takes as the program name.
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Model file."), QStringLiteral("FILE"));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the spec as JSON.")});
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Describes a model file.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1) {
        ctx.err << p.helpText();
        return Usage;
    }
    const QString path = p.positionalArguments().at(0);
    QString error;
    auto model = Model::load(path, &error, Model::Device::Cpu);
    if (!model) {
        ctx.err << "spectag: " << error << '\n';
        return Failure;
    }
    const ModelSpec &s = model->spec();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("path"), path}, {QStringLiteral("version"), model->versionHash()},
                      {QStringLiteral("parameters"), double(model->parameterCount())}, {QStringLiteral("spec"), s.toJson()}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << path << '\n'
            << "  version:      " << model->versionHash() << '\n'
            << "  architecture: " << s.architecture << " - " << architectureDescription(s.architecture) << '\n'
            << "  parameters:   " << model->parameterCount() << '\n'
            << "  input:        " << s.frontEnd.bins() << " bins x " << s.frontEnd.framesPerSegment() << " frames ("
            << s.frontEnd.segmentSeconds << " s every " << s.frontEnd.segmentHopSeconds << " s, "
            << s.frontEnd.sampleRate << " Hz, n_fft " << s.frontEnd.nFft << ", hop " << s.frontEnd.hop << ", "
            << (s.frontEnd.nMels > 0 ? QStringLiteral("%1 mels").arg(s.frontEnd.nMels) : QStringLiteral("linear")) << ")\n";
    for (const HeadSpec &h : s.heads)
        ctx.out << "  head:         " << describeHead(h) << '\n';
    ctx.out << "  hyperparameters: " << QJsonDocument(s.hyperparameters).toJson(QJsonDocument::Compact) << '\n'
            << "  provenance:   " << QJsonDocument(s.provenance).toJson(QJsonDocument::Compact) << '\n';
    return Ok;
}

int modelInit(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("init"), QStringLiteral("init"));
    p.addOptions({
        {QStringLiteral("arch"), QStringLiteral("Architecture: %1.").arg(architectureNames().join(QStringLiteral(", "))),
         QStringLiteral("name"), QStringLiteral("spectag")},
        {QStringLiteral("heads"), QStringLiteral("Heads, e.g. 'genre:single:rock,jazz;mood:multi:happy,sad'."), QStringLiteral("spec")},
        {QStringLiteral("out"), QStringLiteral("Model file to write."), QStringLiteral("file")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral("Writes a randomly initialised model file (for tests and benchmarks).")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (!p.isSet(QStringLiteral("heads")) || !p.isSet(QStringLiteral("out"))) {
        ctx.err << p.helpText();
        return Usage;
    }
    QString error;
    const auto heads = parseHeads(p.value(QStringLiteral("heads")), &error);
    const QString arch = p.value(QStringLiteral("arch"));
    if (heads.empty() || !isKnownArchitecture(arch)) {
        ctx.err << "spectag: " << (heads.empty() ? error : QStringLiteral("unknown architecture '%1'").arg(arch)) << '\n';
        return Usage;
    }
    ModelSpec spec = makeModelSpec(arch, heads);
    spec.provenance = {{QStringLiteral("dataset"), QStringLiteral("none (random initialisation)")},
                       {QStringLiteral("command"), QString(QStringLiteral("spectag ") + args.join(QLatin1Char(' ')))},
                       {QStringLiteral("seed"), p.value(QStringLiteral("seed"))}};
    if (const QString why = spec.validate(); !why.isEmpty()) {
        ctx.err << "spectag: " << why << '\n';
        return Usage;
    }
    auto model = Model::createRandom(spec, p.value(QStringLiteral("seed")).toULongLong(), &error, Model::Device::Cpu);
    if (!model) {
        ctx.err << "spectag: " << error << '\n';
        return Failure;
    }
    const QString out = p.value(QStringLiteral("out"));
    if (const QString why = model->save(out); !why.isEmpty()) {
        ctx.err << "spectag: " << why << '\n';
        return Failure;
    }
    ctx.out << out << ": " << arch << ", " << model->parameterCount() << " parameters, version " << model->versionHash() << '\n';
    return Ok;
}

int modelVerb(Context &ctx, const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == QLatin1String("info"))
        return modelInfo(ctx, args.mid(1));
    if (sub == QLatin1String("init"))
        return modelInit(ctx, args.mid(1));
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? ctx.out : ctx.err) << "Usage: spectag model info FILE [--json]\n"
                                  "       spectag model init --arch NAME --heads SPEC --out FILE [--seed N]\n"
                                  "Architectures: " << architectureNames().join(QStringLiteral(", ")) << '\n';
    return help ? Ok : Usage;
}

} // namespace

void addModelVerbs(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("analyze"), QStringLiteral("Predict mood and genre of audio files with a model"), analyzeVerb});
    verbs.push_back({QStringLiteral("model"), QStringLiteral("Inspect a model file or create a random one (info, init)"), modelVerb});
}

} // namespace spectag::cli
