#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace spectag::training {

// One output head of a model: a single-label head picks one class (genre, quadrant), a
// multi-label head predicts a 0/1 per label (moods).
struct HeadSpec {
    enum class Kind { Single, Multi };
    QString name;
    Kind kind = Kind::Single;
    QStringList labels;     // class/label order = output order; empty = discover from the data (sorted)
    double threshold = 0.5; // share >= threshold makes a soft-labelled multi-label target positive

    int labelIndex(const QString &label) const { return int(labels.indexOf(label)); }
    static QString kindName(Kind k) { return k == Kind::Single ? QStringLiteral("single") : QStringLiteral("multi"); }
    bool operator==(const HeadSpec &) const = default;
};

struct DatasetSpec {
    QList<HeadSpec> heads;

    int headIndex(const QString &name) const;
    QJsonObject toJson() const;
    static DatasetSpec fromJson(const QJsonObject &o, QString *error = nullptr);
    bool operator==(const DatasetSpec &) const = default;
};

// What one item says about one head. `present` is the training mask: datasets that label
// different things can be combined, and a masked loss skips heads an item has no answer for.
struct HeadTarget {
    bool present = false;
    int classIndex = -1;         // single-label heads
    std::vector<float> multiHot; // multi-label heads: one 0/1 per label
    std::vector<float> soft;     // label shares/scores when the source gave them (empty otherwise)
    // false: a label taken from another source's metadata (4Q's AllMusic genre words for the
    // Emotify genre head). It trains, but metrics and stratification ignore it, so figures stay
    // comparable with runs that did not borrow it.
    bool scored = true;
    bool operator==(const HeadTarget &) const = default;
};

struct DatasetItem {
    QString path;         // absolute, cleaned
    double start = 0.0;   // seconds; a segment when end > start (CAL500exp-style segment labels)
    double end = -1.0;    // < 0: to the end of the file
    QString artist;
    QString groupKey;     // "artist:<folded name>" when known, else "track:<path>": splits keep a group together
    QString source;       // manifest the item came from
    int line = 0;         // line in that manifest (0 for folder layouts)
    std::vector<HeadTarget> targets; // one per DatasetSpec head

    bool isSegment() const { return end > start; }
};

// A problem with one row (or the whole file when line is 0). Rows with problems are left out;
// the rest of the manifest still loads, so one bad row never costs the whole set.
struct DatasetIssue {
    QString file;
    int line = 0;
    QString message;
    QString toString() const;
};

struct LoadOptions {
    bool checkFiles = true;  // each path must be a readable regular file
    bool probeAudio = false; // also open it with the audio decoder (slow: reads headers of every file)
};

struct Dataset {
    DatasetSpec spec;
    QList<DatasetItem> items;
    QList<DatasetIssue> issues;

    bool isEmpty() const { return items.isEmpty(); }
    // Items that have a target for the head (the mask), in item order.
    std::vector<int> indicesWithHead(int head) const;
    // Per-label positive counts (single: items per class) among items with the head.
    std::vector<int> labelCounts(int head) const;

    // Writes a JSON Lines manifest that loadManifest() reads back to the same items (paths are
    // written relative to the manifest's folder when they lie below it).
    bool writeJsonl(const QString &path, QString *error) const;
};

// Manifests: CSV (header row) or JSON Lines (.jsonl/.ndjson), chosen by extension.
// Columns / members: `path` (relative to the manifest), optional `start`/`end` seconds and
// `artist`, then one per head:
//  - single-label head: the class name;
//  - multi-label head: labels separated by ';' (";" alone = known to have none; an empty cell
//    = unknown, i.e. masked), or a JSON array;
//  - scores/shares instead of labels: CSV columns "head:label" holding numbers, a cell like
//    "happy=0.4;sad=0.1", or a JSON object {"happy": 0.4}. Multi-label: positive when
//    share >= the head's threshold; single-label: the class with the highest share. The shares
//    are kept as soft targets.
// With a spec of no heads (the CLI's --manifest) the manifest names them: every other column or
// member is a head, multi-label when a cell lists several labels (";", a JSON array) or shares
// ("head:label" columns, a JSON object), else single-label; labels come from the data.
Dataset loadManifest(const QString &path, const DatasetSpec &spec, const LoadOptions &options = {});

// GTZAN-style layout root/<class>/**/<audio file>: one single-label head named `headName`
// whose classes are the sub-folder names, sorted.
Dataset loadFolderLayout(const QString &root, const QString &headName, const LoadOptions &options = {});

// Concatenates datasets under the union of their heads (matched by name; a head present in
// several must have the same kind and labels). Items get masked targets for heads their
// dataset lacks. Returns an empty dataset with *error set on a conflict.
Dataset combineDatasets(const QList<Dataset> &parts, QString *error);

// Audio file extensions the folder layout picks up.
QStringList audioFileSuffixes();

// Why an item's file cannot be used (missing, not a regular file, unreadable, and with
// probeAudio not decodable or shorter than `end`), or an empty string when it is fine.
QString checkItemFile(const QString &path, const LoadOptions &options, double end = -1.0);

} // namespace spectag::training
