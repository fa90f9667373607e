#pragma once

#include "catalog/catalog.h"
#include "cli/cli.h"
#include "util/paths.h"

namespace spectag::cli {

// The verbs that read or write the catalog share its option: --catalog PATH, else the user's
// default catalog. Header-only: only verb files that link the catalog include it.
inline QString catalogPath(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("catalog")) ? p.value(QStringLiteral("catalog")) : paths::defaultCatalogPath();
}

inline bool openCatalog(Context &ctx, const QCommandLineParser &p, Catalog &catalog)
{
    if (catalog.open(catalogPath(p)))
        return true;
    ctx.err << "spectag: cannot open the catalog: " << catalog.lastError() << '\n';
    return false;
}

} // namespace spectag::cli
