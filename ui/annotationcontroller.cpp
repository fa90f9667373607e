#include "annotationcontroller.h"

#include "analysispanel.h"
#include "annotationmode.h"
#include "appsettings.h"
#include "libraryproxymodel.h"
#include "mainwindow.h"
#include "predictionspanel.h"
#include "segmenttimeline.h"
#include "trackview.h"
#include "waveformview.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/reviewqueuemodel.h"
#include "model/modelspec.h"
#include "training/datasetcatalog.h"
#include "training/trainingdata.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

#include <cmath>

namespace spectag::ui {

namespace {
const QString kAnnotatorKey = QString::fromLatin1(AppSettings::kAnnotator);  // shared with the Settings dialog

// Segment bounds to the centisecond: the catalog keys segments by their bounds, so a label added
// to a region later must name the very same bounds.
double roundBound(double seconds)
{
    return std::round(seconds * 100.0) / 100.0;
}

bool sameBounds(const Annotation &a, double start, double end)
{
    return a.segmentStart && a.segmentEnd && std::abs(*a.segmentStart - start) < 0.005 && std::abs(*a.segmentEnd - end) < 0.005;
}
} // namespace

AnnotationController::AnnotationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_mode(new AnnotationMode(this))
    , m_queue(new ReviewQueueModel(window->catalog(), this))
{
    setObjectName(QStringLiteral("annotation"));
    m_mode->setWindow(window);
    createQueueDock();
    createMenu();

    PredictionsPanel *panel = window->predictionsPanel();
    connect(panel, &PredictionsPanel::annotationsRequested, this, &AnnotationController::annotateCurrent);
    connect(window->catalog(), &Catalog::annotationsChanged, this, [this](const QList<qint64> &ids) {
        if (ids.contains(currentTrackId()))
            refresh();
    });
    connect(window->libraryView()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_window->trackView()->waveform()->clearSelection();
        m_window->trackView()->overview()->clearSelection();
        refresh();
    });
    connect(window->analysisPanel(), &AnalysisPanel::modelReady, this, &AnnotationController::onModelReady);

    for (WaveformView *w : {window->trackView()->waveform(), window->trackView()->overview()}) {
        connect(w, &WaveformView::selectionMenuRequested, this, [this, w](double start, double end, const QPoint &pos) {
            QMenu *menu = segmentMenu(start, end, w);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(pos);
        });
    }

    connect(m_mode, &AnnotationMode::activeChanged, this, [this](bool on) {
        m_window->predictionsPanel()->setShowKeys(on);
        QWidget *focus = m_window->focusWidget();
        if (on && (!focus || qobject_cast<QLineEdit *>(focus)))
            m_window->libraryView()->setFocus();  // digits typed into the search field stay text
        m_window->statusBar()->showMessage(on ? tr("Annotation mode: 1\u2013" "9 toggle the moods, J/K next/previous track, "
                                                   "Space plays the current segment, Esc leaves")
                                              : tr("Annotation mode off"),
                                           on ? 0 : 3000);
    });
    connect(m_mode, &AnnotationMode::moodToggled, this, &AnnotationController::toggleMood);
    connect(m_mode, &AnnotationMode::nextTrack, this, [this] { moveSelection(1); });
    connect(m_mode, &AnnotationMode::previousTrack, this, [this] { moveSelection(-1); });
    connect(m_mode, &AnnotationMode::playSegment, this, &AnnotationController::playCurrentSegment);
}

