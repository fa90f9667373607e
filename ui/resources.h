#pragma once

namespace spectag::ui {
// Registers the compiled-in icons (":/icons/..."). Idempotent; the views call it themselves.
void initResources();
} // namespace spectag::ui
