#pragma once

#include "model/modelspec.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace spectag {

// Spectag's model file (.stm), a deliberately dumb container that can be read without running
// anything it holds (TorchScript/pickle archives can execute code, so torch::load is never used):
//
//   "SPECTAGM"                 8 bytes magic
//   format version             uint32 little-endian (kModelFormatVersion)
//   header length H            uint32 little-endian
//   header                     H bytes of UTF-8 JSON: {"spec": ModelSpec, "data_length": N,
//                              "tensors": [{"name", "dtype", "shape", "offset", "length"}]}
//   tensor data                N bytes, little-endian, offsets relative to its start
//   SHA-256                    32 bytes over everything above
//
// The hex prefix of the SHA-256 is the model's version hash (cached analysis results are keyed
// by it). Every size is checked against the file's length before anything is allocated.
constexpr quint32 kModelFormatVersion = 1;
constexpr int kModelMagicSize = 8;
constexpr int kModelHashPrefix = 16;   // hex characters of the version hash

struct TensorRecord {
    enum class DType { Float32, Int64 };
    QString name;
    DType dtype = DType::Float32;
    std::vector<qint64> shape;
    QByteArray data;  // little-endian raw values

    qint64 elementCount() const;
    static int elementSize(DType t) { return t == DType::Float32 ? 4 : 8; }
    static QString dtypeName(DType t) { return t == DType::Float32 ? QStringLiteral("float32") : QStringLiteral("int64"); }
};

struct ModelFile {
    ModelSpec spec;
    std::vector<TensorRecord> tensors;
    QByteArray sha256;  // raw digest of the content

    QString versionHash() const { return QString::fromLatin1(sha256.toHex().left(kModelHashPrefix)); }
};

// Parses and validates a whole file image; on failure returns false with a readable reason.
bool parseModelFile(const QByteArray &bytes, ModelFile *out, QString *error);
bool readModelFile(const QString &path, ModelFile *out, QString *error);

// Serialises spec + tensors; sha256 (optional) receives the digest.
QByteArray serializeModelFile(const ModelSpec &spec, const std::vector<TensorRecord> &tensors,
                              QByteArray *sha256 = nullptr);
// Writes atomically (QSaveFile): an interrupted or failed write leaves any old file intact.
QString writeModelFile(const QString &path, const QByteArray &image);

} // namespace spectag
