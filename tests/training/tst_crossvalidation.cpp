// `spectag train --folds K` end to end through the built binary: every clip is tested exactly
// once, no song on both sides, the summary is the mean ± sample std of the per-fold figures,
// fold models are kept, bad k is a usage error; the feature cache folder keeps to --cache-limit.
#include "common/testutil.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <signal.h>

class TestCrossValidation : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QStringList m_files;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(testutil::spectagBinary()).isExecutable(), "the spectag binary is not built");
        // Folder-per-class layout: a low pulsing tone, ticking noise, a steady chord.
        const QStringList classes{QStringLiteral("pulse"), QStringLiteral("ticks"), QStringLiteral("chord")};
        for (int c = 0; c < 3; ++c) {
            const QString dir = m_dir.filePath(QStringLiteral("data/") + classes[c]);
            QVERIFY(QDir().mkpath(dir));
            for (int i = 0; i < 6; ++i) {
                const double f = 1.0 + 0.05 * i;
                const QString src = c == 0 ? QStringLiteral("aevalsrc=0.5*sin(2*PI*%1*t)*(0.5+0.5*sin(2*PI*2*t))").arg(150 * f)
                                  : c == 1 ? QStringLiteral("aevalsrc=0.5*(random(0)-0.5)*gt(sin(2*PI*%1*t)\\,0.7)").arg(8 * f)
                                           : QStringLiteral("aevalsrc=0.2*sin(2*PI*%1*t)+0.2*sin(2*PI*%2*t)").arg(500 * f).arg(630 * f);
                const QString p = testutil::makeAudio(dir, QStringLiteral("clip%1.flac").arg(i), 4.0, src, 1, 16000);
                QVERIFY(!p.isEmpty());
                m_files << QFileInfo(p).absoluteFilePath();
            }
        }
    }

    void threeFolds()
    {
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        const QString models = m_dir.filePath(QStringLiteral("folds"));
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("2"),
                                      QStringLiteral("--crops"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("2"),
                                      QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), models,
                                      QStringLiteral("--report"), report},
                                     600000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.out.contains("== genre (3 folds)"), r.out.constData());
        QVERIFY(QString::fromUtf8(r.out).contains(QChar(0x00B1)));  // "mean ± std"

        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray folds = o.value(QLatin1String("folds")).toArray();
        QCOMPARE(folds.size(), 3);
        QSet<QString> tested;
        std::vector<double> acc;
        for (const QJsonValue &v : folds) {
            const QJsonObject fo = v.toObject();
            const QJsonArray paths = fo.value(QLatin1String("test_paths")).toArray();
            QCOMPARE(fo.value(QLatin1String("test")).toInt(), int(paths.size()));
            QCOMPARE(fo.value(QLatin1String("train")).toInt() + fo.value(QLatin1String("validation")).toInt() + int(paths.size()),
                     int(m_files.size()));
            for (const QJsonValue &pv : paths) {
                QVERIFY2(!tested.contains(pv.toString()), "a clip is tested twice");
                tested.insert(pv.toString());
            }
            acc.push_back(fo.value(QLatin1String("metrics")).toObject().value(QLatin1String("genre")).toObject()
                              .value(QLatin1String("accuracy")).toDouble(-1));
            QVERIFY(acc.back() >= 0 && acc.back() <= 1);
            QVERIFY(QFileInfo::exists(QDir(models).filePath(QStringLiteral("fold-%1.stm").arg(fo.value(QLatin1String("fold")).toInt()))));
        }
        QCOMPARE(tested, QSet<QString>(m_files.begin(), m_files.end()));

        // The summary is the mean and the sample standard deviation of the per-fold accuracies.
        double mean = 0;
        for (double a : acc)
            mean += a / 3;
        double var = 0;
        for (double a : acc)
            var += (a - mean) * (a - mean) / 2;
        const QJsonObject stat = o.value(QLatin1String("summary")).toObject().value(QLatin1String("genre")).toObject()
                                     .value(QLatin1String("metrics")).toObject().value(QLatin1String("accuracy")).toObject();
        QCOMPARE_LT(std::abs(stat.value(QLatin1String("mean")).toDouble(-9) - mean), 1e-9);
        QCOMPARE_LT(std::abs(stat.value(QLatin1String("std")).toDouble(-9) - std::sqrt(var)), 1e-9);
        QVERIFY(o.value(QLatin1String("parameters")).toDouble() > 1000);

        // Each fold's record keeps its test items' probabilities, one row per test path; their
        // argmax is the prediction the metrics counted (the confusion matrix's column sums).
        for (int fold = 1; fold <= 3; ++fold) {
            QFile rf(QDir(models).filePath(QStringLiteral("fold-%1.json").arg(fold)));
            QVERIFY(rf.open(QIODevice::ReadOnly));
            const QJsonObject rec = QJsonDocument::fromJson(rf.readAll()).object();
            const QJsonArray rows = rec.value(QLatin1String("test_scores")).toObject().value(QLatin1String("genre")).toArray();
            QCOMPARE(rows.size(), rec.value(QLatin1String("test_paths")).toArray().size());
            std::vector<int> predicted(3, 0);
            for (const QJsonValue &row : rows) {
                const QJsonArray p = row.toArray();
                QCOMPARE(p.size(), 3);
                double sum = 0;
                int best = 0;
                for (int k = 0; k < 3; ++k) {
                    sum += p.at(k).toDouble();
                    if (p.at(k).toDouble() > p.at(best).toDouble())
                        best = k;
                }
                QCOMPARE_LT(std::abs(sum - 1), 1e-3);
                ++predicted[size_t(best)];
            }
            const QJsonArray confusion = rec.value(QLatin1String("metrics")).toObject().value(QLatin1String("genre")).toObject()
                                             .value(QLatin1String("confusion")).toArray();
            QCOMPARE(confusion.size(), 3);
            for (int k = 0; k < 3; ++k) {
                int column = 0;
                for (const QJsonValue &r : confusion)
                    column += r.toArray().at(k).toInt();
                QVERIFY2(predicted[size_t(k)] == column, QJsonDocument(rows).toJson(QJsonDocument::Compact).constData());
            }
        }
    }

    // An interrupted run resumed with the same settings reads back the folds it finished (same
    // figures, model files untouched) and trains only the rest; other settings retrain everything.
    void resumeReadsBackFinishedFolds()
    {
        const QString models = m_dir.filePath(QStringLiteral("folds"));
        const QString first = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY2(QFileInfo::exists(first), "threeFolds runs first");
        const QDir dir(models);
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("fold-3.json"))));
        const QDateTime fold1Time = QFileInfo(dir.filePath(QStringLiteral("fold-1.stm"))).lastModified();
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("fold-3.json"))));  // fold 3 "never finished"
        const auto folds = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject{};
        };
        const QString print1 = folds(dir.filePath(QStringLiteral("fold-1.json"))).value(QLatin1String("fingerprint")).toString();
        QVERIFY(!print1.isEmpty());

        const auto args = [&](const QString &epochs, const QString &report) {
            return QStringList{QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                               QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), epochs,
                               QStringLiteral("--crops"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), models,
                               QStringLiteral("--report"), report, QStringLiteral("--resume")};
        };
        const QString second = m_dir.filePath(QStringLiteral("report2.json"));
        auto r = testutil::run(testutil::spectagBinary(), args(QStringLiteral("2"), second), 600000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.err.contains("fold 1/3: finished in an earlier run"), r.err.constData());
        QVERIFY2(r.err.contains("fold 2/3: finished in an earlier run"), r.err.constData());
        QVERIFY2(r.err.contains("fold 3/3\n"), r.err.constData());
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("fold-1.stm"))).lastModified(), fold1Time);
        const QJsonObject a = folds(first), b = folds(second);
        QCOMPARE(b.value(QLatin1String("folds")).toArray().size(), 3);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(b.value(QLatin1String("folds")).toArray().at(i).toObject(), a.value(QLatin1String("folds")).toArray().at(i).toObject());
        QVERIFY(b.value(QLatin1String("parameters")).toDouble() > 1000);
        QVERIFY(!b.value(QLatin1String("folds")).toArray().at(0).toObject().contains(QLatin1String("fingerprint")));

        // Every fold says how its test segments were aggregated (the spectag default: mean).
        for (const QJsonValue &v : b.value(QLatin1String("folds")).toArray())
            QCOMPARE(v.toObject().value(QLatin1String("evaluation")).toString(), QStringLiteral("mean"));

        // A record tested with another aggregation (an older run) keeps its model: the fold is
        // tested again, not trained again, and gets the same figures.
        {
            QJsonObject old = folds(dir.filePath(QStringLiteral("fold-2.json")));
            old.insert(QStringLiteral("evaluation"), QStringLiteral("vote"));
            QFile f(dir.filePath(QStringLiteral("fold-2.json")));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(old).toJson());
        }
        const QDateTime fold2Time = QFileInfo(dir.filePath(QStringLiteral("fold-2.stm"))).lastModified();
        r = testutil::run(testutil::spectagBinary(), args(QStringLiteral("2"), m_dir.filePath(QStringLiteral("report2b.json"))), 600000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.err.contains("fold 2/3: finished in an earlier run"), r.err.constData());
        QVERIFY2(!r.err.contains("fold 2/3\n"), r.err.constData());
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("fold-2.stm"))).lastModified(), fold2Time);
        const QJsonObject retested = folds(dir.filePath(QStringLiteral("fold-2.json")));
        QCOMPARE(retested.value(QLatin1String("evaluation")).toString(), QStringLiteral("mean"));
        // Same model, same clips (accuracy, not every float: this run uses another thread count).
        const auto accuracy = [](const QJsonObject &fold) {
            return fold.value(QLatin1String("metrics")).toObject().value(QLatin1String("genre")).toObject()
                .value(QLatin1String("accuracy")).toDouble(-1);
        };
        QCOMPARE(accuracy(retested), accuracy(a.value(QLatin1String("folds")).toArray().at(1).toObject()));
        QVERIFY(accuracy(retested) >= 0);

        // Three epochs instead of two: nothing read back.
        r = testutil::run(testutil::spectagBinary(), args(QStringLiteral("3"), m_dir.filePath(QStringLiteral("report3.json"))), 600000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(!r.err.contains("earlier run"), r.err.constData());
        const QString print2 = folds(dir.filePath(QStringLiteral("fold-1.json"))).value(QLatin1String("fingerprint")).toString();
        QVERIFY(!print2.isEmpty());
        QVERIFY(print2 != print1);

        // The same data set in another folder (another machine's checkout): the records name items
        // by their place inside the data set, so every fold is read back.
        const QString moved = m_dir.filePath(QStringLiteral("elsewhere/data"));
        for (const QString &file : std::as_const(m_files)) {
            const QString to = moved + QLatin1Char('/') + QFileInfo(file).dir().dirName() + QLatin1Char('/') + QFileInfo(file).fileName();
            QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
            QVERIFY(QFile::copy(file, to));
        }
        QStringList movedArgs = args(QStringLiteral("3"), m_dir.filePath(QStringLiteral("report4.json")));
        movedArgs[2] = moved + QStringLiteral(":genre");
        r = testutil::run(testutil::spectagBinary(), movedArgs, 600000);
        QVERIFY2(r.ok(), r.err.constData());
        for (int fold = 1; fold <= 3; ++fold)
            QVERIFY2(r.err.contains(QStringLiteral("fold %1/3: finished in an earlier run").arg(fold).toUtf8()), r.err.constData());
        QCOMPARE(folds(dir.filePath(QStringLiteral("fold-1.json"))).value(QLatin1String("fingerprint")).toString(), print2);
    }

    // A fold cut off mid-way (Ctrl+C, the end of a session) continues with --resume from its last
    // finished epoch and ends exactly where an uninterrupted run ends; its checkpoint then goes.
    void resumeContinuesACutOffFold()
    {
        const auto args = [&](const QString &out) {
            return QStringList{QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                               QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("4"),
                               // 8 crops: epochs of about a second, long enough that the interrupt
                               // below lands in the fold whose first epoch it saw, even on a busy machine
                               QStringLiteral("--crops"), QStringLiteral("8"), QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out,
                               QStringLiteral("--log"), out + QStringLiteral("/curves.json"), QStringLiteral("--resume")};
        };
        const QString whole = m_dir.filePath(QStringLiteral("cut-whole")), cut = m_dir.filePath(QStringLiteral("cut-resumed"));
        auto r = testutil::run(testutil::spectagBinary(), args(whole), 600000);
        QVERIFY2(r.ok(), r.err.constData());

        // Interrupt the second run as soon as its first epoch is done.
        QProcess p;
        p.start(testutil::spectagBinary(), args(cut));
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QDeadlineTimer deadline(300000);
        while (!err.contains("\repoch 1:") && !deadline.hasExpired() && p.state() == QProcess::Running) {
            p.waitForReadyRead(1000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("\repoch 1:"), err.constData());
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY2(!err.contains("fold 2/3"), "the interrupt came too late to cut fold 1");
        QVERIFY(p.waitForFinished(300000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("with --resume continues"), err.constData());
        const QDir cutDir(cut);
        const QStringList states = cutDir.entryList({QStringLiteral("*.state")});
        QCOMPARE(states.size(), 1);
        const QString foldName = states.first().section(QLatin1Char('.'), 0, 0);  // fold-N
        QVERIFY(!cutDir.exists(foldName + QStringLiteral(".json")));

        r = testutil::run(testutil::spectagBinary(), args(cut), 600000);
        QVERIFY2(r.ok(), r.err.constData());
        // The cut fold's output starts after epoch 1: no epoch trained twice.
        const QByteArray foldHeader = QByteArray("fold ") + foldName.section(QLatin1Char('-'), 1).toUtf8() + "/3\n";
        const qsizetype from = r.err.indexOf(foldHeader);
        QVERIFY2(from >= 0, r.err.constData());
        const qsizetype next = r.err.indexOf("\nfold ", from + 1);
        const QByteArray section = r.err.mid(from, next < 0 ? -1 : next - from);
        QVERIFY2(!section.contains("\repoch 1:") && section.contains("\repoch 4:"), section.constData());
        QVERIFY(cutDir.entryList({QStringLiteral("*.state"), QStringLiteral("*.checkpoint.stm")}).isEmpty());

        const auto record = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject{};
        };
        for (int fold = 1; fold <= 3; ++fold) {
            const QString name = QStringLiteral("fold-%1.json").arg(fold);
            const QJsonObject a = record(QDir(whole).filePath(name)), b = record(cutDir.filePath(name));
            QVERIFY(!a.value(QLatin1String("metrics")).toObject().isEmpty());
            QCOMPARE(b.value(QLatin1String("metrics")).toObject(), a.value(QLatin1String("metrics")).toObject());
            QCOMPARE(b.value(QLatin1String("best_epoch")).toInt(), a.value(QLatin1String("best_epoch")).toInt());
            // Every epoch's losses, to the last bit: the same batches in the same order.
            const auto curves = [](const QString &path) {
                QFile f(path);
                return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).array() : QJsonArray{};
            };
            const QString log = QStringLiteral("curves.json.fold-%1.json").arg(fold);
            const QJsonArray ca = curves(QDir(whole).filePath(log)), cb = curves(cutDir.filePath(log));
            QCOMPARE(ca.size(), 4);
            QCOMPARE(cb.size(), 4);
            double epochSeconds = 0;
            for (int e = 0; e < 4; ++e) {
                for (const char *key : {"train_loss", "validation_loss"})
                    QCOMPARE(cb[e].toObject()[QLatin1String(key)].toDouble(), ca[e].toObject()[QLatin1String(key)].toDouble());
                epochSeconds += cb[e].toObject()[QLatin1String("seconds")].toDouble();
            }
            // The cut fold's time includes the epoch run before the interruption (it once
            // counted only the resumed part).
            QVERIFY(epochSeconds > 0);
            QVERIFY2(b.value(QLatin1String("seconds")).toDouble() >= epochSeconds,
                     qPrintable(QStringLiteral("fold %1: %2 s recorded, %3 s of epochs")
                                    .arg(fold).arg(b.value(QLatin1String("seconds")).toDouble()).arg(epochSeconds)));
        }
    }

    // The records hash each item's labels too: the same clips and folds with one label changed
    // train again.
    void resumeRetrainsChangedLabels()
    {
        const QString manifest = m_dir.filePath(QStringLiteral("labels.csv"));
        const auto write = [&](bool flipped) {
            QFile f(manifest);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            f.write("path,genre,energy\n");
            for (int i = 0; i < m_files.size(); ++i) {
                const bool high = (i % 2 == 0) != (flipped && i == 4);
                f.write(QStringLiteral("%1,%2,%3\n").arg(m_files[i], QFileInfo(m_files[i]).dir().dirName(),
                                                         high ? QStringLiteral("high") : QStringLiteral("low")).toUtf8());
            }
            return true;
        };
        const QString out = m_dir.filePath(QStringLiteral("label-folds"));
        const auto run = [&] {
            return testutil::run(testutil::spectagBinary(),
                                 {QStringLiteral("train"), QStringLiteral("--manifest"), manifest, QStringLiteral("--stratify"), QStringLiteral("genre"),
                                  QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                  QStringLiteral("--crops"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("2"),
                                  QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out,
                                  QStringLiteral("--report"), m_dir.filePath(QStringLiteral("labels.json")), QStringLiteral("--resume")},
                                 600000);
        };
        QVERIFY(write(false));
        auto r = run();
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(!r.err.contains("earlier run"), r.err.constData());
        r = run();  // unchanged: every fold read back
        QVERIFY2(r.ok(), r.err.constData());
        QCOMPARE(r.err.count("finished in an earlier run"), 3);
        QVERIFY(write(true));  // clip 4 trains, validates or tests in every fold
        r = run();
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(!r.err.contains("earlier run"), r.err.constData());
    }

    void resumeNeedsOut()
    {
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--resume")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--out"), r.err.constData());
    }

    // A fold's state is the run's own file: a damaged one (or one from other settings) is dropped
    // and the fold trained from its first epoch, instead of stopping the whole run.
    void resumeDropsADamagedFoldState()
    {
        const QString out = m_dir.filePath(QStringLiteral("damaged"));
        QVERIFY(QDir().mkpath(out));
        const QString state = QDir(out).filePath(QStringLiteral("fold-1.checkpoint.stm.state"));
        QFile f(state);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SPECTAG? not a state file");
        f.close();
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("2"),
                                      QStringLiteral("--crops"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1"),
                                      QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out,
                                      QStringLiteral("--resume")},
                                     600000);
        QVERIFY2(r.ok(), r.err.constData());
        const qsizetype fold1 = r.err.indexOf("fold 1/3\n"), fold2 = r.err.indexOf("fold 2/3\n");
        QVERIFY2(fold1 >= 0 && fold2 > fold1, r.err.constData());
        QVERIFY2(r.err.mid(fold1, fold2 - fold1).contains("\repoch 1:"), r.err.constData());
        QVERIFY(QFileInfo::exists(QDir(out).filePath(QStringLiteral("fold-1.json"))));
        QVERIFY(!QFileInfo::exists(state));
    }

    // Outside cross-validation --resume continues a --checkpoint; without one it would silently
    // train from scratch, so it is refused.
    void resumeNeedsCheckpoint()
    {
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.stm")), QStringLiteral("--resume")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--checkpoint"), r.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never.stm"))));
    }

    // Grouped by artist (the default), every test fold holds whole artists; --split-by item (the
    // leaking protocol, for comparison) spreads one artist's clips over several folds.
    void splitByItemLeaksArtists()
    {
        // The 18 clips as a manifest, one artist per class's first or second half.
        const QString manifest = m_dir.filePath(QStringLiteral("artists.csv"));
        {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("path,artist,genre\n");
            for (int i = 0; i < m_files.size(); ++i)
                f.write(QStringLiteral("%1,artist%2,%3\n").arg(m_files[i]).arg(i / 3)
                            .arg(QFileInfo(m_files[i]).dir().dirName()).toUtf8());
        }
        const auto artistsPerFold = [&](const QString &splitBy) {
            const QString report = m_dir.filePath(QStringLiteral("split-%1.json").arg(splitBy));
            const auto r = testutil::run(testutil::spectagBinary(),
                                         {QStringLiteral("train"), QStringLiteral("--manifest"), manifest, QStringLiteral("--split-by"), splitBy,
                                          QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                          QStringLiteral("--crops"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("2"),
                                          QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--report"), report},
                                         600000);
            QMap<QString, QSet<int>> foldsOfArtist;
            if (!r.ok()) {
                qWarning("%s", r.err.constData());
                return foldsOfArtist;
            }
            QFile f(report);
            if (!f.open(QIODevice::ReadOnly))
                return foldsOfArtist;
            const QJsonArray folds = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("folds")).toArray();
            for (const QJsonValue &v : folds)
                for (const QJsonValue &path : v.toObject().value(QLatin1String("test_paths")).toArray())
                    foldsOfArtist[QStringLiteral("artist%1").arg(m_files.indexOf(path.toString()) / 3)].insert(v.toObject().value(QLatin1String("fold")).toInt());
            return foldsOfArtist;
        };
        const auto grouped = artistsPerFold(QStringLiteral("group"));
        QCOMPARE(grouped.size(), 6);
        for (auto it = grouped.begin(); it != grouped.end(); ++it)
            QCOMPARE(it.value().size(), 1);  // an artist's clips are tested in one fold
        const auto leaking = artistsPerFold(QStringLiteral("item"));
        QCOMPARE(leaking.size(), 6);
        int spread = 0;
        for (auto it = leaking.begin(); it != leaking.end(); ++it)
            spread += it.value().size() > 1;
        QVERIFY2(spread > 0, "with --split-by item some artist's clips land in different folds");

        const auto bad = testutil::run(testutil::spectagBinary(), {QStringLiteral("train"), QStringLiteral("--manifest"), manifest,
                                                                   QStringLiteral("--split-by"), QStringLiteral("song"),
                                                                   QStringLiteral("--folds"), QStringLiteral("3")});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.err.contains("--split-by"), bad.err.constData());
    }

    // The feature cache folder is kept under --cache-limit: a stale spectrogram file from another
    // data set goes, the one this run uses stays even though it alone is over the limit, and a
    // file another process is still writing (QSaveFile's temporary name) is left alone.
    void cacheLimitRemovesStaleFeatures()
    {
        const QString cache = m_dir.filePath(QStringLiteral("limited-cache"));
        QVERIFY(QDir().mkpath(cache));
        const QString stale = cache + QStringLiteral("/0123456789abcdef01234567.stfeat");
        const QString writing = cache + QStringLiteral("/89abcdef0123456789abcdef.stfeat.AbCdEf");
        for (const QString &path : {stale, writing}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(QByteArray(64 * 1024, 'x')), qint64(64 * 1024));
        }
        const QString model = m_dir.filePath(QStringLiteral("limited.stm"));
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--crops"), QStringLiteral("1"),
                                      QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--cache"), cache,
                                      QStringLiteral("--cache-limit"), QStringLiteral("0.00001"), QStringLiteral("--out"), model},
                                     600000);
        QVERIFY2(r.ok(), r.err.constData());
        QVERIFY2(r.err.contains("removed 1 least recently used file"), r.err.constData());
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(writing));
        const QStringList kept = QDir(cache).entryList({QStringLiteral("*.stfeat")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QVERIFY(QFileInfo(cache + QLatin1Char('/') + kept.first()).size() > 64 * 1024);  // this run's features
        QVERIFY(QFileInfo::exists(model));

        // A bad limit is a usage error before any feature is computed.
        const QString untouched = m_dir.filePath(QStringLiteral("never-made-cache"));
        const auto bad = testutil::run(testutil::spectagBinary(),
                                       {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                        QStringLiteral("--cache"), untouched, QStringLiteral("--cache-limit"), QStringLiteral("lots"),
                                        QStringLiteral("--out"), model});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--cache-limit"), bad.err.constData());
        QVERIFY(!QFileInfo::exists(untouched));
    }

    void badFoldCount()
    {
        const auto r = testutil::run(testutil::spectagBinary(),
                                     {QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                                      QStringLiteral("--folds"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--folds"));
    }

    // Numbers and settings that cannot train are refused up front with what is wrong. They used
    // to be read as 0 or ignored: --batch 0 died of SIGFPE, --epochs -3 wrote an untrained model,
    // a broken --hp was dropped, --folds 100 on 18 clips trained folds with nothing to test, and a
    // missing --out folder was found only after training.
    void badTrainingSettings_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, QStringList extra, int code, const char *message) {
            QTest::newRow(name) << extra << code << QString::fromUtf8(message);
        };
        row("batch 0", {QStringLiteral("--batch"), QStringLiteral("0")}, 2, "--batch needs a whole number within 1..65536");
        row("negative epochs", {QStringLiteral("--epochs"), QStringLiteral("-3")}, 2, "--epochs needs a whole number");
        row("lr not a number", {QStringLiteral("--lr"), QStringLiteral("abc")}, 2, "--lr needs a number within");
        row("fractional crops", {QStringLiteral("--crops"), QStringLiteral("2.5")}, 2, "--crops needs a whole number");
        row("test fraction", {QStringLiteral("--test-fraction"), QStringLiteral("1.5")}, 2, "--test-fraction needs a number");
        row("fractions sum", {QStringLiteral("--test-fraction"), QStringLiteral("0.5"), QStringLiteral("--val-fraction"),
                              QStringLiteral("0.5")}, 2, "leave nothing to train on");
        row("broken hp", {QStringLiteral("--hp"), QStringLiteral("{bad")}, 2, "--hp needs a JSON object");
        row("hp not an object", {QStringLiteral("--hp"), QStringLiteral("[1]")}, 2, "--hp needs a JSON object");
        row("too many folds", {QStringLiteral("--folds"), QStringLiteral("100")}, 2, "is more than this data can fill: 18 items");
        row("missing out folder", {QStringLiteral("--out"), QStringLiteral("/nonexistent-spectag-dir/x.stm")}, 1,
            "cannot write the model into /nonexistent-spectag-dir: no such folder");
    }

    void badTrainingSettings()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir out;
        const QString model = out.filePath(QStringLiteral("m.stm"));
        QStringList args{QStringLiteral("train"), QStringLiteral("--folder"), m_dir.filePath(QStringLiteral("data")) + QStringLiteral(":genre"),
                         QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--crops"), QStringLiteral("1"),
                         QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cache"))};
        if (!extra.contains(QStringLiteral("--out")))
            args << QStringLiteral("--out") << (extra.contains(QStringLiteral("--folds")) ? out.filePath(QStringLiteral("folds")) : model);
        const auto r = testutil::run(testutil::spectagBinary(), args + extra, 120000);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(!QFileInfo::exists(model));
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("folds/fold-1.stm"))));
    }
};

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "tst_crossvalidation.moc"
