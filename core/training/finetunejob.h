#pragma once

#include "training/dataset.h"
#include "training/trainer.h"

#include <QFuture>
#include <QJsonObject>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

namespace spectag {

class Catalog;

struct FineTuneSettings {
    QString baseModel;             // model file to start from
    QString outPath;               // where the new model is written (the caller owns the folder)
    QString cacheDir;              // feature cache folder
    int epochs = 10;
    double learningRate = 1e-3;
    bool freezeBackbone = true;    // train the heads only: fast, and safe with a few dozen labels
    double heldOutShare = 0.2;     // annotations kept aside for the before/after comparison
    int batchSize = 16;
    int cropsPerExample = 4;
    quint64 seed = 42;
    int threads = 0;               // 0: all cores
};

struct FineTuneOutcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    QString modelPath;             // the new model file (outPath) when ok
    QString versionHash;
    int trainItems = 0, heldOutItems = 0;
    QJsonObject before, after;     // per head: the metric JSON of trainingdata::evaluate on the held-out items
    QJsonArray curves;             // one object per epoch (TrainResult::curves)
};

// Fine-tuning on the catalog's human annotations, off the GUI thread: the engine behind the
// fine-tuning dialog. start() reads the annotations into the base model's heads, keeps a grouped
// held-out share aside, measures the base model on it, fine-tunes, measures the new model, and
// reports through signals (emitted from the worker thread: connect with the default connection
// and receivers in the GUI thread get them queued). Nothing touches the catalog until
// activate(); discard() deletes the new file.
class FineTuneJob : public QObject {
    Q_OBJECT
public:
    explicit FineTuneJob(Catalog *catalog, QObject *parent = nullptr);
    ~FineTuneJob() override;  // cancels and waits

    // The annotations in this base model's heads, for the dataset summary: cheap enough for the GUI
    // thread (files are not opened; start() checks them).
    training::Dataset dataset(const QString &baseModel, QString *error) const;

    bool start(const FineTuneSettings &settings);
    void cancel();
    bool isRunning() const;
    void wait();
    FineTuneOutcome outcome() const;

    // Records the new model in the catalog and makes it the active one; 0 with *error on failure.
    qint64 activate(QString *error);
    // Deletes the new model file (nothing was recorded).
    void discard();

Q_SIGNALS:
    void stageChanged(const QString &text);
    void batchProgress(int epoch, int batch, int batches, double loss);
    void epochFinished(int epoch, double trainLoss, double validationLoss, const QJsonObject &validation);
    void finished(bool ok);

private:
    FineTuneOutcome run(FineTuneSettings settings);

    Catalog *m_catalog;
    std::atomic_bool m_cancel{false};
    QFuture<void> m_future;
    mutable QMutex m_mutex;  // guards m_outcome: written by the worker, read by the GUI
    FineTuneOutcome m_outcome;
};

} // namespace spectag
