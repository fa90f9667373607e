// The .stm container: round trips, and every kind of damaged or hostile file is refused with a
// readable reason instead of a crash or a half-loaded network.
#include "model/model.h"
#include "model/modelfile.h"
#include "model/segmenter.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <sys/resource.h>

#include <functional>
#include <random>

using namespace spectag;

namespace {

std::vector<HeadSpec> heads()
{
    return parseHeads(QStringLiteral("genre:single:rock,jazz,pop;mood:multi:happy,sad"), nullptr);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &b)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(b), b.size());
}

// Splits a valid image into (header JSON, data) so tests can rebuild hostile variants with a
// correct checksum: only the validation, not the checksum, can stop those.
struct Parts {
    QJsonObject header;
    QByteArray data;
};

Parts split(const QByteArray &image)
{
    const quint32 h = qFromLittleEndian<quint32>(image.constData() + 12);
    Parts p;
    p.header = QJsonDocument::fromJson(image.mid(16, h)).object();
    p.data = image.mid(16 + h, image.size() - 16 - h - 32);
    return p;
}

QByteArray assemble(const QJsonObject &header, const QByteArray &data, quint32 version = kModelFormatVersion)
{
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QByteArray img("SPECTAGM", 8);
    uchar w[4];
    qToLittleEndian<quint32>(version, w);
    img.append(reinterpret_cast<const char *>(w), 4);
    qToLittleEndian<quint32>(quint32(json.size()), w);
    img.append(reinterpret_cast<const char *>(w), 4);
    img += json + data;
    img += QCryptographicHash::hash(img, QCryptographicHash::Sha256);
    return img;
}

