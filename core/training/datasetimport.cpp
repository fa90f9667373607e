#include "training/datasetimport.h"

#include "model/moodspace.h"
#include "training/datasetcsv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>

namespace spectag::training {

namespace {

// Reads a CSV whose header must contain `required`; fills column indices.
bool readTable(const QString &file, const QStringList &required, QList<CsvRecord> *records, QHash<QString, int> *column,
               Dataset *ds)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        ds->issues << DatasetIssue{file, 0, QStringLiteral("cannot open: ") + f.errorString()};
        return false;
    }
    QString error;
    if (!parseCsv(f.readAll(), records, &error) || records->isEmpty()) {
        ds->issues << DatasetIssue{file, 0, error.isEmpty() ? QStringLiteral("empty file") : error};
        return false;
    }
    const QStringList header = records->takeFirst().fields;
    for (qsizetype i = 0; i < header.size(); ++i)
        column->insert(header.at(i).trimmed(), int(i));
    for (const QString &r : required)
        if (!column->contains(r)) {
            ds->issues << DatasetIssue{file, 1, QStringLiteral("the header lacks the \"%1\" column").arg(r)};
            return false;
        }
    return true;
}

} // namespace

QStringList emotifyGenres()
{
    return {QStringLiteral("classical"), QStringLiteral("rock"), QStringLiteral("electronic"), QStringLiteral("pop")};
}

QStringList gemsEmotions()
{
    return {QStringLiteral("amazement"), QStringLiteral("solemnity"), QStringLiteral("tenderness"),
            QStringLiteral("nostalgia"), QStringLiteral("calmness"),  QStringLiteral("power"),
            QStringLiteral("joyful_activation"), QStringLiteral("tension"), QStringLiteral("sadness")};
}

Dataset importEmotify(const QString &annotationsCsv, double threshold, const LoadOptions &options)
{
    Dataset ds;
    const QString file = QFileInfo(annotationsCsv).absoluteFilePath();
    ds.spec.heads << HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::Single, emotifyGenres(), 0.5}
                  << HeadSpec{QStringLiteral("gems"), HeadSpec::Kind::Multi, gemsEmotions(), threshold};
    const QStringList emotions = gemsEmotions();
    QList<CsvRecord> records;
    QHash<QString, int> col;
    if (!readTable(file, QStringList{QStringLiteral("file"), QStringLiteral("track_id"), QStringLiteral("genre")} + emotions,
                   &records, &col, &ds))
        return ds;

    struct Track {
        int firstLine = 0;
        QString file;
        QString genre;
        int listeners = 0;
        std::vector<int> ticks;
        bool bad = false;
    };
    QMap<int, Track> tracks; // by track id: items come out in id order
    for (const CsvRecord &r : std::as_const(records)) {
        const auto issue = [&](const QString &why) { ds.issues << DatasetIssue{file, r.line, why}; };
        if (r.fields.size() <= col.value(QStringLiteral("sadness"))) {
            issue(QStringLiteral("too few fields (%1)").arg(r.fields.size()));
            continue;
        }
        bool ok = false;
        const int id = r.fields.at(col.value(QStringLiteral("track_id"))).toInt(&ok);
        if (!ok) {
            issue(QStringLiteral("track_id is not a number"));
            continue;
        }
        Track &t = tracks[id];
        if (t.listeners == 0 && !t.bad) {
            t.firstLine = r.line;
            t.file = r.fields.at(col.value(QStringLiteral("file")));
            t.genre = r.fields.at(col.value(QStringLiteral("genre"))).trimmed();
            t.ticks.assign(size_t(emotions.size()), 0);
        } else if (r.fields.at(col.value(QStringLiteral("genre"))).trimmed() != t.genre
                   || r.fields.at(col.value(QStringLiteral("file"))) != t.file) {
            issue(QStringLiteral("track %1: file or genre differs from line %2").arg(id).arg(t.firstLine));
            t.bad = true;
            continue;
        }
        std::vector<int> row(size_t(emotions.size()));
        bool rowOk = true;
        for (qsizetype e = 0; e < emotions.size(); ++e) {
            const QString v = r.fields.at(col.value(emotions.at(e))).trimmed();
            if (v != QLatin1String("0") && v != QLatin1String("1")) {
                issue(QStringLiteral("%1 must be 0 or 1, not \"%2\"").arg(emotions.at(e), v));
                rowOk = false;
                break;
            }
            row[size_t(e)] = v == QLatin1String("1") ? 1 : 0;
        }
        if (!rowOk)
            continue;
        ++t.listeners;
        for (size_t e = 0; e < row.size(); ++e)
            t.ticks[e] += row[e];
    }

    const QDir base = QFileInfo(file).absoluteDir();
    const HeadSpec &genreHead = ds.spec.heads.at(0);
    for (auto it = tracks.constBegin(); it != tracks.constEnd(); ++it) {
        const Track &t = *it;
        if (t.bad || t.listeners == 0)
            continue;
        DatasetItem item;
        item.path = QDir::cleanPath(base.absoluteFilePath(t.file));
        item.groupKey = QStringLiteral("track:") + item.path;
        item.source = file;
        item.line = t.firstLine;
        HeadTarget genre, gems;
        genre.classIndex = genreHead.labelIndex(t.genre);
        genre.present = genre.classIndex >= 0;
        if (!genre.present)
            ds.issues << DatasetIssue{file, t.firstLine, QStringLiteral("track %1: unknown genre \"%2\"").arg(it.key()).arg(t.genre)};
        gems.present = true;
        for (int ticks : t.ticks) {
            const double share = double(ticks) / t.listeners;
            gems.soft.push_back(float(share));
            gems.multiHot.push_back(share >= threshold ? 1.0f : 0.0f);
        }
        item.targets = {genre, gems};
        if (const QString bad = checkItemFile(item.path, options); !bad.isEmpty()) {
            ds.issues << DatasetIssue{file, t.firstLine, bad};
            continue;
        }
        ds.items << item;
    }
    return ds;
}

