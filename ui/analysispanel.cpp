#include "analysispanel.h"

#include "elidedlabel.h"

#include "util/timeformat.h"
#include "util/workerpool.h"

#include "catalog/catalog.h"
#include "inference/analysisqueue.h"
#include "inference/catalogcache.h"
#include "model/model.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace spectag::ui {

struct AnalysisPanel::Loaded {
    std::shared_ptr<Model> model;
    QString error;
};

AnalysisPanel::AnalysisPanel(Catalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
{
    m_modelLabel = new ElidedLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("analysisModel"));
    m_modelProblem = new QLabel(this);
    m_modelProblem->setObjectName(QStringLiteral("analysisModelProblem"));
    m_modelProblem->setWordWrap(true);
    m_modelProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelProblem->hide();
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("analysisDevice"));
    m_status = new QLabel(tr("Idle"), this);
    m_status->setObjectName(QStringLiteral("analysisStatus"));
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);  // "0 %" while idle reads like a stuck job

    m_analyseSelected = new QAction(tr("Analyse &Selected"), this);
    m_analyseSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_analyseSelected->setToolTip(tr("Predict mood and genre of the selected tracks first (%1)").arg(m_analyseSelected->shortcut().toString(QKeySequence::NativeText)));
    m_analyseAll = new QAction(tr("Analyse All &Unanalysed"), this);
    m_analyseAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_analyseAll->setToolTip(tr("Queue every track the model has not analysed yet (%1)").arg(m_analyseAll->shortcut().toString(QKeySequence::NativeText)));
    m_pause = new QAction(QIcon(QStringLiteral(":/icons/pause.svg")), tr("&Pause Analysis"), this);
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_cancel = new QAction(tr("&Cancel Analysis"), this);
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Period));
    connect(m_analyseSelected, &QAction::triggered, this, &AnalysisPanel::analyseSelected);
    connect(m_analyseAll, &QAction::triggered, this, &AnalysisPanel::analyseUnanalysed);
    connect(m_pause, &QAction::toggled, this, &AnalysisPanel::setPaused);
    connect(m_cancel, &QAction::triggered, this, &AnalysisPanel::cancel);

    auto button = [this](QAction *a) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(button(m_analyseSelected));
    buttons->addWidget(button(m_analyseAll));
    buttons->addStretch();
    m_pauseButton = button(m_pause);
    m_cancelButton = button(m_cancel);
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_modelLabel);
    layout->addWidget(m_modelProblem);
    layout->addWidget(m_deviceLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(&m_loader, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this, &AnalysisPanel::onModelLoaded);
    showModelLine(tr("No model loaded."));
    updateActions();
}

AnalysisPanel::~AnalysisPanel()
{
    // The queue's workers write into the catalog: they must be gone before it is.
    m_queue.reset();
}

