// `spectag playlist`: lists the catalog's playlists, exports one as M3U8 or XSPF, and makes
// mood-trajectory playlists.
#include "catalog/catalog.h"
#include "cli/catalogoption.h"
#include "cli/cli.h"
#include "inference/moodcatalog.h"
#include "playlists/playlistexport.h"
#include "util/paths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spectag::cli {

namespace {

// `playlist trajectory`: options already parsed and the catalog open.
int trajectory(Context &ctx, const QCommandLineParser &p, Catalog &catalog)
{
    std::vector<TrajectoryPick> picks;
    QString error;
    const auto from = parseMoodPoint(p.value(QStringLiteral("from")));
    const auto to = parseMoodPoint(p.value(QStringLiteral("to")));
    const int count = p.value(QStringLiteral("count")).toInt();
    const QString name = p.value(QStringLiteral("name")).trimmed();
    const qint64 id = createTrajectoryPlaylist(catalog, name, *from, *to, count, &error, &picks);
    if (id == 0) {
        ctx.err << "spectag: " << error << '\n';
        return Failure;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray tracks;
        for (const TrajectoryPick &pick : picks) {
            const auto t = catalog.track(pick.trackId);
            tracks.append(QJsonObject{{QStringLiteral("id"), pick.trackId}, {QStringLiteral("path"), t ? t->path : QString()},
                                      {QStringLiteral("along"), pick.along}, {QStringLiteral("distance"), pick.distance}});
        }
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("tracks"), tracks}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else {
        ctx.out << "made playlist " << name << " (id " << id << ") with " << picks.size() << " of " << count << " tracks\n";
        for (const TrajectoryPick &pick : picks) {
            const auto t = catalog.track(pick.trackId);
            ctx.out << QString::number(pick.along, 'f', 2) << '\t' << (t ? t->path : QString::number(pick.trackId)) << '\n';
        }
    }
    ctx.out.flush();
    return Ok;
}

int playlistVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"),
                            QStringLiteral("list, export NAME (a playlist's name or id), or trajectory."),
                            QStringLiteral("list|export [NAME]|trajectory"));
    p.addOptions({
        {QStringLiteral("catalog"), QStringLiteral("Catalog database (default %1).").arg(paths::defaultCatalogPath()), QStringLiteral("path")},
        {QStringLiteral("format"), QStringLiteral("m3u8 or xspf (default: from the --out extension, else m3u8)."), QStringLiteral("format")},
        {QStringLiteral("out"), QStringLiteral("File to write (export)."), QStringLiteral("file")},
        {QStringLiteral("json"), QStringLiteral("list: one JSON array of {id, name, tracks, mood, query}; trajectory: "
                                                "{id, name, tracks: [{id, path, along, distance}]}.")},
        {QStringLiteral("from"), QStringLiteral("trajectory: start mood, a word (%1), Q1..Q4 or VALENCE,AROUSAL in [-1, 1].")
                                     .arg(moodPointWords().join(QStringLiteral(", "))), QStringLiteral("mood")},
        {QStringLiteral("to"), QStringLiteral("trajectory: end mood, as --from."), QStringLiteral("mood")},
        {QStringLiteral("count"), QStringLiteral("trajectory: number of tracks (default 20)."), QStringLiteral("n"), QStringLiteral("20")},
        {QStringLiteral("name"), QStringLiteral("trajectory: name of the new playlist."), QStringLiteral("name")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral(
        "Lists the playlists of the catalog, or exports one as an M3U8 (paths relative to the playlist's "
        "folder when below it) or XSPF file. Smart playlists export the tracks the application last "
        "matched to their query.\n\n"
        "trajectory makes a new playlist that walks the valence/arousal plane from one mood to another: "
        "of the tracks the active model placed there, the ones nearest to --count evenly spaced points on "
        "the straight path, each once, in path order.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if ((action != u"list" || pos.size() != 1) && (action != u"export" || pos.size() != 2)
        && (action != u"trajectory" || pos.size() != 1)) {
        ctx.err << p.helpText();
        return Usage;
    }
    if (action == u"trajectory") {
        for (const char *option : {"from", "to"}) {
            const QString text = p.value(QLatin1String(option));
            if (!parseMoodPoint(text)) {
                ctx.err << "spectag: playlist trajectory needs --" << option << " MOOD, one of "
                        << moodPointWords().join(QStringLiteral(", ")) << ", Q1..Q4 or VALENCE,AROUSAL in [-1, 1]"
                        << (text.isEmpty() ? QString() : QStringLiteral(" (not \"%1\")").arg(text)) << '\n';
                return Usage;
            }
        }
        bool countOk = false;
        const int count = p.value(QStringLiteral("count")).toInt(&countOk);
        if (!countOk || count < 1 || count > 10000) {
            ctx.err << "spectag: --count must be a whole number from 1 to 10000\n";
            return Usage;
        }
        if (p.value(QStringLiteral("name")).trimmed().isEmpty()) {
            ctx.err << "spectag: playlist trajectory needs --name NAME\n";
            return Usage;
        }
    }
    std::optional<PlaylistFormat> format;
    if (p.isSet(QStringLiteral("format"))) {
        const QString f = p.value(QStringLiteral("format")).toLower();
        format = f == u"xspf" ? std::optional(PlaylistFormat::Xspf) : f == u"m3u8" || f == u"m3u" ? std::optional(PlaylistFormat::M3u8) : std::nullopt;
        if (!format) {
            ctx.err << "spectag: unknown playlist format " << f << " (m3u8 or xspf)\n";
            return Usage;
        }
    }
    const QString out = p.value(QStringLiteral("out"));
    if (action == u"export" && out.isEmpty()) {
        ctx.err << "spectag: playlist export needs --out FILE\n";
        return Usage;
    }

    Catalog catalog;
    if (!openCatalog(ctx, p, catalog))
        return Failure;

    if (action == u"trajectory")
        return trajectory(ctx, p, catalog);
    if (action == u"list") {
        const QList<PlaylistRecord> all = catalog.playlists();
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray rows;
            for (const PlaylistRecord &r : all)
                rows.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("name"), r.name},
                                        {QStringLiteral("tracks"), r.itemCount}, {QStringLiteral("mood"), r.mood},
                                        {QStringLiteral("query"), r.query}});
            ctx.out << QJsonDocument(rows).toJson(QJsonDocument::Compact) << '\n';
        } else {
            for (const PlaylistRecord &r : all) {
                QString kind;
                if (!r.query.isEmpty())
                    kind = QStringLiteral("  [smart: %1]").arg(r.query);
                else if (!r.mood.isEmpty())
                    kind = QStringLiteral("  [mood: %1]").arg(r.mood);
                ctx.out << r.id << '\t' << r.itemCount << '\t' << r.name << kind << '\n';
            }
        }
        ctx.out.flush();
        return Ok;
    }

    // Two playlists may share a name (two trajectory runs with one --name): exporting "the" one
    // would pick either in silence, so ask for the id.
    QStringList sameName;
    for (const PlaylistRecord &r : catalog.playlists()) {
        if (r.name == pos.at(1))
            sameName << QString::number(r.id);
    }
    if (sameName.size() > 1) {
        ctx.err << "spectag: " << sameName.size() << " playlists are named " << pos.at(1) << " (ids "
                << sameName.join(QStringLiteral(", ")) << "): export one by its id\n";
        return Failure;
    }
    const auto playlist = findPlaylist(catalog, pos.at(1));
    if (!playlist) {
        ctx.err << "spectag: no playlist named " << pos.at(1) << " (spectag playlist list shows them)\n";
        return Failure;
    }
    if (!format)
        format = playlistFormatForPath(out).value_or(PlaylistFormat::M3u8);
    QString error;
    if (!exportPlaylist(catalog, playlist->id, out, *format, &error)) {
        ctx.err << "spectag: " << error << '\n';
        return Failure;
    }
    ctx.out << "wrote " << playlist->itemCount << " tracks of " << playlist->name << " to " << out << '\n';
    ctx.out.flush();
    return Ok;
}

} // namespace

void addPlaylistVerbs(std::vector<Verb> &verbs)
{
    verbs.push_back({QStringLiteral("playlist"), QStringLiteral("List playlists, export one as M3U8 or XSPF, or make a mood trajectory."), &playlistVerb});
}

} // namespace spectag::cli