void AnnotationController::createQueueDock()
{
    m_queueView = new QTableView(m_window);
    m_queueView->setObjectName(QStringLiteral("reviewQueue"));
    m_queueView->setModel(m_queue);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->setShowGrid(false);
    m_queueView->setWordWrap(false);
    m_queueView->verticalHeader()->hide();
    m_queueView->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::Track, QHeaderView::Stretch);
    m_queueView->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::Uncertainty, QHeaderView::ResizeToContents);
    // Measure the visible rows only: by default Qt shapes the text of 1,000 rows again after every
    // change, and while a library is analysed the queue changes with every track (bench_guistall).
    m_queueView->horizontalHeader()->setResizeContentsPrecision(0);
    m_queueView->setToolTip(tr("Analysed tracks nobody has annotated yet, the ones the model is least sure about first; "
                               "double-click or Enter opens one"));
    connect(m_queueView, &QTableView::activated, this, [this](const QModelIndex &index) {
        selectTrack(index.data(ReviewQueueModel::TrackIdRole).toLongLong());
    });
    m_queueDock = new QDockWidget(tr("Review Queue"), m_window);
    m_queueDock->setObjectName(QStringLiteral("reviewQueueDock"));
    m_queueDock->setWidget(m_queueView);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_queueDock);
    if (auto *analysis = m_window->findChild<QDockWidget *>(QStringLiteral("analysisDock")))
        m_window->tabifyDockWidget(analysis, m_queueDock);
    if (auto *analysis = m_window->findChild<QDockWidget *>(QStringLiteral("analysisDock")))
        analysis->raise();
}

void AnnotationController::createMenu()
{
    m_menu = new QMenu(tr("A&nnotate"), m_window);
    m_menu->setObjectName(QStringLiteral("annotateMenu"));
    m_menu->addAction(m_mode->action());
    m_accept = m_menu->addAction(tr("&Accept Predictions"), m_window->predictionsPanel(), &PredictionsPanel::acceptPredictions);
    m_accept->setObjectName(QStringLiteral("acceptPredictions"));
    m_accept->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_accept->setToolTip(tr("Confirm the model's labels for the current track as human labels"));
    m_menu->addSeparator();
    m_annotator = m_menu->addAction(tr("Annotator &Name\u2026"), this, &AnnotationController::editAnnotatorName);
    m_annotator->setObjectName(QStringLiteral("annotatorName"));
    m_export = m_menu->addAction(tr("&Export Annotations as Training Manifest\u2026"), this, &AnnotationController::exportManifest);
    m_export->setObjectName(QStringLiteral("exportAnnotations"));
}

QString AnnotationController::annotatorName()
{
    const QString name = QSettings().value(kAnnotatorKey).toString().trimmed();
    return name.isEmpty() ? AppSettings::defaultAnnotator() : name;
}

void AnnotationController::setAnnotatorName(const QString &name)
{
    if (name.trimmed().isEmpty())
        QSettings().remove(kAnnotatorKey);
    else
        QSettings().setValue(kAnnotatorKey, name.trimmed());
}

void AnnotationController::editAnnotatorName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Annotator Name"),
                                               tr("Your annotations are recorded under this name:"), QLineEdit::Normal,
                                               annotatorName(), &ok);
    if (ok)
        setAnnotatorName(name);
}

qint64 AnnotationController::currentTrackId() const
{
    const QModelIndex current = m_window->libraryView()->currentIndex();
    return current.isValid() ? current.data(LibraryModel::TrackIdRole).toLongLong() : 0;
}

bool AnnotationController::annotateCurrent(QList<Annotation> rows)
{
    const qint64 track = currentTrackId();
    if (track <= 0 || rows.isEmpty())
        return false;
    const QString who = annotatorName();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Annotation &a : rows) {
        a.trackId = track;
        a.source = Annotation::Source::Human;
        a.annotator = who;
        a.createdAt = now;
    }
    if (!m_window->catalog()->addAnnotations(rows)) {
        m_window->statusBar()->showMessage(tr("Could not save the annotation: %1").arg(m_window->catalog()->lastError()), 8000);
        return false;
    }
    return true;
}

