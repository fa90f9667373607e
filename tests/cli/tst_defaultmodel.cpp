// The shipped default model against its card (resources/models/MODEL_CARD.md): the card names the
// file it describes (version hash, parameters), and the held-out figures it reports come out again
// when `spectag evaluate` re-runs the one test part the model never saw — which also shows that a
// fresh checkout predicts real moods and genres, far above chance, not random ones.
#include "common/testutil.h"
#include "util/paths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace spectag;

namespace {

QString card()
{
    QFile f(QDir(paths::resourcesDir()).filePath(QStringLiteral("models/MODEL_CARD.md")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// "Accuracy   0.594" inside the "== HEAD" block of `spectag evaluate`'s table, or -1.
double evaluated(const QString &out, const QString &head, const QString &metric)
{
    const qsizetype at = out.indexOf(QStringLiteral("== ") + head + QLatin1Char('\n'));
    if (at < 0)
        return -1;
    const QString block = out.mid(at, out.indexOf(QStringLiteral("\n== "), at + 1) - at);
    const auto m = QRegularExpression(QStringLiteral("\\n%1\\s+([0-9.]+)").arg(QRegularExpression::escape(metric))).match(block);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

// The card's held-out table: "| genre (Emotify, n=32) | accuracy | 0.594 |" (a head's first row
// names it; the rows under it leave the first cell empty), or -1.
double carded(const QString &text, const QString &head, const QString &metric)
{
    const qsizetype table = text.indexOf(QStringLiteral("## Held-out test part"));
    if (table < 0)
        return -1;
    QString current;
    const QStringList lines = text.mid(table).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("## ")) && !line.startsWith(QLatin1String("## Held-out")))
            break;
        const QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 5)
            continue;
        if (!cells[1].trimmed().isEmpty())
            current = cells[1].trimmed();
        if (current.startsWith(head + QLatin1Char(' ')) && cells[2].trimmed() == metric)
            return cells[3].trimmed().toDouble();
    }
    return -1;
}

} // namespace

class TestDefaultModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(testutil::spectagBinary()).isExecutable(), "the spectag binary is not built");
        QVERIFY2(QFileInfo::exists(paths::defaultModelPath()), qPrintable(paths::defaultModelPath()));
        QVERIFY(!card().isEmpty());
    }

    void cardNamesTheShippedFile()
    {
        const auto r = testutil::run(testutil::spectagBinary(), {QStringLiteral("model"), QStringLiteral("info"), paths::defaultModelPath()});
        QVERIFY2(r.ok(), r.err.constData());
        const QString info = QString::fromUtf8(r.out);
        const auto version = QRegularExpression(QStringLiteral("version:\\s+([0-9a-f]{16})")).match(info);
        const auto params = QRegularExpression(QStringLiteral("parameters:\\s+(\\d+)")).match(info);
        QVERIFY2(version.hasMatch() && params.hasMatch(), r.out.constData());
        const QString text = card();
        QVERIFY2(text.contains(QStringLiteral("| version hash | `%1`").arg(version.captured(1))),
                 qPrintable(QStringLiteral("MODEL_CARD.md does not name version %1").arg(version.captured(1))));
        const auto cardParams = QRegularExpression(QStringLiteral("\\| parameters \\| ([0-9,]+)")).match(text);
        QVERIFY(cardParams.hasMatch());
        QCOMPARE(cardParams.captured(1).remove(QLatin1Char(',')), params.captured(1));
    }

    void heldOutFiguresMatchTheCard_data()
    {
        QTest::addColumn<QString>("head");
        QTest::addColumn<QString>("cardMetric");
        QTest::addColumn<QString>("tableMetric");
        QTest::addColumn<double>("chance");  // what guessing the commonest class would score
        QTest::newRow("genre accuracy") << QStringLiteral("genre") << QStringLiteral("accuracy") << QStringLiteral("Accuracy") << 0.25;
        QTest::newRow("genre macro F1") << QStringLiteral("genre") << QStringLiteral("macro F1") << QStringLiteral("Macro F1") << 0.1;
        QTest::newRow("mood ROC-AUC") << QStringLiteral("mood / GEMS-9") << QStringLiteral("ROC-AUC (macro)") << QStringLiteral("AUC (macro)") << 0.5;
        QTest::newRow("quadrant accuracy") << QStringLiteral("quadrant") << QStringLiteral("accuracy") << QStringLiteral("Accuracy") << 0.25;
        QTest::newRow("quadrant ROC-AUC") << QStringLiteral("quadrant") << QStringLiteral("ROC-AUC (macro)") << QStringLiteral("AUC (macro)") << 0.5;
    }

    void heldOutFiguresMatchTheCard()
    {
        QFETCH(QString, head);
        QFETCH(QString, cardMetric);
        QFETCH(QString, tableMetric);
        QFETCH(double, chance);
        const QString shared = testutil::sharedDir();
        QVERIFY2(QFileInfo::exists(shared + QStringLiteral("/data/emotify/annotations.csv")), qPrintable(shared));
        if (m_evaluation.isEmpty()) {  // one run for every row
            const auto r = testutil::run(testutil::spectagBinary(),
                                         {QStringLiteral("evaluate"), QStringLiteral("--emotify"), shared + QStringLiteral("/data/emotify/annotations.csv"),
                                          QStringLiteral("--4q"), shared + QStringLiteral("/data/4q/metadata.csv"), QStringLiteral("--seed"), QStringLiteral("42"),
                                          QStringLiteral("--cache"), m_cache.path(), QStringLiteral("--model"), paths::defaultModelPath(),
                                          QStringLiteral("--split"), QStringLiteral("test")},
                                         600000);
            QVERIFY2(r.ok(), r.err.constData());
            m_evaluation = QString::fromUtf8(r.out + r.err);
        }
        const QString tableHead = head.section(QLatin1Char(' '), 0, 0);
        const double measured = evaluated(m_evaluation, tableHead, tableMetric);
        const double promised = carded(card(), head, cardMetric);
        QVERIFY2(measured >= 0, qPrintable(m_evaluation));
        QVERIFY2(promised >= 0, "the card's held-out table has no such row");
        QVERIFY2(qAbs(measured - promised) < 0.0015, qPrintable(QStringLiteral("evaluate says %1, the card %2").arg(measured).arg(promised)));
        QVERIFY2(measured > chance + 0.1, qPrintable(QStringLiteral("%1 is near chance (%2)").arg(measured).arg(chance)));
    }

private:
    QTemporaryDir m_cache;
    QString m_evaluation;
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "tst_defaultmodel.moc"
