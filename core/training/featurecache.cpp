#include "training/featurecache.h"

#include "audio/audiodecoder.h"
#include "util/savefile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent>
#include <qfloat16.h>

#include <cstring>

namespace spectag {

namespace {

constexpr char kMagic[8] = {'S', 'P', 'T', 'F', 'E', 'A', 'T', '1'};

QByteArray sourceKey(const FeatureSource &s)
{
    const QFileInfo fi(s.path);
    return QFile::encodeName(fi.absoluteFilePath()) + '|' + QByteArray::number(fi.size()) + '|'
        + QByteArray::number(fi.lastModified().toMSecsSinceEpoch()) + '|' + QByteArray::number(s.start, 'g', 10) + '|'
        + QByteArray::number(s.end, 'g', 10);
}

// Decodes one source and returns its dB spectrogram (no top_db: that is applied per segment).
std::vector<qfloat16> computeOne(const FeatureSource &s, const FrontEnd &feIn, int *frames, QString *error,
                                 const std::atomic_bool *cancel)
{
    FrontEnd fe = feIn;
    fe.topDb = 0;
    AudioDecoder dec(fe.sampleRate);
    dec.setCancelFlag(cancel);
    MelSpectrogram mel(fe);
    Spectrogram spec;
    std::vector<float> block;
    if (dec.open(s.path)) {
        if (s.start > 0)
            dec.seek(s.start);
        const qint64 limit = s.end > s.start ? qint64((s.end - s.start) * fe.sampleRate) : std::numeric_limits<qint64>::max();
        qint64 total = 0;
        while (total < limit) {
            block.clear();
            const qint64 n = dec.read(block, std::min<qint64>(1 << 15, limit - total));
            if (n == 0)
                break;
            total += n;
            mel.push(block.data(), block.size(), spec);
        }
        mel.finish(spec);
    }
    // A file whose last seconds are damaged still teaches something: only "nothing" is an error.
    if (!dec.error().ok() && (dec.error().code != DecodeErrorCode::Truncated || spec.frames() == 0)) {
        *error = dec.error().message;
        *frames = 0;
        return {};
    }
    *frames = spec.frames();
    std::vector<qfloat16> out(spec.data.size());
    qFloatToFloat16(out.data(), spec.data.data(), qsizetype(spec.data.size()));
    return out;
}

} // namespace

FeatureCache::FeatureCache(const FrontEnd &fe, const QString &cacheDir)
    : m_fe(fe)
    , m_dir(cacheDir)
{
}

FeatureCache::~FeatureCache() = default;

bool FeatureCache::build(const std::vector<FeatureSource> &sources, int threads, const Progress &progress,
                         const std::atomic_bool *cancel)
{
    m_errors.clear();
    m_pruned.clear();
    m_prunedBytes = 0;
    m_index.assign(sources.size(), {});
    QCryptographicHash h(QCryptographicHash::Sha1);
    FrontEnd keyFe = m_fe;
    keyFe.segmentSeconds = keyFe.segmentHopSeconds = 1;  // segmenting does not change features
    keyFe.topDb = 0;
    h.addData(QJsonDocument(keyFe.toJson()).toJson(QJsonDocument::Compact));
    for (const FeatureSource &s : sources)
        h.addData(sourceKey(s));
    if (!QDir().mkpath(m_dir)) {
        m_errors << QStringLiteral("cannot create the feature cache folder %1").arg(m_dir);
        return false;
    }
    m_file.setFileName(QDir(m_dir).filePath(QString::fromLatin1(h.result().toHex().left(24)) + QStringLiteral(".stfeat")));
    if (m_file.exists() && mapFile()) {
        m_reused = true;
        prune();
        if (progress)
            progress(int(sources.size()), int(sources.size()));
        return true;
    }

    // Compute in parallel, keep results in memory (float16: ~12 kB per second of audio at the
    // default front end), then write one file.
    std::vector<std::vector<qfloat16>> data(sources.size());
    std::vector<QString> errors(sources.size());
    std::atomic_int done{0};
    QMutex progressMutex;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    std::vector<int> order(sources.size());
    std::iota(order.begin(), order.end(), 0);
    QtConcurrent::blockingMap(&pool, order, [&](int i) {
        if (cancel && cancel->load())
            return;
        int frames = 0;
        data[size_t(i)] = computeOne(sources[size_t(i)], m_fe, &frames, &errors[size_t(i)], cancel);
        m_index[size_t(i)].frames = frames;
        const int d = ++done;
        if (progress) {
            QMutexLocker lock(&progressMutex);
            progress(d, int(sources.size()));
        }
    });
    if (cancel && cancel->load())
        return false;
    QJsonArray table;
    qint64 offset = 0;
    for (size_t i = 0; i < sources.size(); ++i) {
        if (!errors[i].isEmpty())
            m_errors << errors[i];
        m_index[i].offset = offset;
        table.append(QJsonArray{QString::fromUtf8(sourceKey(sources[i])), m_index[i].frames, double(offset)});
        offset += qint64(data[i].size() * sizeof(qfloat16));
    }
    const QByteArray header = QJsonDocument(QJsonObject{{QStringLiteral("front_end"), m_fe.toJson()},
                                                        {QStringLiteral("items"), table}})
                                  .toJson(QJsonDocument::Compact);
    QSaveFile out(m_file.fileName());
    if (!out.open(QIODevice::WriteOnly)) {
        m_errors << QStringLiteral("cannot write the feature cache %1: %2").arg(out.fileName(), out.errorString());
        return false;
    }
    QByteArray pre(kMagic, sizeof kMagic);
    const quint32 len = quint32(header.size());
    pre.append(reinterpret_cast<const char *>(&len), 4);
    pre.append(header);
    pre.append(QByteArray((64 - pre.size() % 64) % 64, '\0'));  // align the float16 data
    out.write(pre);
    for (const auto &d : data)
        out.write(reinterpret_cast<const char *>(d.data()), qint64(d.size() * sizeof(qfloat16)));
    if (!commitSaveFile(out)) {
        m_errors << QStringLiteral("cannot write the feature cache %1: %2 (disk full?)").arg(out.fileName(), out.errorString());
        return false;
    }
    if (!mapFile())
        return false;
    prune();
    return std::any_of(m_index.begin(), m_index.end(), [](const Entry &e) { return e.frames > 0; });
}

void FeatureCache::prune()
{
    // Renew the current file's time even without a limit, so that a limit set later sees it as used.
    m_file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    if (m_sizeLimit <= 0)
        return;
    // Only finished cache files: QSaveFile's temporary files (another process still writing)
    // carry a suffix after ".stfeat" and are never touched.
    QFileInfoList files = QDir(m_dir).entryInfoList({QStringLiteral("*.stfeat")}, QDir::Files, QDir::Time | QDir::Reversed);
    const QString current = QFileInfo(m_file.fileName()).absoluteFilePath();
    qint64 total = 0;
    for (const QFileInfo &fi : std::as_const(files))
        total += fi.size();
    for (const QFileInfo &fi : std::as_const(files)) {  // oldest first
        if (total <= m_sizeLimit)
            break;
        if (fi.absoluteFilePath() == current)
            continue;
        // Unlinking a file another run has mapped is safe on POSIX: its pages stay until unmapped.
        if (QFile::remove(fi.absoluteFilePath())) {
            total -= fi.size();
            m_pruned << fi.absoluteFilePath();
            m_prunedBytes += fi.size();
        }
    }
}

bool FeatureCache::mapFile()
{
    if (m_file.isOpen())
        m_file.close();
    if (!m_file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pre = m_file.read(12);
    if (pre.size() < 12 || std::memcmp(pre.constData(), kMagic, sizeof kMagic) != 0)
        return false;
    quint32 len = 0;
    std::memcpy(&len, pre.constData() + 8, 4);
    if (len > 64u * 1024 * 1024 || 12 + qint64(len) > m_file.size())
        return false;
    const QJsonObject header = QJsonDocument::fromJson(m_file.read(len)).object();
    const QJsonArray items = header.value(QStringLiteral("items")).toArray();
    if (items.size() != qsizetype(m_index.size()))
        return false;
    m_dataStart = 12 + qint64(len);
    m_dataStart += (64 - m_dataStart % 64) % 64;
    const qint64 bytes = m_file.size() - m_dataStart;
    const qint64 perFrame = qint64(bins()) * qint64(sizeof(qfloat16));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonArray it = items.at(i).toArray();
        Entry e{qint64(it.at(2).toDouble()), it.at(1).toInt()};
        if (e.frames < 0 || e.offset < 0 || e.offset + e.frames * perFrame > bytes)
            return false;  // damaged cache: rebuild
        m_index[size_t(i)] = e;
    }
    m_data = m_file.map(m_dataStart, std::max<qint64>(bytes, 1));
    return m_data != nullptr;
}

Spectrogram FeatureCache::slice(int i, int first, int count) const
{
    Spectrogram s;
    s.bins = bins();
    if (!has(i) || !m_data)
        return s;
    const Entry &e = m_index[size_t(i)];
    first = std::clamp(first, 0, e.frames);
    count = std::clamp(count, 0, e.frames - first);
    s.data.resize(size_t(count) * size_t(s.bins));
    const auto *src = reinterpret_cast<const qfloat16 *>(m_data + e.offset) + size_t(first) * size_t(s.bins);
    qFloatFromFloat16(s.data.data(), src, qsizetype(s.data.size()));
    return s;
}

} // namespace spectag
