#pragma once

#include <QString>

#include <array>
#include <vector>

namespace spectag {

// The first two principal components of `n` rows of `dim` floats (row-major, rows.size() == n *
// dim): each row centred on the column means and projected on the two right singular vectors of
// the centred matrix with the largest singular values (Torch's SVD, in double precision).
//
// Signs are fixed so the result is deterministic across runs and libraries: each component's
// loading of largest magnitude is positive (ties: the first such column). A second component that
// does not exist (dim == 1, or every row on one line) comes out as 0.
//
// Empty with *error set when the sizes disagree or a value is not finite; n == 0 gives an empty
// result without error. Any thread.
std::vector<std::array<float, 2>> projectPca2(const std::vector<float> &rows, int n, int dim, QString *error = nullptr);

} // namespace spectag
