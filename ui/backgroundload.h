#pragma once

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include "util/workerpool.h"

#include <functional>

namespace spectag::ui {

// Keeps a view over the catalog current without blocking the GUI thread: `load` runs on the
// thread pool, `apply` gets its result on the GUI thread. Change notifications (request()) are
// throttled to one load per interval, so a library analysed at several tracks a second reloads
// every couple of seconds rather than per track, and are only noted while the view is hidden (it
// loads when shown). Hidden includes a dock tabbed behind another. A request during a load queues
// exactly one more load after it.
template <class T>
class BackgroundLoad {
public:
    BackgroundLoad(QWidget *view, std::function<T()> load, std::function<void(T)> apply, int throttleMs = 2000)
        : m_view(view)
        , m_load(std::move(load))
        , m_apply(std::move(apply))
        , m_watcher(new QFutureWatcher<T>(view))
        , m_throttle(new QTimer(view))
    {
        m_throttle->setSingleShot(true);
        m_throttle->setInterval(throttleMs);
        QObject::connect(m_throttle, &QTimer::timeout, m_view, [this] { now(); });
        QObject::connect(m_watcher, &QFutureWatcherBase::finished, m_view, [this] {
            m_awaiting = false;
            m_apply(m_watcher->result());
            if (m_pending) {
                m_pending = false;
                now();
            }
        });
    }
    ~BackgroundLoad()
    {
        // The worker reads the catalog, which its owner may destroy right after the view.
        m_watcher->waitForFinished();
        delete m_watcher;
        delete m_throttle;
    }
    BackgroundLoad(const BackgroundLoad &) = delete;
    BackgroundLoad &operator=(const BackgroundLoad &) = delete;

    // Loads now (after the running load, if any).
    void now()
    {
        m_throttle->stop();
        if (m_watcher->isRunning() || m_awaiting) {
            m_pending = true;
            return;
        }
        m_stale = false;
        m_awaiting = true;
        m_watcher->setFuture(spectag::runInBackground(m_load));
    }
    // Something changed: load within the interval, or when the view is next shown.
    void request()
    {
        if (!onScreen())
            m_stale = true;
        else if (!m_throttle->isActive() && !m_pending)
            m_throttle->start();
    }
    // From the view's showEvent (a dock shown behind another tab is not on screen yet).
    void shown()
    {
        if (m_stale && onScreen())
            now();
    }
    // When the view's dock is brought to the front (QDockWidget::visibilityChanged), which may
    // come before the main window lays it out on screen.
    void revealed()
    {
        if (m_stale)
            now();
    }
    bool isLoading() const { return m_awaiting || m_pending; }
    // Blocks until every started or queued load is applied (tests, and callers that must read
    // the result at once).
    void wait()
    {
        while (isLoading()) {
            m_watcher->waitForFinished();
            // finished() reaches the watcher as a posted event, possibly a moment after the
            // future ends: deliver it (its handler applies and may start the queued load).
            QCoreApplication::sendPostedEvents(m_watcher);
            if (m_awaiting && !m_watcher->isRunning())
                QThread::msleep(1);
        }
    }

private:
    // A dock tabbed behind another stays isVisible() (the main window only moves it out of
    // sight), so what is on screen is the visible region, not the visibility flag.
    bool onScreen() const { return m_view->isVisible() && !m_view->visibleRegion().isEmpty(); }

    QWidget *m_view;
    std::function<T()> m_load;
    std::function<void(T)> m_apply;
    QFutureWatcher<T> *m_watcher;
    QTimer *m_throttle;
    bool m_pending = false;   // a load asked for while one runs
    bool m_awaiting = false;  // a load started and its result not applied yet
    bool m_stale = true;      // changed (or never loaded) while hidden
};

} // namespace spectag::ui
