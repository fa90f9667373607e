#include "finetunedialog.h"

#include "catalog/catalog.h"
#include "training/finetunejob.h"
#include "util/paths.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace spectag::ui {

namespace {

// The figures the before/after table shows, per head kind, in this order.
const char *const kSingleMetrics[] = {"accuracy", "macro_f1", "macro_auc"};
const char *const kMultiMetrics[] = {"macro_f1", "micro_f1", "hamming_loss", "macro_auc", "macro_ap", "one_error"};

QString figure(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'f', 3) : QStringLiteral("\u2013");
}

} // namespace

FineTuneDialog::FineTuneDialog(Catalog *catalog, const QString &baseModel, const QString &modelsDir, QWidget *parent)
    : QDialog(parent), m_catalog(catalog), m_job(new FineTuneJob(catalog, this)), m_modelsDir(modelsDir)
{
    setWindowTitle(tr("Fine-Tune Model"));
    setObjectName(QStringLiteral("fineTuneDialog"));
    setModal(false);  // the library stays usable while it trains

    m_modelLabel = new QLabel(this);
    m_modelLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *chooseModel = new QPushButton(tr("Choose\u2026"), this);
    connect(chooseModel, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Base Model"), QFileInfo(m_baseModel).absolutePath(),
                                                       tr("Spectag models (*.stm)"));
        if (!f.isEmpty())
            setBaseModel(f);
    });
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_modelLabel, 1);
    modelRow->addWidget(chooseModel);

    m_summary = new QTreeWidget(this);
    m_summary->setHeaderLabels({tr("Label"), tr("Annotated tracks")});
    m_summary->setRootIsDecorated(true);
    m_summary->setMinimumHeight(120);

    m_heldOut = new QSpinBox(this);
    m_heldOut->setRange(0, 50);
    m_heldOut->setValue(20);
    m_heldOut->setSuffix(QStringLiteral(" %"));
    m_heldOut->setToolTip(tr("Annotations kept aside to compare the base and the new model (grouped by artist or track)."));
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 200);
    m_epochs->setValue(10);
    m_lr = new QDoubleSpinBox(this);
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 0.1);
    m_lr->setSingleStep(1e-4);
    m_lr->setValue(1e-3);
    m_freeze = new QCheckBox(tr("Train the output layers only (freeze the backbone)"), this);
    m_freeze->setChecked(true);
    m_freeze->setToolTip(tr("Recommended with fewer than a few hundred annotations: fast, and the model keeps what it learnt."));

    auto *form = new QFormLayout;
    form->addRow(tr("Base model:"), modelRow);
    form->addRow(tr("Annotations:"), m_summary);
    form->addRow(tr("Held out:"), m_heldOut);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Learning rate:"), m_lr);
    form->addRow(QString(), m_freeze);

    // Live curves: losses on the left axis, validation accuracy (0..1) on the right.
    m_chart = new QChart;
    m_chart->setTitle(tr("Learning curves"));
    m_trainLoss = new QLineSeries(m_chart);
    m_trainLoss->setName(tr("Training loss"));
    m_valLoss = new QLineSeries(m_chart);
    m_valLoss->setName(tr("Validation loss"));
    m_accuracy = new QLineSeries(m_chart);
    m_accuracy->setName(tr("Validation accuracy"));
    for (QLineSeries *s : {m_trainLoss, m_valLoss, m_accuracy}) {
        s->setPointsVisible(true);
        m_chart->addSeries(s);
    }
    m_epochAxis = new QValueAxis(m_chart);
    m_epochAxis->setTitleText(tr("Epoch"));
    m_epochAxis->setLabelFormat(QStringLiteral("%d"));
    m_lossAxis = new QValueAxis(m_chart);
    m_lossAxis->setTitleText(tr("Loss"));
    m_accAxis = new QValueAxis(m_chart);
    m_accAxis->setTitleText(tr("Accuracy"));
    m_accAxis->setRange(0, 1);
    m_chart->addAxis(m_epochAxis, Qt::AlignBottom);
    m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
    m_chart->addAxis(m_accAxis, Qt::AlignRight);
    for (QLineSeries *s : {m_trainLoss, m_valLoss, m_accuracy})
        s->attachAxis(m_epochAxis);
    m_trainLoss->attachAxis(m_lossAxis);
    m_valLoss->attachAxis(m_lossAxis);
    m_accuracy->attachAxis(m_accAxis);
    auto *chartView = new QChartView(m_chart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumSize(420, 260);

    m_metrics = new QTableWidget(0, 3, this);
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Base model"), tr("Fine-tuned")});
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_metrics->verticalHeader()->hide();
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion = new QTableWidget(this);
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_metrics, tr("Held-out metrics"));
    tabs->addTab(m_confusion, tr("Confusion matrix"));

    m_stage = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    m_start = new QPushButton(tr("&Start"), this);
    m_cancel = new QPushButton(tr("&Cancel Training"), this);
    m_activate = new QPushButton(tr("Save and &Activate"), this);
    m_discard = new QPushButton(tr("&Discard"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_activate, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    connect(m_start, &QPushButton::clicked, this, &FineTuneDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_job, &FineTuneJob::cancel);
    connect(m_activate, &QPushButton::clicked, this, &FineTuneDialog::activate);
    connect(m_discard, &QPushButton::clicked, this, &FineTuneDialog::discard);
    connect(close, &QPushButton::clicked, this, &FineTuneDialog::reject);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chartView);
    right->addWidget(tabs);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_job, &FineTuneJob::stageChanged, this, [this](const QString &t) { m_stage->setText(t); });
    connect(m_job, &FineTuneJob::batchProgress, this, [this](int epoch, int batch, int batches, double loss) {
        m_progress->setRange(0, m_epochs->value() * batches);
        m_progress->setValue((epoch - 1) * batches + batch);
        m_stage->setText(tr("Epoch %1 of %2, batch %3 of %4, loss %5")
                             .arg(epoch).arg(m_epochs->value()).arg(batch).arg(batches).arg(loss, 0, 'f', 4));
    });
    connect(m_job, &FineTuneJob::epochFinished, this, &FineTuneDialog::onEpoch);
    connect(m_job, &FineTuneJob::finished, this, &FineTuneDialog::onFinished);
    connect(m_catalog, &Catalog::annotationsChanged, this, [this] {
        if (!m_job->isRunning())
            refreshSummary();
    });

    setBaseModel(baseModel);
    resize(980, 640);
}

