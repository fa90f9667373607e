// The Library Map over a 10,000-track catalog (128-d embeddings in three clusters, a 4-minute
// timeline per prediction): how long the worker's load takes (catalog read, PCA), the replot of
// 10,000 dots and a lasso over them. Prints figures; not a test.
// usage: bench_librarymap [TRACKS]   (QT_QPA_PLATFORM=offscreen works)
#include "catalog/catalog.h"
#include "inference/catalogcache.h"
#include "ui/librarymap.h"
#include "ui/qcp.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace spectag;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int tracks = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10000;
    QTemporaryDir dir;
    Catalog catalog;
    if (!dir.isValid() || !catalog.open(dir.filePath(QStringLiteral("bench.sqlite")))) {
        std::fprintf(stderr, "bench_librarymap: cannot open a catalog: %s\n", qPrintable(catalog.lastError()));
        return 1;
    }
    ModelRecord model;
    model.name = QStringLiteral("bench");
    model.versionHash = QStringLiteral("hash-bench");
    const qint64 modelId = catalog.upsertModel(model);
    catalog.setActiveModel(modelId);

    // Three clusters, each offset along one embedding axis, with their own top labels.
    const char *moods[] = {"happy", "sad", "calm"};
    const char *genres[] = {"rock", "jazz", "rock"};
    const int axis[] = {0, 1, 0};
    const float offset[] = {6.f, 6.f, -6.f};
    std::mt19937 rng(1);
    std::normal_distribution<float> noise(0.f, 0.25f);
    QElapsedTimer t;
    t.start();
    catalog.database().transaction();
    for (int i = 0; i < tracks; ++i) {
        const int c = i % 3;
        TrackRecord track;
        track.path = QStringLiteral("/bench/%1.flac").arg(i);
        track.title = QStringLiteral("Track %1").arg(i);
        PredictionRecord p;
        p.trackId = catalog.upsertTrack(track);
        p.modelId = modelId;
        QJsonObject mood, genre;
        for (int k = 0; k < 3; ++k) {
            mood.insert(QLatin1String(moods[k]), k == c ? 0.9 : 0.1);
            genre.insert(QLatin1String(genres[k]), genres[k] == genres[c] ? 0.8 : 0.2);
        }
        p.scores = QJsonObject{{QStringLiteral("mood"), mood}, {QStringLiteral("genre"), genre}};
        std::vector<float> e(128);
        for (int j = 0; j < 128; ++j)
            e[size_t(j)] = noise(rng) + (j == axis[c] ? offset[c] : 0.f);
        p.embedding = encodeEmbedding(e);
        p.segmentScores = QByteArray(3000, 'x');  // a 4-minute timeline's size
        if (!catalog.storePrediction(p)) {
            std::fprintf(stderr, "bench_librarymap: %s\n", qPrintable(catalog.lastError()));
            return 1;
        }
    }
    catalog.database().commit();
    std::printf("catalog of %d tracks built in %lld ms\n", tracks, t.elapsed());

    for (int round = 1; round <= 3; ++round) {
        t.restart();
        const ui::MapData data = ui::LibraryMap::load(catalog);
        std::printf("load %d: %zu points, catalog read %lld ms, PCA %lld ms, load() %lld ms\n", round, data.points.size(),
                    data.loadMs, data.projectMs, t.elapsed());
    }
    ui::LibraryMap map(&catalog);
    map.resize(800, 600);
    map.show();
    map.waitForLoaded();
    app.processEvents();
    for (int round = 1; round <= 3; ++round) {
        t.restart();
        map.plot()->replot();
        std::printf("replot %d of %d dots: %.1f ms\n", round, tracks, t.nsecsElapsed() / 1e6);
    }
    t.restart();
    map.selectInPolygon(QPolygonF{{-100, -100}, {0, -100}, {0, 100}, {-100, 100}});
    std::printf("lasso over %d dots (with replot request): %.1f ms, %lld selected\n", tracks, t.nsecsElapsed() / 1e6,
                qint64(map.selectedTrackIds().size()));
    return 0;
}
