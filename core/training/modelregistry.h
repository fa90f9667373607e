#pragma once

#include <QString>

namespace spectag {

class Catalog;

// Records a model file in the catalog (by its version hash, so recording twice keeps one row)
// and optionally makes it the active model. Returns the model's catalog id, 0 with *error set.
// Shared by `spectag train --from-catalog` and the fine-tuning dialog.
qint64 registerModelFile(Catalog &catalog, const QString &modelPath, bool activate, QString *error);

} // namespace spectag
