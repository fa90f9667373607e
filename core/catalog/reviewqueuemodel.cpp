#include "catalog/reviewqueuemodel.h"

#include "catalog/catalog.h"
#include "catalog/sqlvalues.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace spectag {

using catalogsql::idArray;

ReviewQueueModel::ReviewQueueModel(Catalog *catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
    , m_refreshQuery(std::make_unique<catalogsql::PreparedQuery>())
{
    connect(m_catalog, &Catalog::annotationsChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::predictionsChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::tracksChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::activeModelChanged, this, &ReviewQueueModel::reload);
    reload();
}

ReviewQueueModel::~ReviewQueueModel() = default;

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Uncertainty)
            return QString::number(r.uncertainty, 'f', 2);
        if (r.title.isEmpty())
            return QFileInfo(r.path).completeBaseName();
        return r.artist.isEmpty() ? r.title : QString(r.artist + QStringLiteral(" \u2013 ") + r.title);
    case Qt::ToolTipRole: {
        QString tip = r.path;
        for (const HeadUncertainty &h : r.heads)
            tip += u'\n' + tr("%1 (%2): %3").arg(h.head, h.singleLabel ? tr("margin of the top two") : tr("distance from 0/1"))
                              .arg(h.value, 0, 'f', 2);
        return tip;
    }
    case Qt::TextAlignmentRole:
        return index.column() == Uncertainty ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case TrackIdRole:
        return r.id;
    case PathRole:
        return r.path;
    case UncertaintyRole:
        return r.uncertainty;
    default:
        return {};
    }
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Track: return tr("Track");
    case Uncertainty: return tr("Uncertainty");
    default: return {};
    }
}

void ReviewQueueModel::setHeadKinds(const QHash<QString, bool> &singleLabel)
{
    if (singleLabel == m_singleLabel)
        return;
    m_singleLabel = singleLabel;
    reload();
}

qint64 ReviewQueueModel::trackIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ReviewQueueModel::rowForTrack(qint64 trackId) const
{
    const auto u = m_uncertaintyOf.constFind(trackId);
    if (u == m_uncertaintyOf.cend())
        return -1;
    Row key;
    key.id = trackId;
    key.uncertainty = *u;
    const int at = insertPosition(key);
    return at < m_rows.size() && m_rows.at(at).id == trackId ? at : -1;
}

double ReviewQueueModel::uncertaintyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).uncertainty : -1;
}

bool ReviewQueueModel::looksSingleLabel(const QJsonObject &labelScores)
{
    if (labelScores.size() < 2)
        return false;
    double sum = 0;
    for (auto it = labelScores.begin(); it != labelScores.end(); ++it)
        sum += it.value().toDouble();
    return std::abs(sum - 1.0) < 1e-3;
}

double ReviewQueueModel::headUncertainty(const QJsonObject &labelScores, bool singleLabel)
{
    if (labelScores.isEmpty())
        return 0;
    if (singleLabel) {
        double top = 0, second = 0;
        for (auto it = labelScores.begin(); it != labelScores.end(); ++it) {
            const double p = std::clamp(it.value().toDouble(), 0.0, 1.0);
            if (p > top) {
                second = top;
                top = p;
            } else if (p > second) {
                second = p;
            }
        }
        return 1.0 - (top - second);
    }
    double sum = 0;
    for (auto it = labelScores.begin(); it != labelScores.end(); ++it)
        sum += 1.0 - std::abs(2.0 * std::clamp(it.value().toDouble(), 0.0, 1.0) - 1.0);
    return sum / double(labelScores.size());
}

double ReviewQueueModel::trackUncertainty(const QJsonObject &scores, const QHash<QString, bool> &singleLabel)
{
    double sum = 0;
    int heads = 0;
    for (auto it = scores.begin(); it != scores.end(); ++it) {
        const QJsonObject labels = it.value().toObject();
        if (labels.isEmpty())
            continue;
        const auto kind = singleLabel.constFind(it.key());
        sum += headUncertainty(labels, kind != singleLabel.cend() ? *kind : looksSingleLabel(labels));
        ++heads;
    }
    return heads ? sum / heads : -1;
}

