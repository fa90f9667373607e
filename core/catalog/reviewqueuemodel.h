#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <memory>

namespace spectag {

class Catalog;
namespace catalogsql {
class PreparedQuery;
}

// The annotators' work list: tracks the active model has analysed that no human has annotated
// yet, most uncertain first, so that a correction goes where the model is least sure.
//
// Uncertainty of a track is the mean over its heads of the head's uncertainty, each in [0, 1]:
//   multi-label head (independent sigmoids): the mean over labels of 1 - |2p - 1|
//     (1 when a label sits at 0.5, 0 when every label is at 0 or 1);
//   single-label head (softmax): 1 - (p_top - p_second), the margin between the two best classes.
// Which heads are single-label comes from setHeadKinds() (the loaded network's spec); a head it
// does not name counts as single-label when its scores sum to one (see looksSingleLabel).
//
// QtCore only. Refreshes from the catalog's signals row by row: a track leaves the queue as soon
// as a human annotation for it is written, and enters (or moves) when its prediction changes.
class ReviewQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Track, Uncertainty, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        TrackIdRole = Qt::UserRole + 1,  // qint64
        PathRole,                        // QString
        UncertaintyRole,                 // double in [0, 1]
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(Catalog *catalog, QObject *parent = nullptr);
    ~ReviewQueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // head -> true when the head is single-label. Re-sorts the queue.
    void setHeadKinds(const QHash<QString, bool> &singleLabel);
    qint64 trackIdAt(int row) const;
    int rowForTrack(qint64 trackId) const;
    double uncertaintyAt(int row) const;

    static double headUncertainty(const QJsonObject &labelScores, bool singleLabel);
    // Mean over heads; -1 when there are no scores at all.
    static double trackUncertainty(const QJsonObject &scores, const QHash<QString, bool> &singleLabel = {});
    // Softmax scores sum to one; independent sigmoids almost never do exactly.
    static bool looksSingleLabel(const QJsonObject &labelScores);

public Q_SLOTS:
    void reload();
    void refreshTracks(const QList<qint64> &ids);

public:
    // Public only so that Q_DECLARE_TYPEINFO can name it.
    struct HeadUncertainty {
        QString head;
        bool singleLabel = false;
        double value = 0;
    };
    struct Row {
        qint64 id = 0;
        QString path, title, artist;
        double uncertainty = 0;
        QList<HeadUncertainty> heads;  // for the tool tip, which is built when asked for
    };

private:
    QList<Row> fetch(const QList<qint64> &ids) const;  // empty ids = every queued track
    int insertPosition(const Row &row) const;
    void removeRow(int row);
    void insertRow(const Row &row);

    Catalog *m_catalog;
    std::unique_ptr<catalogsql::PreparedQuery> m_refreshQuery;  // the refresh-by-ids statement
    QHash<QString, bool> m_singleLabel;
    QList<Row> m_rows;  // sorted: most uncertain first, then by id
    // id -> uncertainty of its row: with the sort order that finds a track's row by binary search
    // (a refresh after every analysis batch looked each id up by a linear scan of 10,000 rows).
    QHash<qint64, double> m_uncertaintyOf;
};

} // namespace spectag

// Rows move by memmove when one is inserted in the middle of 10,000 (QString and QList are
// relocatable), not element by element.
Q_DECLARE_TYPEINFO(spectag::ReviewQueueModel::HeadUncertainty, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(spectag::ReviewQueueModel::Row, Q_RELOCATABLE_TYPE);
