// Manifest readers (CSV, JSON Lines) and the folder-per-class layout.

#include "training/dataset.h"
#include "training/datasetcsv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <cmath>

namespace spectag::training {

namespace {

// What a row says about one head before labels are mapped to indices.
struct RawHead {
    bool present = false;
    QStringList labels;
    QMap<QString, double> shares;
};

struct RawRow {
    int line = 0;
    QString path;
    double start = 0.0;
    double end = -1.0;
    QString artist;
    QList<RawHead> heads;
};

// "a;b" labels, "a=0.4;b=0.1" shares, ";" = none, "" = unknown.
bool parseLabelText(const QString &text, RawHead *head, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    head->present = true;
    const QStringList parts = t.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0) {
            head->labels << part;
            continue;
        }
        bool ok = false;
        const double v = part.mid(eq + 1).trimmed().toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("\"%1\" is not label=number").arg(part);
            return false;
        }
        head->shares.insert(part.left(eq).trimmed(), v);
    }
    if (!head->labels.isEmpty() && !head->shares.isEmpty()) {
        *error = QStringLiteral("\"%1\" mixes plain labels and label=share pairs").arg(t);
        return false;
    }
    return true;
}

bool parseSeconds(const QString &text, double fallback, double *out, QString *error, const char *what)
{
    if (text.trimmed().isEmpty()) {
        *out = fallback;
        return true;
    }
    bool ok = false;
    *out = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(*out)) {
        *error = QStringLiteral("%1 \"%2\" is not a number of seconds").arg(QLatin1String(what), text);
        return false;
    }
    return true;
}

// Maps raw rows to items; rows that do not fit the spec become issues.
Dataset finalize(const QString &file, QList<RawRow> rows, DatasetSpec spec, const LoadOptions &options,
                 QList<DatasetIssue> issues)
{
    // Heads with no fixed labels take every label the manifest uses, sorted.
    for (qsizetype h = 0; h < spec.heads.size(); ++h) {
        HeadSpec &head = spec.heads[h];
        if (!head.labels.isEmpty())
            continue;
        QSet<QString> seen;
        for (const RawRow &r : std::as_const(rows)) {
            for (const QString &l : r.heads.at(h).labels)
                seen.insert(l);
            for (auto it = r.heads.at(h).shares.constBegin(); it != r.heads.at(h).shares.constEnd(); ++it)
                seen.insert(it.key());
        }
        head.labels = QStringList(seen.begin(), seen.end());
        head.labels.sort();
    }

    Dataset ds;
    ds.spec = spec;
    const QDir base = QFileInfo(file).absoluteDir();
    QHash<QString, int> firstLine;
    for (const RawRow &r : std::as_const(rows)) {
        const auto issue = [&](const QString &why) { issues << DatasetIssue{file, r.line, why}; };
        DatasetItem item;
        item.path = QDir::cleanPath(base.absoluteFilePath(r.path));
        item.start = r.start;
        item.end = r.end;
        item.artist = r.artist.trimmed();
        item.source = file;
        item.line = r.line;
        item.groupKey = item.artist.isEmpty() ? QStringLiteral("track:") + item.path
                                              : QStringLiteral("artist:") + item.artist.simplified().toCaseFolded();
        if (r.start < 0 || (r.end >= 0 && r.end <= r.start)) {
            issue(QStringLiteral("segment %1..%2 s is empty or negative").arg(r.start).arg(r.end));
            continue;
        }
        QString why;
        for (qsizetype h = 0; h < spec.heads.size() && why.isEmpty(); ++h) {
            const HeadSpec &head = spec.heads.at(h);
            const RawHead &raw = r.heads.at(h);
            HeadTarget t;
            t.present = raw.present;
            if (raw.present) {
                for (const QString &l : raw.labels)
                    if (head.labelIndex(l) < 0)
                        why = QStringLiteral("head \"%1\": unknown label \"%2\"").arg(head.name, l);
                for (auto it = raw.shares.constBegin(); it != raw.shares.constEnd() && why.isEmpty(); ++it) {
                    if (head.labelIndex(it.key()) < 0)
                        why = QStringLiteral("head \"%1\": unknown label \"%2\"").arg(head.name, it.key());
                    else if (!(it.value() >= 0.0 && it.value() <= 1.0))
                        why = QStringLiteral("head \"%1\": share of \"%2\" is %3, outside 0..1").arg(head.name, it.key()).arg(it.value());
                }
                if (!why.isEmpty())
                    break;
                if (!raw.shares.isEmpty()) {
                    t.soft.assign(size_t(head.labels.size()), 0.0f);
                    for (auto it = raw.shares.constBegin(); it != raw.shares.constEnd(); ++it)
                        t.soft[size_t(head.labelIndex(it.key()))] = float(it.value());
                }
                if (head.kind == HeadSpec::Kind::Single) {
                    if (!raw.shares.isEmpty()) {
                        int best = 0;
                        for (size_t l = 1; l < t.soft.size(); ++l)
                            if (t.soft[l] > t.soft[size_t(best)])
                                best = int(l);
                        t.classIndex = best;
                    } else if (raw.labels.size() == 1) {
                        t.classIndex = head.labelIndex(raw.labels.first());
                    } else {
                        why = QStringLiteral("single-label head \"%1\" needs exactly one label, found %2")
                                  .arg(head.name).arg(raw.labels.size());
                        break;
                    }
                } else {
                    t.multiHot.assign(size_t(head.labels.size()), 0.0f);
                    for (const QString &l : raw.labels)
                        t.multiHot[size_t(head.labelIndex(l))] = 1.0f;
                    for (size_t l = 0; l < t.soft.size(); ++l)
                        t.multiHot[l] = double(t.soft[l]) >= head.threshold ? 1.0f : 0.0f;
                }
            }
            item.targets.push_back(std::move(t));
        }
        if (!why.isEmpty()) {
            issue(why);
            continue;
        }
        const QString key = item.path + QLatin1Char('|') + QString::number(item.start) + QLatin1Char('|') + QString::number(item.end);
        if (const auto it = firstLine.constFind(key); it != firstLine.constEnd()) {
            issue(QStringLiteral("duplicate of line %1 (same file and segment)").arg(*it));
            continue;
        }
        firstLine.insert(key, r.line);
        if (const QString bad = checkItemFile(item.path, options, item.end); !bad.isEmpty()) {
            issue(bad);
            continue;
        }
        ds.items << item;
    }
    ds.issues = issues;
    return ds;
}

