#pragma once

#include "scattermap.h"

#include "model/moodspace.h"

class QAction;
class QCPItemLine;

namespace spectag::ui {

// The Mood Map dock: the library in the valence/arousal plane of Russell's circumplex (x =
// valence, y = arousal, both -1..1), from the default model's quadrant head. Quadrant lines
// and the four everyday words mark the corners; dots are coloured by genre (or mood), and hover,
// double-click, lasso and playlist work as on the Library Map. Its context menu starts a
// mood-trajectory playlist, from the point clicked or between two moods.
class MoodMap : public ScatterMap {
    Q_OBJECT
public:
    explicit MoodMap(Catalog *catalog, QWidget *parent = nullptr);

    // The active model's present tracks that it placed in the plane (any thread).
    static MapData load(const Catalog &catalog);

    // The path a trajectory dialog is previewing, drawn as an arrow (cleared by clearTrajectory).
    void showTrajectory(ValenceArousal from, ValenceArousal to);
    void clearTrajectory();
    bool trajectoryShown() const;

    QAction *trajectoryAction() const { return m_trajectoryAction; }
    // The plot coordinates under a pixel of plot(), clamped to the plane.
    ValenceArousal valenceArousalAt(const QPointF &pixel) const;

Q_SIGNALS:
    // The user asked for a trajectory playlist; `from` is set when it was asked for at a point.
    void trajectoryRequested(std::optional<spectag::ValenceArousal> from);

protected:
    void fitView() override;
    QString moreToolTip(const MapPoint &point) const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &pixel);

    QCPItemLine *m_path = nullptr;
    QAction *m_trajectoryAction = nullptr;
};

} // namespace spectag::ui
