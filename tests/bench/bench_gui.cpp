// Live-spectrogram frame cost: the track view follows a playhead advancing at 60 fps through a real
// track (as while playing) and each frame is painted synchronously. Prints mean / p99 / max ms for
// the spectrogram replot alone and for the whole track view (waveforms, spectrogram, timeline).
// A benchmark, not a test: run on the offscreen platform or a real display.
//   bench_gui [audio file] [frames]
#include "ui/spectrogramview.h"
#include "ui/trackview.h"
#include "ui/waveformview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

namespace {
void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    const double p99 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))];
    std::printf("%-28s frames=%zu mean=%.2f ms p99=%.2f ms max=%.2f ms (%.0f fps possible at the mean)\n", what, ms.size(), mean, p99,
                ms.back(), 1000.0 / mean);
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString file = args.value(1);
    if (file.isEmpty()) {
        const QDir dir(QStringLiteral("/usr/share/games/wesnoth/1.16/data/core/music"));
        const QStringList oggs = dir.entryList({QStringLiteral("*.ogg")}, QDir::Files, QDir::Name);
        if (oggs.isEmpty()) {
            std::fprintf(stderr, "usage: bench_gui AUDIOFILE [frames] (wesnoth-1.16-music not installed)\n");
            return 2;
        }
        file = dir.filePath(oggs.first());
    }
    const int frames = args.value(2).toInt() > 0 ? args.value(2).toInt() : 600;

    spectag::ui::TrackView view;
    view.resize(1280, 520);
    view.show();
    QSignalSpy loaded(&view, &spectag::ui::TrackView::trackLoaded);
    QElapsedTimer load;
    load.start();
    view.loadTrack(file);
    if (!loaded.wait(300000) || !view.data() || !view.data()->error.isEmpty()) {
        std::fprintf(stderr, "could not load %s\n", qUtf8Printable(file));
        return 1;
    }
    const double duration = view.data()->duration;
    std::printf("%s: %.1f s, %d spectrogram columns, decoded+analysed in %lld ms (worker thread)\n", qUtf8Printable(file), duration,
                view.data()->spectrogram.frames(), static_cast<long long>(load.elapsed()));
    view.setVisibleRange(0, std::min(20.0, duration));
    app.processEvents();

    std::vector<double> spec, whole;
    double t = std::min(5.0, duration / 4);
    for (int i = 0; i < frames; ++i, t += 1.0 / 60) {
        if (t >= duration)
            t = 0;
        QElapsedTimer f;
        f.start();
        view.setPlayheadPosition(t);
        const double replot = view.spectrogram()->replotNow();
        view.overview()->repaint();
        view.waveform()->repaint();
        whole.push_back(f.nsecsElapsed() / 1e6);
        spec.push_back(replot);
        app.processEvents();
    }
    std::printf("track view %dx%d, visible span 20 s, platform %s\n", view.width(), view.height(), qUtf8Printable(QGuiApplication::platformName()));
    report("spectrogram replot", spec);
    report("whole frame (all views)", whole);
    return 0;
}
