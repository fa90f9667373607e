// GUI event-loop stalls while a library is scanned and analysed in the background: the whole
// main window (offscreen or on a display) imports LIBDIR (the scan runs on worker threads, the
// library table fills as batches commit), then analyses every track with the default model while
// a simulated user selects a row every 300 ms (the track view decodes and draws it) and scrolls.
// A 5 ms precise timer on the GUI thread records the gap between its ticks: a gap is how long
// the event loop could not react. Prints max / p99 / p99.9 of the gaps per phase and every gap
// over 50 ms. A benchmark, not a test (tests/bench/bench_gui.sh builds the library and runs it).
//   bench_guistall LIBDIR [analysis seconds (default 240)] [DOCK...]
// DOCK: object names of docks to bring to the front first (moodMapDock, libraryMapDock,
// libraryChartsDock); by default the window's own layout (Folders in front of them).
#include "catalog/catalog.h"
#include "ui/analysispanel.h"
#include "ui/libraryproxymodel.h"
#include "ui/mainwindow.h"
#include "util/paths.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <QDockWidget>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace {

struct Gap {
    double atSeconds;
    double ms;
};

void report(const char *phase, std::vector<Gap> gaps, double seconds)
{
    if (gaps.empty()) {
        std::printf("%-9s no ticks\n", phase);
        return;
    }
    std::vector<double> ms;
    for (const Gap &g : gaps)
        ms.push_back(g.ms);
    std::sort(ms.begin(), ms.end());
    const auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(double(ms.size()) * p))]; };
    const auto over = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 50.0; });
    std::printf("%-9s %6.1f s  ticks=%zu  median=%.1f ms  p99=%.1f ms  p99.9=%.1f ms  max=%.1f ms  gaps>50ms=%lld\n", phase, seconds,
                ms.size(), pct(0.5), pct(0.99), pct(0.999), ms.back(), static_cast<long long>(over));
    std::sort(gaps.begin(), gaps.end(), [](const Gap &a, const Gap &b) { return a.ms > b.ms; });
    for (size_t i = 0; i < gaps.size() && gaps[i].ms > 50.0 && i < 10; ++i)
        std::printf("          gap %.1f ms at %.2f s\n", gaps[i].ms, gaps[i].atSeconds);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // no user settings or layout leak in
    QSettings().clear();  // nor the layout a previous run saved: every run starts from the default
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_guistall LIBDIR [analysis seconds] [DOCK...]\n");
        return 2;
    }
    const QString library = args.at(1);
    const double analysisSeconds = args.size() > 2 ? args.at(2).toDouble() : 240.0;
    QTemporaryDir tmp;
    spectag::ui::MainWindow window(tmp.filePath(QStringLiteral("catalog.sqlite")), spectag::paths::defaultModelPath());
    window.resize(1600, 1000);
    window.show();
    app.processEvents();
    // Optionally bring docks to the front of their tab groups (the library map, mood map and
    // charts reload from the catalog every couple of seconds while analysis runs, when on screen).
    for (int i = 3; i < args.size(); ++i) {
        auto *dock = window.findChild<QDockWidget *>(args.at(i));
        if (!dock) {
            std::fprintf(stderr, "no dock named %s\n", qPrintable(args.at(i)));
            return 2;
        }
        dock->show();
        dock->raise();
    }
    app.processEvents();
    QStringList front;
    for (auto *d : window.findChildren<QDockWidget *>())
        if (d->isVisible() && !d->visibleRegion().isEmpty())
            front << d->objectName();
    std::printf("docks on screen: %s\n", qPrintable(front.join(QStringLiteral(", "))));

    QElapsedTimer clock;
    clock.start();
    // QElapsedTimer runs on CLOCK_MONOTONIC: with this origin a gap can be found in a
    // `perf record -k CLOCK_MONOTONIC` profile of the GUI thread.
    std::printf("clock origin %.6f s (CLOCK_MONOTONIC)\n", clock.msecsSinceReference() / 1000.0);
    std::fflush(stdout);
    std::map<QString, std::vector<Gap>> gaps;
    std::map<QString, double> phaseSeconds;
    QString phase = QStringLiteral("scan");
    double phaseStart = 0;
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps[phase].push_back({double(now) / 1e9, double(now - last) / 1e6});
        last = now;
    });

    // The simulated user: a row every 300 ms (loads the track view), the table scrolled.
    QTimer user;
    user.setInterval(300);
    QObject::connect(&user, &QTimer::timeout, [&] {
        const int rows = window.proxyModel()->rowCount();
        if (rows == 0)
            return;
        window.selectRow(int(QRandomGenerator::global()->bounded(rows)));
        QScrollBar *bar = window.libraryView()->verticalScrollBar();
        bar->setValue(int(QRandomGenerator::global()->bounded(bar->maximum() + 1)));
    });

    int analysed = 0;
    QObject::connect(window.analysisPanel(), &spectag::ui::AnalysisPanel::trackAnalysed, [&](const QString &, bool) { ++analysed; });
    QTimer deadline;
    deadline.setSingleShot(true);
    const auto finish = [&] {
        if (phase == QLatin1String("done"))
            return;
        phaseSeconds[phase] = clock.elapsed() / 1000.0 - phaseStart;
        phase = QStringLiteral("done");
        tick.stop();
        user.stop();
        window.analysisPanel()->cancel();
        app.quit();
    };
    QObject::connect(&deadline, &QTimer::timeout, finish);
    QObject::connect(window.analysisPanel(), &spectag::ui::AnalysisPanel::idle, [&] {
        if (phase == QLatin1String("analysis"))
            finish();
    });
    QObject::connect(&window, &spectag::ui::MainWindow::folderImported, [&](const QString &, int added) {
        phaseSeconds[phase] = clock.elapsed() / 1000.0 - phaseStart;
        std::printf("scan: %d tracks imported in %.1f s\n", added, phaseSeconds[phase]);
        std::fflush(stdout);
        phase = QStringLiteral("analysis");
        phaseStart = clock.elapsed() / 1000.0;
        const auto startAnalysis = [&] {
            QElapsedTimer queueing;
            queueing.start();
            const int queued = window.analysisPanel()->analyseUnanalysed();
            std::printf("analysis: %d tracks queued in %.1f ms on %s, running for at most %.0f s\n", queued,
                        queueing.nsecsElapsed() / 1e6, qUtf8Printable(window.analysisPanel()->deviceName()), analysisSeconds);
            std::fflush(stdout);
            deadline.start(int(analysisSeconds * 1000));
        };
        if (window.analysisPanel()->hasModel())
            startAnalysis();
        else
            QObject::connect(window.analysisPanel(), &spectag::ui::AnalysisPanel::modelReady, startAnalysis);
    });

    tick.start();
    user.start();
    window.addFolder(library);
    app.exec();

    std::printf("platform %s, window %dx%d, %d tracks analysed (incl. cached duplicates) in the analysis phase\n",
                qUtf8Printable(QGuiApplication::platformName()), window.width(), window.height(), analysed);
    for (const char *p : {"scan", "analysis"})
        report(p, gaps[QString::fromLatin1(p)], phaseSeconds[QString::fromLatin1(p)]);
    return 0;
}
