#include "screenshot.h"

#include "analysispanel.h"
#include "mainwindow.h"
#include "spectrogramview.h"
#include "trackview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace spectag::ui {

namespace {
// Runs the event loop until `done` or the timeout; true when done.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void fail(const QString &message)
{
    std::fprintf(stderr, "spectag: %s\n", qUtf8Printable(message));
}
} // namespace

int takeScreenshot(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Save the main window as PNG."), QStringLiteral("out.png")});
    parser.addOption({QStringLiteral("library"), QStringLiteral("Music folder to load."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("track"), QStringLiteral("Row to select (default 0)."), QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("light, dark or system."), QStringLiteral("theme"), QStringLiteral("light")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH."), QStringLiteral("size"), QStringLiteral("1440x900")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Interface language (installed by main)."), QStringLiteral("lang")});
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return 2;
    }
    const QString out = parser.value(QStringLiteral("screenshot"));
    // A throw-away catalog and settings: a screenshot must neither depend on nor touch the user's.
    QTemporaryDir scratch;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratch.path());
    MainWindow window(scratch.filePath(QStringLiteral("catalog.sqlite")));
    const QString theme = parser.value(QStringLiteral("theme"));
    window.setTheme(theme == u"dark" ? MainWindow::Theme::Dark : theme == u"system" ? MainWindow::Theme::System : MainWindow::Theme::Light);
    const QStringList wh = parser.value(QStringLiteral("size")).split(u'x');
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1440, wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 900);
    window.show();

    if (parser.isSet(QStringLiteral("library"))) {
        bool imported = false;
        QObject::connect(&window, &MainWindow::folderImported, &window, [&imported] { imported = true; });
        window.addFolder(parser.value(QStringLiteral("library")));
        if (!waitFor([&] { return imported; }, 120000)) {
            fail(QStringLiteral("adding the library timed out"));
            return 1;
        }
        // With a model, the picture shows what Spectag is for: predictions in the table, the
        // panel and the timeline. The whole library is analysed first (a screenshot library is small).
        AnalysisPanel *analysis = window.analysisPanel();
        waitFor([analysis] { return !analysis->isLoading(); }, 60000);
        if (analysis->hasModel() && analysis->analyseUnanalysed() > 0
            && !waitFor([analysis] { return !analysis->isBusy(); }, 300000)) {
            fail(QStringLiteral("analysing the library timed out"));
            return 1;
        }
        bool loaded = false;
        QObject::connect(window.trackView(), &TrackView::trackLoaded, &window, [&loaded] { loaded = true; });
        window.selectRow(parser.value(QStringLiteral("track")).toInt());
        if (!window.trackView()->path().isEmpty() && !waitFor([&] { return loaded; }, 120000)) {
            fail(QStringLiteral("decoding the selected track timed out"));
            return 1;
        }
        // Somewhere in the middle, zoomed to half a minute: what a user sees while listening.
        TrackView *tv = window.trackView();
        if (tv->data()) {
            const double d = tv->data()->duration;
            tv->setVisibleRange(0, std::min(30.0, d));
            tv->setPlayheadPosition(d * 0.4);
        }
    }
    waitFor([] { return false; }, 300);  // queued replots and layouts
    window.trackView()->spectrogram()->replotNow();
    const QImage shot = window.grab().toImage();
    if (shot.isNull() || !shot.save(out)) {
        fail(QStringLiteral("could not write %1").arg(out));
        return 1;
    }
    std::fprintf(stdout, "%s\n", qUtf8Printable(out));
    return 0;
}

} // namespace spectag::ui
