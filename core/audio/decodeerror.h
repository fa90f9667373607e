#pragma once

#include <QString>

namespace spectag {

// Why a file could not be decoded. Typed so callers (scanner, analysis queue, CLI) can react
// differently to "not audio at all" and "audio, but damaged".
enum class DecodeErrorCode {
    None,
    FileNotFound,
    PermissionDenied,
    EmptyFile,
    NotAudio,          // FFmpeg recognises no container, or the container holds no audio stream
    UnsupportedCodec,  // audio stream present but no decoder for it in this FFmpeg build
    Corrupt,           // decoding failed on damaged data
    Truncated,         // file ends well before the duration its container declares
    Cancelled,
    Internal,
};

struct DecodeError {
    DecodeErrorCode code = DecodeErrorCode::None;
    QString message;  // human-readable, already mentions the file

    bool ok() const { return code == DecodeErrorCode::None; }
    static QString codeName(DecodeErrorCode code);
};

} // namespace spectag
