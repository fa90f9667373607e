#pragma once

#include "inference/tagsuggestion.h"
#include "model/model.h"
#include "tags/tagfields.h"

#include <QString>

namespace spectag::ui {

// Everything the Settings dialog sets, read from and written to QSettings in one place, so the
// keys are spelled once (the playlist panel and the annotation tools read theirs from here too).
// Library folders are not here: they live in the catalog, beside the tracks they hold.
struct AppSettings {
    // Analysis
    QString modelPath;                      // empty: the catalog's active model, else the shipped one
    Model::Device device = Model::Device::Auto;
    int analysisThreads = 0;                // decoding threads; 0: all cores but one
    // Writing tags
    double minConfidence = 0.5;
    MoodVocabulary vocabulary = MoodVocabulary::Everyday;
    bool writeScores = true;                // the namespaced score fields too
    Id3v2Version id3v2 = Id3v2Version::Keep;
    // Annotation
    QString annotator;                      // defaults to the login name
    bool dropRecordsMood = true;            // dropping into a mood playlist annotates the track

    static AppSettings load();
    void save() const;
    static QString defaultAnnotator();
    bool operator==(const AppSettings &) const = default;

    // The keys (QSettings paths).
    static const char *const kModelPath, *const kDevice, *const kThreads, *const kMinConfidence, *const kVocabulary,
        *const kWriteScores, *const kId3Version, *const kAnnotator, *const kDropRecordsMood;
};

} // namespace spectag::ui
