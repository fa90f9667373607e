#pragma once

#include "cli/cli.h"
#include "inference/analysisresult.h"
#include "model/model.h"

#include <functional>
#include <optional>

namespace spectag::cli {

// One headless analysis pass, shared by `analyze` and `tag --predicted`: loads the model, reuses
// and stores predictions through the catalog when one is named, runs the AnalysisQueue to the
// end (Ctrl+C cancels between blocks) and hands every finished track to onResult.
struct AnalysisRun {
    QString modelPath;  // empty: the shipped default model
    Model::Device device = Model::Device::Auto;
    // Unset: the model's own (declaresVote(): cerutti2021 votes, the others take the mean).
    std::optional<Aggregation> aggregation;
    int threads = 0;
    int batch = 32;
    bool keepSegments = false;
    QString catalogPath;  // empty: no persistent cache
};

struct AnalysisRunResult {
    bool started = false;  // false: the model or the catalog could not be opened (reported)
    int failures = 0;      // tracks that failed, plus predictions that could not be stored
};

AnalysisRunResult runAnalysis(Context &ctx, const QStringList &files, const AnalysisRun &run,
                              const std::function<void(const ModelSpec &, const TrackResult &)> &onResult);

// Audio files named or found (recursively, sorted, each file once) under the given paths. What
// cannot be used (a missing path, an undecodable name) goes to problems as "PATH: why".
QStringList collectAudio(const QStringList &inputs, QStringList *problems);

} // namespace spectag::cli