QList<ReviewQueueModel::Row> ReviewQueueModel::fetch(const QList<qint64> &ids) const
{
    QList<Row> out;
    if (!m_catalog->isOpen())
        return out;
    static const QString columns = QStringLiteral("SELECT t.id, t.path, t.title, t.artist, p.scores ");
    static const QString conditions = QStringLiteral(
        "p.model_id = (SELECT id FROM models WHERE active = 1 LIMIT 1) AND t.state = 'present' "
        "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.track_id = t.id AND a.source = 'human')");
    QSqlQuery all(m_catalog->database());
    all.setForwardOnly(true);
    QSqlQuery *query = &all;
    if (ids.isEmpty()) {
        if (!all.exec(columns + QStringLiteral("FROM predictions p JOIN tracks t ON t.id = p.track_id WHERE ") + conditions))
            return out;
    } else {
        // A refresh after a burst of analysed tracks: walk the ids (bound as one JSON array to a
        // statement prepared once) rather than the model's every prediction.
        query = m_refreshQuery->exec(m_catalog->database(),
                                     columns + QStringLiteral("FROM json_each(?) j CROSS JOIN tracks t CROSS JOIN predictions p "
                                                              "WHERE t.id = j.value AND p.track_id = t.id AND ") + conditions,
                                     {idArray(ids)});
        if (!query)
            return out;
    }
    QSqlQuery &q = *query;
    while (q.next()) {
        const QJsonObject scores = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        Row r;
        r.id = q.value(0).toLongLong();
        r.path = q.value(1).toString();
        r.title = q.value(2).toString();
        r.artist = q.value(3).toString();
        r.uncertainty = trackUncertainty(scores, m_singleLabel);
        if (r.uncertainty < 0)
            continue;  // nothing scored: nothing to review
        for (auto it = scores.begin(); it != scores.end(); ++it) {
            const QJsonObject labels = it.value().toObject();
            const auto kind = m_singleLabel.constFind(it.key());
            const bool single = kind != m_singleLabel.cend() ? *kind : looksSingleLabel(labels);
            r.heads.append({it.key(), single, headUncertainty(labels, single)});
        }
        out.append(std::move(r));
    }
    q.finish();
    return out;
}

int ReviewQueueModel::insertPosition(const Row &row) const
{
    // Most uncertain first; equal uncertainty in catalog order, so the queue is stable.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row, [](const Row &a, const Row &b) {
        return a.uncertainty != b.uncertainty ? a.uncertainty > b.uncertainty : a.id < b.id;
    });
    return int(it - m_rows.begin());
}

void ReviewQueueModel::reload()
{
    QList<Row> rows = fetch({});
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.uncertainty != b.uncertainty ? a.uncertainty > b.uncertainty : a.id < b.id;
    });
    beginResetModel();
    m_rows = std::move(rows);
    m_uncertaintyOf.clear();
    m_uncertaintyOf.reserve(m_rows.size());
    for (const Row &r : std::as_const(m_rows))
        m_uncertaintyOf.insert(r.id, r.uncertainty);
    endResetModel();
}

void ReviewQueueModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_uncertaintyOf.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ReviewQueueModel::insertRow(const Row &row)
{
    const int at = insertPosition(row);
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    m_uncertaintyOf.insert(row.id, row.uncertainty);
    endInsertRows();
}

void ReviewQueueModel::refreshTracks(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    const QList<Row> fresh = fetch(ids);
    for (qint64 id : ids) {
        const int old = rowForTrack(id);
        const auto found = std::find_if(fresh.begin(), fresh.end(), [id](const Row &r) { return r.id == id; });
        if (old >= 0 && found != fresh.end() && m_rows.at(old).uncertainty == found->uncertainty) {
            m_rows[old] = *found;  // same place: only the text may have changed
            Q_EMIT dataChanged(index(old, 0), index(old, ColumnCount - 1));
            continue;
        }
        if (old >= 0)
            removeRow(old);
        if (found != fresh.end())
            insertRow(*found);
    }
}

} // namespace spectag
