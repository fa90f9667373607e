#pragma once

#include "catalog/records.h"
#include "model/modelspec.h"

#include <QList>
#include <QString>

#include <vector>

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// The numbers behind the Library Charts dock, kept apart from the charts (QtCore only) so tests
// can check them exactly.

struct LabelCount {
    QString label;
    int predicted = 0;  // analysed tracks whose top label of the head is this one
    int human = 0;      // tracks a person marked with this label (whole-track annotation, value 1)
};

struct HeadCounts {
    QString head;
    bool multiLabel = false;
    QList<LabelCount> labels;  // the model's label order, then labels only people used
};

// Per label: of the tracks a person annotated with it (applies or does not) that the model also
// analysed, how many the model's decision agrees with. The decision is score >= threshold for a
// multi-label head (the head's threshold when the network is known, else 0.5) and "is the top
// label" (reaching min_share when known) for a single-label head.
struct LabelAgreement {
    QString head;
    QString label;
    int n = 0;
    int agreed = 0;
    double share() const { return n > 0 ? double(agreed) / n : 0.0; }
};

struct LibraryStats {
    qint64 modelId = 0;         // 0: no active model
    QString modelName;
    int analysedTracks = 0;     // tracks with a prediction of the model
    int annotatedTracks = 0;    // tracks with at least one whole-track human annotation
    QList<HeadCounts> heads;    // the model's heads, then heads only people used
    QList<LabelAgreement> agreement;  // heads and labels in the order of `heads`; n > 0 only

    const HeadCounts *head(const QString &name) const;
    const LabelAgreement *agreementOf(const QString &head, const QString &label) const;
};

// `human`: effective human annotations (segment annotations are left out: the charts are about
// whole tracks). `specs`: the network's heads when it is loaded (kinds, label order, thresholds);
// a head it does not describe is taken as single-label when every prediction's scores of it sum
// to 1 (a softmax), else as multi-label.
LibraryStats computeLibraryStats(const ModelRecord &model, const QList<PredictionRecord> &predictions,
                                 const QList<Annotation> &human, const std::vector<HeadSpec> &specs = {});

// The same for the catalog's active model (any thread: the catalog keeps one connection per thread).
LibraryStats loadLibraryStats(const Catalog &catalog, const std::vector<HeadSpec> &specs = {});

} // namespace spectag::ui
