// A process that quits while a worker-pool job is still running: exits 0 only if the job was
// allowed to finish before the application object (and then static destructors) went away.
#include "util/workerpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <atomic>

int main(int argc, char **argv)
{
    static std::atomic_bool finished{false};
    {
        QCoreApplication app(argc, argv);
        spectag::workerPool()->start([] {
            QThread::msleep(400);
            finished = true;
        });
    }
    return finished ? 0 : 3;
}
