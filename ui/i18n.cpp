#include "i18n.h"

#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace spectag::ui {

namespace {
const QString kPrefix = QStringLiteral("spectag_");
const QString kEmbedded = QStringLiteral(":/i18n");
// Marks the translators this file installed, so a second call can find and replace them.
const char *const kOwned = "spectagTranslator";

// Installed catalogues first: they ship with the package and may be newer than the binary's.
QStringList catalogueDirs()
{
    return {QDir(paths::resourcesDir()).filePath(QStringLiteral("translations")), kEmbedded};
}

QString catalogueFile(const QString &language)
{
    for (const QString &dir : catalogueDirs()) {
        const QString file = QDir(dir).filePath(kPrefix + language + QStringLiteral(".qm"));
        if (QFileInfo::exists(file))
            return file;
    }
    return {};
}

bool install(QCoreApplication &app, const QString &file)
{
    auto *t = new QTranslator(&app);
    if (!t->load(file) || !QCoreApplication::installTranslator(t)) {
        delete t;
        return false;
    }
    t->setProperty(kOwned, true);
    return true;
}
} // namespace

QStringList availableLanguages()
{
    QStringList langs;
    for (const QString &dir : catalogueDirs()) {
        const QStringList files = QDir(dir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files);
        for (const QString &f : files) {
            const QString lang = f.mid(kPrefix.size()).chopped(3);
            if (!langs.contains(lang))
                langs << lang;
        }
    }
    langs.sort();
    return langs;
}

QString pickLanguage(const QStringList &uiLanguages, const QStringList &available)
{
    for (QString candidate : uiLanguages) {
        candidate.replace(u'-', u'_');
        // "zh_Hant_TW", then "zh_Hant", then "zh": the most specific catalogue first.
        for (;;) {
            if (available.contains(candidate))
                return candidate;
            const qsizetype cut = candidate.lastIndexOf(u'_');
            if (cut <= 0)
                break;
            candidate.truncate(cut);
        }
    }
    return {};
}

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    const QList<QTranslator *> old = app.findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : old) {
        if (t->property(kOwned).toBool()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    const QString lang = pickLanguage(locale.uiLanguages(), availableLanguages());
    if (lang.isEmpty() || !install(app, catalogueFile(lang)))
        return {};
    // Qt's own texts (QDialogButtonBox's "Cancel", the file dialog) in the same language; Debian
    // ships them in qt6-translations-l10n. Absent is fine: those few texts stay English.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QString qtbase = QDir(qtDir).filePath(QStringLiteral("qtbase_") + lang + QStringLiteral(".qm"));
    if (lang != QLatin1String("en") && QFileInfo::exists(qtbase))
        install(app, qtbase);
    return lang;
}

QLocale requestedLocale(const QStringList &arguments)
{
    const QString flag = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == flag && i + 1 < arguments.size())
            return QLocale(arguments.at(i + 1));
        if (a.startsWith(flag + u'='))
            return QLocale(a.mid(flag.size() + 1));
    }
    return QLocale::system();
}

} // namespace spectag::ui
