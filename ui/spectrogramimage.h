#pragma once

#include "dsp/melspectrogram.h"

#include <QImage>
#include <QString>

#include "qcp.h"

namespace spectag::ui {

// Renders a spectrogram as a picture: time left to right, low frequencies at the bottom,
// dB values mapped through a QCustomPlot colour gradient over [max - range, max].
QImage renderSpectrogram(const Spectrogram &spec, double dbRange, QCPColorGradient gradient);  // by value: colorize() is not const
QImage renderSpectrogram(const Spectrogram &spec, double dbRange = 80.0);

// The CLI hook: renders with the default gradient and saves as PNG; returns an error or "".
QString writeSpectrogramPng(const Spectrogram &spec, const FrontEnd &fe, const QString &path);

} // namespace spectag::ui
