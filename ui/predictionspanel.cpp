#include "predictionspanel.h"

#include <QPainter>

#include <numeric>

namespace spectag::ui {

namespace {
constexpr int kRow = 20;
constexpr int kMargin = 6;
constexpr int kValueWidth = 44;

double thresholdOf(const HeadPrediction &h, int i)
{
    return i < h.thresholds.size() ? h.thresholds.at(i) : 0.5;
}
} // namespace

PredictionsPanel::PredictionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(tr("No predictions for this track yet."))
{
}

void PredictionsPanel::setPredictions(const QList<HeadPrediction> &heads)
{
    m_heads = heads;
    updateGeometry();
    update();
}

void PredictionsPanel::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

QList<PredictionsPanel::Row> PredictionsPanel::layoutRows() const
{
    QList<Row> rows;
    for (int h = 0; h < m_heads.size(); ++h) {
        const HeadPrediction &hp = m_heads.at(h);
        rows.append({h, -1, true});
        std::vector<int> order(size_t(hp.labels.size()));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return hp.probabilities.value(a) > hp.probabilities.value(b);
        });
        for (int i : order)
            rows.append({h, i, false});
    }
    return rows;
}

int PredictionsPanel::labelWidth() const
{
    int w = 40;
    for (const HeadPrediction &h : m_heads)
        for (const QString &l : h.labels)
            w = std::max(w, fontMetrics().horizontalAdvance(l));
    return std::min(w + 8, std::max(60, width() / 3));
}

std::optional<int> PredictionsPanel::rowOf(const QString &head, const QString &label) const
{
    const QList<Row> rows = layoutRows();
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows.at(r);
        if (!row.isHeader && m_heads.at(row.head).head == head && m_heads.at(row.head).labels.at(row.label) == label)
            return r;
    }
    return std::nullopt;
}

QRectF PredictionsPanel::barRect(const QString &head, const QString &label) const
{
    const auto r = rowOf(head, label);
    if (!r)
        return {};
    const int x0 = kMargin + labelWidth();
    return QRectF(x0, kMargin + *r * kRow + 4, std::max(10, width() - x0 - kValueWidth - kMargin), kRow - 8);
}

double PredictionsPanel::thresholdX(const QString &head, const QString &label) const
{
    for (const HeadPrediction &h : m_heads) {
        const int i = int(h.labels.indexOf(label));
        if (h.head == head && i >= 0) {
            const QRectF bar = barRect(head, label);
            return bar.left() + std::clamp(thresholdOf(h, i), 0.0, 1.0) * bar.width();
        }
    }
    return -1;
}

QSize PredictionsPanel::sizeHint() const
{
    return {280, std::max(60, int(layoutRows().size()) * kRow + 2 * kMargin)};
}

QSize PredictionsPanel::minimumSizeHint() const
{
    return {160, m_heads.isEmpty() ? 40 : sizeHint().height()};
}

void PredictionsPanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_heads.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QList<Row> rows = layoutRows();
    const int lw = labelWidth();
    QFont bold = font();
    bold.setBold(true);
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows.at(r);
        const HeadPrediction &h = m_heads.at(row.head);
        const QRect line(kMargin, kMargin + r * kRow, width() - 2 * kMargin, kRow);
        if (row.isHeader) {
            p.setFont(bold);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(line, Qt::AlignBottom | Qt::AlignLeft, h.head);
            p.setFont(font());
            continue;
        }
        const QString &label = h.labels.at(row.label);
        const double prob = std::clamp(h.probabilities.value(row.label), 0.0, 1.0);
        const double threshold = std::clamp(thresholdOf(h, row.label), 0.0, 1.0);
        const bool on = prob >= threshold;
        const QRectF bar = barRect(h.head, label);
        p.setPen(on ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(kMargin, line.top(), lw - 6, kRow), Qt::AlignVCenter | Qt::AlignRight,
                   fontMetrics().elidedText(label, Qt::ElideRight, lw - 6));
        p.fillRect(bar, pal.color(QPalette::AlternateBase).darker(108));
        QColor fill = on ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
        p.fillRect(QRectF(bar.topLeft(), QSizeF(bar.width() * prob, bar.height())), fill);
        // The threshold: a tick a little taller than the bar, so it reads over either fill.
        const double tx = bar.left() + threshold * bar.width();
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.drawLine(QPointF(tx, bar.top() - 3), QPointF(tx, bar.bottom() + 3));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(bar.right() + 4, line.top(), kValueWidth, kRow), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 %").arg(qRound(prob * 100)));
    }
}

} // namespace spectag::ui
