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
{
    connect(m_catalog, &Catalog::annotationsChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::predictionsChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::tracksChanged, this, &ReviewQueueModel::refreshTracks);
    connect(m_catalog, &Catalog::activeModelChanged, this, &ReviewQueueModel::reload);
    reload();
}

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
    case Qt::ToolTipRole:
        return QString(r.path + u'\n' + r.detail);
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
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == trackId)
            return i;
    return -1;
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
    QSqlQuery q(m_catalog->database());
    q.setForwardOnly(true);
    static const QString columns = QStringLiteral("SELECT t.id, t.path, t.title, t.artist, p.scores ");
    static const QString conditions = QStringLiteral(
        "p.model_id = (SELECT id FROM models WHERE active = 1 LIMIT 1) AND t.state = 'present' "
        "AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.track_id = t.id AND a.source = 'human')");
    if (ids.isEmpty()) {
        if (!q.exec(columns + QStringLiteral("FROM predictions p JOIN tracks t ON t.id = p.track_id WHERE ") + conditions))
            return out;
    } else {
        // A refresh after a burst of analysed tracks: walk the ids (bound as one JSON array, so
        // the statement's text never changes) rather than the model's every prediction.
        q.prepare(columns + QStringLiteral("FROM json_each(?) j CROSS JOIN tracks t CROSS JOIN predictions p "
                                           "WHERE t.id = j.value AND p.track_id = t.id AND ") + conditions);
        q.addBindValue(idArray(ids));
        if (!q.exec())
            return out;
    }
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
        QStringList parts;
        for (auto it = scores.begin(); it != scores.end(); ++it) {
            const QJsonObject labels = it.value().toObject();
            const auto kind = m_singleLabel.constFind(it.key());
            const bool single = kind != m_singleLabel.cend() ? *kind : looksSingleLabel(labels);
            parts << tr("%1 (%2): %3").arg(it.key(), single ? tr("margin of the top two") : tr("distance from 0/1"))
                         .arg(headUncertainty(labels, single), 0, 'f', 2);
        }
        r.detail = parts.join(u'\n');
        out.append(r);
    }
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
    endResetModel();
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
        if (old >= 0) {
            beginRemoveRows({}, old, old);
            m_rows.removeAt(old);
            endRemoveRows();
        }
        if (found != fresh.end()) {
            const int at = insertPosition(*found);
            beginInsertRows({}, at, at);
            m_rows.insert(at, *found);
            endInsertRows();
        }
    }
}

} // namespace spectag
