#pragma once

#include "backgroundload.h"

#include "catalog/records.h"

#include <QColor>
#include <QHash>
#include <QPolygonF>
#include <QSet>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCPCurve;
class QCPScatterStyle;
class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QMouseEvent;
class QPushButton;

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// One analysed track on a map.
struct MapPoint {
    qint64 trackId = 0;
    float x = 0, y = 0;  // plot coordinates (principal components, or valence and arousal)
    QString title, artist, path, topMood, topGenre;
    double confidence = 0;
};

// What a map shows: the active model's analysed, present tracks that have a place on it. Made off
// the GUI thread by the map's load function.
struct MapData {
    qint64 modelId = 0;
    QString modelName;
    std::vector<MapPoint> points;
    int skipped = 0;    // analysed tracks left out (missing file, nothing to place them by)
    int dimension = 0;  // of the embedding a projection used (0 when none)
    QString message;    // why the map is empty, or a projection error
    qint64 loadMs = 0, projectMs = 0;
};

// The scatter plot the Library Map and the Mood Map share: every track of MapData as a dot,
// coloured by its top mood or genre with a legend. Hover names a dot, double-click plays it, a
// free-hand lasso (press, drag, release) selects the dots inside (Shift adds), and the selection
// becomes a playlist. The wheel zooms. Subclasses say where the points come from (the load
// function, run on the thread pool) and dress the plot (axes, fixed ranges, overlays).
//
// Analysis storing predictions reloads the map at most every couple of seconds, and not at all
// while it is hidden.
class ScatterMap : public QWidget {
    Q_OBJECT
public:
    using LoadFunction = MapData (*)(const Catalog &);
    ScatterMap(Catalog *catalog, LoadFunction load, QWidget *parent = nullptr);
    ~ScatterMap() override;

    // A dot for a track and its prediction, x and y left to the caller (any thread).
    static MapPoint pointFor(const TrackRecord &track, const PredictionRecord &prediction);
    // What every map's load starts from (any thread): the active model's predictions and the
    // present tracks by id. False when no model is active yet (the caller says so in its words);
    // otherwise data's model id and name are filled.
    struct Input {
        QList<PredictionRecord> predictions;
        QHash<qint64, TrackRecord> tracks;
    };
    static bool readInput(const Catalog &catalog, MapData &data, Input &input);

    void reload();                 // now, in the background (a running load is followed by another)
    void revealed();               // its dock's tab came to the front: loads if stale
    bool isLoading() const { return m_loader->isLoading(); }
    void waitForLoaded() { m_loader->wait(); }  // every started load, applied

    const MapData &data() const { return m_data; }
    int pointCount() const { return int(m_data.points.size()); }
    // The head the colours follow: "mood" or "genre".
    QString colourHead() const;
    void setColourHead(const QString &head);
    QStringList groups() const { return m_groups; }  // legend order
    QString groupOf(qint64 trackId) const;
    QColor colourOf(qint64 trackId) const;
    QPointF positionOf(qint64 trackId) const;          // plot coordinates
    QPointF pixelOf(qint64 trackId) const;             // in plot() widget coordinates
    qint64 trackAt(const QPointF &pixel) const;        // the nearest dot within a few pixels, else 0
    QString toolTipFor(qint64 trackId) const;

    QList<qint64> selectedTrackIds() const;            // in map (track id) order
    // Selects the dots inside `polygon` (plot coordinates), replacing or adding to the selection.
    void selectInPolygon(const QPolygonF &polygon, bool add = false);
    void clearSelection();
    // A catalog playlist of the selected tracks; its id, 0 when nothing is selected or it failed.
    qint64 createPlaylistFromSelection(const QString &name);
    virtual QString defaultPlaylistName() const;

    QCustomPlot *plot() const { return m_plot; }
    QComboBox *colourCombo() const { return m_colourBy; }
    QPushButton *playlistButton() const { return m_playlistButton; }
    QString statusText() const;

Q_SIGNALS:
    void trackActivated(qint64 trackId);
    void selectionChanged();
    void playlistCreated(qint64 playlistId, const QString &name);
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    Catalog *catalog() const { return m_catalog; }
    QHBoxLayout *topBar() const { return m_top; }  // beside the colour choice, for a subclass's controls
    void setStatus(const QString &text);
    // The axis ranges after a load and on "Fit": by default the points' bounds with a margin.
    virtual void fitView();
    // More lines for a dot's tool tip (HTML, each starting with <br>).
    virtual QString moreToolTip(const MapPoint &point) const;

private:
    void apply(MapData data);
    void rebuildGraphs();
    QCPScatterStyle dotStyle(const QColor &colour) const;  // one group's dots
    void updateSelectionGraph();
    void askPlaylistName();
    void onPress(QMouseEvent *event);
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);
    void onDoubleClick(QMouseEvent *event);
    QString labelOf(const MapPoint &p) const;

    Catalog *m_catalog;
    MapData m_data;
    QHash<qint64, size_t> m_index;   // track id -> m_data.points
    QStringList m_groups;
    QHash<QString, QColor> m_colours;
    QSet<qint64> m_selected;

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_selectionGraph = nullptr;
    QCPCurve *m_lassoCurve = nullptr;
    QCPItemText *m_message = nullptr;
    QComboBox *m_colourBy = nullptr;
    QPushButton *m_playlistButton = nullptr;
    QPushButton *m_fitButton = nullptr;
    QLabel *m_status = nullptr;
    QHBoxLayout *m_top = nullptr;

    QPolygonF m_lasso;               // plot coordinates, while dragging
    bool m_lassoAdds = false;
    bool m_dragging = false;

    std::unique_ptr<BackgroundLoad<MapData>> m_loader;
};

} // namespace spectag::ui
