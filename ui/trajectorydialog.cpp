#include "trajectorydialog.h"

#include "moodmap.h"

#include "catalog/catalog.h"
#include "inference/moodcatalog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace spectag::ui {

namespace {

constexpr int kPoint = -1;  // combo data of "a point of the plane"

bool samePlace(ValenceArousal a, ValenceArousal b)
{
    return std::abs(a.valence - b.valence) < 1e-9 && std::abs(a.arousal - b.arousal) < 1e-9;
}

} // namespace

TrajectoryDialog::TrajectoryDialog(Catalog *catalog, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_count(new QSpinBox(this))
    , m_name(new QLineEdit(this))
    , m_preview(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("trajectoryDialog"));
    setWindowTitle(tr("New Mood Trajectory Playlist"));
    m_fromEnd = makeEnd(QStringLiteral("trajectoryFrom"));
    m_toEnd = makeEnd(QStringLiteral("trajectoryTo"));
    m_fromWord = m_fromEnd.word;
    m_toWord = m_toEnd.word;
    m_count->setObjectName(QStringLiteral("trajectoryCount"));
    m_count->setRange(1, 1000);
    m_count->setValue(20);
    m_name->setObjectName(QStringLiteral("trajectoryName"));
    m_preview->setObjectName(QStringLiteral("trajectoryPreview"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_status->setObjectName(QStringLiteral("trajectoryStatus"));
    m_status->setWordWrap(true);
    m_create = m_buttons->addButton(tr("Create Playlist"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("trajectoryCreate"));

    auto endRow = [](const End &end) {
        auto *row = new QHBoxLayout;
        row->addWidget(end.word, 1);
        row->addWidget(end.valence);
        row->addWidget(end.arousal);
        return row;
    };
    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), endRow(m_fromEnd));
    form->addRow(tr("&To:"), endRow(m_toEnd));
    form->addRow(tr("&Tracks:"), m_count);
    form->addRow(tr("&Name:"), m_name);
    auto *explain = new QLabel(tr("The tracks nearest to evenly spaced points on the straight path between the two moods "
                                  "(valence and arousal from \u2212" "1 to 1), each used once, in path order."), this);
    explain->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    setQuadrant(m_fromEnd, 4);  // calm to energetic: the example everyone asks for
    setQuadrant(m_toEnd, 1);
    m_name->setText(defaultName());

    connect(m_fromEnd.word, &QComboBox::activated, this, [this] { onWordChosen(m_fromEnd); });
    connect(m_toEnd.word, &QComboBox::activated, this, [this] { onWordChosen(m_toEnd); });
    for (End *end : {&m_fromEnd, &m_toEnd})
        for (QDoubleSpinBox *spin : {end->valence, end->arousal})
            connect(spin, &QDoubleSpinBox::valueChanged, this, [this, end] { onPointEdited(*end); });
    connect(m_count, &QSpinBox::valueChanged, this, &TrajectoryDialog::updatePreview);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, [this] { m_create->setEnabled(!m_picks.empty() && !playlistName().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (createPlaylist())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_loader = std::make_unique<BackgroundLoad<MapData>>(
        this, [catalog] { return catalog ? MoodMap::load(*catalog) : MapData(); }, [this](MapData data) { apply(std::move(data)); });
    if (m_catalog)
        connect(m_catalog, &Catalog::predictionsChanged, this, [this] { m_loader->request(); });
    m_status->setText(tr("Loading\u2026"));
    updatePreview();
    m_loader->now();
}

TrajectoryDialog::~TrajectoryDialog() = default;  // m_loader waits for a running load

TrajectoryDialog::End TrajectoryDialog::makeEnd(const QString &objectName)
{
    End end;
    end.word = new QComboBox(this);
    end.word->setObjectName(objectName);
    end.word->addItem(tr("happy \u00b7 energetic"), 1);
    end.word->addItem(tr("angry \u00b7 tense"), 2);
    end.word->addItem(tr("sad"), 3);
    end.word->addItem(tr("calm \u00b7 relaxed"), 4);
    end.word->addItem(tr("neutral"), 0);
    end.word->addItem(tr("a point"), kPoint);
    const QString tips[] = {tr("Valence: unpleasant (\u2212" "1) to pleasant (1)"), tr("Arousal: calm (\u2212" "1) to energetic (1)")};
    QDoubleSpinBox **spins[] = {&end.valence, &end.arousal};
    for (int i = 0; i < 2; ++i) {
        auto *spin = new QDoubleSpinBox(this);
        spin->setObjectName(objectName + (i == 0 ? QStringLiteral("Valence") : QStringLiteral("Arousal")));
        spin->setRange(-1, 1);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
        spin->setToolTip(tips[i]);
        *spins[i] = spin;
    }
    return end;
}

void TrajectoryDialog::setQuadrant(End &end, int quadrant)
{
    const int i = end.word->findData(quadrant);
    if (i < 0)
        return;
    end.word->setCurrentIndex(i);
    onWordChosen(end);
}

void TrajectoryDialog::setPoint(End &end, ValenceArousal point)
{
    {
        const QSignalBlocker a(end.valence), b(end.arousal);
        end.valence->setValue(point.valence);
        end.arousal->setValue(point.arousal);
    }
    onPointEdited(end);
}

void TrajectoryDialog::onWordChosen(End &end)
{
    const int q = end.word->currentData().toInt();
    if (q != kPoint) {
        const ValenceArousal centre = quadrantCentre(q);
        const QSignalBlocker a(end.valence), b(end.arousal);
        end.valence->setValue(centre.valence);
        end.arousal->setValue(centre.arousal);
    }
    updatePreview();
}

void TrajectoryDialog::onPointEdited(End &end)
{
    // A point that is a word's place shows the word; any other is "a point".
    const ValenceArousal p = pointOf(end);
    int index = end.word->findData(kPoint);
    for (int i = 0; i < end.word->count(); ++i)
        if (const int q = end.word->itemData(i).toInt(); q != kPoint && samePlace(quadrantCentre(q), p))
            index = i;
    end.word->setCurrentIndex(index);
    updatePreview();
}

ValenceArousal TrajectoryDialog::pointOf(const End &end)
{
    return {end.valence->value(), end.arousal->value()};
}

void TrajectoryDialog::setFromQuadrant(int quadrant) { setQuadrant(m_fromEnd, quadrant); }
void TrajectoryDialog::setToQuadrant(int quadrant) { setQuadrant(m_toEnd, quadrant); }
void TrajectoryDialog::setFrom(ValenceArousal point) { setPoint(m_fromEnd, point); }
void TrajectoryDialog::setTo(ValenceArousal point) { setPoint(m_toEnd, point); }
ValenceArousal TrajectoryDialog::from() const { return pointOf(m_fromEnd); }
ValenceArousal TrajectoryDialog::to() const { return pointOf(m_toEnd); }
void TrajectoryDialog::setCount(int count) { m_count->setValue(count); }
int TrajectoryDialog::count() const { return m_count->value(); }
QString TrajectoryDialog::playlistName() const { return m_name->text().trimmed(); }

void TrajectoryDialog::setPlaylistName(const QString &name)
{
    m_name->setText(name);
    m_nameEdited = true;
}

QString TrajectoryDialog::endName(const End &end) const
{
    if (end.word->currentData().toInt() != kPoint)
        return end.word->currentText();
    const ValenceArousal p = pointOf(end);
    return QStringLiteral("(%1, %2)").arg(QString::number(p.valence, 'f', 2), QString::number(p.arousal, 'f', 2));
}

QString TrajectoryDialog::defaultName() const
{
    return tr("From %1 to %2").arg(endName(m_fromEnd), endName(m_toEnd));
}

void TrajectoryDialog::apply(MapData data)
{
    m_data = std::move(data);
    updatePreview();
}

void TrajectoryDialog::updatePreview()
{
    if (!m_nameEdited) {
        const QSignalBlocker block(m_name);
        m_name->setText(defaultName());
    }
    std::vector<MoodCandidate> candidates;
    candidates.reserve(m_data.points.size());
    QHash<qint64, const MapPoint *> byId;
    for (const MapPoint &p : m_data.points) {
        candidates.push_back({p.trackId, {p.x, p.y}, p.confidence});
        byId.insert(p.trackId, &p);
    }
    m_picks = pickTrajectory(candidates, from(), to(), count());
    m_preview->clear();
    for (const TrajectoryPick &pick : m_picks) {
        const MapPoint *p = byId.value(pick.trackId);
        QString text = p->artist.isEmpty() ? p->title : tr("%1 \u2013 %2").arg(p->artist, p->title);
        auto *item = new QListWidgetItem(text, m_preview);
        item->setData(Qt::UserRole, pick.trackId);
        item->setToolTip(tr("Valence %1, arousal %2").arg(QString::number(p->x, 'f', 2), QString::number(p->y, 'f', 2)));
    }
    if (isLoading() && m_data.points.empty())
        m_status->setText(tr("Loading\u2026"));
    else if (m_data.points.empty())
        m_status->setText(m_data.message);
    else if (int(m_picks.size()) < count())
        m_status->setText(tr("Only %n track(s) in the mood plane: all of them, in path order.", nullptr, int(m_picks.size())));
    else
        m_status->setText(tr("%n track(s) chosen from %1 in the mood plane.", nullptr, int(m_picks.size())).arg(m_data.points.size()));
    m_create->setEnabled(!m_picks.empty() && !playlistName().isEmpty());
    Q_EMIT pathChanged(from(), to());
}

QStringList TrajectoryDialog::previewTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_preview->count(); ++i)
        titles << m_preview->item(i)->text();
    return titles;
}

QString TrajectoryDialog::statusText() const
{
    return m_status->text();
}

qint64 TrajectoryDialog::createPlaylist()
{
    if (!m_catalog)
        return 0;
    QString error;
    const QString name = playlistName();
    const qint64 id = saveTrajectoryPlaylist(*m_catalog, name, m_picks, &error);
    if (!id) {
        m_status->setText(tr("Could not make the playlist: %1").arg(error));
        return 0;
    }
    m_status->setText(tr("Playlist \u201c%1\u201d: %n track(s)", nullptr, int(m_picks.size())).arg(name));
    Q_EMIT playlistCreated(id, name);
    return id;
}

} // namespace spectag::ui
