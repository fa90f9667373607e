#pragma once

#include "dsp/frontend.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace spectag {

// One output of a network: a set of labels scored either independently (multi-label, sigmoid:
// moods, emotion tags) or as one choice among them (single-label, softmax: genre, quadrant).
struct HeadSpec {
    enum class Kind { MultiLabel, SingleLabel };

    QString name;                   // "genre", "mood", ... (the JSON key in analysis output)
    Kind kind = Kind::SingleLabel;
    QStringList labels;
    std::vector<float> thresholds;  // multi-label: per-label decision threshold (empty = 0.5 each)
    double minShare = 0.0;          // single-label: the winner must reach this score, else no label

    float threshold(int label) const
    {
        return label >= 0 && size_t(label) < thresholds.size() ? thresholds[size_t(label)] : 0.5f;
    }
    static QString kindName(Kind k) { return k == Kind::MultiLabel ? QStringLiteral("multi") : QStringLiteral("single"); }
    bool operator==(const HeadSpec &) const = default;
};

// Input standardisation, (x - mean) / std, applied to every dB value before the network.
// Either one scalar each or one value per frequency bin; empty means identity.
struct Normalisation {
    std::vector<float> mean;
    std::vector<float> std;

    QString validate(int bins) const;
    bool operator==(const Normalisation &) const = default;
};

// Everything needed to rebuild a network and feed it: stored as JSON in a model file's header.
struct ModelSpec {
    QString architecture;            // see architectureNames()
    QJsonObject hyperparameters;     // architecture-specific; missing keys take the defaults
    std::vector<HeadSpec> heads;
    FrontEnd frontEnd;
    Normalisation normalisation;
    QJsonObject provenance;          // dataset, metrics, date, command line: free-form

    int headIndex(const QString &name) const;
    QString validate() const;        // empty when usable
    QJsonObject toJson() const;
    static ModelSpec fromJson(const QJsonObject &o, QString *error);
    bool operator==(const ModelSpec &) const = default;
};

// The architectures createNet() knows, and each one's own front end (so analysis and training
// feed a network what its paper fed it) and default hyperparameters.
QStringList architectureNames();
bool isKnownArchitecture(const QString &name);
FrontEnd defaultFrontEnd(const QString &architecture);
QJsonObject defaultHyperparameters(const QString &architecture);
QString architectureDescription(const QString &architecture);

// The track aggregation an architecture declares in its hyperparameters ("aggregation": "vote" for
// cerutti2021's slice vote); the others aggregate by mean. Analysis and cross-validation follow it
// unless told otherwise.
bool declaresVote(const ModelSpec &spec);

// A spec with the architecture's defaults and the given heads.
ModelSpec makeModelSpec(const QString &architecture, const std::vector<HeadSpec> &heads);

// Parses "genre:single:a,b,c;mood:multi:x,y" (the CLI's --heads syntax).
std::vector<HeadSpec> parseHeads(const QString &text, QString *error);

} // namespace spectag
