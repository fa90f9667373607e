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
// grouped by artist. With `genresFromAllMusic`, also head "genre" (Emotify's four classes) for the
// clips whose `allmusic_genres` name exactly one of them: "Classical" or "Electronic". AllMusic's
// "Pop/Rock" is both rock and pop, so clips that carry it get no genre. These genres are
// borrowed from another source's words, so they train but are not scored (HeadTarget::scored).
Dataset import4Q(const QString &metadataCsv, const LoadOptions &options = {}, bool genresFromAllMusic = false);
// The Emotify genre index that AllMusic's `;`-separated genre words name unambiguously, or -1.
int emotifyGenreFromAllMusic(const QString &words);

} // namespace spectag::training
