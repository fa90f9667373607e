#include "librarymap.h"

#include "qcp.h"

#include "catalog/catalog.h"
#include "inference/catalogcache.h"
#include "model/projection.h"

#include <QElapsedTimer>

#include <algorithm>
#include <map>

namespace spectag::ui {

LibraryMap::LibraryMap(Catalog *catalog, QWidget *parent)
    : ScatterMap(catalog, &LibraryMap::load, parent)
{
    plot()->xAxis->setLabel(tr("Component 1"));
    plot()->yAxis->setLabel(tr("Component 2"));
    plot()->xAxis->setTickLabels(false);  // principal components have no unit worth reading
    plot()->yAxis->setTickLabels(false);
}

MapData LibraryMap::load(const Catalog &catalog)
{
    MapData data;
    QElapsedTimer timer;
    timer.start();
    Input input;
    if (!readInput(catalog, data, input)) {
        data.message = tr("No model yet: analyse some tracks to see the map.");
        return data;
    }
    const QList<PredictionRecord> &predictions = input.predictions;
    const QHash<qint64, TrackRecord> &tracks = input.tracks;

    std::vector<std::vector<float>> embeddings;
    std::map<size_t, int> dimensions;  // dimension -> tracks (one model has one, but rows may be old)
    for (const PredictionRecord &p : predictions) {
        auto t = tracks.constFind(p.trackId);
        std::vector<float> e = t == tracks.cend() ? std::vector<float>() : decodeEmbedding(p.embedding);
        if (e.empty()) {
            ++data.skipped;
            continue;
        }
        ++dimensions[e.size()];
        data.points.push_back(pointFor(*t, p));
        embeddings.push_back(std::move(e));
    }
    if (data.points.empty()) {
        data.message = predictions.isEmpty() ? tr("No track has been analysed with the active model yet.")
                                             : tr("The analysed tracks have no embeddings to place.");
        data.loadMs = timer.elapsed();
        return data;
    }
    const size_t dim = std::max_element(dimensions.begin(), dimensions.end(),
                                        [](const auto &a, const auto &b) { return a.second < b.second; })->first;
    data.dimension = int(dim);
    std::vector<MapPoint> kept;
    std::vector<float> rows;
    rows.reserve(data.points.size() * dim);
    for (size_t i = 0; i < data.points.size(); ++i) {
        if (embeddings[i].size() != dim) {
            ++data.skipped;
            continue;
        }
        rows.insert(rows.end(), embeddings[i].begin(), embeddings[i].end());
        kept.push_back(std::move(data.points[i]));
    }
    data.points = std::move(kept);
    data.loadMs = timer.restart();
    QString error;
    const auto xy = projectPca2(rows, int(data.points.size()), int(dim), &error);
    data.projectMs = timer.elapsed();
    if (!error.isEmpty() || xy.size() != data.points.size()) {
        data.message = tr("Could not place the tracks: %1").arg(error);
        data.points.clear();
        return data;
    }
    for (size_t i = 0; i < xy.size(); ++i) {
        data.points[i].x = xy[i][0];
        data.points[i].y = xy[i][1];
    }
    return data;
}

} // namespace spectag::ui
