// The main window's Analysis dock on the offscreen platform, with a small random model and two
// generated files: analysed tracks update the library's columns, the predictions panel and the
// segment timeline; pause holds the queue, cancel drops it; a missing model disables analysis.
#include "common/testutil.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "inference/analysisqueue.h"
#include "model/model.h"
#include "ui/analysispanel.h"
#include "ui/elidedlabel.h"
#include "ui/mainwindow.h"
#include "ui/predictionspanel.h"
#include "ui/segmenttimeline.h"
#include "ui/trackview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QJsonArray>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace spectag;
using spectag::ui::AnalysisPanel;
using spectag::ui::MainWindow;

class TestAnalysisPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    QString m_music;
    QString m_modelHash;

    // A window over a fresh catalog with the music imported and the model loaded.
    bool openWindow(MainWindow &w)
    {
        QSignalSpy ready(w.analysisPanel(), &AnalysisPanel::modelReady);
        if (!w.analysisPanel()->hasModel() && !ready.wait(60000))
            return false;
        if (!w.analysisPanel()->hasModel())
            return false;
        QSignalSpy imported(&w, &MainWindow::folderImported);
        w.addFolder(m_music);
        return imported.wait(60000) && w.libraryModel()->rowCount() == 2;
    }

    static QString cell(MainWindow &w, int row, int column, int role = Qt::DisplayRole)
    {
        return w.libraryModel()->index(row, column).data(role).toString();
    }

    static int analysedRows(MainWindow &w)
    {
        int n = 0;
        for (int r = 0; r < w.libraryModel()->rowCount(); ++r)
            n += w.libraryModel()->index(r, 0).data(LibraryModel::AnalysedRole).toBool() ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-analysis-test"));
        Model::setThreadCount(2);
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"),
                                       parseHeads(QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"), nullptr));
        spec.hyperparameters.insert(QStringLiteral("channels"), QJsonArray{8, 8, 16});
        spec.hyperparameters.insert(QStringLiteral("embedding"), 16);
        QString error;
        auto model = Model::createRandom(spec, 11, &error, Model::Device::Cpu);
        QVERIFY2(model, qPrintable(error));
        m_model = m_dir.filePath(QStringLiteral("tiny.stm"));
        QCOMPARE(model->save(m_model), QString());
        m_modelHash = model->versionHash();
        m_music = m_dir.filePath(QStringLiteral("music"));
        QVERIFY(QDir().mkpath(m_music));
        QVERIFY(!testutil::makeAudio(m_music, QStringLiteral("a low.flac"), 4.0, QStringLiteral("sine=frequency=110")).isEmpty());
        QVERIFY(!testutil::makeAudio(m_music, QStringLiteral("b noise.ogg"), 5.0, QStringLiteral("anoisesrc=color=pink")).isEmpty());
    }

    void missingModelDisablesAnalysis()
    {
        MainWindow w(m_dir.filePath(QStringLiteral("missing.sqlite")), m_dir.filePath(QStringLiteral("no such model.stm")));
        AnalysisPanel *panel = w.analysisPanel();
        QVERIFY(!panel->hasModel());
        QVERIFY2(panel->modelText().contains(QStringLiteral("No model found")), qPrintable(panel->modelText()));
        QVERIFY(panel->modelText().contains(QStringLiteral("no such model.stm")));
        QVERIFY(!panel->analyseSelectedAction()->isEnabled());
        QVERIFY(!panel->analyseAllAction()->isEnabled());
        QCOMPARE(panel->analyse({m_dir.filePath(QStringLiteral("music/a low.flac"))}), 0);
        QVERIFY(panel->deviceName().isEmpty());
    }

    // The model's description is one line, elided to the dock's width with the whole of it in the
    // tool tip: wrapped, it ran over the "Device" line once the dock was squeezed (a dock's layout
    // ignores height-for-width), as in a 1100x700 window.
    void modelLineStaysOneLineInANarrowDock()
    {
        // A long file name makes a description wider than the dock's buttons.
        const QString model = m_dir.filePath(QStringLiteral("a model whose file name is longer than the buttons below it.stm"));
        QVERIFY(QFile::exists(model) || QFile::copy(m_model, model));
        MainWindow w(m_dir.filePath(QStringLiteral("narrow.sqlite")), model);
        AnalysisPanel *panel = w.analysisPanel();
        QSignalSpy ready(panel, &AnalysisPanel::modelReady);
        QVERIFY(panel->hasModel() || ready.wait(60000));
        QVERIFY2(panel->modelText().contains(m_modelHash), qPrintable(panel->modelText()));
        QVERIFY(panel->modelText().contains(QStringLiteral("heads: genre (3), mood (2)")));
        w.resize(1100, 700);  // a small window: the default layout squeezes the Analysis dock
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);  // the default dock sizes are applied after the first show
        ui::ElidedLabel *line = panel->modelLabel();
        auto *device = panel->findChild<QLabel *>(QStringLiteral("analysisDevice"));
        QVERIFY(device && !device->text().isEmpty());
        QCOMPARE_LE(line->geometry().bottom(), device->geometry().top());  // no overlap
        QCOMPARE_LE(line->height(), line->fontMetrics().lineSpacing() * 3 / 2);
        QVERIFY2(line->isElided(), qPrintable(line->text()));
        QVERIFY(line->text().endsWith(QChar(0x2026)));
        QCOMPARE_LE(line->fontMetrics().horizontalAdvance(line->text()), line->contentsRect().width());
        QVERIFY(line->toolTip().contains(line->fullText()));
        QVERIFY(line->toolTip().contains(QStringLiteral("below it.stm")));  // and where the file is
        QVERIFY(line->fullText().startsWith(line->text().chopped(1)));
        QCOMPARE(line->fullText(), panel->modelText());
    }

    void analysesIntoLibraryAndViews()
    {
        MainWindow w(m_dir.filePath(QStringLiteral("analyse.sqlite")), m_model);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAbstractItemModelTester tester(w.libraryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(openWindow(w));
        AnalysisPanel *panel = w.analysisPanel();
        QVERIFY(panel->analyseAllAction()->isEnabled());
        QVERIFY(!panel->analyseAllAction()->shortcut().isEmpty());
        QVERIFY(!panel->analyseSelectedAction()->shortcut().isEmpty());
        QVERIFY2(panel->deviceName() == QStringLiteral("CPU") || panel->deviceName().startsWith(QStringLiteral("GPU")),
                 qPrintable(panel->deviceName()));
        QCOMPARE(w.catalog()->activeModel()->versionHash, m_modelHash);  // loading registered it
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY(menus.contains(QStringLiteral("&Analysis")));

        QCOMPARE(analysedRows(w), 0);
        QCOMPARE(cell(w, 0, LibraryModel::AnalysisState), QStringLiteral("not analysed"));
        QVERIFY(w.selectRow(0));
        QVERIFY(w.predictionsPanel()->predictions().isEmpty());

        QSignalSpy idle(panel, &AnalysisPanel::idle);
        QSignalSpy analysed(panel, &AnalysisPanel::trackAnalysed);
        panel->analyseAllAction()->trigger();
        QCOMPARE(panel->queuedCount(), 2);
        QVERIFY(panel->cancelAction()->isEnabled());
        QVERIFY(idle.wait(180000));
        QCOMPARE(analysed.size(), 2);
        for (const auto &a : analysed)
            QVERIFY(a.at(1).toBool());
        QVERIFY2(panel->statusText().contains(QStringLiteral("Done: 2")), qPrintable(panel->statusText()));
        QCOMPARE(panel->progressBar()->value(), panel->progressBar()->maximum());

        // The library's columns now come from the stored predictions: the catalog batches the
        // analysis threads' change notifications, and the panel flushes them before idle().
        QCOMPARE(analysedRows(w), 2);
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(cell(w, r, LibraryModel::AnalysisState), QStringLiteral("analysed"));
            QVERIFY(QStringList({QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}).contains(cell(w, r, LibraryModel::Genre)));
            QVERIFY(QStringList({QStringLiteral("happy"), QStringLiteral("sad")}).contains(cell(w, r, LibraryModel::Mood)));
            QVERIFY2(cell(w, r, LibraryModel::Confidence).endsWith(QStringLiteral("%")), qPrintable(cell(w, r, LibraryModel::Confidence)));
        }

        // The selected track's predictions: bars in the model's label order, and the timeline.
        const auto heads = w.predictionsPanel()->predictions();
        QCOMPARE(heads.size(), 2);
        QCOMPARE(heads[0].head, QStringLiteral("genre"));
        QCOMPARE(heads[0].labels, (QStringList{QStringLiteral("rock"), QStringLiteral("jazz"), QStringLiteral("pop")}));
        QCOMPARE(heads[1].labels.size(), 2);
        double sum = 0;
        for (double p : heads[0].probabilities)
            sum += p;
        QVERIFY(qAbs(sum - 1.0) < 1e-3);  // softmax head, mean over segments
        w.predictionsPanel()->resize(300, 300);
        QVERIFY(w.predictionsPanel()->barRect(QStringLiteral("genre"), cell(w, 0, LibraryModel::Genre)).width() > 0);
        const auto segments = w.trackView()->timeline()->segments();
        QVERIFY(segments.size() >= 4);  // >= 2 segments of a 4 s track, one entry per head
        QCOMPARE(w.trackView()->timeline()->heads(), (QStringList{QStringLiteral("genre"), QStringLiteral("mood")}));
        QCOMPARE(segments.first().start, 0.0);

        // Everything is analysed: nothing more to queue; selecting the other row shows its bars.
        QCOMPARE(panel->analyseUnanalysed(), 0);
        QVERIFY(w.selectRow(1));
        QCOMPARE(w.predictionsPanel()->predictions().size(), 2);
        QVERIFY(w.predictionsPanel()->predictions()[0].probabilities != heads[0].probabilities);
    }

    // Rows the user selects while a library is queued are analysed before the rest.
    void selectionGoesFirst()
    {
        MainWindow w(m_dir.filePath(QStringLiteral("priority.sqlite")), m_model);
        w.analysisPanel()->setDecodeThreads(1);  // one file at a time: the order is the queue's choice
        QVERIFY(openWindow(w));
        AnalysisPanel *panel = w.analysisPanel();
        QSignalSpy idle(panel, &AnalysisPanel::idle);
        QSignalSpy analysed(panel, &AnalysisPanel::trackAnalysed);
        panel->setPaused(true);
        QCOMPARE(panel->analyseUnanalysed(), 2);  // catalog order: the last row would come last
        const QString last = w.libraryModel()->index(1, 0).data(LibraryModel::PathRole).toString();
        int viewRow = -1;
        for (int r = 0; r < w.libraryView()->model()->rowCount(); ++r)
            if (w.libraryView()->model()->index(r, 0).data(LibraryModel::PathRole).toString() == last)
                viewRow = r;
        QVERIFY(w.selectRow(viewRow));
        panel->setPaused(false);
        QVERIFY(idle.wait(180000));
        QCOMPARE(analysed.size(), 2);
        QCOMPARE(analysed.first().at(0).toString(), last);
    }

    void pauseHoldsAndCancelDrops()
    {
        MainWindow w(m_dir.filePath(QStringLiteral("pause.sqlite")), m_model);
        QVERIFY(openWindow(w));
        AnalysisPanel *panel = w.analysisPanel();
        QSignalSpy idle(panel, &AnalysisPanel::idle);
        QSignalSpy analysed(panel, &AnalysisPanel::trackAnalysed);

        panel->pauseAction()->trigger();
        QVERIFY(panel->isPaused());
        QCOMPARE(panel->analyseUnanalysed(), 2);
        QCOMPARE(panel->analyseUnanalysed(), 0);  // already queued
        QTest::qWait(1500);
        QCOMPARE(analysed.size(), 0);
        QVERIFY(!panel->queue()->isIdle());
        QCOMPARE(panel->queue()->stats().decoded, 0);
        QVERIFY2(panel->statusText().contains(QStringLiteral("Paused")), qPrintable(panel->statusText()));

        panel->cancelAction()->trigger();
        QVERIFY(!panel->isBusy());
        QVERIFY(panel->queue()->isIdle());
        QVERIFY(!panel->cancelAction()->isEnabled());
        QVERIFY2(panel->statusText().contains(QStringLiteral("Cancelled")), qPrintable(panel->statusText()));
        panel->pauseAction()->trigger();  // resume: nothing cancelled comes back
        QVERIFY(!panel->isPaused());
        QTest::qWait(1000);
        QCOMPARE(analysed.size(), 0);
        QCOMPARE(analysedRows(w), 0);
        QVERIFY(panel->statusText().contains(QStringLiteral("Cancelled")));

        // "Analyse selected" takes only the selection.
        QVERIFY(w.selectRow(1));
        QCOMPARE(w.selectedPaths().size(), 1);
        idle.clear();
        panel->analyseSelectedAction()->trigger();
        QCOMPARE(panel->queuedCount(), 1);
        QVERIFY(idle.wait(180000));
        QCOMPARE(analysed.size(), 1);
        QCOMPARE(analysed.first().at(0).toString(), w.selectedPaths().first());
        QCOMPARE(analysedRows(w), 1);  // flushed before idle(), as above
        QVERIFY(w.libraryView()->model()->index(1, 0).data(LibraryModel::AnalysedRole).toBool());
        QCOMPARE(w.predictionsPanel()->predictions().size(), 2);  // shown as soon as it finished
    }
};

QTEST_MAIN(TestAnalysisPanel)
#include "tst_analysispanel.moc"
