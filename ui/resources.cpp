#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initSpectagResources()
{
    Q_INIT_RESOURCE(spectag);
}

namespace spectag::ui {
void initResources()
{
    static const bool done = (initSpectagResources(), true);
    Q_UNUSED(done);
}
} // namespace spectag::ui
