#include "training/modelregistry.h"

#include "catalog/catalog.h"
#include "model/modelfile.h"

#include <QFileInfo>
#include <QJsonArray>

namespace spectag {

qint64 registerModelFile(Catalog &catalog, const QString &modelPath, bool activate, QString *error)
{
    ModelFile mf;
    if (!readModelFile(modelPath, &mf, error))
        return 0;
    ModelRecord r;
    r.name = QFileInfo(modelPath).completeBaseName();
    r.architecture = mf.spec.architecture;
    r.versionHash = mf.versionHash();
    for (const HeadSpec &h : mf.spec.heads)
        r.labelSets.insert(h.name, QJsonArray::fromStringList(h.labels));
    r.filePath = QFileInfo(modelPath).absoluteFilePath();
    const qint64 id = catalog.upsertModel(r);
    if (id == 0 || (activate && !catalog.setActiveModel(id))) {
        *error = catalog.lastError();
        return 0;
    }
    return id;
}

} // namespace spectag
