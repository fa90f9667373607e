// The fine-tuning dialog end to end with a tiny model: the annotation summary follows the
// catalog, training runs in the background with curves receiving a point per epoch, before/after
// metrics and the confusion matrix are filled from the held-out annotations, Save and Activate
// records the new model as the catalog's active one, Cancel stops and keeps nothing, and the
// main window opens the dialog on its current model.
#include "common/testutil.h"

#include "catalog/catalog.h"
#include "model/model.h"
#include "training/finetunejob.h"
#include "ui/finetunedialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace spectag;
using spectag::ui::FineTuneDialog;

class TestFineTuneDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_catalogPath, m_modelsDir;
    Catalog m_catalog;
    QList<qint64> m_tracks;

    QStringList modelFiles() const
    {
        return QDir(m_modelsDir).entryList({QStringLiteral("*.stm")}, QDir::Files);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-finetune-test"));
        QStandardPaths::setTestModeEnabled(true);
        Model::setThreadCount(2);
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), parseHeads(QStringLiteral("genre:single:low,ticks"), nullptr));
        spec.hyperparameters.insert(QStringLiteral("channels"), QJsonArray{8, 8, 16});
        spec.hyperparameters.insert(QStringLiteral("embedding"), 16);
        QString error;
        auto model = Model::createRandom(spec, 5, &error, Model::Device::Cpu);
        QVERIFY2(model, qPrintable(error));
        m_model = m_dir.filePath(QStringLiteral("base.stm"));
        QCOMPARE(model->save(m_model), QString());
        m_catalogPath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        m_modelsDir = m_dir.filePath(QStringLiteral("models"));
        QVERIFY(m_catalog.open(m_catalogPath));
        // Two classes a fine-tune can tell apart: a low hum, and bright ticks.
        for (int i = 0; i < 12; ++i) {
            const bool ticks = i % 2;
            const QString src = ticks ? QStringLiteral("aevalsrc=0.5*(random(0)-0.5)*gt(sin(2*PI*%1*t)\\,0.7)").arg(7 + i % 3)
                                      : QStringLiteral("aevalsrc=0.5*sin(2*PI*%1*t)").arg(120 + 10 * i);
            const QString p = testutil::makeAudio(m_dir.path(), QStringLiteral("clip %1.flac").arg(i), 3.0, src, 1, 16000);
            QVERIFY(!p.isEmpty());
            TrackRecord t;
            t.path = QFileInfo(p).absoluteFilePath();
            t.folder = QFileInfo(p).absolutePath();
            m_tracks << m_catalog.upsertTrack(t);
            QVERIFY(m_tracks.last() > 0);
        }
    }

    void summaryFollowsAnnotations()
    {
        FineTuneDialog d(&m_catalog, m_model, m_modelsDir);
        QCOMPARE(d.annotatedItems(), 0);
        QVERIFY(!d.startButton()->isEnabled());
        QVERIFY(!d.activateButton()->isEnabled());
        QList<Annotation> labels;
        for (int i = 0; i < m_tracks.size(); ++i) {
            Annotation a;
            a.trackId = m_tracks[i];
            a.head = QStringLiteral("genre");
            a.label = i % 2 ? QStringLiteral("ticks") : QStringLiteral("low");
            a.annotator = QStringLiteral("tester");
            labels << a;
        }
        QVERIFY(m_catalog.addAnnotations(labels));
        QCOMPARE(d.annotatedItems(), 12);  // annotationsChanged refreshed the summary
        QVERIFY(d.startButton()->isEnabled());
        QTreeWidgetItem *genre = d.summaryTree()->topLevelItem(0);
        QVERIFY(genre);
        QCOMPARE(genre->text(0), QStringLiteral("genre"));
        QCOMPARE(genre->text(1), QStringLiteral("12"));
        QCOMPARE(genre->childCount(), 2);
        QCOMPARE(genre->child(0)->text(1), QStringLiteral("6"));
        QCOMPARE(genre->child(1)->text(1), QStringLiteral("6"));
    }

    void trainsShowsCurvesAndActivates()
    {
        FineTuneDialog d(&m_catalog, m_model, m_modelsDir);
        d.epochsBox()->setValue(3);
        d.learningRateBox()->setValue(5e-3);
        d.freezeBox()->setChecked(false);
        QSignalSpy finished(d.job(), &FineTuneJob::finished);
        QSignalSpy activated(&d, &FineTuneDialog::modelActivated);
        QTest::mouseClick(d.startButton(), Qt::LeftButton);
        QVERIFY(d.job()->isRunning() || !finished.isEmpty());
        QVERIFY(!d.startButton()->isEnabled());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCoreApplication::processEvents();  // the queued per-epoch signals
        const FineTuneOutcome o = d.job()->outcome();
        QVERIFY2(o.ok, qPrintable(o.error));
        QCOMPARE(d.trainLossSeries()->count(), 3);
        QCOMPARE(d.validationLossSeries()->count(), 3);
        QCOMPARE(d.accuracySeries()->count(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(d.trainLossSeries()->at(i).x(), double(i + 1));
            QVERIFY(d.trainLossSeries()->at(i).y() > 0);
            QVERIFY(d.accuracySeries()->at(i).y() >= 0 && d.accuracySeries()->at(i).y() <= 1);
        }
        QVERIFY(o.heldOutItems > 0);
        QVERIFY(o.trainItems + o.heldOutItems <= 12);
        // Before/after on the same held-out annotations: accuracy, macro F1, macro AUC.
        QCOMPARE(d.metricsTable()->rowCount(), 3);
        QCOMPARE(d.metricsTable()->item(0, 0)->text(), QStringLiteral("genre accuracy"));
        bool okBefore = false, okAfter = false;
        d.metricsTable()->item(0, 1)->text().toDouble(&okBefore);
        d.metricsTable()->item(0, 2)->text().toDouble(&okAfter);
        QVERIFY(okBefore && okAfter);
        QCOMPARE(d.metricsTable()->item(0, 2)->text().toDouble(),
                 std::round(o.after.value(QStringLiteral("genre")).toObject().value(QStringLiteral("accuracy")).toDouble() * 1000) / 1000);
        // Confusion matrix of the held-out items: 2x2, counts sum to the held-out size.
        QCOMPARE(d.confusionTable()->rowCount(), 2);
        int sum = 0;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                sum += d.confusionTable()->item(r, c)->text().toInt();
        QCOMPARE(sum, o.heldOutItems);
        QVERIFY(QFileInfo::exists(o.modelPath));
        QVERIFY(o.modelPath.startsWith(m_modelsDir));

        QVERIFY(d.activateButton()->isEnabled());
        QTest::mouseClick(d.activateButton(), Qt::LeftButton);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), o.modelPath);
        const auto active = m_catalog.activeModel();
        QVERIFY(active);
        QCOMPARE(active->filePath, o.modelPath);
        QCOMPARE(active->versionHash, o.versionHash);
        QString err;
        const auto base = Model::load(m_model, &err, Model::Device::Cpu);
        QVERIFY2(base, qPrintable(err));
        QVERIFY(o.versionHash != base->versionHash());  // a new version
    }

    void cancelKeepsNothing()
    {
        const QStringList before = modelFiles();
        FineTuneDialog d(&m_catalog, m_model, m_modelsDir);
        d.epochsBox()->setValue(200);
        QSignalSpy batches(d.job(), &FineTuneJob::batchProgress);
        QSignalSpy finished(d.job(), &FineTuneJob::finished);
        QTest::mouseClick(d.startButton(), Qt::LeftButton);
        QVERIFY(batches.wait(120000));
        QVERIFY(d.cancelButton()->isEnabled());
        QTest::mouseClick(d.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(d.job()->outcome().cancelled);
        QVERIFY(d.trainLossSeries()->count() < 200);
        QCOMPARE(modelFiles(), before);
        QVERIFY2(d.statusText().contains(QStringLiteral("Cancelled")), qPrintable(d.statusText()));
        QVERIFY(!d.activateButton()->isEnabled());
        QVERIFY(d.startButton()->isEnabled());
    }

    void mainWindowOpensItOnItsModel()
    {
        ui::MainWindow w(m_dir.filePath(QStringLiteral("window.sqlite")), m_model);
        QAction *act = w.findChild<QAction *>(QStringLiteral("fineTune"));
        QVERIFY(act);
        QVERIFY(!act->shortcut().isEmpty());
        act->trigger();
        QVERIFY(w.fineTuneDialog());
        QVERIFY(w.fineTuneDialog()->isVisible());
        QCOMPARE(w.fineTuneDialog()->baseModel(), m_model);
        QCOMPARE(w.fineTuneDialog()->annotatedItems(), 0);  // that catalog has no annotations
    }
};

QTEST_MAIN(TestFineTuneDialog)
#include "tst_finetunedialog.moc"
