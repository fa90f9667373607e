#pragma once

#include <QString>

namespace spectag {

// Where Spectag's own files live. Each can be overridden for tests and servers.
namespace paths {
QString defaultCatalogPath();   // AppDataLocation/catalog.sqlite
QString featureCacheDir();      // CacheLocation/features: training spectrograms (app and CLI share it)
QString defaultModelPath();     // the shipped default model (installed or in the source tree)
QString resourcesDir();         // resources/ next to the binary's share dir or the source tree
} // namespace paths

} // namespace spectag
