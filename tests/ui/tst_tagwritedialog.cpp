// The "Write Tags…" dialog on the offscreen platform, over two generated files (FLAC and MP3) and
// stored predictions of a small spec: the preview shows old -> new per file and field, a higher
// minimum confidence re-plans without the label rows, Write writes the files in the background
// (read back through TagFile) and undoing the batch restores what they held.
#include "common/testutil.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/records.h"
#include "model/model.h"
#include "ui/analysispanel.h"
#include "tags/tagfile.h"
#include "ui/mainwindow.h"
#include "ui/storedpredictions.h"
#include "ui/tagwritedialog.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QTableView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace spectag;
using spectag::ui::PredictedTrack;
using spectag::ui::TagWriteDialog;

class TestTagWriteDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ModelSpec m_spec;
    QString m_flac;
    QString m_mp3;

    // The rows under a file's item: field name (tagFieldName or "warning") -> "old|new".
    static QMap<QString, QString> rows(QTreeWidget *tree, const QString &fileName)
    {
        QMap<QString, QString> out;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *file = tree->topLevelItem(i);
            if (file->text(0) != fileName)
                continue;
            for (int c = 0; c < file->childCount(); ++c)
                out.insert(file->child(c)->data(1, Qt::UserRole).toString(),
                           file->child(c)->text(2) + QLatin1Char('|') + file->child(c)->text(3));
        }
        return out;
    }

    static QStringList read(const QString &path, TagField field)
    {
        QString error;
        const std::unique_ptr<TagFile> tf = TagFile::open(path, &error);
        return tf ? tf->values(field) : QStringList{QStringLiteral("unreadable: ") + error};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-tagwrite-test"));
        QString error;
        m_spec = makeModelSpec(QStringLiteral("spectag"),
                               parseHeads(QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_flac = testutil::makeAudio(m_dir.path(), QStringLiteral("a low.flac"), 1.0, QStringLiteral("sine=frequency=110"));
        m_mp3 = testutil::makeAudio(m_dir.path(), QStringLiteral("b high.mp3"), 1.0, QStringLiteral("sine=frequency=880"));
        QVERIFY(!m_flac.isEmpty());
        QVERIFY(!m_mp3.isEmpty());
    }

    void storedScoresFollowTheSpec()
    {
        PredictionRecord r;
        r.scores.insert(QStringLiteral("mood"), QJsonObject{{QStringLiteral("sad"), 0.25}, {QStringLiteral("happy"), 0.75}});
        const auto heads = ui::headScores(r, m_spec);
        QCOMPARE(heads.size(), size_t(2));
        QVERIFY(heads[0].empty());  // no genre head stored
        QCOMPARE(heads[1], (std::vector<float>{0.75f, 0.25f}));  // the spec's label order
    }

    void mainWindowActions()
    {
        ui::MainWindow w(m_dir.filePath(QStringLiteral("window.sqlite")), m_dir.filePath(QStringLiteral("no model.stm")));
        QCOMPARE(w.writeTagsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        QCOMPARE(w.undoTagWriteAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        QVERIFY(!w.writeTagsAction()->isEnabled());  // nothing selected, no model
        QVERIFY(w.selectedPredictedTracks().empty());
    }

    // The Settings dialog's tag policy: without score fields the plan holds labels only.
    void scoresCanBeLeftOut()
    {
        PredictionRecord flac;
        flac.scores.insert(QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.7}, {QStringLiteral("jazz"), 0.2}, {QStringLiteral("pop"), 0.1}});
        std::vector<PredictedTrack> tracks{{m_flac, ui::headScores(flac, m_spec)}};
        TagWriteDialog dialog(m_dir.filePath(QStringLiteral("scores.sqlite")), m_spec, tracks);
        QSignalSpy planned(&dialog, &TagWriteDialog::planned);
        QVERIFY(planned.wait(30000));
        QVERIFY(rows(dialog.changesView(), QStringLiteral("a low.flac")).contains(QStringLiteral("genre_scores")));
        planned.clear();
        dialog.setWriteScores(false);
        QVERIFY(planned.wait(30000));
        const QMap<QString, QString> a = rows(dialog.changesView(), QStringLiteral("a low.flac"));
        QVERIFY(!a.contains(QStringLiteral("genre_scores")));
        QCOMPARE(a.value(QStringLiteral("genre")), QStringLiteral("(none)|rock"));
        dialog.setWriteOptions(TagWriteOptions{Id3v2Version::V3});
        QCOMPARE(dialog.writeOptions().id3v2, Id3v2Version::V3);
    }

    void previewWriteAndUndo()
    {
        PredictionRecord flac, mp3;
        flac.scores.insert(QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.7}, {QStringLiteral("jazz"), 0.2}, {QStringLiteral("pop"), 0.1}});
        flac.scores.insert(QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.8}, {QStringLiteral("sad"), 0.3}});
        mp3.scores.insert(QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.1}, {QStringLiteral("jazz"), 0.85}, {QStringLiteral("pop"), 0.05}});
        mp3.scores.insert(QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.2}, {QStringLiteral("sad"), 0.9}});
        std::vector<PredictedTrack> tracks{{m_flac, ui::headScores(flac, m_spec)}, {m_mp3, ui::headScores(mp3, m_spec)}};
        const QString journal = m_dir.filePath(QStringLiteral("catalog.sqlite"));

        QCOMPARE(read(m_flac, TagField::Genre), QStringList());
        QCOMPARE(read(m_mp3, TagField::Mood), QStringList());

        TagWriteDialog dialog(journal, m_spec, tracks);
        QSignalSpy planned(&dialog, &TagWriteDialog::planned);
        QSignalSpy finished(&dialog, &TagWriteDialog::writeFinished);
        dialog.show();
        QVERIFY(planned.wait(30000));
        QTreeWidget *tree = dialog.changesView();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QMap<QString, QString> a = rows(tree, QStringLiteral("a low.flac"));
        QMap<QString, QString> b = rows(tree, QStringLiteral("b high.mp3"));
        QCOMPARE(a.value(QStringLiteral("genre")), QStringLiteral("(none)|rock"));
        QCOMPARE(a.value(QStringLiteral("mood")), QStringLiteral("(none)|happy"));
        QCOMPARE(b.value(QStringLiteral("genre")), QStringLiteral("(none)|jazz"));
        QCOMPARE(b.value(QStringLiteral("mood")), QStringLiteral("(none)|sad"));
        QVERIFY2(a.value(QStringLiteral("genre_scores")).contains(QStringLiteral("rock=0.700")), qPrintable(a.value(QStringLiteral("genre_scores"))));
        QVERIFY(dialog.writeButton()->isEnabled());

        // Nothing is that confident: the label rows go, the score rows stay.
        planned.clear();
        dialog.setMinConfidence(1.0);
        QVERIFY(planned.wait(30000));
        a = rows(tree, QStringLiteral("a low.flac"));
        b = rows(tree, QStringLiteral("b high.mp3"));
        QVERIFY(!a.contains(QStringLiteral("genre")) && !a.contains(QStringLiteral("mood")));
        QVERIFY(!b.contains(QStringLiteral("genre")) && !b.contains(QStringLiteral("mood")));
        QVERIFY(a.contains(QStringLiteral("mood_scores")));

        planned.clear();
        dialog.setMinConfidence(0.5);
        QVERIFY(planned.wait(30000));
        QCOMPARE(rows(tree, QStringLiteral("a low.flac")).value(QStringLiteral("genre")), QStringLiteral("(none)|rock"));
        QTest::mouseClick(dialog.writeButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy() || finished.size() == 1);
        QVERIFY(finished.size() == 1 || finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 2);  // written
        QCOMPARE(finished.first().at(1).toInt(), 0);  // failed
        QVERIFY(dialog.outcome().batchId > 0);
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("2 written")), qPrintable(dialog.summaryText()));
        QVERIFY(!dialog.writeButton()->isEnabled());  // one batch per dialog
        // Per-file progress reached the bar: both files of the batch.
        QCOMPARE(dialog.progressBar()->maximum(), 2);
        QCOMPARE(dialog.progressBar()->value(), 2);

        QCOMPARE(read(m_flac, TagField::Genre), QStringList{QStringLiteral("rock")});
        QCOMPARE(read(m_flac, TagField::Mood), QStringList{QStringLiteral("happy")});
        QCOMPARE(read(m_mp3, TagField::Genre), QStringList{QStringLiteral("jazz")});
        QCOMPARE(read(m_mp3, TagField::Mood), QStringList{QStringLiteral("sad")});
        QVERIFY(read(m_mp3, TagField::GenreScores).value(0).contains(QStringLiteral("jazz=0.850")));

        const BatchOutcome undone = ui::undoLastTagWrite(journal);
        QVERIFY2(undone.error.isEmpty(), qPrintable(undone.error));
        QCOMPARE(undone.written, 2);
        QCOMPARE(read(m_flac, TagField::Genre), QStringList());
        QCOMPARE(read(m_flac, TagField::Mood), QStringList());
        QCOMPARE(read(m_mp3, TagField::Genre), QStringList());
        QCOMPARE(read(m_mp3, TagField::GenreScores), QStringList());
        // Nothing left to undo.
        QCOMPARE(ui::undoLastTagWrite(journal).written, 0);
    }

    // The whole flow from the window: analysed, selected tracks enable Write Tags…, whose dialog
    // writes into the files, and Undo Last Tag Write restores them through the window's catalog.
    void mainWindowWritesAndUndoes()
    {
        Model::setThreadCount(2);
        ModelSpec spec = m_spec;
        spec.hyperparameters.insert(QStringLiteral("channels"), QJsonArray{8, 8, 16});
        spec.hyperparameters.insert(QStringLiteral("embedding"), 16);
        QString error;
        auto model = Model::createRandom(spec, 11, &error, Model::Device::Cpu);
        QVERIFY2(model, qPrintable(error));
        const QString modelPath = m_dir.filePath(QStringLiteral("tiny.stm"));
        QCOMPARE(model->save(modelPath), QString());
        const QString music = m_dir.filePath(QStringLiteral("music"));
        QVERIFY(QDir().mkpath(music));
        const QString flac = testutil::makeAudio(music, QStringLiteral("a.flac"), 4.0, QStringLiteral("sine=frequency=220"));
        const QString mp3 = testutil::makeAudio(music, QStringLiteral("b.mp3"), 4.0, QStringLiteral("anoisesrc=color=pink"));
        QVERIFY(!flac.isEmpty() && !mp3.isEmpty());

        ui::MainWindow w(m_dir.filePath(QStringLiteral("library.sqlite")), modelPath);
        w.show();
        QSignalSpy ready(w.analysisPanel(), &ui::AnalysisPanel::modelReady);
        QVERIFY(w.analysisPanel()->hasModel() || ready.wait(60000));
        QSignalSpy imported(&w, &ui::MainWindow::folderImported);
        w.addFolder(music);
        QVERIFY(imported.wait(60000));
        QCOMPARE(w.libraryModel()->rowCount(), 2);
        w.libraryView()->selectAll();
        QVERIFY(!w.writeTagsAction()->isEnabled());  // nothing analysed yet
        QSignalSpy idle(w.analysisPanel(), &ui::AnalysisPanel::idle);
        w.analysisPanel()->analyseAllAction()->trigger();
        QVERIFY(idle.wait(120000));
        QTRY_VERIFY(w.writeTagsAction()->isEnabled());
        const std::vector<PredictedTrack> tracks = w.selectedPredictedTracks();
        QCOMPARE(tracks.size(), size_t(2));
        QCOMPARE(tracks[0].heads.size(), size_t(2));
        QCOMPARE(tracks[0].heads[0].size(), size_t(3));

        w.writeTagsAction()->trigger();
        auto *dialog = w.findChild<TagWriteDialog *>();
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &TagWriteDialog::planned);
        QSignalSpy finished(dialog, &TagWriteDialog::writeFinished);
        dialog->setMinConfidence(0.0);  // a random model is not confident: take its top labels anyway
        QTRY_VERIFY_WITH_TIMEOUT(!planned.isEmpty() && !dialog->isBusy(), 30000);
        QCOMPARE(dialog->changesView()->topLevelItemCount(), 2);
        QVERIFY(dialog->writeButton()->isEnabled());
        dialog->write();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 2);
        QCOMPARE(read(flac, TagField::Genre).size(), 1);  // the single-label head's winner
        QVERIFY(!read(mp3, TagField::GenreScores).isEmpty());
        dialog->close();

        w.undoTagWriteAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(read(flac, TagField::Genre).isEmpty() && read(mp3, TagField::GenreScores).isEmpty(), 30000);
        QTRY_VERIFY(w.undoTagWriteAction()->isEnabled());
    }

    void id3v23JoinIsWarnedAbout()
    {
        if (!testutil::haveProgram(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is needed to make an ID3v2.3 file");
        const QString mp3 = m_dir.filePath(QStringLiteral("c old.mp3"));
        const testutil::ProcResult made = testutil::run(
            QStringLiteral("ffmpeg"), {QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                                       QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=1"),
                                       QStringLiteral("-id3v2_version"), QStringLiteral("3"), QStringLiteral("-metadata"),
                                       QStringLiteral("genre=Ambient"), mp3});
        QVERIFY2(made.ok(), made.err.constData());
        PredictionRecord r;
        r.scores.insert(QStringLiteral("genre"), QJsonObject{{QStringLiteral("rock"), 0.9}, {QStringLiteral("jazz"), 0.05}, {QStringLiteral("pop"), 0.05}});
        r.scores.insert(QStringLiteral("mood"), QJsonObject{{QStringLiteral("happy"), 0.8}, {QStringLiteral("sad"), 0.7}});
        TagWriteDialog dialog(m_dir.filePath(QStringLiteral("catalog23.sqlite")), m_spec, {{mp3, ui::headScores(r, m_spec)}});
        QSignalSpy planned(&dialog, &TagWriteDialog::planned);
        QVERIFY(planned.wait(30000));
        const QMap<QString, QString> c = rows(dialog.changesView(), QStringLiteral("c old.mp3"));
        QCOMPARE(c.value(QStringLiteral("genre")), QStringLiteral("Ambient|rock"));  // the old value is shown
        QVERIFY2(c.contains(QStringLiteral("warning")), qPrintable(QStringList(c.keys()).join(QLatin1Char(','))));
        QVERIFY2(c.value(QStringLiteral("warning")).contains(QStringLiteral("ID3v2.3")), qPrintable(c.value(QStringLiteral("warning"))));
        // The preview shows the stored form: one joined text.
        QCOMPARE(c.value(QStringLiteral("mood")), QStringLiteral("(none)|happy; sad"));
    }
};

QTEST_MAIN(TestTagWriteDialog)
#include "tst_tagwritedialog.moc"