FineTuneDialog::~FineTuneDialog()
{
    m_job->cancel();
    m_job->wait();
}

QString FineTuneDialog::statusText() const
{
    return m_stage->text();
}

void FineTuneDialog::setBaseModel(const QString &path)
{
    m_baseModel = path;
    m_modelLabel->setText(QDir::toNativeSeparators(path));
    refreshSummary();
}

void FineTuneDialog::refreshSummary()
{
    QString error;
    const training::Dataset ds = m_job->dataset(m_baseModel, &error);
    m_summary->clear();
    m_items = int(ds.items.size());
    for (int h = 0; h < ds.spec.heads.size(); ++h) {
        const training::HeadSpec &head = ds.spec.heads.at(h);
        const std::vector<int> counts = ds.labelCounts(h);
        auto *top = new QTreeWidgetItem(m_summary, {head.name, QString::number(ds.indicesWithHead(h).size())});
        for (int l = 0; l < head.labels.size(); ++l)
            new QTreeWidgetItem(top, {head.labels.at(l), QString::number(size_t(l) < counts.size() ? counts[size_t(l)] : 0)});
        top->setExpanded(true);
    }
    if (!error.isEmpty())
        m_stage->setText(tr("Cannot read the base model: %1").arg(error));
    else if (m_items == 0)
        m_stage->setText(tr("No annotations yet: correct some labels in the Predictions panel first."));
    else
        m_stage->setText(tr("%n annotated track(s) or segment(s) fit the model's labels.", nullptr, m_items));
    updateButtons();
}

