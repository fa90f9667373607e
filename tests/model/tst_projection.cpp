// PCA to two dimensions: against numpy's SVD of the same data (an independent implementation run
// by Debian's python3), cluster separation, the sign convention, degenerate shapes and bad input.
#include "common/testutil.h"

#include "model/projection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace spectag;

namespace {

// n rows of dim values whose columns have very different spreads (so the components are well
// separated and their order is not a matter of rounding), plus a common offset to centre away.
std::vector<float> anisotropic(int n, int dim, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.f, 1.f);
    std::vector<float> rows(size_t(n) * size_t(dim));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < dim; ++j)
            rows[size_t(i) * size_t(dim) + size_t(j)] = 3.f + normal(rng) * 4.f / float(1 + j);
    // Mix the columns so the principal axes are not the coordinate axes.
    for (int i = 0; i < n; ++i) {
        float *r = &rows[size_t(i) * size_t(dim)];
        const float a = r[0], b = r[1];
        r[0] = 0.8f * a - 0.6f * b;
        r[1] = 0.6f * a + 0.8f * b;
        r[dim - 1] += 0.5f * a;
    }
    return rows;
}

// The same projection by numpy: centre, thin SVD, the same documented sign rule, project.
const char *const kNumpyPca = R"(
import json, sys
import numpy as np
n, dim = int(sys.argv[2]), int(sys.argv[3])
x = np.fromfile(sys.argv[1], dtype='<f4').astype(np.float64).reshape(n, dim)
c = x - x.mean(axis=0)
u, s, vt = np.linalg.svd(c, full_matrices=False)
axes = vt[:2].copy()
for k in range(axes.shape[0]):
    if axes[k][np.argmax(np.abs(axes[k]))] < 0:
        axes[k] = -axes[k]
json.dump({'projected': (c @ axes.T).tolist(), 'singular': s[:2].tolist()}, sys.stdout)
)";

double spread(const std::vector<std::array<float, 2>> &p, size_t from, size_t to, int c)
{
    double mean = 0;
    for (size_t i = from; i < to; ++i)
        mean += p[i][size_t(c)];
    mean /= double(to - from);
    double var = 0;
    for (size_t i = from; i < to; ++i)
        var += (p[i][size_t(c)] - mean) * (p[i][size_t(c)] - mean);
    return std::sqrt(var / double(to - from));
}

double meanOf(const std::vector<std::array<float, 2>> &p, size_t from, size_t to, int c)
{
    double mean = 0;
    for (size_t i = from; i < to; ++i)
        mean += p[i][size_t(c)];
    return mean / double(to - from);
}

} // namespace

