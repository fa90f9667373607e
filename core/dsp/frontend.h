#pragma once

#include <QJsonObject>
#include <QString>

namespace spectag {

// Everything that turns audio into the network's input. A model file carries one of these, and
// analysis and training both build their spectrograms from it, so they can never disagree.
struct FrontEnd {
    enum class MelScale { Htk, Slaney };
    enum class MelNorm { None, Slaney };

    int sampleRate = 16000;
    int nFft = 512;
    int winLength = 512;   // <= nFft; a shorter Hann window is centred in the frame, as torch.stft does
    int hop = 256;
    int nMels = 96;        // 0 = linear-frequency power spectrogram (nFft/2+1 bins)
    double fMin = 0.0;
    double fMax = 8000.0;  // <= sampleRate/2
    MelScale melScale = MelScale::Slaney;
    MelNorm melNorm = MelNorm::Slaney;
    bool center = true;    // reflect-pad nFft/2 on both sides, like torch.stft(center=True)
    bool toDb = true;      // 10*log10(max(power, 1e-10))
    double topDb = 80.0;   // clamp each segment to (max - topDb); <= 0 disables

    // Segmenting a song for analysis: the network sees segments of this length, taken every hop.
    double segmentSeconds = 3.0;
    double segmentHopSeconds = 1.5;

    int bins() const { return nMels > 0 ? nMels : nFft / 2 + 1; }
    int framesPerSegment() const;   // frames in one segment (uncentred count within the segment)
    int frameHopPerSegment() const; // frames between segment starts
    double framesPerSecond() const { return double(sampleRate) / hop; }

    QString validate() const;       // empty when usable, else why not
    QJsonObject toJson() const;
    static FrontEnd fromJson(const QJsonObject &o, QString *error = nullptr);
    bool operator==(const FrontEnd &) const = default;
};

} // namespace spectag