void FineTuneDialog::start()
{
    if (m_running || m_items == 0)
        return;
    m_job->wait();     // a cancelled run's task may still be returning
    m_job->discard();  // an earlier, unsaved result
    for (QLineSeries *s : {m_trainLoss, m_valLoss, m_accuracy})
        s->clear();
    m_maxLoss = 0;
    m_accuracyKey.clear();
    m_epochAxis->setRange(1, std::max(2, m_epochs->value()));
    m_metrics->setRowCount(0);
    m_confusion->clear();
    m_confusion->setRowCount(0);
    m_confusion->setColumnCount(0);
    QDir().mkpath(m_modelsDir);
    FineTuneSettings s;
    s.baseModel = m_baseModel;
    // Never the name of an existing model: a failed or cancelled run deletes its output file.
    const QString stem = QStringLiteral("%1-tuned-%2").arg(QFileInfo(m_baseModel).completeBaseName(),
                                                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    s.outPath = QDir(m_modelsDir).filePath(stem + QStringLiteral(".stm"));
    for (int n = 2; QFileInfo::exists(s.outPath); ++n)
        s.outPath = QDir(m_modelsDir).filePath(QStringLiteral("%1-%2.stm").arg(stem).arg(n));
    s.cacheDir = paths::featureCacheDir();
    s.epochs = m_epochs->value();
    s.learningRate = m_lr->value();
    s.freezeBackbone = m_freeze->isChecked();
    s.heldOutShare = m_heldOut->value() / 100.0;
    m_running = m_job->start(s);
    updateButtons();
}

void FineTuneDialog::onEpoch(int epoch, double trainLoss, double validationLoss, const QJsonObject &validation)
{
    m_trainLoss->append(epoch, trainLoss);
    m_valLoss->append(epoch, validationLoss);
    m_maxLoss = std::max({m_maxLoss, trainLoss, validationLoss});
    m_lossAxis->setRange(0, m_maxLoss * 1.1);
    // The first single-label head's accuracy ("genre_accuracy"), whichever head that is.
    if (m_accuracyKey.isEmpty())
        for (auto it = validation.begin(); it != validation.end(); ++it)
            if (it.key().endsWith(QLatin1String("_accuracy"))) {
                m_accuracyKey = it.key();
                m_accuracy->setName(tr("Validation accuracy (%1)").arg(m_accuracyKey.chopped(9)));
                break;
            }
    if (!m_accuracyKey.isEmpty() && validation.contains(m_accuracyKey))
        m_accuracy->append(epoch, validation.value(m_accuracyKey).toDouble());
}

void FineTuneDialog::onFinished(bool ok)
{
    // finished() is emitted from the worker just before its task returns, so the job may still say
    // "running" here: the dialog keeps its own flag.
    m_running = false;
    const FineTuneOutcome o = m_job->outcome();
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    if (ok) {
        m_stage->setText(tr("Trained on %1 item(s); %2 held out. Save and Activate to use the new model (%3).")
                             .arg(o.trainItems).arg(o.heldOutItems).arg(o.versionHash));
        showMetrics(o.before, o.after);
        showConfusion(o.after);
    } else {
        m_stage->setText(o.cancelled ? tr("Cancelled; nothing was saved.") : tr("Fine-tuning failed: %1").arg(o.error));
    }
    updateButtons();
}

void FineTuneDialog::showMetrics(const QJsonObject &before, const QJsonObject &after)
{
    m_metrics->setRowCount(0);
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QJsonObject a = it.value().toObject(), b = before.value(it.key()).toObject();
        const bool single = a.contains(QStringLiteral("accuracy"));
        const auto add = [&](const char *metric) {
            const int row = m_metrics->rowCount();
            m_metrics->insertRow(row);
            m_metrics->setItem(row, 0, new QTableWidgetItem(QStringLiteral("%1 %2").arg(it.key(), QLatin1String(metric))));
            m_metrics->setItem(row, 1, new QTableWidgetItem(figure(b.value(QLatin1String(metric)))));
            m_metrics->setItem(row, 2, new QTableWidgetItem(figure(a.value(QLatin1String(metric)))));
        };
        if (single)
            for (const char *m : kSingleMetrics)
                add(m);
        else
            for (const char *m : kMultiMetrics)
                add(m);
    }
}

void FineTuneDialog::showConfusion(const QJsonObject &after)
{
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        const QJsonArray rows = o.value(QStringLiteral("confusion")).toArray();
        if (rows.isEmpty())
            continue;
        QStringList names;
        for (const QJsonValue &c : o.value(QStringLiteral("per_class")).toArray())
            names << c.toObject().value(QStringLiteral("name")).toString();
        m_confusion->setRowCount(int(rows.size()));
        m_confusion->setColumnCount(int(rows.size()));
        m_confusion->setHorizontalHeaderLabels(names);  // predicted
        m_confusion->setVerticalHeaderLabels(names);    // annotated
        m_confusion->setToolTip(tr("%1: rows are the annotators' labels, columns the fine-tuned model's.").arg(it.key()));
        for (int r = 0; r < rows.size(); ++r) {
            const QJsonArray row = rows.at(r).toArray();
            for (int c = 0; c < row.size(); ++c) {
                auto *item = new QTableWidgetItem(QString::number(row.at(c).toInt()));
                item->setTextAlignment(Qt::AlignCenter);
                if (r == c)
                    item->setFont([&] { QFont f = item->font(); f.setBold(true); return f; }());
                m_confusion->setItem(r, c, item);
            }
        }
        return;  // the first single-label head
    }
}

void FineTuneDialog::activate()
{
    QString error;
    const FineTuneOutcome o = m_job->outcome();
    if (m_job->activate(&error) == 0) {
        QMessageBox::warning(this, windowTitle(), tr("Could not activate the new model: %1").arg(error));
        return;
    }
    m_stage->setText(tr("The new model %1 is active.").arg(o.versionHash));
    Q_EMIT modelActivated(o.modelPath);
    updateButtons();
    m_activate->setEnabled(false);
    m_discard->setEnabled(false);
}

void FineTuneDialog::discard()
{
    m_job->discard();
    m_stage->setText(tr("The fine-tuned model was discarded."));
    updateButtons();
}

void FineTuneDialog::updateButtons()
{
    const bool running = m_running;
    const FineTuneOutcome o = running ? FineTuneOutcome{} : m_job->outcome();
    m_start->setEnabled(!running && m_items > 0);
    m_cancel->setEnabled(running);
    m_activate->setEnabled(!running && o.ok);
    m_discard->setEnabled(!running && o.ok);
    for (QWidget *w : std::initializer_list<QWidget *>{m_epochs, m_lr, m_freeze, m_heldOut})
        w->setEnabled(!running);
}

void FineTuneDialog::closeEvent(QCloseEvent *event)
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->wait();
    }
    event->accept();
}

void FineTuneDialog::reject()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->wait();
    }
    QDialog::reject();
}

} // namespace spectag::ui
