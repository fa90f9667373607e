// Settings: defaults, the dialog's round trip through QSettings (stored as words), library
// folders changed in the catalog on OK (and only then), the main window's action, and a changed
// model or device reaching the Analysis dock.
#include "catalog/catalog.h"
#include "ui/analysispanel.h"
#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QDir>
#include <QFileSystemModel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace spectag;
using spectag::ui::AppSettings;
using spectag::ui::SettingsDialog;

class TestSettingsDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-settings-test"));
    }

    void init()
    {
        QSettings().clear();
    }

    void defaults()
    {
        const AppSettings a = AppSettings::load();
        QCOMPARE(a.minConfidence, 0.5);
        QCOMPARE(a.vocabulary, MoodVocabulary::Everyday);
        QCOMPARE(a.device, Model::Device::Auto);
        QCOMPARE(a.id3v2, Id3v2Version::Keep);
        QVERIFY(a.writeScores);
        QVERIFY(a.dropRecordsMood);
        QCOMPARE(a.annotator, AppSettings::defaultAnnotator());
        QVERIFY(a.modelPath.isEmpty());
    }

    void roundTripThroughTheDialog()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("a.sqlite"))));
        AppSettings want;
        want.modelPath = m_dir.filePath(QStringLiteral("mine.stm"));
        want.device = Model::Device::Cpu;
        want.analysisThreads = 3;
        want.minConfidence = 0.75;
        want.vocabulary = MoodVocabulary::Both;
        want.writeScores = false;
        want.id3v2 = Id3v2Version::V3;
        want.annotator = QStringLiteral("Zoë");
        want.dropRecordsMood = false;
        SettingsDialog d(&c);
        QSignalSpy applied(&d, &SettingsDialog::applied);
        d.setSettings(want);
        QCOMPARE(d.settings(), want);
        QVERIFY(AppSettings::load() != want);  // nothing is saved before OK
        d.accept();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(AppSettings::load(), want);
        QSettings s;
        QCOMPARE(s.value(QString::fromLatin1(AppSettings::kDevice)).toString(), QStringLiteral("cpu"));
        QCOMPARE(s.value(QString::fromLatin1(AppSettings::kVocabulary)).toString(), QStringLiteral("both"));
        QCOMPARE(s.value(QString::fromLatin1(AppSettings::kId3Version)).toInt(), 3);
        QCOMPARE(s.value(QStringLiteral("annotation/annotator")).toString(), QStringLiteral("Zoë"));

        // A new dialog shows what was saved.
        SettingsDialog again(&c);
        QCOMPARE(again.settings(), want);
    }

    void foldersChangeOnOkOnly()
    {
        Catalog c;
        QVERIFY(c.open(m_dir.filePath(QStringLiteral("b.sqlite"))));
        const QString a = m_dir.filePath(QStringLiteral("music a")), b = m_dir.filePath(QStringLiteral("música b"));
        QVERIFY(QDir().mkpath(a) && QDir().mkpath(b));
        QVERIFY(c.addLibraryFolder(a));
        {
            SettingsDialog d(&c);
            QCOMPARE(d.folders(), QStringList{a});
            QCOMPARE(d.folderList()->count(), 1);
            d.addFolder(b);
            d.addFolder(b + QStringLiteral("/"));  // the same folder once
            d.removeFolder(a);
            QCOMPARE(d.folders(), QStringList{b});
            d.reject();
        }
        QCOMPARE(c.libraryFolders(), QStringList{a});  // cancelled: unchanged
        SettingsDialog d(&c);
        QSignalSpy applied(&d, &SettingsDialog::applied);
        d.addFolder(b);
        d.removeFolder(a);
        d.accept();
        QCOMPARE(c.libraryFolders(), QStringList{b});
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().at(2).toStringList(), QStringList{b});
    }

    void mainWindowAppliesTheModelChoice()
    {
        const QString model = m_dir.filePath(QStringLiteral("chosen model.stm"));  // need not exist: the dock says so
        ui::MainWindow w(m_dir.filePath(QStringLiteral("window.sqlite")), m_dir.filePath(QStringLiteral("first.stm")));
        QAction *act = w.findChild<QAction *>(QStringLiteral("settings"));
        QVERIFY(act);
        QCOMPARE(act->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        act->trigger();
        auto *d = w.findChild<SettingsDialog *>();
        QVERIFY(d);
        QVERIFY(d->isVisible());
        AppSettings s = d->settings();
        s.modelPath = model;
        s.device = Model::Device::Cpu;
        d->setSettings(s);
        d->accept();
        QCOMPARE(w.analysisPanel()->modelPath(), model);
        QCOMPARE(w.analysisPanel()->device(), Model::Device::Cpu);
        // A window opened later starts from the saved choice.
        ui::MainWindow w2(m_dir.filePath(QStringLiteral("window2.sqlite")));
        QCOMPARE(w2.analysisPanel()->modelPath(), model);
    }

    // The Folders dock follows the library folders chosen in Settings: removing one re-roots the
    // tree at what holds the rest.
    void folderTreeFollowsRemovedFolders()
    {
        const QString near = m_dir.filePath(QStringLiteral("tree/a/near")), far = m_dir.filePath(QStringLiteral("tree/b/far"));
        QVERIFY(QDir().mkpath(near) && QDir().mkpath(far));
        const QString catalogPath = m_dir.filePath(QStringLiteral("tree.sqlite"));
        {
            Catalog c;
            QVERIFY(c.open(catalogPath));
            QVERIFY(c.addLibraryFolder(near) && c.addLibraryFolder(far));
        }
        ui::MainWindow w(catalogPath, m_dir.filePath(QStringLiteral("first.stm")));
        const auto root = [&w] {
            return qobject_cast<const QFileSystemModel *>(w.folderTree()->model())->filePath(w.folderTree()->rootIndex());
        };
        QCOMPARE(root(), m_dir.filePath(QStringLiteral("tree")));  // holds a/near and b/far
        w.findChild<QAction *>(QStringLiteral("settings"))->trigger();
        auto *d = w.findChild<SettingsDialog *>();
        QVERIFY(d);
        d->removeFolder(far);
        d->accept();
        QCOMPARE(w.catalog()->libraryFolders(), QStringList{near});
        QCOMPARE(root(), m_dir.filePath(QStringLiteral("tree/a")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
