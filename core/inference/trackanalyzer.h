#pragma once

#include "audio/decodeerror.h"
#include "dsp/melspectrogram.h"
#include "inference/analysisresult.h"

#include <atomic>
#include <functional>

namespace spectag {

class Model;

// Decodes a file and computes its whole (time-major, dB) spectrogram with the model's front end,
// streaming: memory is the spectrogram, not the PCM. betweenBlocks (optional) runs after every
// decoded block; the analysis queue blocks there while paused. Cancellation via cancel.
bool computeSpectrogram(const QString &path, const FrontEnd &fe, Spectrogram *out, double *seconds,
                        DecodeError *error, const std::atomic_bool *cancel = nullptr,
                        const std::function<void()> &betweenBlocks = {});

// Why a decoded track should get no prediction, or an empty string: audio shorter than
// kMinAnalysableSeconds, or digital silence (no mel band ever above -60 dB, i.e. roughly below
// -75 dBFS: inaudible). A model asked about such input still answers, confidently (silence came
// out "rock 1.00"), and `tag --predicted` would have written that answer into the file.
constexpr double kMinAnalysableSeconds = 1.0;
QString unanalysableReason(const QString &path, const Spectrogram &spec, const FrontEnd &fe, double seconds);

// Runs the model over the segments of a spectrogram (in batches of batchSize), filling
// result.segments and result.embedding; aggregation is separate. Returns false with
// result.error set when inference fails.
bool predictSegments(const Model &model, const Spectrogram &spec, TrackResult &result, int batchSize = 32);

// Everything for one file, synchronously (CLI helpers, tests): decode, predict, aggregate.
TrackResult analyzeFile(const Model &model, const QString &path, Aggregation how,
                        const std::atomic_bool *cancel = nullptr);

} // namespace spectag
