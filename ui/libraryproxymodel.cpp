#include "libraryproxymodel.h"

#include "catalog/librarymodel.h"

#include <algorithm>

namespace spectag::ui {

LibraryProxyModel::LibraryProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(LibraryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void LibraryProxyModel::setSearch(const QString &query)
{
    if (query == m_text)
        return;
    m_text = query;
    m_query = SearchQuery::parse(query);
    invalidateFilter();
}

void LibraryProxyModel::setFolder(const QString &folder)
{
    QString f = folder;
    while (f.size() > 1 && f.endsWith(u'/'))
        f.chop(1);
    if (f == m_folder)
        return;
    m_folder = f;
    invalidateFilter();
}

QMimeData *LibraryProxyModel::mimeData(const QModelIndexList &indexes) const
{
    QModelIndexList sorted = indexes;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return QSortFilterProxyModel::mimeData(sorted);
}

bool LibraryProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    auto cell = [&](int column, int role) { return src->index(sourceRow, column, sourceParent).data(role); };
    if (!m_folder.isEmpty()) {
        const QString path = cell(LibraryModel::Title, LibraryModel::PathRole).toString();
        if (!path.startsWith(m_folder == u"/" ? m_folder : m_folder + u'/'))
            return false;
    }
    if (m_query.isEmpty())
        return true;
    using F = SearchQuery::Field;
    return m_query.matches([&](F f) -> QVariant {
        switch (f) {
        case F::Title: return cell(LibraryModel::Title, Qt::DisplayRole);
        case F::Artist: return cell(LibraryModel::Artist, Qt::DisplayRole);
        case F::Album: return cell(LibraryModel::Album, Qt::DisplayRole);
        case F::Genre: return cell(LibraryModel::Genre, Qt::DisplayRole);
        case F::Mood: return cell(LibraryModel::Mood, Qt::DisplayRole);
        case F::State: return cell(LibraryModel::AnalysisState, Qt::DisplayRole);
        case F::Path: return cell(LibraryModel::Title, LibraryModel::PathRole);
        case F::Duration: return cell(LibraryModel::Duration, LibraryModel::SortRole);
        case F::Confidence: {
            // SortRole is -1 for unanalysed tracks: they match no confidence comparison.
            const QVariant v = cell(LibraryModel::Confidence, LibraryModel::SortRole);
            return v.isValid() && v.toDouble() >= 0 ? v : QVariant();
        }
        case F::Any: break;
        }
        return {};
    });
}

} // namespace spectag::ui
