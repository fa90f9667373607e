// `spectag playlist`: lists the catalog's playlists and exports one as M3U8 or XSPF.
#include "catalog/catalog.h"
#include "cli/catalogoption.h"
#include "cli/cli.h"
#include "playlists/playlistexport.h"
#include "util/paths.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spectag::cli {

namespace {

int playlistVerb(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, or export NAME (a playlist's name or id)."),
                            QStringLiteral("list|export [NAME]"));
    p.addOptions({
        {QStringLiteral("catalog"), QStringLiteral("Catalog database (default %1).").arg(paths::defaultCatalogPath()), QStringLiteral("path")},
        {QStringLiteral("format"), QStringLiteral("m3u8 or xspf (default: from the --out extension, else m3u8)."), QStringLiteral("format")},
        {QStringLiteral("out"), QStringLiteral("File to write (export)."), QStringLiteral("file")},
        {QStringLiteral("json"), QStringLiteral("list: one JSON array of {id, name, tracks, mood, query}.")},
    });
    if (!parseVerbArgs(ctx, p, args, QStringLiteral(
        "Lists the playlists of the catalog, or exports one as an M3U8 (paths relative to the playlist's "
        "folder when below it) or XSPF file. Smart playlists export the tracks the application last "
        "matched to their query.")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if ((action != u"list" || pos.size() != 1) && (action != u"export" || pos.size() != 2)) {
        ctx.err << p.helpText();
        return Usage;
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
    verbs.push_back({QStringLiteral("playlist"), QStringLiteral("List playlists, or export one as M3U8 or XSPF."), &playlistVerb});
}

} // namespace spectag::cli
