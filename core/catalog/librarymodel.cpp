#include "catalog/librarymodel.h"

#include "catalog/catalog.h"
#include "catalog/sqlvalues.h"
#include "catalog/trackmime.h"
#include "util/timeformat.h"

#include <QFileInfo>
#include <QMimeData>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace spectag {

using catalogsql::idArray;

namespace {


} // namespace

LibraryModel::LibraryModel(Catalog *catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
    , m_refreshQuery(std::make_unique<catalogsql::PreparedQuery>())
{
    connect(catalog, &Catalog::tracksChanged, this, &LibraryModel::refreshTracks);
    connect(catalog, &Catalog::predictionsChanged, this, &LibraryModel::refreshTracks);
    connect(catalog, &Catalog::activeModelChanged, this, &LibraryModel::reload);
    reload();
}

LibraryModel::~LibraryModel() = default;

QList<LibraryModel::Row> LibraryModel::fetch(const QList<qint64> &ids) const
{
    QList<Row> rows;
    if (!m_catalog->isOpen())
        return rows;
    const QString base = QStringLiteral(
        "SELECT %1, p.track_id IS NOT NULL, p.top_genre, p.top_mood, p.confidence FROM tracks "
        "LEFT JOIN predictions p ON p.track_id = tracks.id AND p.model_id = (SELECT id FROM models WHERE active = 1 LIMIT 1) ")
                             .arg(QString::fromLatin1(Catalog::kTrackColumns).replace(QStringLiteral("id, path"), QStringLiteral("tracks.id, path")));
    auto read = [&](QSqlQuery &q) {
        while (q.next()) {
            Row r;
            r.track = Catalog::trackFromQuery(q);
            r.analysed = q.value(21).toBool();
            r.predictedGenre = q.value(22).toString();
            r.predictedMood = q.value(23).toString();
            r.confidence = q.value(24).toDouble();
            rows.append(r);
        }
    };
    if (ids.isEmpty()) {
        QSqlQuery q(m_catalog->database());
        q.setForwardOnly(true);
        if (q.exec(base + QStringLiteral("ORDER BY tracks.id")))
            read(q);
        return rows;
    }
    // One constant statement, prepared once, with the ids bound as a JSON array: the GUI thread
    // refreshes after every burst of analysed tracks, and parsing SQL (first with hundreds of
    // literal ids, then the join alone) was most of its time during a library analysis (perf,
    // bench_guistall).
    if (QSqlQuery *q = m_refreshQuery->exec(m_catalog->database(),
                                            base + QStringLiteral("WHERE tracks.id IN (SELECT value FROM json_each(?))"),
                                            {idArray(ids)})) {
        read(*q);
        m_refreshQuery->done();
    }
    return rows;
}

void LibraryModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).track.id, i);
}

void LibraryModel::reload()
{
    beginResetModel();
    m_rows = fetch({});
    reindex();
    endResetModel();
}

