#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace spectag::ui {

// What the inference engine says about one stretch of a track, as the timeline shows it.
// A plain struct so the views need nothing from core/inference: whoever runs a model converts
// its per-segment scores into these (typically the top label per head per segment).
struct SegmentPrediction {
    double start = 0;        // seconds
    double end = 0;
    QString head;            // "mood", "genre", ...: one timeline row per head
    QString label;
    double probability = 0;  // 0..1, shown as the block's opacity
};

// One head's whole-track verdict for the predictions panel.
struct HeadPrediction {
    QString head;
    QStringList labels;
    QList<double> probabilities;  // same length as labels
    QList<double> thresholds;     // same length, or empty for 0.5 each
    bool singleLabel = false;     // one choice among the labels (softmax), else each label on its own
};

} // namespace spectag::ui
