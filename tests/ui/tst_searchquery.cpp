// The library search syntax (SearchQuery) and the proxy model that applies it.
#include "catalog/librarymodel.h"
#include "ui/libraryproxymodel.h"
#include "ui/searchquery.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QtTest>

using spectag::LibraryModel;
using spectag::ui::LibraryProxyModel;
using spectag::ui::SearchQuery;

namespace {
struct Track {
    QString title, artist, genre, mood, path;
    double duration;
    double confidence;  // < 0: not analysed
};

const QList<Track> kTracks = {
    {QStringLiteral("Blue in Green"), QStringLiteral("Miles Davis"), QStringLiteral("jazz"), QStringLiteral("calm"), QStringLiteral("/m/jazz/blue.flac"), 337, 0.91},
    {QStringLiteral("So What"), QStringLiteral("Miles Davis"), QStringLiteral("jazz"), QStringLiteral("happy"), QStringLiteral("/m/jazz/sowhat.flac"), 562, 0.55},
    {QStringLiteral("Battle Epic"), QStringLiteral("Wesnoth"), QStringLiteral("film score"), QStringLiteral("tense"), QStringLiteral("/m/game/battle-epic.ogg"), 175, 0.78},
    {QStringLiteral("Elvish Theme"), QStringLiteral("Wesnoth"), QStringLiteral("film score"), QStringLiteral("calm"), QStringLiteral("/m/game/elvish.ogg"), 142, -1},
    {QStringLiteral("Rock: Anthem"), QStringLiteral("Band"), QStringLiteral("rock"), QStringLiteral("happy"), QStringLiteral("/m/rock/anthem.mp3"), 240, 0.70},
};

// A stand-in for LibraryModel with its columns and roles, so the proxy is tested without SQLite.
QStandardItemModel *makeModel(QObject *parent)
{
    auto *m = new QStandardItemModel(0, LibraryModel::ColumnCount, parent);
    for (const Track &t : kTracks) {
        QList<QStandardItem *> row;
        for (int c = 0; c < LibraryModel::ColumnCount; ++c)
            row.append(new QStandardItem);
        auto set = [&](int col, const QVariant &display, const QVariant &sort) {
            row[col]->setData(display, Qt::DisplayRole);
            row[col]->setData(sort, LibraryModel::SortRole);
        };
        set(LibraryModel::Title, t.title, t.title.toCaseFolded());
        row[LibraryModel::Title]->setData(t.path, LibraryModel::PathRole);
        set(LibraryModel::Artist, t.artist, t.artist.toCaseFolded());
        set(LibraryModel::Genre, t.genre, t.genre);
        set(LibraryModel::Mood, t.mood, t.mood);
        set(LibraryModel::Duration, QString::number(t.duration), t.duration);
        set(LibraryModel::Confidence, t.confidence < 0 ? QVariant() : QVariant(QStringLiteral("%1 %").arg(qRound(t.confidence * 100))), t.confidence);
        set(LibraryModel::AnalysisState, t.confidence < 0 ? QStringLiteral("not analysed") : QStringLiteral("analysed"), QVariant());
        m->appendRow(row);
    }
    return m;
}

QStringList titles(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, LibraryModel::Title).data().toString());
    return out;
}
} // namespace

class TestSearchQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("terms");  // field op text/number [!]
        auto row = [](const char *name, const QString &q, const QStringList &t) { QTest::newRow(name) << q << t; };
        row("empty", QString(), {});
        row("blank", QStringLiteral("   "), {});
        row("free words", QStringLiteral("Blue  GREEN"), {QStringLiteral("any:blue"), QStringLiteral("any:green")});
        row("field contains", QStringLiteral("mood:Calm"), {QStringLiteral("mood:calm")});
        row("field equals", QStringLiteral("genre=jazz"), {QStringLiteral("genre=jazz")});
        row("quoted value", QStringLiteral("genre:\"film score\" x"), {QStringLiteral("genre:film score"), QStringLiteral("any:x")});
        row("numeric >", QStringLiteral("conf>0.7"), {QStringLiteral("conf>0.7")});
        row("numeric >= percent", QStringLiteral("confidence>=75%"), {QStringLiteral("conf>=0.75")});
        row("duration m:ss", QStringLiteral("duration<3:05"), {QStringLiteral("duration<185")});
        row("negated", QStringLiteral("-genre:rock -live"), {QStringLiteral("!genre:rock"), QStringLiteral("!any:live")});
        row("unknown field is text", QStringLiteral("foo:bar"), {QStringLiteral("any:foo:bar")});
        row("half typed field", QStringLiteral("mood:"), {});
        row("bad number ignored", QStringLiteral("conf>abc jazz"), {QStringLiteral("any:jazz")});
        row("text field with > is text", QStringLiteral("title>x"), {QStringLiteral("any:title>x")});
        row("lone dash is text", QStringLiteral("-"), {QStringLiteral("any:-")});
    }

    void parse()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, terms);
        QStringList got;
        const SearchQuery parsed = SearchQuery::parse(query);  // terms() refers into it: keep it alive
        for (const SearchQuery::Term &t : parsed.terms()) {
            static const char *ops[] = {":", "=", "<", "<=", ">", ">="};
            const bool numeric = t.field == SearchQuery::Field::Confidence || t.field == SearchQuery::Field::Duration;
            // Built step by step: a QStringBuilder over temporaries from ?: would dangle.
            QString term = t.negated ? QStringLiteral("!") : QString();
            term += SearchQuery::fieldName(t.field);
            term += QLatin1String(ops[int(t.op)]);
            term += numeric ? QString::number(t.number) : t.text;
            got.append(term);
        }
        QCOMPARE(got, terms);
    }

    void filter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const QString &q, const QStringList &e) { QTest::newRow(name) << q << e; };
        const QString blue = QStringLiteral("Blue in Green"), sowhat = QStringLiteral("So What"), battle = QStringLiteral("Battle Epic"),
                      elvish = QStringLiteral("Elvish Theme"), rock = QStringLiteral("Rock: Anthem");
        row("all", QString(), {blue, sowhat, battle, elvish, rock});
        row("free text across fields", QStringLiteral("miles"), {blue, sowhat});
        row("free text needs every word", QStringLiteral("miles calm"), {blue});
        row("mood", QStringLiteral("mood:calm"), {blue, elvish});
        row("mood and genre", QStringLiteral("mood:calm genre:jazz"), {blue});
        row("quoted genre", QStringLiteral("genre:\"film score\""), {battle, elvish});
        row("conf > skips unanalysed", QStringLiteral("conf>0.7"), {blue, battle});
        row("conf >= boundary", QStringLiteral("conf>=0.7"), {blue, battle, rock});
        row("conf < skips unanalysed", QStringLiteral("conf<0.6"), {sowhat});
        row("duration minutes", QStringLiteral("duration<=4:00"), {battle, elvish, rock});
        row("negated genre", QStringLiteral("-genre:jazz"), {battle, elvish, rock});
        row("exact vs contains", QStringLiteral("genre=film"), {});
        row("artist", QStringLiteral("artist:wesnoth mood:calm"), {elvish});
        row("colon in title", QStringLiteral("rock:"), {rock});
        row("path", QStringLiteral("path:/m/game/"), {battle, elvish});
        row("state", QStringLiteral("state=\"not analysed\""), {elvish});
        row("case-insensitive", QStringLiteral("MOOD:CALM"), {blue, elvish});
        row("no match", QStringLiteral("polka"), {});
    }

    void filter()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QStandardItemModel *source = makeModel(this);
        LibraryProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(source);
        proxy.setSearch(query);
        QCOMPARE(titles(proxy), expected);
        delete source;
    }

    void editsAndFolderUnderTester()
    {
        QStandardItemModel *source = makeModel(this);
        LibraryProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(source);
        proxy.setSearch(QStringLiteral("mood:calm"));
        QCOMPARE(proxy.rowCount(), 2);
        // A source change that makes a row match appears through the dynamic filter.
        source->item(1, LibraryModel::Mood)->setData(QStringLiteral("calm"), Qt::DisplayRole);
        QCOMPARE(proxy.rowCount(), 3);
        source->removeRow(0);
        QCOMPARE(titles(proxy), (QStringList{QStringLiteral("So What"), QStringLiteral("Elvish Theme")}));
        proxy.setFolder(QStringLiteral("/m/game/"));
        QCOMPARE(titles(proxy), QStringList{QStringLiteral("Elvish Theme")});
        proxy.setFolder(QStringLiteral("/m/gam"));  // a prefix of a folder name is not that folder
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFolder({});
        proxy.setSearch({});
        QCOMPARE(proxy.rowCount(), 4);
        // Sorting by SortRole: durations as numbers (142 < 175 < 240 < 562), not as text.
        proxy.sort(LibraryModel::Duration, Qt::AscendingOrder);
        QCOMPARE(titles(proxy), (QStringList{QStringLiteral("Elvish Theme"), QStringLiteral("Battle Epic"),
                                             QStringLiteral("Rock: Anthem"), QStringLiteral("So What")}));
        delete source;
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
