#include "scattermap.h"

#include "qcp.h"

#include "catalog/catalog.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace spectag::ui {

namespace {

constexpr int kThrottleMs = 2000;   // analysis stores a prediction every second or so per core
constexpr double kHitRadius = 8.0;  // pixels: how near the pointer must be to name a dot
constexpr double kDotSize = 7.0;

// Tableau's ten categorical colours: distinct for the common colour-blindnesses, readable on
// light and dark backgrounds. More labels than that continue around the hue circle.
QColor groupColour(int i)
{
    static const QRgb base[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    if (i < int(std::size(base)))
        return QColor(base[i]);
    return QColor::fromHsvF(std::fmod(0.13 + 0.618034 * i, 1.0), 0.55, 0.85);
}

} // namespace

ScatterMap::ScatterMap(Catalog *catalog, LoadFunction load, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_plot(new QCustomPlot(this))
    , m_colourBy(new QComboBox(this))
    , m_playlistButton(new QPushButton(tr("Playlist from Selection"), this))
    , m_fitButton(new QPushButton(tr("Fit"), this))
    , m_status(new QLabel(this))
{
    m_colourBy->setObjectName(QStringLiteral("mapColourBy"));
    m_colourBy->addItem(tr("Colour by mood"), QStringLiteral("mood"));
    m_colourBy->addItem(tr("Colour by genre"), QStringLiteral("genre"));
    m_playlistButton->setObjectName(QStringLiteral("mapPlaylistButton"));
    m_playlistButton->setEnabled(false);
    m_playlistButton->setToolTip(tr("Make a playlist of the tracks selected with the lasso"));
    m_fitButton->setObjectName(QStringLiteral("mapFitButton"));
    m_fitButton->setToolTip(tr("Show every track"));
    m_status->setObjectName(QStringLiteral("mapStatus"));
    // Controls above and below the plot rather than in one row: the dock shares the side of the
    // window with the folder tree and must not make it wider than that does.
    m_colourBy->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_colourBy->setMinimumContentsLength(10);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_top = new QHBoxLayout;
    m_top->addWidget(m_colourBy, 1);
    m_top->addWidget(m_fitButton);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_playlistButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(m_top);
    layout->addWidget(m_plot, 1);
    layout->addLayout(bottom);

    m_plot->setObjectName(QStringLiteral("mapPlot"));
    m_plot->setInteractions(QCP::iRangeZoom);  // the left button draws the lasso, so no drag-pan
    m_plot->setToolTip(tr("Drag to select tracks with a lasso (Shift adds), double-click to play, wheel to zoom"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->legend->setFont(small);

    // The selection rings and the lasso on a layer above the dots, whatever order graphs come in.
    m_plot->addLayer(QStringLiteral("mapOverlay"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_selectionGraph = m_plot->addGraph();
    m_selectionGraph->setName(tr("Selected"));
    m_selectionGraph->setLineStyle(QCPGraph::lsNone);
    m_selectionGraph->setLayer(QStringLiteral("mapOverlay"));
    m_selectionGraph->removeFromLegend();
    m_lassoCurve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_lassoCurve->setLayer(QStringLiteral("mapOverlay"));
    m_lassoCurve->removeFromLegend();
    m_lassoCurve->setPen(QPen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine));
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(40);
    m_lassoCurve->setBrush(fill);
    m_message = new QCPItemText(m_plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(palette().color(QPalette::PlaceholderText));
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);

    m_loader = std::make_unique<BackgroundLoad<MapData>>(
        this, [catalog = m_catalog, load] { return catalog ? load(*catalog) : MapData(); }, [this](MapData data) { apply(std::move(data)); },
        kThrottleMs);
    connect(m_colourBy, &QComboBox::currentIndexChanged, this, [this] {
        rebuildGraphs();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_fitButton, &QPushButton::clicked, this, [this] {
        fitView();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_playlistButton, &QPushButton::clicked, this, &ScatterMap::askPlaylistName);
    if (m_catalog) {
        auto request = [this] { m_loader->request(); };
        connect(m_catalog, &Catalog::predictionsChanged, this, request);
        connect(m_catalog, &Catalog::activeModelChanged, this, request);
        connect(m_catalog, &Catalog::tracksChanged, this, request);  // titles, missing files
    }
    apply({});
}

ScatterMap::~ScatterMap() = default;  // m_loader waits for a running load

bool ScatterMap::readInput(const Catalog &catalog, MapData &data, Input &input)
{
    const auto model = catalog.activeModel();
    if (!model)
        return false;
    data.modelId = model->id;
    data.modelName = model->name;
    input.predictions = catalog.predictions(model->id);
    for (TrackRecord &t : catalog.tracks())
        if (t.state == TrackState::Present)
            input.tracks.insert(t.id, std::move(t));
    return true;
}

MapPoint ScatterMap::pointFor(const TrackRecord &track, const PredictionRecord &prediction)
{
    MapPoint point;
    point.trackId = prediction.trackId;
    point.title = track.title.isEmpty() ? QFileInfo(track.path).completeBaseName() : track.title;
    point.artist = track.artist;
    point.path = track.path;
    point.topMood = prediction.topMood;
    point.topGenre = prediction.topGenre;
    point.confidence = prediction.confidence;
    return point;
}

void ScatterMap::reload()
{
    m_status->setText(tr("Loading\u2026"));
    m_loader->now();
}

void ScatterMap::revealed()
{
    m_loader->revealed();
}

void ScatterMap::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_loader->shown();
}

void ScatterMap::apply(MapData data)
{
    m_data = std::move(data);
    m_index.clear();
    for (size_t i = 0; i < m_data.points.size(); ++i)
        m_index.insert(m_data.points[i].trackId, i);
    // A selection survives reloads for the tracks still on the map.
    for (auto it = m_selected.begin(); it != m_selected.end();)
        it = m_index.contains(*it) ? std::next(it) : m_selected.erase(it);
    m_message->setText(m_data.message);
    m_message->setVisible(m_data.points.empty());
    rebuildGraphs();
    fitView();
    updateSelectionGraph();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT loaded();
}

QString ScatterMap::colourHead() const
{
    return m_colourBy->currentData().toString();
}

void ScatterMap::setColourHead(const QString &head)
{
    const int i = m_colourBy->findData(head);
    if (i >= 0)
        m_colourBy->setCurrentIndex(i);
}

QString ScatterMap::labelOf(const MapPoint &p) const
{
    const QString label = colourHead() == QLatin1String("genre") ? p.topGenre : p.topMood;
    return label.isEmpty() ? tr("(none)") : label;
}

void ScatterMap::rebuildGraphs()
{
    // One graph per label, so the legend names each colour; the selection ring and the lasso
    // are drawn above them.
    for (int i = m_plot->graphCount() - 1; i >= 0; --i)
        if (m_plot->graph(i) != m_selectionGraph)
            m_plot->removeGraph(i);
    std::map<QString, std::pair<QVector<double>, QVector<double>>> byLabel;  // sorted: stable colours
    for (const MapPoint &p : m_data.points) {
        auto &xy = byLabel[labelOf(p)];
        xy.first.append(p.x);
        xy.second.append(p.y);
    }
    m_groups.clear();
    m_colours.clear();
    const QString none = tr("(none)");
    for (const auto &[label, xy] : byLabel)
        if (label != none)
            m_groups.append(label);
    if (byLabel.count(none))
        m_groups.append(none);  // the unlabelled last, in grey
    for (int i = 0; i < m_groups.size(); ++i) {
        const QString &label = m_groups[i];
        const QColor colour = label == none ? QColor(0x9a, 0x9a, 0x9a) : groupColour(i);
        m_colours.insert(label, colour);
        QCPGraph *g = m_plot->addGraph();
        g->setName(QStringLiteral("%1 (%2)").arg(label).arg(byLabel[label].first.size()));
        g->setProperty("label", label);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(dotStyle(colour));
        g->setData(byLabel[label].first, byLabel[label].second);
    }
    // Thin rings in the highlight colour: dense clusters stay readable under a large selection.
    m_selectionGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette().color(QPalette::Highlight), 1.2),
                                                      Qt::NoBrush, kDotSize + 4));
    m_plot->legend->setVisible(!m_groups.isEmpty());
}

QCPScatterStyle ScatterMap::dotStyle(const QColor &colour) const
{
    QCPScatterStyle style(QCPScatterStyle::ssDisc, colour, colour, kDotSize);
    // Antialiased discs made a replot of 10,000 dots take 30-45 ms of the GUI thread while analysis
    // kept both cores busy (perf, bench_guistall with a map in front); one disc drawn ahead and
    // blitted per point costs a fraction. QCustomPlot centres a pixmap by its device size, so this
    // is only right at a device pixel ratio of 1; HiDPI screens keep the vector discs.
    if (m_plot->devicePixelRatioF() != 1.0)
        return style;
    const int side = int(kDotSize) + 1;
    QPixmap disc(side, side);
    disc.fill(Qt::transparent);
    {
        QPainter painter(&disc);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, kDotSize, kDotSize));
    }
    style.setPixmap(disc);  // the pen and brush stay: they name the colour (legend, tests)
    return style;
}

void ScatterMap::updateSelectionGraph()
{
    QVector<double> xs, ys;
    for (const MapPoint &p : m_data.points) {
        if (m_selected.contains(p.trackId)) {
            xs.append(p.x);
            ys.append(p.y);
        }
    }
    m_selectionGraph->setData(xs, ys);
    m_playlistButton->setEnabled(!m_selected.isEmpty());
    m_status->setText(statusText());
}

QString ScatterMap::moreToolTip(const MapPoint &) const
{
    return {};
}

void ScatterMap::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString ScatterMap::statusText() const
{
    if (m_data.points.empty())
        return {};
    const QString shown = tr("%n track(s)", nullptr, int(m_data.points.size()));
    return m_selected.isEmpty() ? shown : tr("%1, %2 selected").arg(shown).arg(m_selected.size());
}

void ScatterMap::fitView()
{
    if (m_data.points.empty()) {
        m_plot->xAxis->setRange(-1, 1);
        m_plot->yAxis->setRange(-1, 1);
        return;
    }
    auto [minX, maxX] = std::minmax_element(m_data.points.begin(), m_data.points.end(),
                                            [](const MapPoint &a, const MapPoint &b) { return a.x < b.x; });
    auto [minY, maxY] = std::minmax_element(m_data.points.begin(), m_data.points.end(),
                                            [](const MapPoint &a, const MapPoint &b) { return a.y < b.y; });
    // A margin so the outermost dots are whole; a minimum span for a single track.
    const double spanX = std::max(1e-3, double(maxX->x - minX->x)), spanY = std::max(1e-3, double(maxY->y - minY->y));
    m_plot->xAxis->setRange(minX->x - 0.06 * spanX, maxX->x + 0.06 * spanX);
    m_plot->yAxis->setRange(minY->y - 0.06 * spanY, maxY->y + 0.06 * spanY);
}

QString ScatterMap::groupOf(qint64 trackId) const
{
    const auto it = m_index.constFind(trackId);
    return it == m_index.cend() ? QString() : labelOf(m_data.points[*it]);
}

QColor ScatterMap::colourOf(qint64 trackId) const
{
    return m_colours.value(groupOf(trackId));
}

QPointF ScatterMap::positionOf(qint64 trackId) const
{
    const auto it = m_index.constFind(trackId);
    return it == m_index.cend() ? QPointF() : QPointF(m_data.points[*it].x, m_data.points[*it].y);
}

QPointF ScatterMap::pixelOf(qint64 trackId) const
{
    const QPointF p = positionOf(trackId);
    return {m_plot->xAxis->coordToPixel(p.x()), m_plot->yAxis->coordToPixel(p.y())};
}

qint64 ScatterMap::trackAt(const QPointF &pixel) const
{
    // A linear scan: 10,000 dots cost well under a millisecond, less than a spatial index's upkeep.
    qint64 best = 0;
    double bestDistance = kHitRadius * kHitRadius;
    for (const MapPoint &p : m_data.points) {
        const double dx = m_plot->xAxis->coordToPixel(p.x) - pixel.x();
        const double dy = m_plot->yAxis->coordToPixel(p.y) - pixel.y();
        if (dx * dx + dy * dy <= bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = p.trackId;
        }
    }
    return best;
}

QString ScatterMap::toolTipFor(qint64 trackId) const
{
    const auto it = m_index.constFind(trackId);
    if (it == m_index.cend())
        return {};
    const MapPoint &p = m_data.points[*it];
    QString text = QStringLiteral("<b>%1</b>").arg(p.title.toHtmlEscaped());
    if (!p.artist.isEmpty())
        text += QStringLiteral("<br>") + p.artist.toHtmlEscaped();
    if (!p.topMood.isEmpty())
        text += QStringLiteral("<br>") + tr("Mood: %1").arg(p.topMood.toHtmlEscaped());
    if (!p.topGenre.isEmpty())
        text += QStringLiteral("<br>") + tr("Genre: %1").arg(p.topGenre.toHtmlEscaped());
    return text + moreToolTip(p);
}

QList<qint64> ScatterMap::selectedTrackIds() const
{
    QList<qint64> ids;
    for (const MapPoint &p : m_data.points)
        if (m_selected.contains(p.trackId))
            ids.append(p.trackId);
    return ids;
}

void ScatterMap::selectInPolygon(const QPolygonF &polygon, bool add)
{
    if (!add)
        m_selected.clear();
    for (const MapPoint &p : m_data.points)
        if (polygon.containsPoint(QPointF(p.x, p.y), Qt::OddEvenFill))
            m_selected.insert(p.trackId);
    updateSelectionGraph();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT selectionChanged();
}

void ScatterMap::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    updateSelectionGraph();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT selectionChanged();
}