void AnalysisPanel::loadModel(const QString &path)
{
    m_modelPath = path;
    cancel();
    m_queue.reset();
    m_cache.reset();
    m_model.reset();
    m_deviceLabel->clear();
    if (!QFileInfo::exists(path)) {
        showModelProblem(tr("<b>No model found</b> at %1. Analysis is disabled: train one with "
                          "<tt>spectag train</tt>, or put a model file (.stm) there.")
                           .arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
        updateActions();
        Q_EMIT modelReady(false);
        return;
    }
    showModelLine(tr("Loading model %1\u2026").arg(QDir::toNativeSeparators(path)));
    m_loading = true;
    updateActions();
    // Reading the weights and moving them to the GPU can take seconds: never on the GUI thread.
    m_loader.setFuture(spectag::runInBackground([path, device = m_device] {
        auto r = std::make_shared<Loaded>();
        r->model = Model::load(path, &r->error, device);
        return r;
    }));
}

void AnalysisPanel::onModelLoaded()
{
    m_loading = false;
    const std::shared_ptr<Loaded> r = m_loader.result();
    if (!r || !r->model) {
        showModelProblem(tr("<b>The model could not be loaded</b>: %1. Analysis is disabled.").arg((r ? r->error : QString()).toHtmlEscaped()));
        updateActions();
        Q_EMIT modelReady(false);
        return;
    }
    m_model = r->model;
    // Tracks are scored the model's own way (cerutti2021 votes by slice), as `spectag analyze` does.
    const Aggregation aggregation = defaultAggregation(m_model->spec());
    m_cache = std::make_shared<CatalogAnalysisCache>(m_catalog, m_model->spec(), CatalogAnalysisCache::describe(*m_model, m_modelPath),
                                                     aggregation);
    // The library shows the active model's predictions: this one's, from now on.
    // (Shown under the model line: the catalog cannot keep this model's results.)
    const bool refused = m_catalog->isOpen() && !m_cache->activate();
    AnalysisQueue::Options options;
    options.aggregation = aggregation;
    // One core stays free for the interface (and playback) while a library is analysed.
    options.decodeThreads = m_decodeThreads > 0 ? m_decodeThreads : std::max(1, QThread::idealThreadCount() - 1);
    options.background = true;  // the interface first: analysis takes what the GUI thread leaves
    m_queue = std::make_unique<AnalysisQueue>(m_model, options);
    m_queue->setCache(m_cache);
    connect(m_queue.get(), &AnalysisQueue::trackFinished, this, &AnalysisPanel::onTrackFinished);
    connect(m_queue.get(), &AnalysisQueue::progress, this, &AnalysisPanel::onProgress);
    connect(m_queue.get(), &AnalysisQueue::idle, this, &AnalysisPanel::onIdle);
    QStringList heads;
    for (const HeadSpec &h : m_model->spec().heads)
        heads << QStringLiteral("%1 (%2)").arg(h.name).arg(h.labels.size());
    const QString line = tr("Model: %1 \u2014 %2, version %3; heads: %4")
                             .arg(QFileInfo(m_modelPath).completeBaseName(), m_model->spec().architecture, m_model->versionHash(),
                                  heads.join(QStringLiteral(", ")));
    showModelLine(line, line + QLatin1Char('\n') + QDir::toNativeSeparators(m_modelPath));
    if (refused)
        showModelProblem(tr("The catalog refused the model: %1").arg(m_cache->lastError().toHtmlEscaped()));
    m_deviceLabel->setText(tr("Device: %1").arg(deviceName()));
    updateActions();
    Q_EMIT modelReady(true);
}

QString AnalysisPanel::deviceName() const
{
    if (!m_model)
        return {};
    const QString name = m_model->deviceName();
    if (name.startsWith(QLatin1String("cuda")))
        return tr("GPU (%1)").arg(name);
    return name == QLatin1String("cpu") ? tr("CPU") : tr("CPU %1").arg(name.mid(4));
}

const ModelSpec *AnalysisPanel::modelSpec() const
{
    return m_model ? &m_model->spec() : nullptr;
}

void AnalysisPanel::showModelLine(const QString &text, const QString &toolTip)
{
    m_modelLabel->setFullText(text, toolTip);
    m_modelLabel->show();
    m_modelProblem->clear();
    m_modelProblem->hide();
}

void AnalysisPanel::showModelProblem(const QString &richText)
{
    m_modelProblem->setText(richText);
    m_modelProblem->show();
    // The problem says which model; a line that still reads "Loading…" would contradict it.
    if (!m_model)
        m_modelLabel->hide();
}

QString AnalysisPanel::modelText() const
{
    return m_modelProblem->text().isEmpty() ? m_modelLabel->fullText() : m_modelProblem->text();
}

QString AnalysisPanel::statusText() const
{
    return m_status->text();
}

int AnalysisPanel::analyse(const QStringList &paths, int priority)
{
    if (!m_queue)
        return 0;
    QStringList fresh;
    fresh.reserve(paths.size());
    m_queued.reserve(m_queued.size() + paths.size());  // one allocation, not a rehash per doubling
    for (const QString &p : paths) {
        if (p.isEmpty())
            continue;
        if (m_queued.contains(p)) {
            if (priority > 0)
                m_queue->setPriority(p, priority);
            continue;
        }
        m_queued.insert(p);
        fresh << p;
    }
    if (fresh.isEmpty())
        return 0;
    if (m_queue->isIdle()) {
        m_done = m_fromCache = m_failed = 0;
        m_cancelled = false;
    }
    m_queue->enqueue(fresh, priority);
    m_status->setText(isPaused() ? tr("Paused: %n track(s) waiting", nullptr, int(m_queued.size()))
                                 : tr("Queued %n track(s)\u2026", nullptr, int(m_queued.size())));
    m_bar->setRange(0, m_done + int(m_queued.size()));
    m_bar->setValue(m_done);
    m_bar->setTextVisible(true);
    updateActions();
    return int(fresh.size());
}

int AnalysisPanel::analyseSelected()
{
    return m_selection ? analyse(m_selection(), kSelectedPriority) : 0;
}

int AnalysisPanel::analyseUnanalysed()
{
    return m_cache ? analyse(m_cache->unanalysedPaths()) : 0;
}

void AnalysisPanel::prioritise(const QStringList &paths)
{
    if (!m_queue)
        return;
    for (const QString &p : paths)
        if (m_queued.contains(p))
            m_queue->setPriority(p, kSelectedPriority);
}

void AnalysisPanel::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);  // re-enters through toggled()
    if (!m_queue)
        return;
    if (paused == m_queue->isPaused())
        return;
    if (paused)
        m_queue->pause();
    else
        m_queue->resume();
    m_pause->setText(paused ? tr("&Resume Analysis") : tr("&Pause Analysis"));
    m_pause->setIcon(QIcon(paused ? QStringLiteral(":/icons/play.svg") : QStringLiteral(":/icons/pause.svg")));
    if (isBusy())
        m_status->setText(paused ? tr("Paused: %1 of %2 done").arg(m_done).arg(m_done + int(m_queued.size()))
                                 : tr("Resuming\u2026"));
}