std::vector<float> randomSegments(const Model &m, int count)
{
    std::mt19937 rng(7);
    std::normal_distribution<float> n;
    std::vector<float> v(m.inputSize() * size_t(count));
    for (float &x : v)
        x = n(rng);
    return v;
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_good;       // a saved spectag model
    QByteArray m_image;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Model::setThreadCount(2);
        QString error;
        auto m = Model::createRandom(makeModelSpec(QStringLiteral("spectag"), heads()), 42, &error, Model::Device::Cpu);
        QVERIFY2(m, qPrintable(error));
        m_good = m_dir.filePath(QStringLiteral("good.stm"));
        QCOMPARE(m->save(m_good), QString());
        m_image = readAll(m_good);
        QVERIFY(m_image.size() > 1000);
    }

    void specJsonRoundTrip()
    {
        ModelSpec s = makeModelSpec(QStringLiteral("liu2017"), heads());
        s.heads[1].thresholds = {0.3f, 0.7f};
        s.heads[0].minShare = 0.4;
        s.normalisation.mean.assign(size_t(s.frontEnd.bins()), -40.0f);
        s.normalisation.std.assign(size_t(s.frontEnd.bins()), 12.5f);
        s.provenance = {{QStringLiteral("dataset"), QStringLiteral("cal500exp")}};
        QString error;
        const ModelSpec back = ModelSpec::fromJson(s.toJson(), &error);
        QCOMPARE(error, QString());
        QVERIFY(back == s);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("arch");
        for (const QString &a : architectureNames())
            QTest::newRow(qPrintable(a)) << a;
    }

    void roundTrip()
    {
        QFETCH(QString, arch);
        QString error;
        auto a = Model::createRandom(makeModelSpec(arch, heads()), 3, &error, Model::Device::Cpu);
        QVERIFY2(a, qPrintable(error));
        const QString path = m_dir.filePath(arch + QStringLiteral(".stm"));
        QCOMPARE(a->save(path), QString());
        auto b = Model::load(path, &error, Model::Device::Cpu);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->versionHash(), a->versionHash());
        QCOMPARE(b->versionHash().size(), kModelHashPrefix);
        QVERIFY(b->spec() == a->spec());
        QCOMPARE(b->parameterCount(), a->parameterCount());
        const auto in = randomSegments(*a, 2);
        const auto pa = a->predict(in.data(), 2, &error);
        const auto pb = b->predict(in.data(), 2, &error);
        QCOMPARE(pa.size(), size_t(2));
        QCOMPARE(pb.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            QCOMPARE(pb[i].heads, pa[i].heads);
            QCOMPARE(pb[i].embedding, pa[i].embedding);
            QCOMPARE(pa[i].heads.size(), size_t(2));
            double sum = 0;
            for (float p : pa[i].heads[0])
                sum += p;
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
        // A different seed is a different model: a different version hash.
        auto c = Model::createRandom(makeModelSpec(arch, heads()), 4, &error, Model::Device::Cpu);
        QVERIFY(c->versionHash() != a->versionHash());
    }

    // A model with the hierarchical quadrant head reads back with the same six-output head and
    // the same predictions; its quadrant scores are probabilities.
    void quadrantHierarchyRoundTrip()
    {
        auto hs = heads();
        hs.push_back(HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel,
                              {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")}, {}, 0.0});
        ModelSpec spec = makeModelSpec(QStringLiteral("spectag"), hs);
        spec.hyperparameters = QJsonObject{{QStringLiteral("cnn"), 0}, {QStringLiteral("stats"), 2},
                                           {QStringLiteral("quadrant_hierarchy"), 1}};
        QString error;
        auto a = Model::createRandom(spec, 5, &error, Model::Device::Cpu);
        QVERIFY2(a, qPrintable(error));
        const QString path = m_dir.filePath(QStringLiteral("hierarchy.stm"));
        QCOMPARE(a->save(path), QString());
        auto b = Model::load(path, &error, Model::Device::Cpu);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->parameterCount(), a->parameterCount());
        const auto in = randomSegments(*a, 3);
        const auto pa = a->predict(in.data(), 3, &error);
        const auto pb = b->predict(in.data(), 3, &error);
        QCOMPARE(pa.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE(pb[i].heads, pa[i].heads);
            QCOMPARE(pa[i].heads[2].size(), size_t(4));
            double sum = 0;
            for (float p : pa[i].heads[2])
                sum += p;
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
    }

    // Regression (fuzz_modelfile): a zero-element tensor whose other dimension exceeds the file's
    // data length was refused, so a model holding only such tensors could not be read back.
    void zeroElementTensor()
    {
        std::vector<TensorRecord> tensors(2);
        tensors[0].name = QStringLiteral("empty");
        tensors[0].shape = {0, 4096};
        tensors[1].name = QStringLiteral("scalar");
        tensors[1].dtype = TensorRecord::DType::Int64;
        tensors[1].shape = {};
        tensors[1].data = QByteArray(8, '\x01');
        const QByteArray image = serializeModelFile(makeModelSpec(QStringLiteral("spectag"), heads()), tensors);
        ModelFile mf;
        QString error;
        QVERIFY2(parseModelFile(image, &mf, &error), qPrintable(error));
        QCOMPARE(mf.tensors.size(), size_t(2));
        QCOMPARE(mf.tensors[0].shape, (std::vector<qint64>{0, 4096}));
        QCOMPARE(mf.tensors[0].elementCount(), qint64(0));
        QCOMPARE(mf.tensors[1].data, QByteArray(8, '\x01'));
        // Still refused: a non-empty tensor bigger than the data.
        Parts p = split(image);
        QJsonArray table = p.header.value(QLatin1String("tensors")).toArray();
        QJsonObject t = table[0].toObject();
        t[QLatin1String("shape")] = QJsonArray{1, 4096};
        table[0] = t;
        p.header[QLatin1String("tensors")] = table;
        QVERIFY(!parseModelFile(assemble(p.header, p.data), &mf, &error));
        QVERIFY2(error.contains(QLatin1String("larger than the file's data")), qPrintable(error));
    }

    void truncated()
    {
        // Every prefix of the file, at many offsets through magic, header, data and digest.
        const qsizetype n = m_image.size();
        std::vector<qsizetype> cuts = {0, 1, 7, 8, 11, 12, 15, 16, 17, 100, n / 3, n / 2, n - 33, n - 32, n - 1};
        for (qsizetype c = 16; c < n; c += n / 97 + 1)
            cuts.push_back(c);
        for (qsizetype c : cuts) {
            ModelFile mf;
            QString error;
            QVERIFY2(!parseModelFile(m_image.left(c), &mf, &error), qPrintable(QString::number(c)));
            QVERIFY2(!error.isEmpty(), qPrintable(QString::number(c)));
        }
        const QString path = m_dir.filePath(QStringLiteral("cut.stm"));
        writeAll(path, m_image.left(n / 2));
        QString error;
        QVERIFY(!Model::load(path, &error));
        QVERIFY2(error.contains(QLatin1String("truncated")), qPrintable(error));
        QVERIFY(error.contains(path));
    }

    void flippedBytes()
    {
        // One flipped bit anywhere (header JSON, tensor data, digest) must be caught.
        for (qsizetype at : {qsizetype(20), qsizetype(60), m_image.size() / 2, m_image.size() - 40, m_image.size() - 5}) {
            QByteArray bad = m_image;
            bad[at] = char(bad[at] ^ 0x10);
            ModelFile mf;
            QString error;
            QVERIFY2(!parseModelFile(bad, &mf, &error), qPrintable(QString::number(at)));
            QVERIFY(!error.isEmpty());
        }
        QByteArray bad = m_image;
        bad[m_image.size() / 2] = char(bad[m_image.size() / 2] ^ 1);
        ModelFile mf;
        QString error;
        QVERIFY(!parseModelFile(bad, &mf, &error));
        QVERIFY2(error.contains(QLatin1String("checksum")), qPrintable(error));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("expect");
        const Parts p = split(m_image);
        QVERIFY(!p.header.isEmpty());
        auto withTensor = [&](int index, const char *key, const QJsonValue &v) {
            QJsonObject h = p.header;
            QJsonArray t = h.value(QLatin1String("tensors")).toArray();
            QJsonObject o = t[index].toObject();
            o.insert(QLatin1String(key), v);
            t[index] = o;
            h.insert(QStringLiteral("tensors"), t);
            return assemble(h, p.data);
        };
        QTest::newRow("sanity: reassembled is fine") << assemble(p.header, p.data) << QString();
        QTest::newRow("bad magic") << QByteArray("NOTMODEL").append(m_image.mid(8)) << QStringLiteral("magic");
        QTest::newRow("future version") << assemble(p.header, p.data, 99) << QStringLiteral("version");
        QTest::newRow("not json") << [&]() -> QByteArray {
            QByteArray img = m_image;
            img[16] = '[';
            img.chop(32);
            return img + QCryptographicHash::hash(img, QCryptographicHash::Sha256);
        }() << QStringLiteral("JSON");
        QTest::newRow("absurd header length") << [&] {
            QByteArray img = m_image;
            qToLittleEndian<quint32>(0xFFFFFFF0u, img.data() + 12);
            return img;
        }() << QStringLiteral("header length");
        QTest::newRow("absurd dimension") << withTensor(0, "shape", QJsonArray{1e18, 1e18}) << QStringLiteral("shape");
        QTest::newRow("overflowing shape") << withTensor(0, "shape", QJsonArray{65536, 65536, 65536, 65536}) << QStringLiteral("larger");
        QTest::newRow("negative dim") << withTensor(0, "shape", QJsonArray{-1, 3}) << QStringLiteral("shape");
        QTest::newRow("NaN offset") << withTensor(0, "offset", QJsonValue(QStringLiteral("nan"))) << QStringLiteral("offset");
        QTest::newRow("offset past the end") << withTensor(0, "offset", double(p.data.size() - 4)) << QStringLiteral("does not fit");
        QTest::newRow("length mismatch") << withTensor(0, "length", 4) << QStringLiteral("does not fit");
        QTest::newRow("dtype") << withTensor(0, "dtype", QStringLiteral("float16")) << QStringLiteral("dtype");
        QTest::newRow("wrong shape for the architecture") << [&] {
            // Same byte count, different shape: only the comparison with the network catches it.
            QJsonObject h = p.header;
            QJsonArray t = h.value(QLatin1String("tensors")).toArray();
            for (int i = 0; i < t.size(); ++i) {
                QJsonObject o = t[i].toObject();
                if (o.value(QLatin1String("name")).toString().endsWith(QLatin1String("embed.weight"))) {
                    const QJsonArray s = o.value(QLatin1String("shape")).toArray();
                    o.insert(QStringLiteral("shape"), QJsonArray{s[1], s[0]});
                    t[i] = o;
                }
            }
            h.insert(QStringLiteral("tensors"), t);
            return assemble(h, p.data);
        }() << QStringLiteral("shape");
        QTest::newRow("other architecture") << [&] {
            QJsonObject h = p.header;
            QJsonObject spec = h.value(QLatin1String("spec")).toObject();
            spec.insert(QStringLiteral("architecture"), QStringLiteral("cerutti2021"));
            spec.insert(QStringLiteral("hyperparameters"), QJsonObject());
            h.insert(QStringLiteral("spec"), spec);
            return assemble(h, p.data);
        }() << QStringLiteral("missing");
        QTest::newRow("unknown architecture") << [&] {
            QJsonObject h = p.header;
            QJsonObject spec = h.value(QLatin1String("spec")).toObject();
            spec.insert(QStringLiteral("architecture"), QStringLiteral("pickle"));
            h.insert(QStringLiteral("spec"), spec);
            return assemble(h, p.data);
        }() << QStringLiteral("unknown architecture");
        QTest::newRow("missing tensor") << [&] {
            QJsonObject h = p.header;
            QJsonArray t = h.value(QLatin1String("tensors")).toArray();
            t.removeLast();
            h.insert(QStringLiteral("tensors"), t);
            return assemble(h, p.data);
        }() << QStringLiteral("missing");
        QTest::newRow("NaN weights") << [&] {
            QByteArray d = p.data;
            const float nan = std::numeric_limits<float>::quiet_NaN();
            qToLittleEndian<float>(nan, d.data());
            return assemble(p.header, d);
        }() << QStringLiteral("NaN");
        QTest::newRow("trailing bytes") << QByteArray(m_image + QByteArray(5, 'x')) << QStringLiteral("trailing");
        // Finite as a double, infinite as a float (found by fuzz_modelfile: the file loaded, and its
        // re-saved copy did not).
        auto withSpec = [&](const std::function<void(QJsonObject &)> &edit) {
            QJsonObject h = p.header;
            QJsonObject spec = h.value(QLatin1String("spec")).toObject();
            edit(spec);
            h.insert(QStringLiteral("spec"), spec);
            return assemble(h, p.data);
        };
        QTest::newRow("threshold beyond float range") << withSpec([](QJsonObject &spec) {
            QJsonArray heads = spec.value(QLatin1String("heads")).toArray();
            QJsonObject head = heads[0].toObject();
            QJsonArray t;
            for (qsizetype i = 0; i < head.value(QLatin1String("labels")).toArray().size(); ++i)
                t.append(i == 0 ? 4.5e43 : 0.5);
            head.insert(QStringLiteral("thresholds"), t);
            heads[0] = head;
            spec.insert(QStringLiteral("heads"), heads);
        }) << QStringLiteral("thresholds");
        QTest::newRow("normalisation beyond float range") << withSpec([](QJsonObject &spec) {
            QJsonObject norm = spec.value(QLatin1String("normalisation")).toObject();
            QJsonArray mean = norm.value(QLatin1String("mean")).toArray();
            mean[0] = -1e39;
            norm.insert(QStringLiteral("mean"), mean);
            spec.insert(QStringLiteral("normalisation"), norm);
        }) << QStringLiteral("normalisation");
    }

    void hostile()
    {
        QFETCH(QByteArray, image);
        QFETCH(QString, expect);
        const QString path = m_dir.filePath(QStringLiteral("hostile.stm"));
        writeAll(path, image);
        QString error;
        auto m = Model::load(path, &error, Model::Device::Cpu);
        if (expect.isEmpty()) {
            QVERIFY2(m, qPrintable(error));
            return;
        }
        QVERIFY(!m);
        QVERIFY2(error.contains(expect, Qt::CaseInsensitive), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!Model::load(m_dir.filePath(QStringLiteral("nope.stm")), &error));
        QVERIFY(error.contains(QLatin1String("cannot open")));
    }

    void saveIsAtomic()
    {
        // Saving over a directory fails cleanly; a failed save into a missing folder too.
        QString error;
        auto m = Model::load(m_good, &error, Model::Device::Cpu);
        QVERIFY(m);
        QVERIFY(!m->save(m_dir.filePath(QStringLiteral("no/such/dir/x.stm"))).isEmpty());
        QCOMPARE(readAll(m_good), m_image);
    }

    void segments_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<QList<int>>("starts");
        // spectag front end: 188 frames per segment, a new one every 94.
        QTest::newRow("empty") << 0 << QList<int>{};
        QTest::newRow("short song padded") << 50 << QList<int>{0};
        QTest::newRow("exactly one") << 188 << QList<int>{0};
        QTest::newRow("one hop more") << 282 << QList<int>{0, 94};
        QTest::newRow("tail covered") << 300 << QList<int>{0, 94, 112};
    }

    void segments()
    {
        QFETCH(int, frames);
        QFETCH(QList<int>, starts);
        const FrontEnd fe = defaultFrontEnd(QStringLiteral("spectag"));
        QCOMPARE(fe.framesPerSegment(), 188);
        QCOMPARE(fe.frameHopPerSegment(), 94);
        const auto r = segmentRanges(frames, fe);
        QList<int> got;
        for (const auto &s : r) {
            got << s.startFrame;
            QVERIFY(s.startFrame + s.frames <= std::max(frames, 0));
        }
        QCOMPARE(got, starts);
    }

    void extractPadsAndNormalises()
    {
        FrontEnd fe = defaultFrontEnd(QStringLiteral("spectag"));
        fe.topDb = 30;
        Spectrogram spec;
        spec.bins = fe.bins();
        for (int t = 0; t < 10; ++t)
            for (int b = 0; b < spec.bins; ++b)
                spec.data.push_back(b == 0 ? 0.0f : -60.0f);  // peak 0 dB, the rest far below
        Normalisation norm{{-10.0f}, {2.0f}};
        std::vector<float> out(size_t(fe.bins()) * size_t(fe.framesPerSegment()));
        extractSegment(spec, segmentRanges(10, fe).front(), fe, norm, out.data());
        const int len = fe.framesPerSegment();
        QCOMPARE(out[0], (0.0f + 10.0f) / 2.0f);             // bin 0, frame 0: the peak
        QCOMPARE(out[size_t(len)], (-30.0f + 10.0f) / 2.0f); // bin 1 clamped to peak - top_db
        QCOMPARE(out[size_t(len) - 1], (-30.0f + 10.0f) / 2.0f); // padding is the floor
    }

    // A model written on a full disk (the file-size limit stands in for it): an error, and the
    // model that was there stays. QSaveFile used to rename a cut-off file over it and report
    // success, as every QSaveFile user in core did (util/savefile.h).
    void fullDiskKeepsTheOldModel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.stm"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("OLD MODEL");
        old.close();
        const QByteArray image(8000, 'x');  // under Qt's 16 KiB write buffer: that is where the error hid
        struct rlimit saved;
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit tiny = saved;
        tiny.rlim_cur = 4096;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
        const QString error = writeModelFile(path, image);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
        std::signal(SIGXFSZ, previous);
        QVERIFY2(error.contains(QStringLiteral("cannot write model")), qPrintable(error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("OLD MODEL"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("m.stm")});
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
