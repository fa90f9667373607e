#include "model/moodspace.h"

#include <algorithm>

namespace spectag {

std::optional<ValenceArousal> valenceArousal(const QStringList &labels, const std::vector<float> &scores)
{
    if (labels.size() != 4 || scores.size() != 4)
        return std::nullopt;
    double p[4] = {};
    double total = 0;
    for (int q = 0; q < 4; ++q) {
        const qsizetype i = labels.indexOf(QStringLiteral("Q%1").arg(q + 1));
        if (i < 0)
            return std::nullopt;
        p[q] = std::max(0.0, double(scores[size_t(i)]));
        total += p[q];
    }
    if (total <= 0)
        return ValenceArousal{};
    for (double &x : p)
        x /= total;  // aggregated (mean/vote) scores need not sum to exactly one
    return ValenceArousal{p[0] + p[3] - p[1] - p[2], p[0] + p[1] - p[2] - p[3]};
}

QStringList quadrantLabels()
{
    return {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")};
}

QString everydayMood(const QString &quadrant)
{
    if (quadrant == QLatin1String("Q1"))
        return QStringLiteral("happy");
    if (quadrant == QLatin1String("Q2"))
        return QStringLiteral("angry");
    if (quadrant == QLatin1String("Q3"))
        return QStringLiteral("sad");
    if (quadrant == QLatin1String("Q4"))
        return QStringLiteral("relaxed");
    return {};
}

} // namespace spectag
