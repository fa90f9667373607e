#include "model/modelfile.h"
#include "util/savefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace spectag {

namespace {

constexpr char kMagic[kModelMagicSize + 1] = "SPECTAGM";
constexpr qint64 kPrefixSize = kModelMagicSize + 4 + 4;
constexpr qint64 kDigestSize = 32;
constexpr qint64 kMaxHeader = 16 << 20;      // 16 MiB of JSON is far beyond any real spec
constexpr qint64 kMaxFile = qint64(1) << 30; // 1 GiB: no Spectag network comes near
constexpr int kMaxDims = 8;
constexpr int kMaxTensors = 100000;

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// A JSON number that is a whole number within [0, max].
bool wholeNumber(const QJsonValue &v, qint64 max, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > double(max) || std::floor(d) != d)
        return false;
    *out = qint64(d);
    return true;
}

} // namespace

qint64 TensorRecord::elementCount() const
{
    qint64 n = 1;
    for (qint64 d : shape)
        n *= d;
    return n;
}

bool parseModelFile(const QByteArray &bytes, ModelFile *out, QString *error)
{
    const qint64 size = bytes.size();
    if (size < kPrefixSize || std::memcmp(bytes.constData(), kMagic, kModelMagicSize) != 0)
        return fail(error, QStringLiteral("not a Spectag model file (bad magic)"));
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const quint32 version = qFromLittleEndian<quint32>(p + kModelMagicSize);
    const qint64 headerLen = qFromLittleEndian<quint32>(p + kModelMagicSize + 4);
    if (version == 0 || version > kModelFormatVersion)
        return fail(error, QStringLiteral("model format version %1 is not supported (this Spectag reads up to %2)")
                               .arg(version).arg(kModelFormatVersion));
    if (headerLen > kMaxHeader)
        return fail(error, QStringLiteral("model header length %1 is absurd").arg(headerLen));
    if (kPrefixSize + headerLen + kDigestSize > size)
        return fail(error, QStringLiteral("model file is truncated (header cut off at %1 bytes)").arg(size));

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(kPrefixSize, headerLen), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(error, QStringLiteral("model header is not valid JSON (%1)").arg(pe.errorString()));
    const QJsonObject header = doc.object();
    qint64 dataLen = 0;
    if (!wholeNumber(header.value(QLatin1String("data_length")), kMaxFile, &dataLen))
        return fail(error, QStringLiteral("model header has no valid data_length"));
    const qint64 expected = kPrefixSize + headerLen + dataLen + kDigestSize;
    if (size < expected)
        return fail(error, QStringLiteral("model file is truncated (%1 of %2 bytes)").arg(size).arg(expected));
    if (size > expected)
        return fail(error, QStringLiteral("model file has %1 unexpected trailing bytes").arg(size - expected));

    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(bytes.constData(), size - kDigestSize),
                                                       QCryptographicHash::Sha256);
    if (digest != bytes.right(kDigestSize))
        return fail(error, QStringLiteral("model file checksum mismatch: the file is damaged"));

    QString specError;
    ModelFile mf;
    mf.spec = ModelSpec::fromJson(header.value(QLatin1String("spec")).toObject(), &specError);
    if (!specError.isEmpty())
        return fail(error, QStringLiteral("model spec: %1").arg(specError));
    mf.sha256 = digest;

    const QJsonValue tv = header.value(QLatin1String("tensors"));
    if (!tv.isArray() || tv.toArray().size() > kMaxTensors)
        return fail(error, QStringLiteral("model header has no valid tensor table"));
    const char *data = bytes.constData() + kPrefixSize + headerLen;
    QSet<QString> names;
    for (const QJsonValue &v : tv.toArray()) {
        const QJsonObject o = v.toObject();
        TensorRecord t;
        t.name = o.value(QLatin1String("name")).toString();
        if (t.name.isEmpty() || names.contains(t.name))
            return fail(error, QStringLiteral("model tensor table has an empty or repeated name '%1'").arg(t.name));
        names.insert(t.name);
        const QString dt = o.value(QLatin1String("dtype")).toString();
        if (dt == QLatin1String("float32"))
            t.dtype = TensorRecord::DType::Float32;
        else if (dt == QLatin1String("int64"))
            t.dtype = TensorRecord::DType::Int64;
        else
            return fail(error, QStringLiteral("tensor '%1' has unsupported dtype '%2'").arg(t.name, dt));
        const QJsonArray shape = o.value(QLatin1String("shape")).toArray();
        if (shape.size() > kMaxDims)
            return fail(error, QStringLiteral("tensor '%1' has too many dimensions").arg(t.name));
        // Each factor is at most kMaxFile (2^30) and the running product is checked against the
        // data length (<= 2^30) after every step, so it stays below 2^60 and cannot overflow. (A
        // factor is not bounded by the data length itself: a zero-element tensor such as [0, 4]
        // in a file with less than 4 bytes of data is valid; found by tests/fuzz/fuzz_modelfile,
        // whose re-saved image of such a file was refused.)
        qint64 elements = 1;
        for (const QJsonValue &d : shape) {
            qint64 dim = 0;
            if (!wholeNumber(d, kMaxFile, &dim))
                return fail(error, QStringLiteral("tensor '%1' has an invalid shape").arg(t.name));
            t.shape.push_back(dim);
            elements = dim == 0 ? 0 : elements * dim;
            if (elements > dataLen)
                return fail(error, QStringLiteral("tensor '%1' is larger than the file's data").arg(t.name));
        }
        qint64 offset = 0, length = 0;
        if (!wholeNumber(o.value(QLatin1String("offset")), dataLen, &offset)
            || !wholeNumber(o.value(QLatin1String("length")), dataLen, &length))
            return fail(error, QStringLiteral("tensor '%1' has an invalid offset or length").arg(t.name));
        if (length != elements * TensorRecord::elementSize(t.dtype) || offset + length > dataLen)
            return fail(error, QStringLiteral("tensor '%1' does not fit its shape or the file's data").arg(t.name));
        t.data = QByteArray(data + offset, length);
        mf.tensors.push_back(std::move(t));
    }
    *out = std::move(mf);
    return true;
}

