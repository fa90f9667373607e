#include "cli/cli.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

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

namespace {

bool isVerb(const QString &word, const std::vector<Verb> &verbs)
{
    return std::any_of(verbs.cbegin(), verbs.cend(), [&](const Verb &v) { return v.name == word; });
}

// Options the desktop app understands: its own and QGuiApplication's (which takes them with one
// dash or two). Anything else before a verb is a command-line mistake, and must get a usage error
// rather than a GUI that aborts on a server without a display.
bool isGuiOption(const QString &arg)
{
    static const QStringList known = {
        // The app's own (ui/screenshot.cpp's options included: `--theme` and `--size` were missing,
        // and a screenshot asked for with them was answered "unknown option '--screenshot'")...
        QStringLiteral("lang"), QStringLiteral("screenshot"), QStringLiteral("library"), QStringLiteral("track"),
        QStringLiteral("theme"), QStringLiteral("size"),
        // ...and Qt's.
        QStringLiteral("platform"), QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
        QStringLiteral("plugin"), QStringLiteral("qmljsdebugger"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"), QStringLiteral("reverse"), QStringLiteral("session"),
        QStringLiteral("style"), QStringLiteral("stylesheet"), QStringLiteral("widgetcount"), QStringLiteral("display"),
        QStringLiteral("geometry"), QStringLiteral("title"), QStringLiteral("name"), QStringLiteral("nograb"),
        QStringLiteral("dograb"), QStringLiteral("sync"), QStringLiteral("visual"), QStringLiteral("ncols"),
        QStringLiteral("cmap")};
    QString name = arg;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return known.contains(name.section(QLatin1Char('='), 0, 0));
}

} // namespace

bool isCliInvocation(const QStringList &args, const std::vector<Verb> &verbs)
{
    if (args.size() < 2)
        return false;
    const QString &a = args.at(1);
    if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("--version")
        || a == QLatin1String("-v") || a == QLatin1String("help"))
        return true;
    if (isVerb(a, verbs))
        return true;
    if (!a.startsWith(QLatin1Char('-'))) {
        // `spectag FILE...` is how the desktop entry (Exec=spectag %F) and "Open with" start the
        // app: existing files and folders open in it. Any other word: the CLI says it is unknown.
        const QStringList rest = args.mid(1);
        return !std::all_of(rest.cbegin(), rest.cend(), [](const QString &arg) { return QFileInfo::exists(arg); });
    }
    // Options first: a verb further on (`spectag --catalog c.db scan DIR`) or an option the app
    // does not know both go to the CLI, which explains the mistake.
    for (const QString &arg : args.mid(1)) {
        if (isVerb(arg, verbs) || (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-") && !isGuiOption(arg)))
            return true;
    }
    return false;
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
    if (first.startsWith(QLatin1Char('-'))) {
        const auto verb = std::find_if(args.cbegin() + 1, args.cend(), [&](const QString &a) { return isVerb(a, verbs); });
        if (verb != args.cend())
            err << QStringLiteral("spectag: options go after the verb: spectag %1 %2\n").arg(*verb, first);
        else
            err << QStringLiteral("spectag: unknown option '%1'\n\n").arg(first) << globalHelp(verbs);
        return Usage;
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

bool checkNumbers(Context &ctx, const QCommandLineParser &p, std::initializer_list<NumberRule> rules)
{
    for (const NumberRule &r : rules) {
        const QString name = QLatin1String(r.option);
        const QString text = p.value(name).trimmed();
        if (!p.isSet(name) && text.isEmpty())
            continue;  // optional and absent
        bool ok = false;
        const double v = text.toDouble(&ok);
        ok = ok && std::isfinite(v) && v >= r.min && v <= r.max && (!r.whole || v == std::floor(v));
        if (!ok) {
            const QString range = QStringLiteral("%1..%2").arg(QString::number(r.min, 'g', 12), QString::number(r.max, 'g', 12));
            ctx.err << "spectag: --" << name << " needs " << (r.whole ? "a whole number" : "a number") << " within "
                    << range << ", not '" << text << "'\n";
            return false;
        }
    }
    return true;
}

} // namespace spectag::cli