void AnnotationController::refresh()
{
    const qint64 track = currentTrackId();
    const QList<Annotation> human = track > 0 ? m_window->catalog()->effectiveAnnotations(Annotation::Source::Human, track)
                                              : QList<Annotation>();
    m_window->predictionsPanel()->setAnnotations(human);
    // Segment labels as bands: one per region, its applying labels named, its rejected ones
    // prefixed "not".
    QMap<std::pair<double, double>, std::pair<QStringList, QStringList>> regions;
    for (const Annotation &a : human) {
        if (!a.segmentStart || !a.segmentEnd)
            continue;
        auto &labels = regions[{*a.segmentStart, *a.segmentEnd}];
        (a.value >= 0.5 ? labels.first : labels.second).append(a.label);
    }
    QList<WaveformView::Region> bands;
    for (auto it = regions.cbegin(); it != regions.cend(); ++it) {
        QStringList text = it.value().first;
        for (const QString &no : it.value().second)
            text << tr("not %1").arg(no);
        const QColor color = it.value().first.isEmpty() ? QColor(0xb0, 0xb0, 0xb0) : SegmentTimeline::colorForLabel(it.value().first.first());
        bands.append({it.key().first, it.key().second, text.join(QStringLiteral(", ")), color});
    }
    m_window->trackView()->waveform()->setRegions(bands);
    m_window->trackView()->overview()->setRegions(bands);
}

QMenu *AnnotationController::segmentMenu(double start, double end, QWidget *parent)
{
    start = roundBound(start);
    end = roundBound(end);
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("segmentMenu"));
    QList<HeadPrediction> heads = m_window->predictionsPanel()->predictions();
    if (heads.isEmpty()) {
        // Not analysed: the active model's label sets still say what can be labelled.
        if (const auto model = m_window->catalog()->activeModel()) {
            for (auto it = model->labelSets.begin(); it != model->labelSets.end(); ++it) {
                HeadPrediction h;
                h.head = it.key();
                for (const QJsonValue &l : it.value().toArray())
                    h.labels << l.toString();
                heads.append(h);
            }
        }
    }
    if (heads.isEmpty()) {
        menu->addAction(tr("No labels: no model is active"))->setEnabled(false);
        return menu;
    }
    const QList<Annotation> human = m_window->catalog()->effectiveAnnotations(Annotation::Source::Human, currentTrackId());
    auto applies = [&](const QString &head, const QString &label) {
        for (const Annotation &a : human)
            if (a.head == head && a.label == label && sameBounds(a, start, end))
                return a.value >= 0.5;
        return false;
    };
    for (const HeadPrediction &h : heads) {
        menu->addSection(tr("%1, %2 s \u2013 %3 s").arg(h.head).arg(start, 0, 'f', 1).arg(end, 0, 'f', 1));
        for (const QString &label : h.labels) {
            QAction *a = menu->addAction(label);
            a->setCheckable(true);
            a->setChecked(applies(h.head, label));
            a->setData(h.head);
            connect(a, &QAction::triggered, this, [this, h, label, start, end, on = a->isChecked()] {
                QList<Annotation> rows;
                for (const QString &l : h.labels) {
                    // Multi-label: this label flips; single-label: this one, and none of the others.
                    if (!h.singleLabel && l != label)
                        continue;
                    Annotation row;
                    row.head = h.head;
                    row.label = l;
                    row.value = h.singleLabel ? (l == label ? 1.0 : 0.0) : (on ? 0.0 : 1.0);
                    row.segmentStart = start;
                    row.segmentEnd = end;
                    rows.append(row);
                }
                if (annotateCurrent(rows)) {
                    m_window->trackView()->waveform()->clearSelection();
                    m_window->trackView()->overview()->clearSelection();
                }
            });
        }
    }
    return menu;
}

void AnnotationController::toggleMood(int index)
{
    PredictionsPanel *panel = m_window->predictionsPanel();
    const QStringList labels = panel->keyLabels();
    if (index < 0 || index >= labels.size()) {
        m_window->statusBar()->showMessage(labels.isEmpty() ? tr("No predictions to annotate for this track")
                                                            : tr("Key %1 has no mood (the mood head has %n label(s))", nullptr,
                                                                 int(labels.size())).arg(index + 1),
                                           4000);
        return;
    }
    panel->toggleLabel(panel->keyHead(), labels.at(index));
}

void AnnotationController::moveSelection(int delta)
{
    QTableView *table = m_window->libraryView();
    const int rows = table->model()->rowCount();
    if (rows == 0)
        return;
    const int current = table->currentIndex().row();
    const int next = current < 0 ? 0 : std::clamp(current + delta, 0, rows - 1);
    if (next != current) {
        m_window->selectRow(next);
        table->scrollTo(table->currentIndex());
    }
}

