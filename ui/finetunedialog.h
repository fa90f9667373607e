#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

class QChart;
class QLineSeries;
class QValueAxis;

namespace spectag {
class Catalog;
class FineTuneJob;
}

namespace spectag::ui {

// Fine-tune the model on the annotators' corrections: what the annotations hold (counts per
// label, held-out share), the base model and a few hyperparameters, live loss and accuracy
// curves while it trains in the background (the window stays usable), the base and the new
// model measured on the same held-out annotations, the new model's confusion matrix, then Save
// and Activate (recorded in the catalog, analysis switches to it) or Discard.
class FineTuneDialog : public QDialog {
    Q_OBJECT
public:
    // `modelsDir`: where new model files are kept (created if needed).
    FineTuneDialog(Catalog *catalog, const QString &baseModel, const QString &modelsDir, QWidget *parent = nullptr);
    ~FineTuneDialog() override;

    // For tests and scripted use.
    QSpinBox *epochsBox() const { return m_epochs; }
    QDoubleSpinBox *learningRateBox() const { return m_lr; }
    QCheckBox *freezeBox() const { return m_freeze; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *activateButton() const { return m_activate; }
    QPushButton *discardButton() const { return m_discard; }
    QLineSeries *trainLossSeries() const { return m_trainLoss; }
    QLineSeries *validationLossSeries() const { return m_valLoss; }
    QLineSeries *accuracySeries() const { return m_accuracy; }
    QTableWidget *metricsTable() const { return m_metrics; }
    QTableWidget *confusionTable() const { return m_confusion; }
    QTreeWidget *summaryTree() const { return m_summary; }
    FineTuneJob *job() const { return m_job; }
    int annotatedItems() const { return m_items; }
    QString statusText() const;

    void setBaseModel(const QString &path);
    QString baseModel() const { return m_baseModel; }

Q_SIGNALS:
    // The new model is recorded in the catalog and active; the main window reloads analysis.
    void modelActivated(const QString &modelPath);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void refreshSummary();
    void start();
    void onEpoch(int epoch, double trainLoss, double validationLoss, const QJsonObject &validation);
    void onFinished(bool ok);
    void showMetrics(const QJsonObject &before, const QJsonObject &after);
    void showConfusion(const QJsonObject &after);
    void activate();
    void discard();
    void updateButtons();

    Catalog *m_catalog;
    FineTuneJob *m_job;
    QString m_baseModel, m_modelsDir;
    int m_items = 0;
    QLabel *m_modelLabel = nullptr, *m_stage = nullptr;
    QTreeWidget *m_summary = nullptr;
    QSpinBox *m_epochs = nullptr, *m_heldOut = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QCheckBox *m_freeze = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_start = nullptr, *m_cancel = nullptr, *m_activate = nullptr, *m_discard = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_trainLoss = nullptr, *m_valLoss = nullptr, *m_accuracy = nullptr;
    QValueAxis *m_epochAxis = nullptr, *m_lossAxis = nullptr, *m_accAxis = nullptr;
    QTableWidget *m_metrics = nullptr, *m_confusion = nullptr;
    bool m_running = false;
    double m_maxLoss = 0;
    QString m_accuracyKey;
};

} // namespace spectag::ui
