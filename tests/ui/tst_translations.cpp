// The German and French catalogues cover every string of the current sources, with the same
// placeholders and shortcuts; the compiled-in catalogues switch the main window's language.
#include "common/testutil.h"

#include "ui/i18n.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            if (!m.source.isNull() || !m.translations.isEmpty())
                out << m;
            m = Message{context, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes", {}, {}};
        } else if (name == u"source") {
            m.source = xml.readElementText();
        } else if (name == u"translation") {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.translations << xml.readElementText();
        } else if (name == u"numerusform") {
            m.translations << xml.readElementText();
        }
    }
    if (!m.source.isNull())
        out << m;
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

// %1..%99 and %n; %L1 (a localised number) counts as %1.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found << QStringLiteral("%") + m.captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

// A shortcut marker: & before anything but &, a space or an entity ("&&" is a literal ampersand).
qsizetype shortcuts(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("&(?![&\\s]|[A-Za-z]+;|#\\d+;)"));
    return text.count(re);
}

// Every complaint about a catalogue, one line each; empty when it is complete and consistent.
QStringList problems(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
        if (!m.type.isEmpty()) {
            out << where + QStringLiteral(" is ") + m.type;
            continue;
        }
        if (m.translations.isEmpty()) {
            out << where + QStringLiteral(" has no translation");
            continue;
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                out << where + QStringLiteral(" has an empty translation");
            else if (placeholders(t) != placeholders(m.source))
                out << where + QStringLiteral(" -> \"") + t + QStringLiteral("\": placeholders ")
                           + placeholders(t).join(u' ') + QStringLiteral(" instead of ") + placeholders(m.source).join(u' ');
            else if (shortcuts(t) != shortcuts(m.source))
                out << where + QStringLiteral(" -> \"") + t + QStringLiteral("\": ") + QString::number(shortcuts(t))
                           + QStringLiteral(" &-shortcut(s), the source has ") + QString::number(shortcuts(m.source));
        }
    }
    return out;
}

bool contains(const QList<Message> &messages, const QString &context, const QString &source)
{
    return std::any_of(messages.begin(), messages.end(), [&](const Message &m) { return m.context == context && m.source == source; });
}

QStringList menuTitles(QMainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

// Menus whose entries share a shortcut letter ("&Datei" and "&Drucken" in one menu), as text.
QStringList clashingShortcuts(const QList<QAction *> &actions, const QString &where)
{
    QStringList clashes;
    QHash<QString, QString> taken;
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QString key = QKeySequence::mnemonic(a->text()).toString();
        if (!key.isEmpty()) {
            if (taken.contains(key))
                clashes << where + QStringLiteral(": ") + taken.value(key) + QStringLiteral(" / ") + a->text();
            taken.insert(key, a->text());
        }
        if (a->menu())
            clashes << clashingShortcuts(a->menu()->actions(), a->text());
    }
    return clashes;
}

QStringList headers(QMainWindow &w)
{
    QStringList out;
    auto *table = w.findChild<QTableView *>(QStringLiteral("library"));
    if (!table)
        return out;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        out << table->model()->headerData(c, Qt::Horizontal).toString();
    return out;
}

