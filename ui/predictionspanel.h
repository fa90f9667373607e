#pragma once

#include "predictiontypes.h"

#include <QWidget>

namespace spectag::ui {

// Whole-track probabilities per head: one horizontal bar per label, sorted by probability,
// with the label's decision threshold marked as a tick; labels at or above their threshold are
// drawn in the highlight colour (they are the tags that would be written).
class PredictionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictionsPanel(QWidget *parent = nullptr);

    void setPredictions(const QList<HeadPrediction> &heads);
    const QList<HeadPrediction> &predictions() const { return m_heads; }
    void setPlaceholder(const QString &text);

    // Geometry of a label's bar (full width = probability 1), for tests and tool tips.
    QRectF barRect(const QString &head, const QString &label) const;
    double thresholdX(const QString &head, const QString &label) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row { int head; int label; bool isHeader; };
    QList<Row> layoutRows() const;
    int labelWidth() const;
    std::optional<int> rowOf(const QString &head, const QString &label) const;

    QList<HeadPrediction> m_heads;
    QString m_placeholder;
};

} // namespace spectag::ui
