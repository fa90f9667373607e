#pragma once

#include "training/dataset.h"

namespace spectag::training {

// Importers for the labelled sets in /work/shared/data (see their README.md).

// Emotify: annotations.csv has one row per listener and track. Per track: head "genre"
// (single: classical, rock, electronic, pop, in the dataset's id order) and head "gems"
// (multi: the nine GEMS emotions in the file's column order) whose soft target is the share
// of the track's listeners who ticked the emotion; positive when share >= threshold.
// Items are grouped by track (the set names no artists).
Dataset importEmotify(const QString &annotationsCsv, double threshold = 0.3, const LoadOptions &options = {});
QStringList emotifyGenres();
QStringList gemsEmotions();

// 4Q (Panda et al.): metadata.csv, one row per clip. Head "quadrant" (single: Q1..Q4),
// grouped by artist.
Dataset import4Q(const QString &metadataCsv, const LoadOptions &options = {});

} // namespace spectag::training