std::optional<std::pair<double, double>> AnnotationController::currentSegment() const
{
    const TrackView *view = m_window->trackView();
    const double pos = view->position();
    const QString head = m_window->predictionsPanel()->keyHead();
    std::optional<std::pair<double, double>> any;
    for (const SegmentPrediction &s : view->timeline()->segments()) {
        if (pos < s.start || pos >= s.end)
            continue;
        if (s.head == head)
            return std::pair(s.start, s.end);
        if (!any)
            any = std::pair(s.start, s.end);
    }
    return any;
}

void AnnotationController::playCurrentSegment()
{
    if (const auto segment = currentSegment())
        m_window->trackView()->playSegment(segment->first, segment->second);
    else
        m_window->trackView()->togglePlayback();  // no timeline (not analysed): plain play/pause
}

bool AnnotationController::selectTrack(qint64 trackId)
{
    const int sourceRow = m_window->libraryModel()->rowForTrack(trackId);
    if (sourceRow < 0)
        return false;
    const QModelIndex source = m_window->libraryModel()->index(sourceRow, 0);
    QModelIndex row = m_window->proxyModel()->mapFromSource(source);
    if (!row.isValid()) {
        // Hidden by the search or the folder: the user asked for this track, so show everything.
        m_window->searchField()->clear();
        m_window->proxyModel()->setFolder({});
        row = m_window->proxyModel()->mapFromSource(source);
    }
    if (!row.isValid() || !m_window->selectRow(row.row()))
        return false;
    m_window->libraryView()->scrollTo(m_window->libraryView()->currentIndex());
    return true;
}

void AnnotationController::onModelReady()
{
    QHash<QString, bool> kinds;
    if (const ModelSpec *spec = m_window->analysisPanel()->modelSpec())
        for (const HeadSpec &h : spec->heads)
            kinds.insert(h.name, h.kind == HeadSpec::Kind::SingleLabel);
    m_queue->setHeadKinds(kinds);
}

bool AnnotationController::exportManifestTo(const QString &path, QString *error, int *items, int *issues)
{
    training::CatalogDatasetOptions options;
    // The loaded network's heads and label order, so the manifest trains (or fine-tunes) a model
    // with the same outputs; without one the heads are discovered from the annotations.
    if (const ModelSpec *spec = m_window->analysisPanel()->modelSpec())
        options.spec = trainingdata::datasetSpec(*spec);
    const training::Dataset ds = training::loadCatalogAnnotations(*m_window->catalog(), options);
    if (items)
        *items = int(ds.items.size());
    if (issues)
        *issues = int(ds.issues.size());
    if (ds.isEmpty()) {
        if (error)
            *error = ds.issues.isEmpty() ? tr("There are no human annotations to export yet.")
                                         : tr("No annotation could be exported: %1").arg(ds.issues.first().toString());
        return false;
    }
    QString why;
    if (!ds.writeJsonl(path, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void AnnotationController::exportManifest()
{
    const QString dir = QFileInfo(m_window->catalog()->path()).absolutePath();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Annotations as Training Manifest"),
                                                QDir(dir).filePath(QStringLiteral("annotations.jsonl")),
                                                tr("JSON Lines manifests (*.jsonl)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".jsonl")) && !path.endsWith(QLatin1String(".ndjson")))
        path += QLatin1String(".jsonl");  // loadManifest() picks the format by extension
    QString error;
    int items = 0, issues = 0;
    if (!exportManifestTo(path, &error, &items, &issues)) {
        QMessageBox::warning(m_window, tr("Export Annotations"), error);
        return;
    }
    m_window->statusBar()->showMessage(issues ? tr("Exported %n annotated item(s) to %1; %2 annotation(s) left out", nullptr, items)
                                                    .arg(QDir::toNativeSeparators(path)).arg(issues)
                                              : tr("Exported %n annotated item(s) to %1", nullptr, items).arg(QDir::toNativeSeparators(path)),
                                       8000);
}

} // namespace spectag::ui