QString ScatterMap::defaultPlaylistName() const
{
    return tr("Map selection %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")));
}

qint64 ScatterMap::createPlaylistFromSelection(const QString &name)
{
    const QList<qint64> ids = selectedTrackIds();
    if (ids.isEmpty() || !m_catalog || name.trimmed().isEmpty())
        return 0;
    const qint64 id = m_catalog->createPlaylist(name.trimmed());
    if (id <= 0 || !m_catalog->setPlaylistTracks(id, ids)) {
        m_status->setText(tr("Could not make the playlist: %1").arg(m_catalog->lastError()));
        return 0;
    }
    m_status->setText(tr("Playlist \u201c%1\u201d: %n track(s)", nullptr, int(ids.size())).arg(name.trimmed()));
    Q_EMIT playlistCreated(id, name.trimmed());
    return id;
}

void ScatterMap::askPlaylistName()
{
    if (m_selected.isEmpty())
        return;
    // Window-modal but not blocking (open(), not exec()): the map keeps reloading behind it.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("mapPlaylistDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Playlist from Selection"));
    dialog->setLabelText(tr("Name of the new playlist (%n track(s)):", nullptr, int(m_selected.size())));
    dialog->setTextValue(defaultPlaylistName());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) { createPlaylistFromSelection(name); });
    dialog->open();
}

