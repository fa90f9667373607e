#include "tagwritedialog.h"

#include "tags/tagjournal.h"
#include "util/workerpool.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace spectag::ui {

namespace {

enum Column { FileColumn, FieldColumn, OldColumn, NewColumn };

QString shown(const QStringList &values)
{
    return values.isEmpty() ? TagWriteDialog::tr("(none)") : values.join(QLatin1String("; "));
}

QString fieldTitle(TagField field)
{
    switch (field) {
    case TagField::Mood: return TagWriteDialog::tr("Mood");
    case TagField::Genre: return TagWriteDialog::tr("Genre");
    case TagField::MoodScores: return TagWriteDialog::tr("Mood scores");
    case TagField::GenreScores: return TagWriteDialog::tr("Genre scores");
    }
    return {};
}

// The same request tag --predicted builds: a field the model is not confident about is left as
// it is, never removed.
TagValueMap suggestedValues(const ModelSpec &spec, const PredictedTrack &track, const TagSuggestionOptions &options)
{
    return toTagValues(suggestTags(spec, track.heads, options));
}

} // namespace

QString outcomeSummary(const BatchOutcome &o)
{
    QString text = QCoreApplication::translate("spectag::ui::TagWriteDialog", "%1 written, %2 unchanged, %3 failed")
                       .arg(o.written).arg(o.unchanged).arg(o.failed);
    if (o.cancelled)
        text += QCoreApplication::translate("spectag::ui::TagWriteDialog", " (cancelled)");
    if (!o.error.isEmpty())
        text += QStringLiteral(": ") + o.error;
    return text;
}

BatchOutcome undoLastTagWrite(const QString &journalPath)
{
    TagJournal journal(journalPath);
    if (!journal.open()) {
        BatchOutcome o;
        o.error = journal.error();
        return o;
    }
    return undoTagBatch(journal, 0);
}

TagWriteDialog::TagWriteDialog(const QString &journalPath, const ModelSpec &spec, std::vector<PredictedTrack> tracks,
                               QWidget *parent)
    : QDialog(parent)
    , m_journalPath(journalPath)
    , m_spec(spec)
    , m_tracks(std::move(tracks))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    setWindowTitle(tr("Write Tags"));
    setObjectName(QStringLiteral("tagWriteDialog"));
    resize(820, 520);

    m_minConfidence = new QDoubleSpinBox(this);
    m_minConfidence->setObjectName(QStringLiteral("minConfidence"));
    m_minConfidence->setRange(0.0, 1.0);
    m_minConfidence->setSingleStep(0.05);
    m_minConfidence->setDecimals(2);
    m_minConfidence->setValue(TagSuggestionOptions().minConfidence);
    m_minConfidence->setToolTip(tr("A genre or mood is written only when the model is at least this confident"));
    m_vocabulary = new QComboBox(this);
    m_vocabulary->setObjectName(QStringLiteral("vocabulary"));
    m_vocabulary->addItem(tr("Everyday words (happy, angry, sad, relaxed)"), int(MoodVocabulary::Everyday));
    m_vocabulary->addItem(tr("GEMS emotions"), int(MoodVocabulary::Gems));
    m_vocabulary->addItem(tr("Both"), int(MoodVocabulary::Both));

    auto *form = new QFormLayout;
    form->addRow(tr("Minimum &confidence:"), m_minConfidence);
    form->addRow(tr("Mood &words:"), m_vocabulary);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("changes"));
    m_tree->setHeaderLabels({tr("File"), tr("Field"), tr("Old"), tr("New")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(FileColumn, 220);
    m_tree->header()->resizeSection(FieldColumn, 110);
    m_tree->header()->resizeSection(OldColumn, 220);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("summary"));
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0);  // the core calls report no steps: a busy indicator
    m_bar->setTextVisible(false);
    m_bar->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_write = m_buttons->addButton(tr("&Write"), QDialogButtonBox::AcceptRole);
    m_write->setObjectName(QStringLiteral("write"));
    m_write->setEnabled(false);
    connect(m_write, &QPushButton::clicked, this, &TagWriteDialog::write);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TagWriteDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_buttons);

    connect(m_minConfidence, &QDoubleSpinBox::valueChanged, this, &TagWriteDialog::replan);
    connect(m_vocabulary, &QComboBox::currentIndexChanged, this, &TagWriteDialog::replan);
    connect(&m_planner, &QFutureWatcherBase::finished, this, &TagWriteDialog::onPlanned);
    connect(&m_writer, &QFutureWatcherBase::finished, this, &TagWriteDialog::onWritten);
    replan();
}

