#include "training/datasetcatalog.h"

#include "catalog/catalog.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace spectag::training {

namespace {

struct ItemKey {
    qint64 trackId = 0;
    std::optional<double> start, end;
    bool operator<(const ItemKey &o) const
    {
        return std::tie(trackId, start, end) < std::tie(o.trackId, o.start, o.end);
    }
};

// Per item and head: the labels said to apply, newest last, and whether anything was said.
struct HeadAnswer {
    QStringList applies;
    bool said = false;
};

DatasetSpec discoverSpec(const QMap<ItemKey, QHash<QString, HeadAnswer>> &answers)
{
    QMap<QString, QSet<QString>> labels;
    QHash<QString, bool> multi;
    for (const auto &heads : answers)
        for (auto it = heads.begin(); it != heads.end(); ++it) {
            QSet<QString> &set = labels[it.key()];
            for (const QString &l : it.value().applies)
                set.insert(l);
            if (it.value().applies.size() > 1)
                multi[it.key()] = true;
        }
    DatasetSpec spec;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        HeadSpec h;
        h.name = it.key();
        h.kind = multi.value(it.key()) ? HeadSpec::Kind::Multi : HeadSpec::Kind::Single;
        h.labels = QStringList(it.value().begin(), it.value().end());
        h.labels.sort();
        if (!h.labels.isEmpty())
            spec.heads.append(h);
    }
    return spec;
}

} // namespace

Dataset loadCatalogAnnotations(const Catalog &catalog, const CatalogDatasetOptions &options)
{
    Dataset ds;
    const QString source = catalog.path();
    QList<Annotation> rows = catalog.effectiveAnnotations(Annotation::Source::Human);
    // Keep creation order (the catalog returns insertion order; ids grow), so "newest" is last.
    QMap<ItemKey, QHash<QString, HeadAnswer>> answers;
    for (const Annotation &a : std::as_const(rows)) {
        if (!options.annotator.isEmpty() && a.annotator != options.annotator)
            continue;
        const bool segment = a.segmentStart && a.segmentEnd && *a.segmentEnd > *a.segmentStart;
        if (segment && !options.includeSegments)
            continue;
        ItemKey key{a.trackId, segment ? a.segmentStart : std::nullopt, segment ? a.segmentEnd : std::nullopt};
        HeadAnswer &ans = answers[key][a.head];
        ans.said = true;
        if (a.value >= 0.5)
            ans.applies.append(a.label);
    }

    ds.spec = options.spec.heads.isEmpty() ? discoverSpec(answers) : options.spec;
    QHash<qint64, std::optional<TrackRecord>> tracks;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const ItemKey &key = it.key();
        if (!tracks.contains(key.trackId))
            tracks.insert(key.trackId, catalog.track(key.trackId));
        const std::optional<TrackRecord> &track = tracks.value(key.trackId);
        if (!track) {
            ds.issues.append({source, 0, QStringLiteral("track %1 is no longer in the catalog").arg(key.trackId)});
            continue;
        }
        if (track->state == TrackState::Missing) {
            ds.issues.append({source, 0, QStringLiteral("%1: the file is missing (marked by the last scan)").arg(track->path)});
            continue;
        }
        DatasetItem item;
        item.path = track->path;
        item.artist = track->artist;
        item.start = key.start.value_or(0.0);
        item.end = key.end.value_or(-1.0);
        item.groupKey = item.artist.isEmpty() ? QStringLiteral("track:") + item.path
                                              : QStringLiteral("artist:") + item.artist.simplified().toCaseFolded();
        item.source = source;
        item.targets.resize(size_t(ds.spec.heads.size()));
        bool any = false;
        for (int h = 0; h < ds.spec.heads.size(); ++h) {
            const HeadSpec &head = ds.spec.heads.at(h);
            const auto ans = it.value().constFind(head.name);
            if (ans == it.value().constEnd() || !ans->said)
                continue;
            HeadTarget &t = item.targets[size_t(h)];
            QStringList unknown;
            if (head.kind == HeadSpec::Kind::Single) {
                for (qsizetype i = ans->applies.size() - 1; i >= 0 && t.classIndex < 0; --i) {
                    const int idx = head.labelIndex(ans->applies.at(i));
                    if (idx >= 0)
                        t.classIndex = idx;
                    else
                        unknown << ans->applies.at(i);
                }
                t.present = t.classIndex >= 0;
            } else {
                t.multiHot.assign(size_t(head.labels.size()), 0.0f);
                for (const QString &l : ans->applies) {
                    const int idx = head.labelIndex(l);
                    if (idx >= 0)
                        t.multiHot[size_t(idx)] = 1.0f;
                    else
                        unknown << l;
                }
                t.present = true;
            }
            for (const QString &l : std::as_const(unknown))
                ds.issues.append({source, 0, QStringLiteral("%1: label '%2' is not one of head '%3' (%4); left out")
                                                 .arg(item.path, l, head.name, head.labels.join(QStringLiteral(", ")))});
            any = any || t.present;
        }
        if (!any)
            continue;  // only rejections of single-label classes, or heads the spec lacks
        const QString why = checkItemFile(item.path, options.load, item.end);
        if (!why.isEmpty()) {
            ds.issues.append({source, 0, why});
            continue;
        }
        ds.items.append(std::move(item));
    }
    return ds;
}

} // namespace spectag::training