Dataset readCsvManifest(const QString &file, const QByteArray &data, const DatasetSpec &spec, const LoadOptions &options)
{
    QList<DatasetIssue> issues;
    QList<CsvRecord> records;
    QString error;
    if (!parseCsv(data, &records, &error) || records.isEmpty()) {
        Dataset ds;
        ds.spec = spec;
        ds.issues << DatasetIssue{file, 0, records.isEmpty() && error.isEmpty() ? QStringLiteral("empty manifest") : error};
        return ds;
    }
    const QStringList header = records.takeFirst().fields;
    QHash<QString, int> column;
    for (qsizetype i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed(), int(i));
    if (!column.contains(QStringLiteral("path"))) {
        Dataset ds;
        ds.spec = spec;
        ds.issues << DatasetIssue{file, 1, QStringLiteral("the header has no \"path\" column")};
        return ds;
    }
    // "head:label" share columns, per head.
    QList<QList<QPair<QString, int>>> shareColumns(spec.heads.size());
    bool anyHeadColumn = false;
    for (qsizetype h = 0; h < spec.heads.size(); ++h) {
        const QString prefix = spec.heads.at(h).name + QLatin1Char(':');
        for (qsizetype i = 0; i < header.size(); ++i)
            if (header.at(i).trimmed().startsWith(prefix))
                shareColumns[h] << qMakePair(header.at(i).trimmed().mid(prefix.size()), int(i));
        anyHeadColumn = anyHeadColumn || !shareColumns.at(h).isEmpty() || column.contains(spec.heads.at(h).name);
    }
    if (!anyHeadColumn)
        issues << DatasetIssue{file, 1, QStringLiteral("no column for any head of the spec: every item is unlabelled")};

    const auto cell = [&](const CsvRecord &r, const QString &name) {
        const int c = column.value(name, -1);
        return c >= 0 ? r.fields.at(c) : QString();
    };
    QList<RawRow> rows;
    for (const CsvRecord &rec : std::as_const(records)) {
        const auto issue = [&](const QString &why) { issues << DatasetIssue{file, rec.line, why}; };
        if (rec.fields.size() != header.size()) {
            issue(QStringLiteral("expected %1 fields, found %2").arg(header.size()).arg(rec.fields.size()));
            continue;
        }
        RawRow row;
        row.line = rec.line;
        row.path = cell(rec, QStringLiteral("path")).trimmed();
        row.artist = cell(rec, QStringLiteral("artist"));
        QString why;
        if (row.path.isEmpty())
            why = QStringLiteral("empty path");
        else if (parseSeconds(cell(rec, QStringLiteral("start")), 0.0, &row.start, &why, "start"))
            parseSeconds(cell(rec, QStringLiteral("end")), -1.0, &row.end, &why, "end");
        for (qsizetype h = 0; h < spec.heads.size() && why.isEmpty(); ++h) {
            RawHead raw;
            if (parseLabelText(cell(rec, spec.heads.at(h).name), &raw, &why) && why.isEmpty())
                for (const auto &[label, col] : shareColumns.at(h)) {
                    const QString text = rec.fields.at(col).trimmed();
                    if (text.isEmpty())
                        continue;
                    bool ok = false;
                    const double v = text.toDouble(&ok);
                    if (!ok) {
                        why = QStringLiteral("column \"%1\": \"%2\" is not a number").arg(header.at(col), text);
                        break;
                    }
                    if (!raw.labels.isEmpty()) {
                        why = QStringLiteral("head \"%1\" has both labels and share columns").arg(spec.heads.at(h).name);
                        break;
                    }
                    raw.present = true;
                    raw.shares.insert(label, v);
                }
            if (!why.isEmpty())
                why = spec.heads.at(h).name + QStringLiteral(": ") + why;
            row.heads << raw;
        }
        if (!why.isEmpty()) {
            issue(why);
            continue;
        }
        rows << row;
    }
    return finalize(file, rows, spec, options, issues);
}