int emotifyGenreFromAllMusic(const QString &words)
{
    // AllMusic's top-level genres that mean exactly one Emotify class. "Pop/Rock" means two
    // (the pair Emotify separates), so it vetoes; other words (Jazz, Vocal...) mean none.
    int genre = -1;
    const QStringList classes = emotifyGenres();
    for (const QString &w : words.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString word = w.trimmed();
        int g = -1;
        if (word.compare(QLatin1String("Pop/Rock"), Qt::CaseInsensitive) == 0)
            return -1;
        if (word.compare(QLatin1String("Classical"), Qt::CaseInsensitive) == 0)
            g = int(classes.indexOf(QStringLiteral("classical")));
        else if (word.compare(QLatin1String("Electronic"), Qt::CaseInsensitive) == 0)
            g = int(classes.indexOf(QStringLiteral("electronic")));
        if (g >= 0 && genre >= 0 && g != genre)
            return -1;
        if (g >= 0)
            genre = g;
    }
    return genre;
}

Dataset import4Q(const QString &metadataCsv, const LoadOptions &options, bool genresFromAllMusic)
{
    Dataset ds;
    const QString file = QFileInfo(metadataCsv).absoluteFilePath();
    const QStringList quadrants = quadrantLabels();
    ds.spec.heads << HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::Single, quadrants, 0.5};
    if (genresFromAllMusic)  // the same head as importEmotify's, so combineDatasets merges the two
        ds.spec.heads << HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::Single, emotifyGenres(), 0.5};
    QList<CsvRecord> records;
    QHash<QString, int> col;
    QStringList required{QStringLiteral("file"), QStringLiteral("artist"), QStringLiteral("quadrant")};
    if (genresFromAllMusic)
        required << QStringLiteral("allmusic_genres");
    if (!readTable(file, required, &records, &col, &ds))
        return ds;
    int needed = 0;
    for (const QString &c : std::as_const(required))
        needed = std::max(needed, col.value(c));
    const QDir base = QFileInfo(file).absoluteDir();
    for (const CsvRecord &r : std::as_const(records)) {
        const auto issue = [&](const QString &why) { ds.issues << DatasetIssue{file, r.line, why}; };
        if (r.fields.size() <= needed) {
            issue(QStringLiteral("too few fields (%1)").arg(r.fields.size()));
            continue;
        }
        const QString q = r.fields.at(col.value(QStringLiteral("quadrant"))).trimmed();
        HeadTarget t;
        t.classIndex = int(quadrants.indexOf(q));
        if (t.classIndex < 0) {
            issue(QStringLiteral("unknown quadrant \"%1\"").arg(q));
            continue;
        }
        t.present = true;
        DatasetItem item;
        item.path = QDir::cleanPath(base.absoluteFilePath(r.fields.at(col.value(QStringLiteral("file")))));
        item.artist = r.fields.at(col.value(QStringLiteral("artist"))).trimmed();
        item.groupKey = item.artist.isEmpty() ? QStringLiteral("track:") + item.path
                                              : QStringLiteral("artist:") + item.artist.simplified().toCaseFolded();
        item.source = file;
        item.line = r.line;
        item.targets = {t};
        if (genresFromAllMusic) {
            HeadTarget genre;
            genre.classIndex = emotifyGenreFromAllMusic(r.fields.at(col.value(QStringLiteral("allmusic_genres"))));
            genre.present = genre.classIndex >= 0;
            genre.scored = false;
            item.targets.push_back(genre);
        }
        if (const QString bad = checkItemFile(item.path, options); !bad.isEmpty()) {
            issue(bad);
            continue;
        }
        ds.items << item;
    }
    return ds;
}

} // namespace spectag::training
