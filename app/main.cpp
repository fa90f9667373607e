// Spectag's one executable: the desktop app without arguments, a headless tool with a verb.
#include "cli/cli.h"
#include "ui/i18n.h"
#include "ui/mainwindow.h"
#include "ui/screenshot.h"
#include "ui/spectrogramimage.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Spectag"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("spectag.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("spectag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPECTAG_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (spectag::cli::isCliInvocation(args)) {
        // Headless: no display needed, so this runs on a server.
        QCoreApplication app(argc, argv);
        setIdentity();
        spectag::cli::Hooks hooks;
        hooks.writeSpectrogramImage = &spectag::ui::writeSpectrogramPng;
        return spectag::cli::run(app.arguments(), hooks);
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Spectag"));
    // The GUI speaks the system's language (or `--lang de`); the CLI verbs above stay English.
    spectag::ui::installTranslations(app, spectag::ui::requestedLocale(app.arguments()));
    if (args.contains(QStringLiteral("--screenshot")))  // spectag --screenshot OUT.png [--library DIR]
        return spectag::ui::takeScreenshot(app.arguments());
    spectag::ui::MainWindow window;
    window.show();
    return app.exec();
}
