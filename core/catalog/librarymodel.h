#pragma once

#include "catalog/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <memory>

namespace spectag {

class Catalog;
namespace catalogsql {
class PreparedQuery;
}

// The library as a table (QtCore only: the views live in ui/). One row per catalog track, in
// catalog id order; sorting and filtering belong to a QSortFilterProxyModel over SortRole.
// Refreshes incrementally from Catalog::tracksChanged / predictionsChanged: only the rows whose
// ids are named are re-read, new ids are appended, deleted ones removed.
class LibraryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Artist, Album, Duration, Genre, Mood, Confidence, AnalysisState, TagWriteState, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        TrackIdRole = Qt::UserRole + 1,  // qint64
        PathRole,                        // QString, absolute path
        SortRole,                        // a value that sorts right (numbers as numbers, text folded)
        StateRole,                       // "present" or "missing"
        FingerprintRole,                 // QByteArray
        AnalysedRole,                    // bool: the active model has a prediction for the track
    };
    Q_ENUM(Role)

    explicit LibraryModel(Catalog *catalog, QObject *parent = nullptr);
    ~LibraryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Rows are a drag source (trackmime: catalog ids plus file URLs), in the order of `indexes`.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    int rowForTrack(qint64 trackId) const { return m_rowOf.value(trackId, -1); }
    qint64 trackIdAt(int row) const;

public Q_SLOTS:
    void reload();
    void refreshTracks(const QList<qint64> &ids);

private:
    struct Row {
        TrackRecord track;
        bool analysed = false;
        QString predictedGenre, predictedMood;
        double confidence = 0;
    };
    QList<Row> fetch(const QList<qint64> &ids) const;  // empty ids = all
    void reindex();

    Catalog *m_catalog;
    std::unique_ptr<catalogsql::PreparedQuery> m_refreshQuery;  // the refresh-by-ids statement
    QList<Row> m_rows;
    QHash<qint64, int> m_rowOf;
};

} // namespace spectag