TagWriteDialog::~TagWriteDialog()
{
    *m_cancel = true;
    m_planner.waitForFinished();
    m_writer.waitForFinished();
}

void TagWriteDialog::setMinConfidence(double value)
{
    m_minConfidence->setValue(value);
}

void TagWriteDialog::setVocabulary(MoodVocabulary vocabulary)
{
    m_vocabulary->setCurrentIndex(m_vocabulary->findData(int(vocabulary)));
}

TagSuggestionOptions TagWriteDialog::suggestionOptions() const
{
    TagSuggestionOptions o;
    o.minConfidence = m_minConfidence->value();
    o.vocabulary = MoodVocabulary(m_vocabulary->currentData().toInt());
    o.scores = m_writeScores;
    return o;
}

void TagWriteDialog::setWriteScores(bool scores)
{
    if (m_writeScores == scores)
        return;
    m_writeScores = scores;
    replan();
}

void TagWriteDialog::setWriteOptions(const TagWriteOptions &options)
{
    m_writeOptions = options;
    replan();
}

QString TagWriteDialog::summaryText() const
{
    return m_status->text();
}

void TagWriteDialog::setBusy(bool busy, const QString &what)
{
    m_bar->setVisible(busy);
    if (busy)
        m_status->setText(what);
    m_write->setEnabled(!busy && !m_written
                        && std::any_of(m_plans.begin(), m_plans.end(), [](const FilePlan &p) { return p.hasChanges(); }));
    m_minConfidence->setEnabled(!m_written && !m_writer.isRunning());
    m_vocabulary->setEnabled(!m_written && !m_writer.isRunning());
}

void TagWriteDialog::replan()
{
    if (m_written)
        return;
    if (m_planner.isRunning()) {
        // The running plan is for old options: it is dropped, and this one starts after it.
        m_replanPending = true;
        *m_cancel = true;
        return;
    }
    m_replanPending = false;
    *m_cancel = false;
    setBusy(true, tr("Reading the tags of %n file(s)\u2026", nullptr, int(m_tracks.size())));
    m_plans.clear();
    m_tree->clear();
    m_write->setEnabled(false);
    m_planner.setFuture(spectag::runInBackground([spec = m_spec, tracks = m_tracks, options = suggestionOptions(), writeOptions = m_writeOptions, cancel = m_cancel] {
        std::vector<TagChangeRequest> requests;
        QStringList leftAlone;
        for (const PredictedTrack &t : tracks) {
            const TagValueMap values = suggestedValues(spec, t, options);
            if (values.isEmpty())
                leftAlone.append(t.path);
            else
                requests.push_back({t.path, values});
        }
        return std::make_pair(planTagWrites(requests, writeOptions, cancel.get()), leftAlone);
    }));
}

void TagWriteDialog::onPlanned()
{
    if (m_replanPending) {
        replan();
        return;
    }
    const bool cancelled = *m_cancel;
    auto result = m_planner.result();
    m_plans = std::move(result.first);
    m_leftAlone = result.second;
    if (cancelled)
        m_plans.clear();  // a partial plan is not what the user asked to write
    showPlans();
    setBusy(false, {});
    int changed = 0, failed = 0;
    for (const FilePlan &p : m_plans) {
        changed += p.hasChanges() ? 1 : 0;
        failed += p.error.isEmpty() ? 0 : 1;
    }
    m_status->setText(cancelled ? tr("Cancelled.")
                                : tr("%n file(s) will change", nullptr, changed)
                                      + (failed ? tr("; %n file(s) cannot be written", nullptr, failed) : QString()));
    Q_EMIT planned();
}

