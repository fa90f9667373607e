#include "cli/cli.h"

#include <QCoreApplication>

#include <csignal>

namespace spectag::cli {

namespace {

std::atomic_bool *g_cancel = nullptr;

extern "C" void onSignal(int)
{
    // First Ctrl+C asks the running verb to stop between blocks; a second one kills at once.
    if (g_cancel && !g_cancel->exchange(true))
        return;
    std::_Exit(ExitCode::Cancelled);
}

} // namespace

std::vector<Verb> torchFreeVerbs()
{
    std::vector<Verb> v;
    addDecodeVerb(v);
    addScanVerbs(v);
    return v;
}

bool isCliInvocation(const QStringList &args, const std::vector<Verb> &verbs)
{
    if (args.size() < 2)
        return false;
    const QString &a = args.at(1);
    if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("--version")
        || a == QLatin1String("-v") || a == QLatin1String("help"))
        return true;
    for (const Verb &v : verbs)
        if (v.name == a)
            return true;
    return !a.startsWith(QLatin1Char('-'));  // an unknown word: let the CLI say it is unknown
}

QString globalHelp(const std::vector<Verb> &verbs)
{
    QString h = QStringLiteral(
        "Usage: spectag [VERB] [OPTIONS]\n"
        "Tags a music library with mood and genre predicted from mel spectrograms.\n\n"
        "Without a verb, opens the desktop application.\n\nVerbs:\n");
    for (const Verb &v : verbs)
        h += QStringLiteral("  %1%2\n").arg(v.name.leftJustified(12), v.summary);
    h += QStringLiteral(
        "\nRun 'spectag VERB --help' for a verb's options.\n"
        "Exit status: 0 ok, 1 failure, 2 usage error, 3 some files failed, 130 cancelled.\n");
    return h;
}

int run(const QStringList &args, const Hooks &hooks, const std::vector<Verb> &verbs)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Context ctx{out, err, hooks};
    g_cancel = &ctx.cancel;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    const QString first = args.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << QCoreApplication::applicationName() << ' ' << QStringLiteral(SPECTAG_VERSION) << Qt::endl;
        return Ok;
    }
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        out << globalHelp(verbs);
        out.flush();
        return Ok;
    }
    for (const Verb &v : verbs) {
        if (v.name == first) {
            const int rc = v.run(ctx, args.mid(1));
            out.flush();
            err.flush();
            g_cancel = nullptr;
            return ctx.cancel.load() ? int(Cancelled) : rc;
        }
    }
    err << QStringLiteral("spectag: unknown verb '%1'\n\n").arg(first) << globalHelp(verbs);
    return Usage;
}

bool parseVerbArgs(Context &ctx, QCommandLineParser &p, const QStringList &args, const QString &description)
{
    p.setApplicationDescription(description);
    p.addHelpOption();
    if (!p.parse(args)) {
        ctx.err << "spectag: " << p.errorText() << '\n';
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        ctx.out << p.helpText();
        return false;
    }
    return true;
}

} // namespace spectag::cli