Dataset readJsonlManifest(const QString &file, const QByteArray &data, const DatasetSpec &spec, const LoadOptions &options)
{
    QList<DatasetIssue> issues;
    QList<RawRow> rows;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNo = int(n + 1);
        const QByteArray text = lines.at(n).trimmed();
        if (text.isEmpty())
            continue;
        const auto issue = [&](const QString &why) { issues << DatasetIssue{file, lineNo, why}; };
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            issue(pe.error != QJsonParseError::NoError
                      ? QStringLiteral("invalid JSON at column %1: %2").arg(pe.offset + 1).arg(pe.errorString())
                      : QStringLiteral("each line must be a JSON object"));
            continue;
        }
        const QJsonObject o = doc.object();
        RawRow row;
        row.line = lineNo;
        row.path = o.value(QStringLiteral("path")).toString().trimmed();
        row.artist = o.value(QStringLiteral("artist")).toString();
        QString why;
        if (row.path.isEmpty())
            why = QStringLiteral("missing or empty \"path\"");
        for (const char *key : {"start", "end"}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined() || v.isNull())
                continue;
            if (!v.isDouble())
                why = QStringLiteral("\"%1\" must be a number of seconds").arg(QLatin1String(key));
            else
                (qstrcmp(key, "start") == 0 ? row.start : row.end) = v.toDouble();
        }
        for (qsizetype h = 0; h < spec.heads.size() && why.isEmpty(); ++h) {
            const QString name = spec.heads.at(h).name;
            const QJsonValue v = o.value(name);
            RawHead raw;
            if (v.isString()) {
                if (v.toString().trimmed().isEmpty())
                    why = QStringLiteral("\"%1\" is an empty string (use null for unknown, [] for none)").arg(name);
                else
                    parseLabelText(v.toString(), &raw, &why);
            } else if (v.isArray()) {
                raw.present = true;
                for (const QJsonValue &l : v.toArray()) {
                    if (!l.isString())
                        why = QStringLiteral("\"%1\" must list label names").arg(name);
                    raw.labels << l.toString();
                }
            } else if (v.isObject()) {
                raw.present = true;
                const QJsonObject shares = v.toObject();
                for (auto it = shares.constBegin(); it != shares.constEnd(); ++it) {
                    if (!it.value().isDouble())
                        why = QStringLiteral("\"%1\": share of \"%2\" is not a number").arg(name, it.key());
                    raw.shares.insert(it.key(), it.value().toDouble());
                }
            } else if (!v.isUndefined() && !v.isNull()) {
                why = QStringLiteral("\"%1\" must be a label, a list of labels or an object of shares").arg(name);
            }
            row.heads << raw;
        }
        if (!why.isEmpty()) {
            issue(why);
            continue;
        }
        rows << row;
    }
    return finalize(file, rows, spec, options, issues);
}

} // namespace