void TagWriteDialog::showPlans()
{
    m_tree->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (const FilePlan &plan : m_plans) {
        auto *file = new QTreeWidgetItem(m_tree);
        file->setText(FileColumn, QFileInfo(plan.path).fileName());
        file->setToolTip(FileColumn, plan.path);
        file->setData(FileColumn, Qt::UserRole, plan.path);
        if (!plan.error.isEmpty()) {
            file->setIcon(FileColumn, error);
            file->setText(OldColumn, plan.error);
            continue;
        }
        for (auto it = plan.newValues.cbegin(); it != plan.newValues.cend(); ++it) {
            const QStringList old = plan.oldValues.value(it.key());
            auto *row = new QTreeWidgetItem(file);
            row->setText(FieldColumn, fieldTitle(it.key()));
            row->setData(FieldColumn, Qt::UserRole, tagFieldName(it.key()));
            row->setText(OldColumn, shown(old));
            row->setText(NewColumn, old == it.value() ? tr("(unchanged)") : shown(it.value()));
            row->setToolTip(NewColumn, shown(it.value()));
            if (old == it.value())
                row->setDisabled(true);  // greyed: shown so the user sees why nothing happens
        }
        for (const QString &w : plan.warnings) {
            auto *row = new QTreeWidgetItem(file);
            row->setIcon(FieldColumn, warning);
            row->setText(FieldColumn, tr("Warning"));
            row->setData(FieldColumn, Qt::UserRole, QStringLiteral("warning"));
            row->setText(OldColumn, w);
            row->setToolTip(OldColumn, w);
        }
        if (!plan.warnings.isEmpty())
            file->setIcon(FileColumn, warning);
    }
    for (const QString &path : m_leftAlone) {
        auto *file = new QTreeWidgetItem(m_tree);
        file->setText(FileColumn, QFileInfo(path).fileName());
        file->setToolTip(FileColumn, path);
        file->setData(FileColumn, Qt::UserRole, path);
        file->setText(OldColumn, tr("Nothing above the minimum confidence: left as it is"));
        file->setDisabled(true);
    }
    m_tree->expandAll();
}

void TagWriteDialog::write()
{
    if (isBusy() || m_written || m_plans.empty())
        return;
    *m_cancel = false;
    setBusy(true, tr("Writing tags\u2026"));
    m_write->setEnabled(false);
    m_minConfidence->setEnabled(false);
    m_vocabulary->setEnabled(false);
    const QString description = tr("Write Tags (%n file(s))", nullptr, int(m_plans.size()));
    m_bar->setRange(0, int(m_plans.size()));
    m_bar->setValue(0);
    // Per-file progress arrives on the writing thread; queued to this dialog, which outlives the
    // worker (the destructor cancels and waits).
    const BatchProgress progress = [this](int done, int total, const QString &file) {
        QMetaObject::invokeMethod(this, [this, done, total, file] {
            m_bar->setRange(0, total);
            m_bar->setValue(done);
            m_bar->setFormat(QStringLiteral("%v / %m"));
            if (!file.isEmpty())
                m_status->setText(tr("Writing %1 (%2 of %3)\u2026").arg(QFileInfo(file).fileName()).arg(done + 1).arg(total));
        }, Qt::QueuedConnection);
    };
    m_writer.setFuture(spectag::runInBackground([path = m_journalPath, plans = m_plans, description, writeOptions = m_writeOptions, cancel = m_cancel, progress] {
        // The journal's database connection belongs to the thread that opens it.
        TagJournal journal(path);
        if (!journal.open()) {
            BatchOutcome o;
            o.error = journal.error();
            return o;
        }
        return applyTagWrites(journal, plans, description, writeOptions, cancel.get(), 0, progress);
    }));
}

void TagWriteDialog::onWritten()
{
    m_outcome = m_writer.result();
    m_written = true;
    setBusy(false, {});
    QString text = outcomeSummary(m_outcome);
    for (const FileOutcome &f : m_outcome.files) {
        if (f.status == QLatin1String("failed"))
            text += QLatin1Char('\n') + QFileInfo(f.path).fileName() + QStringLiteral(": ") + f.error;
    }
    m_status->setText(text);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Close"));
    Q_EMIT writeFinished(m_outcome.written, m_outcome.failed);
}

void TagWriteDialog::reject()
{
    if (isBusy()) {
        *m_cancel = true;  // planning stops at once, writing before the next file
        m_status->setText(tr("Cancelling\u2026"));
        return;
    }
    QDialog::reject();
}

} // namespace spectag::ui
