#pragma once

#include <QtGlobal>

#include <cassert>
#include <vector>

namespace spectag::metrics {

// A dense row-major N x L matrix of doubles: one row per example, one column per label/class.
// Flat storage so a trainer can copy a whole output tensor in one go.
struct ScoreMatrix {
    qsizetype rows = 0;
    qsizetype cols = 0;
    std::vector<double> values; // rows * cols, row-major

    ScoreMatrix() = default;
    ScoreMatrix(qsizetype r, qsizetype c, double fill = 0.0) : rows(r), cols(c), values(size_t(r * c), fill) {}

    static ScoreMatrix fromRows(const std::vector<std::vector<double>> &r)
    {
        ScoreMatrix m(qsizetype(r.size()), r.empty() ? 0 : qsizetype(r.front().size()));
        for (qsizetype i = 0; i < m.rows; ++i) {
            assert(qsizetype(r[size_t(i)].size()) == m.cols);
            for (qsizetype j = 0; j < m.cols; ++j)
                m(i, j) = r[size_t(i)][size_t(j)];
        }
        return m;
    }

    double operator()(qsizetype r, qsizetype c) const { return values[size_t(r * cols + c)]; }
    double &operator()(qsizetype r, qsizetype c) { return values[size_t(r * cols + c)]; }
    bool isValid() const { return rows >= 0 && cols >= 0 && qsizetype(values.size()) == rows * cols; }
};

} // namespace spectag::metrics
