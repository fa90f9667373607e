// Subprocess for tst_badinput: scans as whichever user runs it (the test runs it as nobody, for
// whom permission bits count; root reads every folder).
//   badinput_scanhelper CATALOG DIR...   prints the scan's statistics as one JSON object
#include "catalog/catalog.h"
#include "scan/scanner.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

using namespace spectag;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: badinput_scanhelper CATALOG DIR...\n");
        return 2;
    }
    Catalog catalog;
    if (!catalog.open(args.at(1))) {
        std::fprintf(stderr, "%s\n", qPrintable(catalog.lastError()));
        return 1;
    }
    Scanner scanner(&catalog);
    const ScanStats stats = scanner.scan(args.mid(2));
    std::fprintf(stdout, "%s\n", QJsonDocument(stats.toJson()).toJson(QJsonDocument::Compact).constData());
    return 0;
}
