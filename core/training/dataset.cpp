#include "training/dataset.h"

#include "audio/audiodecoder.h"
#include "util/savefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace spectag::training {

int DatasetSpec::headIndex(const QString &name) const
{
    for (qsizetype i = 0; i < heads.size(); ++i)
        if (heads.at(i).name == name)
            return int(i);
    return -1;
}

QJsonObject DatasetSpec::toJson() const
{
    QJsonArray hs;
    for (const HeadSpec &h : heads)
        hs.append(QJsonObject{{QStringLiteral("name"), h.name},
                              {QStringLiteral("kind"), HeadSpec::kindName(h.kind)},
                              {QStringLiteral("labels"), QJsonArray::fromStringList(h.labels)},
                              {QStringLiteral("threshold"), h.threshold}});
    return QJsonObject{{QStringLiteral("heads"), hs}};
}

DatasetSpec DatasetSpec::fromJson(const QJsonObject &o, QString *error)
{
    DatasetSpec spec;
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return DatasetSpec();
    };
    for (const QJsonValue &v : o.value(QStringLiteral("heads")).toArray()) {
        const QJsonObject ho = v.toObject();
        HeadSpec h;
        h.name = ho.value(QStringLiteral("name")).toString();
        const QString kind = ho.value(QStringLiteral("kind")).toString(QStringLiteral("single"));
        if (h.name.isEmpty())
            return fail(QStringLiteral("a head has no name"));
        if (spec.headIndex(h.name) >= 0)
            return fail(QStringLiteral("head \"%1\" is listed twice").arg(h.name));
        if (kind == QLatin1String("single"))
            h.kind = HeadSpec::Kind::Single;
        else if (kind == QLatin1String("multi"))
            h.kind = HeadSpec::Kind::Multi;
        else
            return fail(QStringLiteral("head \"%1\": kind must be single or multi, not \"%2\"").arg(h.name, kind));
        for (const QJsonValue &l : ho.value(QStringLiteral("labels")).toArray())
            h.labels << l.toString();
        h.threshold = ho.value(QStringLiteral("threshold")).toDouble(0.5);
        spec.heads << h;
    }
    if (spec.heads.isEmpty())
        return fail(QStringLiteral("the dataset spec names no heads"));
    return spec;
}

QString DatasetIssue::toString() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message) : file + QStringLiteral(": ") + message;
}

std::vector<int> Dataset::indicesWithHead(int head) const
{
    std::vector<int> out;
    for (qsizetype i = 0; i < items.size(); ++i)
        if (items.at(i).targets.at(size_t(head)).present)
            out.push_back(int(i));
    return out;
}

std::vector<int> Dataset::labelCounts(int head) const
{
    const HeadSpec &h = spec.heads.at(head);
    std::vector<int> counts(size_t(h.labels.size()), 0);
    for (const DatasetItem &item : items) {
        const HeadTarget &t = item.targets.at(size_t(head));
        if (!t.present)
            continue;
        if (h.kind == HeadSpec::Kind::Single)
            ++counts[size_t(t.classIndex)];
        else
            for (size_t l = 0; l < t.multiHot.size(); ++l)
                counts[l] += t.multiHot[l] > 0.5f ? 1 : 0;
    }
    return counts;
}

bool Dataset::writeJsonl(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    const QDir base = QFileInfo(path).absoluteDir();
    for (const DatasetItem &item : items) {
        const QString rel = base.relativeFilePath(item.path);
        QJsonObject o{{QStringLiteral("path"), rel.startsWith(QLatin1String("../")) ? item.path : rel}};
        if (item.isSegment()) {
            o.insert(QStringLiteral("start"), item.start);
            o.insert(QStringLiteral("end"), item.end);
        }
        if (!item.artist.isEmpty())
            o.insert(QStringLiteral("artist"), item.artist);
        for (qsizetype h = 0; h < spec.heads.size(); ++h) {
            const HeadSpec &head = spec.heads.at(h);
            const HeadTarget &t = item.targets.at(size_t(h));
            if (!t.present)
                continue;
            if (!t.soft.empty()) {
                QJsonObject shares;
                for (size_t l = 0; l < t.soft.size(); ++l)
                    shares.insert(head.labels.at(qsizetype(l)), double(t.soft[l]));
                o.insert(head.name, shares);
            } else if (head.kind == HeadSpec::Kind::Single) {
                o.insert(head.name, head.labels.at(t.classIndex));
            } else {
                QJsonArray labels;
                for (size_t l = 0; l < t.multiHot.size(); ++l)
                    if (t.multiHot[l] > 0.5f)
                        labels.append(head.labels.at(qsizetype(l)));
                o.insert(head.name, labels);
            }
        }
        f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        f.write("\n");
    }
    if (!commitSaveFile(f)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

Dataset combineDatasets(const QList<Dataset> &parts, QString *error)
{
    Dataset out;
    for (const Dataset &part : parts)
        for (const HeadSpec &h : part.spec.heads) {
            const int existing = out.spec.headIndex(h.name);
            if (existing < 0) {
                out.spec.heads << h;
            } else if (!(out.spec.heads.at(existing) == h)) {
                *error = QStringLiteral("head \"%1\" differs between the datasets (kind, labels or threshold)").arg(h.name);
                return Dataset();
            }
        }
    for (const Dataset &part : parts) {
        for (DatasetItem item : part.items) {
            std::vector<HeadTarget> targets(size_t(out.spec.heads.size()));
            for (qsizetype h = 0; h < part.spec.heads.size(); ++h)
                targets[size_t(out.spec.headIndex(part.spec.heads.at(h).name))] = item.targets.at(size_t(h));
            item.targets = std::move(targets);
            out.items << item;
        }
        out.issues << part.issues;
    }
    return out;
}

QStringList audioFileSuffixes()
{
    return {QStringLiteral("ogg"), QStringLiteral("opus"), QStringLiteral("mp3"), QStringLiteral("flac"),
            QStringLiteral("wav"), QStringLiteral("m4a"), QStringLiteral("aac"), QStringLiteral("aiff"),
            QStringLiteral("aif"), QStringLiteral("au"), QStringLiteral("wma"), QStringLiteral("ape"),
            QStringLiteral("wv"), QStringLiteral("mpc")};
}

QString checkItemFile(const QString &path, const LoadOptions &options, double end)
{
    if (!options.checkFiles && !options.probeAudio)
        return {};
    const QFileInfo fi(path);
    if (!fi.exists())
        return fi.isSymLink() ? QStringLiteral("%1: broken symbolic link").arg(path)
                              : QStringLiteral("%1: file not found").arg(path);
    if (!fi.isFile())
        return QStringLiteral("%1: not a regular file").arg(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString());
    if (f.size() == 0)
        return QStringLiteral("%1: empty file").arg(path);
    f.close();
    if (options.probeAudio) {
        AudioDecoder decoder(16000);
        if (!decoder.open(path))
            return decoder.error().message.isEmpty() ? QStringLiteral("%1: not decodable").arg(path) : decoder.error().message;
        const double duration = decoder.info().durationSeconds;
        // half a second of slack: container durations and annotators both round.
        if (end > 0 && duration > 0 && end > duration + 0.5)
            return QStringLiteral("%1: segment ends at %2 s but the file lasts %3 s").arg(path).arg(end).arg(duration, 0, 'f', 2);
    }
    return {};
}

} // namespace spectag::training