class TestProjection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesNumpySvd()
    {
        if (!testutil::havePythonModule(QStringLiteral("numpy")))
            QSKIP("python3-numpy is not installed: the independent reference is missing");
        const int n = 300, dim = 24;
        const std::vector<float> rows = anisotropic(n, dim, 7);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("rows.f32"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // float32 little-endian, as the catalog stores embeddings (and as x86/ARM hold them).
            QCOMPARE(f.write(reinterpret_cast<const char *>(rows.data()), qint64(rows.size() * sizeof(float))),
                     qint64(rows.size() * sizeof(float)));
        }
        const testutil::ProcResult r = testutil::run(testutil::python(), {QStringLiteral("-c"), QString::fromLatin1(kNumpyPca), file,
                                                                          QString::number(n), QString::number(dim)});
        QVERIFY2(r.ok(), r.err.constData());
        const QJsonArray expected = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("projected")).toArray();
        QCOMPARE(expected.size(), n);

        QString error;
        const auto got = projectPca2(rows, n, dim, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(int(got.size()), n);
        double worst = 0, scale = 0;
        for (int i = 0; i < n; ++i) {
            const QJsonArray e = expected.at(i).toArray();
            for (int c = 0; c < 2; ++c) {
                worst = std::max(worst, std::abs(double(got[size_t(i)][size_t(c)]) - e.at(c).toDouble()));
                scale = std::max(scale, std::abs(e.at(c).toDouble()));
            }
        }
        QVERIFY(scale > 1);  // a real spread, not a pile of zeros
        QVERIFY2(worst < 1e-4 * scale, qPrintable(QStringLiteral("largest difference %1 (scale %2)").arg(worst).arg(scale)));
        // The first component carries more variance than the second.
        QVERIFY(spread(got, 0, size_t(n), 0) > spread(got, 0, size_t(n), 1));
    }

    void twoClustersLandApart()
    {
        // Two clouds in 32 dimensions whose centres differ along an oblique direction.
        const int per = 100, dim = 32;
        std::mt19937 rng(3);
        std::normal_distribution<float> normal(0.f, 0.3f);
        std::vector<float> rows;
        for (int cluster = 0; cluster < 2; ++cluster)
            for (int i = 0; i < per; ++i)
                for (int j = 0; j < dim; ++j)
                    rows.push_back(normal(rng) + (cluster == 1 && j % 3 == 0 ? 2.5f : 0.f));
        QString error;
        const auto p = projectPca2(rows, 2 * per, dim, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(int(p.size()), 2 * per);
        const double gap = std::abs(meanOf(p, 0, per, 0) - meanOf(p, per, 2 * per, 0));
        const double within = std::max(spread(p, 0, per, 0), spread(p, per, 2 * per, 0));
        QVERIFY2(gap > 8 * within, qPrintable(QStringLiteral("gap %1, spread %2").arg(gap).arg(within)));
        // Every point is on its cluster's side of the midpoint: the clusters do not overlap at all.
        const double mid = (meanOf(p, 0, per, 0) + meanOf(p, per, 2 * per, 0)) / 2;
        const bool firstBelow = meanOf(p, 0, per, 0) < mid;
        for (int i = 0; i < 2 * per; ++i)
            QCOMPARE((p[size_t(i)][0] < mid) == (i < per), firstBelow);
        // Centred: the projection's mean is zero.
        QVERIFY(std::abs(meanOf(p, 0, 2 * per, 0)) < 1e-4);
        QVERIFY(std::abs(meanOf(p, 0, 2 * per, 1)) < 1e-4);
    }

    void signsAreFixedAndDeterministic()
    {
        // Points on the line y = -2x (plus a little noise in a third column): the first axis is
        // +-(1, -2, 0)/sqrt(5); the rule makes its largest loading (-2) positive, so points with
        // large x land on the negative side.
        std::vector<float> rows;
        const float xs[] = {-2, -1, 0, 1, 2};
        const float noise[] = {0.01f, -0.02f, 0.f, 0.02f, -0.01f};
        for (int i = 0; i < 5; ++i)
            rows.insert(rows.end(), {xs[i], -2 * xs[i], noise[i]});
        const auto a = projectPca2(rows, 5, 3);
        const auto b = projectPca2(rows, 5, 3);
        QCOMPARE(a.size(), size_t(5));
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i][0], b[i][0]);
            QCOMPARE(a[i][1], b[i][1]);
        }
        QVERIFY(a[4][0] < 0 && a[0][0] > 0);
        QVERIFY(std::abs(std::abs(a[4][0]) - 2 * std::sqrt(5.f)) < 1e-3f);
        // Negating the data keeps the axes (the sign rule picks the same ones), so every point is
        // mirrored through the origin.
        std::vector<float> negated(rows);
        for (float &v : negated)
            v = -v;
        const auto c = projectPca2(negated, 5, 3);
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(std::abs(c[i][0] + a[i][0]) < 1e-4f);
    }

    void degenerateShapes()
    {
        QString error;
        QVERIFY(projectPca2({}, 0, 8, &error).empty());
        QVERIFY(error.isEmpty());
        // One track: it sits at the origin.
        const auto one = projectPca2({1, 2, 3}, 1, 3, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(one.size(), size_t(1));
        QCOMPARE(one[0][0], 0.f);
        QCOMPARE(one[0][1], 0.f);
        // One dimension: the second coordinate does not exist and is 0.
        const auto line = projectPca2({1, 3, 5}, 3, 1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(line.size(), size_t(3));
        QVERIFY(std::abs(line[0][0] + 2) < 1e-5f && std::abs(line[2][0] - 2) < 1e-5f);
        for (const auto &p : line)
            QCOMPARE(p[1], 0.f);
        // Collinear points in two dimensions: no second direction either.
        const auto collinear = projectPca2({0, 0, 1, 1, 2, 2, 3, 3}, 4, 2, &error);
        QCOMPARE(collinear.size(), size_t(4));
        for (const auto &p : collinear)
            QVERIFY(std::abs(p[1]) < 1e-5f);
        QVERIFY(std::abs(collinear[3][0] - 1.5f * std::sqrt(2.f)) < 1e-4f);
    }

    void badInputIsRefused()
    {
        QString error;
        QVERIFY(projectPca2({1, 2, 3}, 2, 2, &error).empty());
        QVERIFY(error.contains(QStringLiteral("3 values")));
        QVERIFY(projectPca2({1, std::nanf(""), 3, 4}, 2, 2, &error).empty());
        QVERIFY(error.contains(QStringLiteral("not finite")));
        QVERIFY(projectPca2({1, 2}, 1, 0, &error).empty());
        QVERIFY(!error.isEmpty());
    }

    void tenThousandTracksTiming()
    {
        // What the library map pays for a large library (reported, not asserted: machines differ).
        const int n = 10000, dim = 128;
        const std::vector<float> rows = anisotropic(n, dim, 11);
        QString error;
        for (const char *run : {"first call (starts Torch's threads)", "again"}) {
            QElapsedTimer t;
            t.start();
            const auto p = projectPca2(rows, n, dim, &error);
            const qint64 ms = t.elapsed();
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(int(p.size()), n);
            qInfo("PCA of %d x %d embeddings, %s: %lld ms", n, dim, run, ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "tst_projection.moc"