bool ScatterMap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const qint64 id = trackAt(help->pos());
        if (id)
            QToolTip::showText(help->globalPos(), toolTipFor(id), m_plot);
        else
            QToolTip::showText(help->globalPos(), m_plot->toolTip(), m_plot);
        return true;
    }
    case QEvent::MouseButtonPress:
        onPress(static_cast<QMouseEvent *>(event));
        return static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
    case QEvent::MouseMove:
        onMove(static_cast<QMouseEvent *>(event));
        return m_dragging;
    case QEvent::MouseButtonRelease:
        if (static_cast<QMouseEvent *>(event)->button() != Qt::LeftButton)
            return false;
        onRelease(static_cast<QMouseEvent *>(event));
        return true;
    case QEvent::MouseButtonDblClick:
        onDoubleClick(static_cast<QMouseEvent *>(event));
        return static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void ScatterMap::onPress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_lassoAdds = event->modifiers().testFlag(Qt::ShiftModifier);
    const QPointF p = event->position();
    m_lasso.clear();
    m_lasso.append(QPointF(m_plot->xAxis->pixelToCoord(p.x()), m_plot->yAxis->pixelToCoord(p.y())));
}

void ScatterMap::onMove(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const QPointF p = event->position();
    m_lasso.append(QPointF(m_plot->xAxis->pixelToCoord(p.x()), m_plot->yAxis->pixelToCoord(p.y())));
    QVector<double> xs, ys;
    for (const QPointF &q : m_lasso) {
        xs.append(q.x());
        ys.append(q.y());
    }
    xs.append(m_lasso.first().x());  // drawn closed, as it will select
    ys.append(m_lasso.first().y());
    m_lassoCurve->setData(xs, ys);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ScatterMap::onRelease(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_lassoCurve->data()->clear();
    if (m_lasso.size() >= 3) {
        selectInPolygon(m_lasso, m_lassoAdds);
    } else {
        // A click: the dot under it alone (or added with Shift), or nothing on empty ground.
        const qint64 id = trackAt(event->position());
        if (!m_lassoAdds)
            m_selected.clear();
        if (id)
            m_selected.insert(id);
        updateSelectionGraph();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT selectionChanged();
    }
    m_lasso.clear();
}

void ScatterMap::onDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const qint64 id = trackAt(event->position());
    if (id)
        Q_EMIT trackActivated(id);
}

} // namespace spectag::ui
