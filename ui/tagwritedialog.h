#pragma once

#include "inference/tagsuggestion.h"
#include "model/modelspec.h"
#include "tags/tagbatch.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace spectag::ui {

// One selected track and its stored whole-track scores, one vector per spec head (label order).
struct PredictedTrack {
    QString path;
    std::vector<std::vector<float>> heads;
};

// The "Write Tags…" dialog: what the model's predictions would write (old -> new per file and
// field, with the format's warnings about lossy cases), re-planned when the minimum confidence or
// the mood vocabulary changes, then written as one journaled, undoable batch. Planning reads every
// file and writing rewrites them, so both run on QtConcurrent threads; the GUI thread only shows.
class TagWriteDialog : public QDialog {
    Q_OBJECT
public:
    // journalPath: the catalog database that holds the undo journal.
    TagWriteDialog(const QString &journalPath, const ModelSpec &spec, std::vector<PredictedTrack> tracks,
                   QWidget *parent = nullptr);
    ~TagWriteDialog() override;  // cancels and waits for a running plan or write

    void setMinConfidence(double value);
    void setVocabulary(MoodVocabulary vocabulary);
    // The Settings dialog's policy: score fields on or off, ID3v2 version for MP3s.
    void setWriteScores(bool scores);
    void setWriteOptions(const TagWriteOptions &options);
    TagWriteOptions writeOptions() const { return m_writeOptions; }
    TagSuggestionOptions suggestionOptions() const;

    bool isBusy() const { return m_planner.isRunning() || m_writer.isRunning(); }
    const std::vector<FilePlan> &plans() const { return m_plans; }
    const BatchOutcome &outcome() const { return m_outcome; }
    QTreeWidget *changesView() const { return m_tree; }
    QPushButton *writeButton() const { return m_write; }
    QProgressBar *progressBar() const { return m_bar; }
    QString summaryText() const;

    // Writes the current plan (what the Write button does).
    void write();

Q_SIGNALS:
    void planned();                          // the preview shows the current options' plan
    void writeFinished(int written, int failed);  // the write batch is done (or was cancelled)

public Q_SLOTS:
    void reject() override;  // while busy: cancels the work instead of closing

private:
    void replan();
    void onPlanned();
    void onWritten();
    void showPlans();
    void setBusy(bool busy, const QString &what);

    QString m_journalPath;
    ModelSpec m_spec;
    std::vector<PredictedTrack> m_tracks;
    std::vector<FilePlan> m_plans;
    BatchOutcome m_outcome;
    QStringList m_leftAlone;  // tracks with nothing confident enough to write
    bool m_replanPending = false;
    bool m_writeScores = true;
    TagWriteOptions m_writeOptions;
    bool m_written = false;
    // Owned by a shared pointer: a worker still reading it outlives nothing it points to.
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<std::pair<std::vector<FilePlan>, QStringList>> m_planner;
    QFutureWatcher<BatchOutcome> m_writer;

    QDoubleSpinBox *m_minConfidence;
    QComboBox *m_vocabulary;
    QTreeWidget *m_tree;
    QLabel *m_status;
    QProgressBar *m_bar;
    QDialogButtonBox *m_buttons;
    QPushButton *m_write;
};

// Restores the last undoable tag-write batch of the journal in `journalPath` (blocking: run it
// off the GUI thread).
BatchOutcome undoLastTagWrite(const QString &journalPath);

// A one-line "2 written, 0 unchanged, 1 failed" for a batch outcome.
QString outcomeSummary(const BatchOutcome &outcome);

} // namespace spectag::ui
