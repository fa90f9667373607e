#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace spectag::ui {

// The languages Spectag has a catalogue for ("de", "en", "fr"), from the installed
// share/spectag/translations and the ones compiled in (":/i18n/spectag_<lang>.qm").
QStringList availableLanguages();

// The first of the user's preferred languages (QLocale::uiLanguages(), most preferred first, e.g.
// "de-AT", "de", "en-US") that is in `available`, trying "de_AT" before "de"; empty when none is,
// which leaves the English source texts. Taking the first match, not the best, matters: an
// English user whose list continues with German must not get German.
QString pickLanguage(const QStringList &uiLanguages, const QStringList &available);

// Installs Spectag's catalogue for `locale` and Qt's own (qtbase_<lang>.qm from
// QLibraryInfo::TranslationsPath, for the standard dialogs' buttons) on `app`, replacing what an
// earlier call installed. Returns the language taken, empty for the English source texts.
QString installTranslations(QCoreApplication &app, const QLocale &locale);

// The language asked for on the command line (`--lang de` or `--lang=de`), else the system's
// (which honours LANGUAGE and LC_MESSAGES on Linux).
QLocale requestedLocale(const QStringList &arguments);

} // namespace spectag::ui
