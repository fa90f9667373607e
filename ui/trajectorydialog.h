#pragma once

#include "backgroundload.h"
#include "scattermap.h"

#include "model/moodtrajectory.h"

#include <QDialog>

#include <memory>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// "New Mood Trajectory Playlist…": a start and an end mood (a quadrant's word or any point of
// the valence/arousal plane) and a number of tracks; the preview lists the tracks nearest to that
// many evenly spaced points on the straight path (pickTrajectory), in path order, and Create
// saves them as a playlist. The library's places are read off the GUI thread when the dialog
// opens and whenever predictions change; the picks themselves take microseconds.
class TrajectoryDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrajectoryDialog(Catalog *catalog, QWidget *parent = nullptr);
    ~TrajectoryDialog() override;

    // Ends given as a quadrant (1..4, 0 for the neutral centre) or as a point.
    void setFromQuadrant(int quadrant);
    void setToQuadrant(int quadrant);
    void setFrom(ValenceArousal point);
    void setTo(ValenceArousal point);
    ValenceArousal from() const;
    ValenceArousal to() const;
    void setCount(int count);
    int count() const;
    QString playlistName() const;
    void setPlaylistName(const QString &name);

    const std::vector<TrajectoryPick> &picks() const { return m_picks; }
    QStringList previewTitles() const;  // what the preview list shows, in order
    int candidateCount() const { return int(m_data.points.size()); }
    bool isLoading() const { return m_loader && m_loader->isLoading(); }
    void waitForLoaded() { m_loader->wait(); }

    // Saves the previewed picks as a playlist: its id, or 0 (the status line says why).
    qint64 createPlaylist();

    QComboBox *fromCombo() const { return m_fromWord; }
    QComboBox *toCombo() const { return m_toWord; }
    QListWidget *previewList() const { return m_preview; }
    QPushButton *createButton() const { return m_create; }
    QString statusText() const;

Q_SIGNALS:
    void pathChanged(spectag::ValenceArousal from, spectag::ValenceArousal to);
    void playlistCreated(qint64 playlistId, const QString &name);

private:
    struct End {
        QComboBox *word = nullptr;
        QDoubleSpinBox *valence = nullptr;
        QDoubleSpinBox *arousal = nullptr;
    };
    End makeEnd(const QString &objectName);
    void setQuadrant(End &end, int quadrant);
    void setPoint(End &end, ValenceArousal point);
    void onWordChosen(End &end);
    void onPointEdited(End &end);
    static ValenceArousal pointOf(const End &end);
    void apply(MapData data);
    void updatePreview();
    QString defaultName() const;
    QString endName(const End &end) const;

    Catalog *m_catalog;
    MapData m_data;
    std::vector<TrajectoryPick> m_picks;
    End m_fromEnd, m_toEnd;
    QComboBox *m_fromWord = nullptr;
    QComboBox *m_toWord = nullptr;
    QSpinBox *m_count = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_create = nullptr;
    bool m_nameEdited = false;  // the user typed a name: stop following the moods
    std::unique_ptr<BackgroundLoad<MapData>> m_loader;
};

} // namespace spectag::ui