void LibraryModel::refreshTracks(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    const QList<Row> fresh = fetch(ids);
    QSet<qint64> seen;
    QList<Row> added;
    QList<int> changed;
    for (const Row &r : fresh) {
        seen.insert(r.track.id);
        const int row = m_rowOf.value(r.track.id, -1);
        if (row < 0) {
            added.append(r);
            continue;
        }
        m_rows[row] = r;
        changed.append(row);
    }
    // One dataChanged per run of adjacent rows: analysis batches are mostly consecutive ids, and
    // the sorting proxy and the views do their work once per signal.
    std::sort(changed.begin(), changed.end());
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed.at(j + 1) <= changed.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(changed.at(i), 0), index(changed.at(j), ColumnCount - 1));
        i = j + 1;
    }
    // Ids that are no longer in the catalog: drop their rows, last first so indexes stay valid.
    QList<int> gone;
    for (qint64 id : ids)
        if (!seen.contains(id) && m_rowOf.contains(id))
            gone.append(m_rowOf.value(id));
    std::sort(gone.begin(), gone.end(), std::greater<int>());
    for (int row : gone) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    if (!gone.isEmpty())
        reindex();
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Row &r : added) {
            m_rowOf.insert(r.track.id, int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
}

qint64 LibraryModel::trackIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).track.id : 0;
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const TrackRecord &t = r.track;
    switch (role) {
    case TrackIdRole:
        return t.id;
    case PathRole:
        return t.path;
    case StateRole:
        return t.state == TrackState::Missing ? QStringLiteral("missing") : QStringLiteral("present");
    case FingerprintRole:
        return t.fingerprint;
    case AnalysedRole:
        return r.analysed;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    auto text = [sort](const QString &s) -> QVariant { return sort ? QVariant(s.toCaseFolded()) : QVariant(s); };
    switch (index.column()) {
    case Title:
        if (role == Qt::ToolTipRole)
            return t.path;
        return text(t.title.isEmpty() ? QFileInfo(t.path).completeBaseName() : t.title);
    case Artist:
        return text(t.artist);
    case Album:
        return text(t.album);
    case Duration:
        return sort ? QVariant(t.duration) : QVariant(formatClock(t.duration));
    case Genre:
        // The prediction of the active model wins over the file's tag; the tool tip tells which.
        if (role == Qt::ToolTipRole)
            return r.predictedGenre.isEmpty() ? tr("From the file's tags") : tr("Predicted (tag: %1)").arg(t.genre);
        return text(r.predictedGenre.isEmpty() ? t.genre : r.predictedGenre);
    case Mood:
        if (role == Qt::ToolTipRole)
            return r.predictedMood.isEmpty() ? tr("From the file's tags") : tr("Predicted (tag: %1)").arg(t.mood);
        return text(r.predictedMood.isEmpty() ? t.mood : r.predictedMood);
    case Confidence:
        if (!r.analysed)
            return sort ? QVariant(-1.0) : QVariant();
        return sort ? QVariant(r.confidence) : QVariant(QStringLiteral("%1 %").arg(qRound(r.confidence * 100)));
    case AnalysisState:
        if (t.state == TrackState::Missing)
            return text(tr("missing"));
        return text(r.analysed ? tr("analysed") : tr("not analysed"));
    case TagWriteState:
        return text(t.tagWriteState);
    default:
        return {};
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title: return tr("Title");
    case Artist: return tr("Artist");
    case Album: return tr("Album");
    case Duration: return tr("Duration");
    case Genre: return tr("Genre");
    case Mood: return tr("Mood");
    case Confidence: return tr("Confidence");
    case AnalysisState: return tr("Analysis");
    case TagWriteState: return tr("Tags");
    default: return {};
    }
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsDragEnabled : f;
}

QStringList LibraryModel::mimeTypes() const
{
    return {trackmime::trackIdsMimeType(), QStringLiteral("text/uri-list")};
}

QMimeData *LibraryModel::mimeData(const QModelIndexList &indexes) const
{
    // A selected row comes once per column: keep each track once, where it first appears.
    QList<qint64> ids;
    QStringList paths;
    QSet<int> rows;
    for (const QModelIndex &index : indexes) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || rows.contains(index.row()))
            continue;
        rows.insert(index.row());
        const TrackRecord &t = m_rows.at(index.row()).track;
        ids.append(t.id);
        paths.append(t.path);
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    trackmime::encodeTracks(mime, ids, paths);
    return mime;
}

QHash<int, QByteArray> LibraryModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractTableModel::roleNames();
    r.insert(TrackIdRole, "trackId");
    r.insert(PathRole, "path");
    r.insert(SortRole, "sortValue");
    r.insert(StateRole, "state");
    r.insert(FingerprintRole, "fingerprint");
    r.insert(AnalysedRole, "analysed");
    return r;
}

} // namespace spectag
