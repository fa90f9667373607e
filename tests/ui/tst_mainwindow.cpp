// The main window opens on the offscreen platform with its menus and remembers its layout.
#include "ui/mainwindow.h"
#include "ui/spectrogramimage.h"

#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
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
        spectag::ui::MainWindow w;
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
    }

    void remembersGeometry()
    {
        {
            spectag::ui::MainWindow w;
            w.show();
            w.resize(911, 633);
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        spectag::ui::MainWindow again;
        QCOMPARE(again.size(), QSize(911, 633));
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
