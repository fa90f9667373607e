#pragma once

#include <QString>

namespace spectag::cli {

// Writes a 2-D float32 matrix as a NumPy v1.0 .npy file (C order). The format is a fixed
// 10-byte preamble plus a Python-dict header, small enough that a dependency is not worth it.
// Returns an error text, or an empty string on success.
QString writeNpy(const QString &path, const float *data, int rows, int cols);

} // namespace spectag::cli