bool readModelFile(const QString &path, ModelFile *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot open model %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxFile)
        return fail(error, QStringLiteral("model %1 is too large (%2 bytes)").arg(path).arg(f.size()));
    const QByteArray bytes = f.readAll();
    if (bytes.size() != f.size())
        return fail(error, QStringLiteral("cannot read model %1: %2").arg(path, f.errorString()));
    QString why;
    if (!parseModelFile(bytes, out, &why))
        return fail(error, QStringLiteral("%1: %2").arg(path, why));
    return true;
}

QByteArray serializeModelFile(const ModelSpec &spec, const std::vector<TensorRecord> &tensors, QByteArray *sha256)
{
    QJsonArray table;
    QByteArray data;
    for (const TensorRecord &t : tensors) {
        QJsonArray shape;
        for (qint64 d : t.shape)
            shape.append(double(d));
        table.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("dtype"), TensorRecord::dtypeName(t.dtype)},
                                 {QStringLiteral("shape"), shape},
                                 {QStringLiteral("offset"), double(data.size())},
                                 {QStringLiteral("length"), double(t.data.size())}});
        data += t.data;
    }
    const QByteArray header = QJsonDocument(QJsonObject{{QStringLiteral("spec"), spec.toJson()},
                                                        {QStringLiteral("data_length"), double(data.size())},
                                                        {QStringLiteral("tensors"), table}})
                                  .toJson(QJsonDocument::Compact);
    QByteArray image(kMagic, kModelMagicSize);
    uchar word[4];
    qToLittleEndian<quint32>(kModelFormatVersion, word);
    image.append(reinterpret_cast<const char *>(word), 4);
    qToLittleEndian<quint32>(quint32(header.size()), word);
    image.append(reinterpret_cast<const char *>(word), 4);
    image += header;
    image += data;
    const QByteArray digest = QCryptographicHash::hash(image, QCryptographicHash::Sha256);
    image += digest;
    if (sha256)
        *sha256 = digest;
    return image;
}

QString writeModelFile(const QString &path, const QByteArray &image)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write model %1: %2").arg(path, f.errorString());
    if (f.write(image) != image.size() || !commitSaveFile(f))
        return QStringLiteral("cannot write model %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace spectag
