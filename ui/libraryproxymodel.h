#pragma once

#include "searchquery.h"

#include <QSortFilterProxyModel>

namespace spectag::ui {

// Sorts the library by LibraryModel::SortRole (numbers as numbers) and filters it with the
// search box's SearchQuery. Works over any source model with LibraryModel's columns and roles,
// so the tests can feed it a QStandardItemModel.
class LibraryProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LibraryProxyModel(QObject *parent = nullptr);

    void setSearch(const QString &query);
    QString search() const { return m_text; }
    const SearchQuery &query() const { return m_query; }
    // Only tracks below this folder (the folder tree's selection); empty = all.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }

    // The dragged tracks in the order the table shows them, whatever order they were selected in.
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_folder;
    SearchQuery m_query;
};

} // namespace spectag::ui
