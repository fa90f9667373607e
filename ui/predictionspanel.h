#pragma once

#include "predictiontypes.h"

#include "catalog/records.h"

#include <QHash>
#include <QWidget>

#include <optional>

namespace spectag::ui {

// Whole-track probabilities per head: one horizontal bar per label, sorted by probability,
// with the label's decision threshold marked as a tick; labels at or above their threshold are
// drawn in the highlight colour (they are the tags that would be written).
//
// Annotation: the panel also shows the human labels of the track (setAnnotations) as a check or
// cross beside the bar and an outline around it in the same colour, while the model's bar stays
// as it is. Clicking a label asks for a correction (annotationsRequested); the panel never writes:
// whoever owns the catalog writes the rows and hands the new state back through setAnnotations.
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

    // Whole-track human annotations of the shown track (newest per head and label; segment rows
    // are left out here, the waveform shows those).
    void setAnnotations(const QList<Annotation> &annotations);
    std::optional<Annotation> humanAnnotation(const QString &head, const QString &label) const;
    bool modelDecision(const QString &head, const QString &label) const;
    // What counts: the human's word where there is one, else the model's decision.
    bool isOn(const QString &head, const QString &label) const;
    // The rows a click on the label asks for (multi-label: the opposite of isOn; single-label: this
    // class 1, the head's others 0; empty when the click changes nothing), and what Accept asks
    // for (multi-label: at/above the threshold 1, else 0; single-label: the top class).
    // trackId, annotator and time are left for the writer to fill in.
    QList<Annotation> toggleRequest(const QString &head, const QString &label) const;
    QList<Annotation> acceptRequest() const;
    static QColor humanColor(bool applies);

    // Keyboard annotation: the head whose labels the number keys toggle (named "mood", else the
    // first multi-label head) and those labels, 1 to 9 in the head's own order.
    QString keyHead() const;
    QStringList keyLabels() const;
    void setShowKeys(bool show);
    bool showsKeys() const { return m_showKeys; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void toggleLabel(const QString &head, const QString &label);
    void acceptPredictions();

Q_SIGNALS:
    void annotationsRequested(const QList<spectag::Annotation> &annotations);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;  // tool tips

private:
    struct Row { int head; int label; bool isHeader; };
    QList<Row> layoutRows() const;
    int labelWidth() const;
    std::optional<int> rowOf(const QString &head, const QString &label) const;
    std::optional<Row> rowAt(const QPointF &pos) const;
    const HeadPrediction *headOf(const QString &head) const;
    QString rowToolTip(const Row &row) const;

    QList<HeadPrediction> m_heads;
    QString m_placeholder;
    QHash<QString, Annotation> m_human;  // "head\nlabel" -> newest whole-track human row
    bool m_showKeys = false;
};

} // namespace spectag::ui
