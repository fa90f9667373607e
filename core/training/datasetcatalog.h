#pragma once

#include "training/dataset.h"

#include <QDateTime>

namespace spectag {
class Catalog;
}

namespace spectag::training {

struct CatalogDatasetOptions {
    // The heads and label orders to fill, normally the base model's (so a fine-tuned model keeps
    // its outputs). Empty: the heads are discovered from the annotations, labels sorted; a head is
    // single-label when no item has more than one label of it applying, else multi-label.
    DatasetSpec spec;
    bool includeSegments = true;   // region annotations become segment items
    QString annotator;             // only this annotator's rows (empty: everyone's)
    LoadOptions load;              // file checks, as for manifests
};

// The catalog's human annotations as a training set (`spectag train --from-catalog`, and the
// fine-tuning dialog). Annotations are a history; the newest row per (track, segment, head,
// label) counts. One item per annotated track (and per annotated segment); per head:
//  - multi-label: present when the annotator said anything about the head; labels marked as
//    applying are 1, every other label 0 (an annotator's answer is the whole set: toggling moods
//    on a track is saying which apply);
//  - single-label: present when a class was marked as applying (the newest such row wins); a
//    head with only rejections stays masked, since "not rock" names no class.
// Labels outside the spec's label list, missing tracks and unreadable files become issues and
// are left out. Items are grouped by artist when the track's tag names one, else by track, so
// a segment and its whole track never land on both sides of a split.
Dataset loadCatalogAnnotations(const Catalog &catalog, const CatalogDatasetOptions &options = {});

} // namespace spectag::training
