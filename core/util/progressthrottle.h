#pragma once

#include <QElapsedTimer>

namespace spectag {

// Lets a worker report progress at most every intervalMs (Mixxx reports every ~60 ms): enough
// for a smooth bar, few enough signals that the GUI thread never drowns in queued events.
class ProgressThrottle {
public:
    explicit ProgressThrottle(int intervalMs = 60)
        : m_intervalMs(intervalMs)
    {
    }

    // True when a report is due now; the first call and force=true always report.
    bool due(bool force = false)
    {
        if (force || !m_timer.isValid() || m_timer.elapsed() >= m_intervalMs) {
            m_timer.start();
            return true;
        }
        return false;
    }

private:
    QElapsedTimer m_timer;
    int m_intervalMs;
};

} // namespace spectag
