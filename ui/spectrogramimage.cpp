#include "spectrogramimage.h"

#include "qcp.h"

#include <QImageWriter>

#include <algorithm>

namespace spectag::ui {

QImage renderSpectrogram(const Spectrogram &spec, double dbRange, QCPColorGradient gradient)
{
    const int w = spec.frames(), h = spec.bins;
    if (w == 0 || h == 0)
        return {};
    const float top = *std::max_element(spec.data.begin(), spec.data.end());
    const QCPRange range(double(top) - dbRange, double(top));
    QImage img(w, h, QImage::Format_RGB32);
    std::vector<double> row(static_cast<size_t>(w));
    for (int b = 0; b < h; ++b) {
        for (int t = 0; t < w; ++t)
            row[size_t(t)] = spec.frame(t)[b];
        // Row 0 of the image is the top, i.e. the highest bin.
        gradient.colorize(row.data(), range, reinterpret_cast<QRgb *>(img.scanLine(h - 1 - b)), w);
    }
    return img;
}

QImage renderSpectrogram(const Spectrogram &spec, double dbRange)
{
    return renderSpectrogram(spec, dbRange, QCPColorGradient(QCPColorGradient::gpThermal));
}

QString writeSpectrogramPng(const Spectrogram &spec, const FrontEnd &fe, const QString &path)
{
    QImage img = renderSpectrogram(spec, fe.topDb > 0 ? fe.topDb : 80.0);
    if (img.isNull())
        return QStringLiteral("nothing to draw: the spectrogram is empty");
    // Mel spectrograms are short (96 rows): stretch them so the picture is readable.
    if (img.height() < 256)
        img = img.scaled(img.width(), img.height() * (256 / img.height() + 1), Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QImageWriter writer(path, "png");
    if (!writer.write(img))
        return QStringLiteral("cannot write %1: %2").arg(path, writer.errorString());
    return {};
}

} // namespace spectag::ui