bool AnalysisPanel::isPaused() const
{
    return m_queue && m_queue->isPaused();
}

void AnalysisPanel::cancel()
{
    if (!m_queue || !isBusy())
        return;
    m_queue->cancel();
    m_cancelled = true;
    const int dropped = int(m_queued.size());
    m_queued.clear();
    m_status->setText(tr("Cancelled: %1 analysed, %n not analysed", nullptr, dropped).arg(m_done));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    updateActions();
}

void AnalysisPanel::onTrackFinished(const TrackResult &result)
{
    m_queued.remove(result.path);
    ++m_done;
    if (result.fromCache)
        ++m_fromCache;
    if (!result.ok())
        ++m_failed;
    Q_EMIT trackAnalysed(result.path, result.ok());
}

void AnalysisPanel::onProgress(const AnalysisProgress &p)
{
    if (!isBusy())
        return;  // a cancel's final report
    m_bar->setRange(0, std::max(1, p.total));
    m_bar->setValue(p.done);
    QString text = tr("%1 of %2 tracks").arg(p.done).arg(p.total);
    if (p.failed > 0)
        text += tr(", %n failed", nullptr, p.failed);
    if (p.etaSeconds >= 0 && p.done < p.total)
        text += tr(" \u2014 about %1 left").arg(formatClock(p.etaSeconds));
    if (isPaused())
        text += tr(" (paused)");
    m_status->setText(text);
    m_status->setToolTip(QDir::toNativeSeparators(p.lastPath));
}

void AnalysisPanel::onIdle()
{
    if (!m_queued.isEmpty())
        return;  // work enqueued since
    m_catalog->flushNotifications();  // the views show the whole run when idle() goes out
    if (m_cancelled) {  // the cancel's own idle: keep saying what was cancelled
        updateActions();
        Q_EMIT idle();
        return;
    }
    m_bar->setRange(0, std::max(1, m_done));
    m_bar->setValue(m_done);
    QString text = tr("Done: %n track(s)", nullptr, m_done);
    if (m_fromCache > 0)
        text += tr(", %1 already in the catalog").arg(m_fromCache);
    if (m_failed > 0)
        text += tr(", %1 could not be analysed").arg(m_failed);
    m_status->setText(text);
    updateActions();
    Q_EMIT idle();
}

void AnalysisPanel::updateActions()
{
    const bool ready = m_queue != nullptr;
    m_analyseSelected->setEnabled(ready);
    m_analyseAll->setEnabled(ready);
    m_pause->setEnabled(ready);
    m_cancel->setEnabled(ready && isBusy());
}

} // namespace spectag::ui