QString trMain(const char *source, int n = -1)
{
    return QCoreApplication::translate("spectag::ui::MainWindow", source, nullptr, n);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir m_extracted;  // copies of translations/*.ts, re-extracted from today's sources
    QString m_lupdateLog;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SpectagTest"));
        QCoreApplication::setApplicationName(QStringLiteral("spectag-test"));

        // Run the very script that maintains the catalogues, on copies: a tr() string added to
        // the code without a translation arrives there as "unfinished".
        QVERIFY(m_extracted.isValid());
        const QString src = QStringLiteral(SPECTAG_SOURCE_DIR "/translations/");
        for (const char *lang : {"de", "fr", "en"}) {
            const QString name = QStringLiteral("spectag_%1.ts").arg(QLatin1String(lang));
            QVERIFY2(QFile::copy(src + name, m_extracted.filePath(name)), qPrintable(src + name));
            QFile::setPermissions(m_extracted.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
        }
        QProcess lupdate;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), QStringLiteral(SPECTAG_LUPDATE));
        lupdate.setProcessEnvironment(env);
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral("sh"), {src + QStringLiteral("update.sh"), m_extracted.path()});
        QVERIFY(lupdate.waitForFinished(120000));
        m_lupdateLog = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(m_lupdateLog));
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<int>("minMessages");
        QTest::newRow("de") << QStringLiteral("de") << 150;
        QTest::newRow("fr") << QStringLiteral("fr") << 150;
        QTest::newRow("en (plural forms only)") << QStringLiteral("en") << 10;
    }

    void catalogueIsComplete()
    {
        QFETCH(QString, lang);
        QFETCH(int, minMessages);
        QString error;
        const QList<Message> messages = readTs(m_extracted.filePath(QStringLiteral("spectag_%1.ts").arg(lang)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // lupdate really scanned the sources: the menus' and core's strings are there.
        QVERIFY2(messages.size() >= minMessages, qPrintable(QString::number(messages.size()) + QStringLiteral(" messages; ") + m_lupdateLog));
        QVERIFY(contains(messages, QStringLiteral("spectag::ui::MainWindow"), QStringLiteral("%n track(s)")));
        if (lang != u"en") {
            QVERIFY(contains(messages, QStringLiteral("spectag::ui::MainWindow"), QStringLiteral("&File")));
            QVERIFY(contains(messages, QStringLiteral("spectag::LibraryModel"), QStringLiteral("Mood")));
        } else {
            QVERIFY(std::all_of(messages.begin(), messages.end(), [](const Message &m) { return m.numerus; }));
        }
        const QStringList wrong = problems(messages);
        QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("\nspectag_%1.ts needs work (translations/README.md):\n  ").arg(lang)
                                             + wrong.join(QStringLiteral("\n  "))));
    }

    // The check above must be able to fail: each kind of gap in a copy of the German catalogue.
    void checkFindsGaps_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("unfinished") << QStringLiteral("<translation>&amp;Datei</translation>")
                                    << QStringLiteral("<translation type=\"unfinished\">&amp;Datei</translation>") << QStringLiteral("is unfinished");
        QTest::newRow("empty") << QStringLiteral("<translation>&amp;Datei</translation>") << QStringLiteral("<translation> </translation>")
                               << QStringLiteral("empty translation");
        QTest::newRow("placeholder lost") << QStringLiteral("<translation>Kein Ordner: %1</translation>")
                                          << QStringLiteral("<translation>Kein Ordner</translation>") << QStringLiteral("placeholders");
        QTest::newRow("plural lost %n") << QStringLiteral("<numerusform>%n Stücke</numerusform>")
                                        << QStringLiteral("<numerusform>viele Stücke</numerusform>") << QStringLiteral("placeholders");
        QTest::newRow("shortcut lost") << QStringLiteral("<translation>&amp;Datei</translation>")
                                       << QStringLiteral("<translation>Datei</translation>") << QStringLiteral("&-shortcut");
    }

    void checkFindsGaps()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, complaint);
        QFile f(m_extracted.filePath(QStringLiteral("spectag_de.ts")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString ts = QString::fromUtf8(f.readAll());
        QVERIFY2(ts.contains(from), qPrintable(from));
        ts.replace(ts.indexOf(from), from.size(), to);
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("broken.ts")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(ts.toUtf8());
        broken.close();
        QString error;
        const QStringList wrong = problems(readTs(broken.fileName(), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(wrong.size(), 1);
        QVERIFY2(wrong.first().contains(complaint), qPrintable(wrong.first()));
    }

    void picksTheFirstPreferredLanguage_data()
    {
        QTest::addColumn<QStringList>("preferred");
        QTest::addColumn<QString>("expected");
        QTest::newRow("German") << QStringList{QStringLiteral("de-DE"), QStringLiteral("de")} << QStringLiteral("de");
        QTest::newRow("Swiss French") << QStringList{QStringLiteral("fr-CH")} << QStringLiteral("fr");
        QTest::newRow("English first wins over German") << QStringList{QStringLiteral("en-GB"), QStringLiteral("de")} << QStringLiteral("en");
        QTest::newRow("unknown, then French") << QStringList{QStringLiteral("ja-JP"), QStringLiteral("fr")} << QStringLiteral("fr");
        QTest::newRow("none we have") << QStringList{QStringLiteral("ja-JP"), QStringLiteral("C")} << QString();
        QTest::newRow("script subtag") << QStringList{QStringLiteral("de-Latn-AT")} << QStringLiteral("de");
    }

    void picksTheFirstPreferredLanguage()
    {
        QFETCH(QStringList, preferred);
        QFETCH(QString, expected);
        const QStringList available = spectag::ui::availableLanguages();
        QCOMPARE(available, (QStringList{QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("fr")}));
        QCOMPARE(spectag::ui::pickLanguage(preferred, available), expected);
    }

    void commandLineChoosesTheLanguage()
    {
        const QString app = QStringLiteral("spectag");
        QCOMPARE(spectag::ui::requestedLocale({app, QStringLiteral("--lang"), QStringLiteral("fr")}).language(), QLocale::French);
        QCOMPARE(spectag::ui::requestedLocale({app, QStringLiteral("--lang=de")}).language(), QLocale::German);
        QCOMPARE(spectag::ui::requestedLocale({app}), QLocale::system());
    }

    void mainWindowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QString>("moodHeader");
        QTest::addColumn<QString>("oneTrack");
        QTest::addColumn<QString>("twoTracks");
        QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("de")
                            << QStringList{QStringLiteral("&Datei"), QStringLiteral("&Wiedergabe"), QStringLiteral("&Hilfe")}
                            << QStringLiteral("Stimmung") << QStringLiteral("1 Stück") << QStringLiteral("2 Stücke");
        QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France) << QStringLiteral("fr")
                            << QStringList{QStringLiteral("&Fichier"), QStringLiteral("&Lecture"), QStringLiteral("A&ide")}
                            << QStringLiteral("Humeur") << QStringLiteral("0 morceau") << QStringLiteral("2 morceaux");
        QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("en")
                            << QStringList{QStringLiteral("&File"), QStringLiteral("&Playback"), QStringLiteral("&Help")}
                            << QStringLiteral("Mood") << QStringLiteral("1 track") << QStringLiteral("2 tracks");
    }

    void mainWindowSpeaksTheLanguage()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, lang);
        QFETCH(QStringList, menus);
        QFETCH(QString, moodHeader);
        QFETCH(QString, oneTrack);
        QFETCH(QString, twoTracks);
        QCOMPARE(spectag::ui::installTranslations(*qApp, locale), lang);
        spectag::ui::MainWindow w(m_settings.filePath(QStringLiteral("%1.sqlite").arg(lang)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QStringList titles = menuTitles(w);
        for (const QString &menu : menus)
            QVERIFY2(titles.contains(menu), qPrintable(titles.join(u',')));
        const QStringList clashes = clashingShortcuts(w.menuBar()->actions(), QStringLiteral("menu bar"));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        // core's LibraryModel is translated as well as ui's widgets.
        QVERIFY2(headers(w).contains(moodHeader), qPrintable(headers(w).join(u',')));
        // Plural rules come from the catalogue's language: French says "0 morceau".
        const int n = oneTrack.section(u' ', 0, 0).toInt();
        QCOMPARE(trMain("%n track(s)", n), oneTrack);
        QCOMPARE(trMain("%n track(s)", 2), twoTracks);
        // Qt's own texts follow when Debian's qt6-translations-l10n is installed.
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_") + lang + QStringLiteral(".qm");
        if (lang != u"en" && QFile::exists(qtbase))
            QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
    }

    void uninstallingRestoresEnglish()
    {
        QCOMPARE(spectag::ui::installTranslations(*qApp, QLocale(QLocale::German)), QStringLiteral("de"));
        QCOMPARE(trMain("&File"), QStringLiteral("&Datei"));
        QCOMPARE(spectag::ui::installTranslations(*qApp, QLocale::c()), QString());
        QCOMPARE(trMain("&File"), QStringLiteral("&File"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(trMain("%n track(s)", 1), QStringLiteral("1 track(s)"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
