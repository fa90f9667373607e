#pragma once
// qcustomplot.h is written with Qt's bare `signals`/`slots`/`emit`/`foreach` keywords, which the
// strict build (QT_NO_KEYWORDS, QT_NO_FOREACH) disables. Include it only through this header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#ifdef QT_NO_FOREACH
#undef QT_NO_FOREACH
#define SPECTAG_RESTORE_NO_FOREACH
#endif
#ifndef foreach
#define foreach Q_FOREACH
#endif
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
