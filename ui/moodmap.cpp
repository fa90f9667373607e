#include "moodmap.h"

#include "qcp.h"

#include "catalog/catalog.h"
#include "inference/moodcatalog.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QMenu>

#include <algorithm>

namespace spectag::ui {

namespace {

constexpr double kRange = 1.08;  // a margin round the plane so dots on its edge are whole

} // namespace

MoodMap::MoodMap(Catalog *catalog, QWidget *parent)
    : ScatterMap(catalog, &MoodMap::load, parent)
    , m_trajectoryAction(new QAction(tr("New Mood &Trajectory Playlist\u2026"), this))
{
    setColourHead(QStringLiteral("genre"));  // the plane already shows the mood
    m_trajectoryAction->setObjectName(QStringLiteral("moodTrajectoryAction"));
    m_trajectoryAction->setToolTip(tr("A playlist that moves from one mood to another"));
    connect(m_trajectoryAction, &QAction::triggered, this, [this] { Q_EMIT trajectoryRequested(std::nullopt); });

    QCustomPlot *p = plot();
    p->setObjectName(QStringLiteral("moodPlot"));
    p->xAxis->setLabel(tr("Valence (unpleasant \u2192 pleasant)"));
    p->yAxis->setLabel(tr("Arousal (calm \u2192 energetic)"));
    // The legend in a row under the plane: its corners carry the words.
    p->axisRect()->insetLayout()->take(p->legend);
    p->plotLayout()->addElement(1, 0, p->legend);
    p->plotLayout()->setRowStretchFactor(1, 0.001);
    p->legend->setFillOrder(QCPLegend::foColumnsFirst);
    p->legend->setWrap(4);

    // Quadrant lines and words under the dots.
    const QColor faint = palette().color(QPalette::PlaceholderText);
    for (const auto &[x, y] : {std::pair(0.0, 1.0), std::pair(1.0, 0.0)}) {
        auto *line = new QCPItemStraightLine(p);
        line->setLayer(QStringLiteral("grid"));
        line->point1->setCoords(0, 0);
        line->point2->setCoords(x, y);
        line->setPen(QPen(faint, 1, Qt::DashLine));
    }
    const struct {
        QString text;
        double x, y;
        Qt::Alignment align;
    } corners[] = {{tr("happy \u00b7 energetic"), 1, 1, Qt::AlignRight | Qt::AlignTop},
                   {tr("angry \u00b7 tense"), -1, 1, Qt::AlignLeft | Qt::AlignTop},
                   {tr("sad"), -1, -1, Qt::AlignLeft | Qt::AlignBottom},
                   {tr("calm \u00b7 relaxed"), 1, -1, Qt::AlignRight | Qt::AlignBottom}};
    QFont bold = font();
    bold.setBold(true);
    for (const auto &c : corners) {
        auto *text = new QCPItemText(p);
        text->setLayer(QStringLiteral("grid"));
        text->setObjectName(QStringLiteral("moodCorner"));
        text->setText(c.text);
        text->setFont(bold);
        text->setColor(faint);
        text->position->setCoords(c.x, c.y);
        text->setPositionAlignment(c.align);
    }
    m_path = new QCPItemLine(p);
    m_path->setLayer(QStringLiteral("mapOverlay"));
    m_path->setPen(QPen(palette().color(QPalette::Highlight), 2.5));
    m_path->setHead(QCPLineEnding::esSpikeArrow);
    m_path->setVisible(false);
    fitView();  // the base's constructor could only call its own
}

MapData MoodMap::load(const Catalog &catalog)
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
    for (const PredictionRecord &p : predictions) {
        const auto t = tracks.constFind(p.trackId);
        const auto va = t == tracks.cend() ? std::optional<ValenceArousal>() : predictionValenceArousal(p);
        if (!va) {
            ++data.skipped;
            continue;
        }
        MapPoint point = pointFor(*t, p);
        point.x = float(va->valence);
        point.y = float(va->arousal);
        point.confidence = quadrantConfidence(p);  // what trajectories break ties by
        data.points.push_back(std::move(point));
    }
    if (data.points.empty())
        data.message = predictions.isEmpty()
            ? tr("No track has been analysed with the active model yet.")
            : tr("The active model has no valence/arousal quadrant head, so it places no track in this plane.");
    data.loadMs = timer.elapsed();
    return data;
}

void MoodMap::fitView()
{
    // Always the whole plane: where the corners are is the point of this map.
    plot()->xAxis->setRange(-kRange, kRange);
    plot()->yAxis->setRange(-kRange, kRange);
}

QString MoodMap::moreToolTip(const MapPoint &point) const
{
    return QStringLiteral("<br>")
        + tr("Valence %1, arousal %2").arg(QString::number(point.x, 'f', 2), QString::number(point.y, 'f', 2));
}

void MoodMap::showTrajectory(ValenceArousal from, ValenceArousal to)
{
    m_path->start->setCoords(from.valence, from.arousal);
    m_path->end->setCoords(to.valence, to.arousal);
    m_path->setVisible(true);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MoodMap::clearTrajectory()
{
    m_path->setVisible(false);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

bool MoodMap::trajectoryShown() const
{
    return m_path->visible();
}

ValenceArousal MoodMap::valenceArousalAt(const QPointF &pixel) const
{
    return {std::clamp(plot()->xAxis->pixelToCoord(pixel.x()), -1.0, 1.0),
            std::clamp(plot()->yAxis->pixelToCoord(pixel.y()), -1.0, 1.0)};
}

bool MoodMap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == plot() && event->type() == QEvent::ContextMenu) {
        showContextMenu(static_cast<QContextMenuEvent *>(event)->pos());
        return true;
    }
    return ScatterMap::eventFilter(watched, event);
}

void MoodMap::showContextMenu(const QPoint &pixel)
{
    // popup(), not exec(): the map keeps reloading behind an open menu.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("moodMapMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const ValenceArousal here = valenceArousalAt(pixel);
    menu->addAction(tr("New Mood Trajectory Playlist from Here\u2026"), this, [this, here] { Q_EMIT trajectoryRequested(here); });
    menu->addAction(m_trajectoryAction);
    if (!selectedTrackIds().isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Clear Selection"), this, &ScatterMap::clearSelection);
    }
    menu->popup(plot()->mapToGlobal(pixel));
}

} // namespace spectag::ui
