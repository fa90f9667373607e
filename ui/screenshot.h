#pragma once

#include <QString>

namespace spectag::ui {

// `spectag --screenshot OUT.png [--library DIR] [--track N] [--theme light|dark]`: opens the main
// window on a throw-away catalog (and settings), adds DIR, selects a track, waits until its
// waveform and spectrogram are computed and saves the window as a PNG. Needs a QApplication
// (works on the offscreen platform). Returns a process exit code; messages go to stderr.
int takeScreenshot(const QStringList &arguments);

} // namespace spectag::ui
