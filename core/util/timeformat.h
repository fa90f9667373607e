#pragma once

#include <QString>

namespace spectag {

// "m:ss", or "h:mm:ss" from an hour on: durations in the library, ETAs in the analysis queue.
inline QString formatClock(double seconds)
{
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace spectag
