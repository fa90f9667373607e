// spectag-app: the desktop app without arguments, a headless tool with a verb. People start it
// through the `spectag` launcher (launcher.cpp), which runs the verbs that need no LibTorch itself.
#include "identity.h"

#include "cli/cli.h"
#include "ui/i18n.h"
#include "ui/mainwindow.h"
#include "ui/screenshot.h"
#include "ui/spectrogramimage.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    const std::vector<spectag::cli::Verb> verbs = spectag::cli::allVerbs();
    if (spectag::cli::isCliInvocation(args, verbs)) {
        // Headless: no display needed, so this runs on a server.
        QCoreApplication app(argc, argv);
        spectag::app::setIdentity();
        spectag::cli::Hooks hooks;
        hooks.writeSpectrogramImage = &spectag::ui::writeSpectrogramPng;
        return spectag::cli::run(app.arguments(), hooks, verbs);
    }

    QApplication app(argc, argv);
    spectag::app::setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Spectag"));
    // The GUI speaks the system's language (or `--lang de`); the CLI verbs above stay English.
    spectag::ui::installTranslations(app, spectag::ui::requestedLocale(app.arguments()));
    if (args.contains(QStringLiteral("--screenshot")))  // spectag --screenshot OUT.png [--library DIR]
        return spectag::ui::takeScreenshot(app.arguments());
    spectag::ui::MainWindow window;
    window.show();
    // `spectag FILE...` (the desktop entry's %F, "Open with"): what was given is added.
    QStringList paths;
    const QStringList appArgs = app.arguments();  // Qt's own options are already taken out
    for (qsizetype i = 1; i < appArgs.size(); ++i) {
        if (appArgs[i] == QLatin1String("--lang"))
            ++i;  // its value
        else if (!appArgs[i].startsWith(QLatin1Char('-')))
            paths << appArgs[i];
    }
    window.openPaths(paths);
    return app.exec();
}