// A manifest loaded without a spec (`spectag train --manifest FILE`) names its heads itself:
// every column or member other than the item's own fields is a head, "head:label" share columns
// make a multi-label head, and a head is multi-label when any of its cells lists several labels
// (";" or a JSON array) or holds shares as an object; otherwise single-label. Labels come from the
// data (finalize()).
static DatasetSpec inferSpec(const QByteArray &data, bool jsonl)
{
    static const QStringList own{QStringLiteral("path"), QStringLiteral("start"), QStringLiteral("end"),
                                 QStringLiteral("artist"), QStringLiteral("title"), QStringLiteral("album")};
    QStringList order;
    QHash<QString, bool> multi;
    const auto see = [&](const QString &head, bool isMulti) {
        if (head.isEmpty() || own.contains(head))
            return;
        if (!multi.contains(head))
            order << head;
        multi[head] = multi.value(head) || isMulti;
    };
    if (jsonl) {
        for (const QByteArray &line : data.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line.trimmed()).object();
            for (auto it = o.begin(); it != o.end(); ++it)
                see(it.key(), it.value().isArray() || it.value().isObject()
                                  || (it.value().isString() && it.value().toString().contains(QLatin1Char(';'))));
        }
    } else {
        QList<CsvRecord> records;
        QString error;
        if (parseCsv(data, &records, &error) && !records.isEmpty()) {
            const QStringList header = records.takeFirst().fields;
            for (qsizetype i = 0; i < header.size(); ++i) {
                const QString name = header.at(i).trimmed();
                if (name.contains(QLatin1Char(':'))) {
                    see(name.section(QLatin1Char(':'), 0, 0), true);
                    continue;
                }
                bool isMulti = false;
                for (const CsvRecord &r : std::as_const(records))
                    isMulti = isMulti || (i < r.fields.size() && r.fields.at(i).contains(QLatin1Char(';')));
                see(name, isMulti);
            }
        }
    }
    DatasetSpec spec;
    for (const QString &name : std::as_const(order)) {
        HeadSpec head;
        head.name = name;
        head.kind = multi.value(name) ? HeadSpec::Kind::Multi : HeadSpec::Kind::Single;
        spec.heads << head;
    }
    return spec;
}

Dataset loadManifest(const QString &path, const DatasetSpec &givenSpec, const LoadOptions &options)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        Dataset ds;
        ds.spec = givenSpec;
        ds.issues << DatasetIssue{file, 0, QStringLiteral("cannot open manifest: ") + f.errorString()};
        return ds;
    }
    const QByteArray data = f.readAll();
    const QString suffix = QFileInfo(file).suffix().toLower();
    const bool jsonl = suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson");
    const DatasetSpec spec = givenSpec.heads.isEmpty() ? inferSpec(data, jsonl) : givenSpec;
    if (jsonl)
        return readJsonlManifest(file, data, spec, options);
    return readCsvManifest(file, data, spec, options);
}

Dataset loadFolderLayout(const QString &root, const QString &headName, const LoadOptions &options)
{
    Dataset ds;
    const QDir dir(root);
    HeadSpec head;
    head.name = headName;
    head.kind = HeadSpec::Kind::Single;
    head.labels = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    ds.spec.heads << head;
    if (!dir.exists() || head.labels.isEmpty()) {
        ds.issues << DatasetIssue{dir.absolutePath(), 0, QStringLiteral("no class folders")};
        return ds;
    }
    QStringList filters;
    for (const QString &s : audioFileSuffixes())
        filters << QStringLiteral("*.") + s << QStringLiteral("*.") + s.toUpper();
    for (qsizetype c = 0; c < head.labels.size(); ++c) {
        QStringList files;
        QDirIterator it(dir.filePath(head.labels.at(c)), filters, QDir::Files | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort(); // directory order differs between file systems; keep items reproducible
        if (files.isEmpty())
            ds.issues << DatasetIssue{dir.filePath(head.labels.at(c)), 0, QStringLiteral("class folder holds no audio files")};
        for (const QString &f : std::as_const(files)) {
            DatasetItem item;
            item.path = QDir::cleanPath(QFileInfo(f).absoluteFilePath());
            item.groupKey = QStringLiteral("track:") + item.path;
            item.source = dir.absolutePath();
            HeadTarget t;
            t.present = true;
            t.classIndex = int(c);
            item.targets.push_back(t);
            if (const QString bad = checkItemFile(item.path, options); !bad.isEmpty()) {
                ds.issues << DatasetIssue{item.path, 0, bad};
                continue;
            }
            ds.items << item;
        }
    }
    return ds;
}

} // namespace spectag::training
