#pragma once

#include "audio/decodeerror.h"

#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace spectag {

// What the container says about a file before any audio is decoded.
struct AudioInfo {
    double durationSeconds = 0.0;  // 0 when the container does not say
    int sourceSampleRate = 0;
    int sourceChannels = 0;
    qint64 bitRate = 0;
    QString codec;      // FFmpeg codec name, e.g. "vorbis"
    QString container;  // FFmpeg demuxer name, e.g. "ogg"
};

// Streams any audio file FFmpeg can read as mono float32 at a chosen sample rate.
// Memory use is bounded by one block, whatever the file's length: callers pull blocks with
// read() until it returns 0. Not thread-safe; use one decoder per thread.
class AudioDecoder {
public:
    explicit AudioDecoder(int targetSampleRate);
    ~AudioDecoder();
    AudioDecoder(const AudioDecoder &) = delete;
    AudioDecoder &operator=(const AudioDecoder &) = delete;

    bool open(const QString &path);
    const AudioInfo &info() const;
    int targetSampleRate() const { return m_targetRate; }

    // Appends up to maxFrames samples to out. Returns the number appended; 0 means the end of
    // the stream or an error (check error()). Cancellation is checked between packets.
    qint64 read(std::vector<float> &out, qint64 maxFrames);

    // Skips forward to a position (seconds) with the demuxer's seek; the next read() continues there.
    bool seek(double seconds);

    const DecodeError &error() const;
    qint64 framesDecoded() const;
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    int m_targetRate;
    const std::atomic_bool *m_cancel = nullptr;
};

// Convenience: decodes a whole file (or its first maxSeconds when > 0) into memory.
// Use the streaming API for long files.
std::vector<float> decodeFile(const QString &path, int sampleRate, DecodeError *error = nullptr,
                              double maxSeconds = 0.0, AudioInfo *info = nullptr);

} // namespace spectag
