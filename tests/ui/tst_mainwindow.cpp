// The main window opens on the offscreen platform with its menus and remembers its layout.
#include "common/testutil.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "ui/libraryproxymodel.h"
#include "ui/mainwindow.h"
#include "ui/playlistpanel.h"
#include "ui/spectrogramimage.h"
#include "ui/trackview.h"

#include <QApplication>
#include <QDockWidget>
#include <QDropEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QSettings>
#include <QFileSystemModel>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-test"));
    }

    void opens()
    {
        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("opens.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("Spectag"));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&File")) && menus.contains(QStringLiteral("&Help")), qPrintable(menus.join(u',')));
        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 800);
        // No saved layout yet: the track view (waveform, spectrogram, timeline) gets 45 % of the
        // height, not the strip the tabbed docks' minimum sizes left it.
        auto *track = w.findChild<QDockWidget *>(QStringLiteral("trackDock"));
        QVERIFY(track);
        QTRY_VERIFY2(track->height() >= w.height() * 2 / 5, qPrintable(QStringLiteral("%1 of %2").arg(track->height()).arg(w.height())));
        // Beside it, the predictions get the room the analysis controls do not need.
        auto *predictions = w.findChild<QDockWidget *>(QStringLiteral("predictionsDock"));
        auto *analysis = w.findChild<QDockWidget *>(QStringLiteral("analysisDock"));
        QVERIFY(predictions && analysis);
        QTRY_VERIFY2(predictions->height() > analysis->height(),
                     qPrintable(QStringLiteral("predictions %1, analysis %2").arg(predictions->height()).arg(analysis->height())));
        QVERIFY(analysis->height() >= analysis->minimumSizeHint().height());
    }

    void remembersGeometry()
    {
        {
            spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("geometry.sqlite")));
            w.show();
            w.resize(911, 633);
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        spectag::ui::MainWindow again(m_settings.filePath(QStringLiteral("geometry.sqlite")));
        QCOMPARE(again.size(), QSize(911, 633));
    }

    void droppedFolderIsAddedSearchedAndShown()
    {
        QTemporaryDir music;
        QVERIFY(music.isValid());
        QDir(music.path()).mkpath(QStringLiteral("sub"));
        QVERIFY(!testutil::makeAudio(music.path(), QStringLiteral("low hum.flac"), 2, QStringLiteral("sine=frequency=110")).isEmpty());
        QVERIFY(!testutil::makeAudio(music.filePath(QStringLiteral("sub")), QStringLiteral("high whistle.ogg"), 3, QStringLiteral("sine=frequency=3000")).isEmpty());
        QFile junk(music.filePath(QStringLiteral("notes.txt")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not audio");
        junk.close();

        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("drop.sqlite")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy imported(&w, &spectag::ui::MainWindow::folderImported);
        // A file manager drags the folder onto the window.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(music.path())});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(imported.wait(60000));
        QCOMPARE(imported.first().at(1).toInt(), 2);
        QCOMPARE(w.libraryView()->model()->rowCount(), 2);
        QCOMPARE(w.catalog()->libraryFolders(), QStringList{QFileInfo(music.path()).absoluteFilePath()});

        // Typing in the search field filters the table.
        w.searchField()->setText(QStringLiteral("whistle duration>2.5"));
        QCOMPARE(w.libraryView()->model()->rowCount(), 1);
        QCOMPARE(w.libraryView()->model()->index(0, spectag::LibraryModel::Title).data().toString(), QStringLiteral("high whistle"));
        w.searchField()->setText(QStringLiteral("duration<2.5"));
        QCOMPARE(w.libraryView()->model()->index(0, spectag::LibraryModel::Title).data().toString(), QStringLiteral("low hum"));

        // Selecting the row loads that track into the track view (decoded on the worker).
        QSignalSpy loaded(w.trackView(), &spectag::ui::TrackView::trackLoaded);
        QVERIFY(w.selectRow(0));
        QVERIFY(loaded.wait(30000));
        QVERIFY(w.trackView()->path().endsWith(QStringLiteral("low hum.flac")));
        QCOMPARE_LT(qAbs(w.trackView()->data()->duration - 2.0), 0.05);
    }

    // The Folders dock shows the library: rooted at the folder that holds the library's folders
    // (home before there is one), each library folder opened, not the file system from "/".
    void folderTreeShowsTheLibrary()
    {
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QString music = base.filePath(QStringLiteral("Music")), more = base.filePath(QStringLiteral("elsewhere/More music"));
        QVERIFY(QDir().mkpath(music + QStringLiteral("/Some Artist")));
        QVERIFY(QDir().mkpath(more));
        QVERIFY(!testutil::makeAudio(music + QStringLiteral("/Some Artist"), QStringLiteral("song.flac"), 1.0).isEmpty());
        QVERIFY(!testutil::makeAudio(more, QStringLiteral("other.flac"), 1.0).isEmpty());
        const QString catalog = m_settings.filePath(QStringLiteral("tree.sqlite"));
        const auto model = [](const spectag::ui::MainWindow &w) {
            return qobject_cast<const QFileSystemModel *>(w.folderTree()->model());
        };
        {
            spectag::ui::MainWindow w(catalog);
            QVERIFY(model(w));
            QCOMPARE(model(w)->filePath(w.folderTree()->rootIndex()), QDir::homePath());  // no library yet
            QSignalSpy imported(&w, &spectag::ui::MainWindow::folderImported);
            w.addFolder(music);
            QVERIFY(imported.wait(60000));
            QCOMPARE(model(w)->filePath(w.folderTree()->rootIndex()), base.path());
            const QModelIndex musicRow = model(w)->index(music);
            QCOMPARE(musicRow.parent(), w.folderTree()->rootIndex());  // a row of its own: it can be selected
            QVERIFY(w.folderTree()->isExpanded(musicRow));               // its artists in view
            w.addFolder(more);
            QVERIFY(imported.wait(60000));
            QCOMPARE(model(w)->filePath(w.folderTree()->rootIndex()), base.path());  // holds both
            QVERIFY(w.folderTree()->isExpanded(model(w)->index(base.filePath(QStringLiteral("elsewhere")))));
        }
        spectag::ui::MainWindow again(catalog);  // the next start shows the same
        QCOMPARE(model(again)->filePath(again.folderTree()->rootIndex()), base.path());
        QVERIFY(again.folderTree()->isExpanded(model(again)->index(music)));
        // Selecting a folder shows its tracks only; a click below the rows shows all of them again.
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.libraryView()->model()->rowCount(), 2);
        again.folderTree()->setCurrentIndex(model(again)->index(music));
        QCOMPARE(again.libraryView()->model()->rowCount(), 1);
        QWidget *empty = again.folderTree()->viewport();
        const QPoint below(empty->width() / 2, empty->height() - 3);
        QVERIFY(!again.folderTree()->indexAt(below).isValid());
        QTest::mouseClick(empty, Qt::LeftButton, {}, below);
        QCOMPARE(again.libraryView()->model()->rowCount(), 2);
        QVERIFY(!again.folderTree()->currentIndex().isValid());
    }

    // `spectag FILE` from the desktop entry or "Open with": the file's folder is added.
    void openedFileAddsItsFolder()
    {
        QTemporaryDir music;
        const QString song = testutil::makeAudio(music.path(), QStringLiteral("opened.flac"), 1.5);
        QVERIFY(!song.isEmpty());
        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("open.sqlite")));
        QSignalSpy imported(&w, &spectag::ui::MainWindow::folderImported);
        w.openPaths({song, QStringLiteral("/nonexistent/other.flac")});
        QVERIFY(imported.wait(60000));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().at(0).toString(), QFileInfo(music.path()).absoluteFilePath());
        QCOMPARE(w.libraryView()->model()->rowCount(), 1);
    }

    void playlistsDockAndLibraryDrags()
    {
        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("playlists.sqlite")));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("playlistsDock"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), w.playlistPanel());
        QVERIFY(w.findChild<QMenu *>(QStringLiteral("viewMenu"))->actions().contains(dock->toggleViewAction()));
        QVERIFY(w.libraryView()->dragEnabled());
        QCOMPARE(w.libraryView()->dragDropMode(), QAbstractItemView::DragOnly);
        // Spectag's own tracks dragged over the window are not a folder to add.
        QMimeData own;
        own.setData(QStringLiteral("application/x-spectag-track-ids"), "1\n");
        own.setUrls({QUrl::fromLocalFile(m_settings.path())});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &own, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void darkAndLightThemes()
    {
        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("theme.sqlite")));
        w.setTheme(spectag::ui::MainWindow::Theme::Dark);
        QVERIFY(qGray(QApplication::palette().color(QPalette::Window).rgb()) < 80);
        QVERIFY(qGray(QApplication::palette().color(QPalette::Text).rgb()) > 180);
        w.setTheme(spectag::ui::MainWindow::Theme::Light);
        QVERIFY(qGray(QApplication::palette().color(QPalette::Window).rgb()) > 180);
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toInt(), int(spectag::ui::MainWindow::Theme::Light));
    }

    void rendersSpectrogram()
    {
        spectag::Spectrogram s;
        s.bins = 4;
        s.data = {0, -80, -80, -80, -80, -80, -80, 0};  // bottom-left and top-right bright
        const QImage img = spectag::ui::renderSpectrogram(s, 80.0);
        QCOMPARE(img.size(), QSize(2, 4));
        QVERIFY(qGray(img.pixel(0, 3)) > qGray(img.pixel(0, 0)) + 50);  // low bin drawn at the bottom
        QVERIFY(qGray(img.pixel(1, 0)) > qGray(img.pixel(1, 3)) + 50);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
