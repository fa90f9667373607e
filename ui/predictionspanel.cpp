#include "predictionspanel.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spectag::ui {

namespace {
constexpr int kRow = 20;
constexpr int kMargin = 6;
constexpr int kValueWidth = 44;
constexpr int kMarkWidth = 14;  // the human check/cross, left of the label's name

QString humanKey(const QString &head, const QString &label)
{
    return QString(head + u'\n' + label);
}

Annotation request(const QString &head, const QString &label, bool applies)
{
    Annotation a;
    a.head = head;
    a.label = label;
    a.value = applies ? 1.0 : 0.0;
    a.source = Annotation::Source::Human;
    return a;
}

double thresholdOf(const HeadPrediction &h, int i)
{
    return i < h.thresholds.size() ? h.thresholds.at(i) : 0.5;
}
} // namespace

PredictionsPanel::PredictionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(tr("No predictions for this track yet."))
{
    setCursor(Qt::PointingHandCursor);
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
    if (m_showKeys)
        w += fontMetrics().horizontalAdvance(QStringLiteral("9  "));
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
        const auto human = humanAnnotation(h.head, label);
        p.setPen(isOn(h.head, label) ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
        const int key = m_showKeys && h.head == keyHead() ? int(keyLabels().indexOf(label)) : -1;
        const QString text = key >= 0 ? QStringLiteral("%1  %2").arg(key + 1).arg(label) : label;
        // The human's mark goes left of the name, in the label column, so the bars keep their
        // geometry whether or not a track is annotated.
        const int room = lw - 6;
        const QString shown = fontMetrics().elidedText(text, Qt::ElideRight, human ? room - kMarkWidth : room);
        p.drawText(QRect(kMargin, line.top(), room, kRow), Qt::AlignVCenter | Qt::AlignRight, shown);
        p.fillRect(bar, pal.color(QPalette::AlternateBase).darker(108));
        QColor fill = on ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
        p.fillRect(QRectF(bar.topLeft(), QSizeF(bar.width() * prob, bar.height())), fill);
        // The threshold: a tick a little taller than the bar, so it reads over either fill.
        const double tx = bar.left() + threshold * bar.width();
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.drawLine(QPointF(tx, bar.top() - 3), QPointF(tx, bar.bottom() + 3));
        if (human) {
            // The human's word: a mark and an outline, so the model's bar underneath stays readable.
            const bool applies = human->value >= 0.5;
            p.setPen(QPen(humanColor(applies), 2));
            p.drawRect(bar.adjusted(-1, -1, 1, 1));
            p.setFont(bold);
            const int textLeft = kMargin + room - fontMetrics().horizontalAdvance(shown);
            p.drawText(QRectF(textLeft - kMarkWidth, line.top(), kMarkWidth - 2, kRow), Qt::AlignCenter,
                       applies ? QStringLiteral("\u2713") : QStringLiteral("\u2717"));
            p.setFont(font());
        }
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(bar.right() + 4, line.top(), kValueWidth, kRow), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 %").arg(qRound(prob * 100)));
    }
}

// --------------------------------------------------------------------------------- annotation

void PredictionsPanel::setAnnotations(const QList<Annotation> &annotations)
{
    m_human.clear();
    for (const Annotation &a : annotations) {
        if (a.source != Annotation::Source::Human || a.segmentStart || a.segmentEnd)
            continue;
        // Newest wins: effectiveAnnotations already keeps one per key, a plain history works too.
        const auto it = m_human.constFind(humanKey(a.head, a.label));
        if (it == m_human.cend() || it->id <= a.id)
            m_human.insert(humanKey(a.head, a.label), a);
    }
    update();
}

std::optional<Annotation> PredictionsPanel::humanAnnotation(const QString &head, const QString &label) const
{
    const auto it = m_human.constFind(humanKey(head, label));
    return it == m_human.cend() ? std::nullopt : std::optional<Annotation>(*it);
}

const HeadPrediction *PredictionsPanel::headOf(const QString &head) const
{
    for (const HeadPrediction &h : m_heads)
        if (h.head == head)
            return &h;
    return nullptr;
}

bool PredictionsPanel::modelDecision(const QString &head, const QString &label) const
{
    const HeadPrediction *h = headOf(head);
    const int i = h ? int(h->labels.indexOf(label)) : -1;
    return i >= 0 && h->probabilities.value(i) >= thresholdOf(*h, i);
}

bool PredictionsPanel::isOn(const QString &head, const QString &label) const
{
    const auto human = humanAnnotation(head, label);
    return human ? human->value >= 0.5 : modelDecision(head, label);
}

QList<Annotation> PredictionsPanel::toggleRequest(const QString &head, const QString &label) const
{
    const HeadPrediction *h = headOf(head);
    if (!h || !h->labels.contains(label))
        return {};
    if (!h->singleLabel)
        return {request(head, label, !isOn(head, label))};
    // One choice: choosing the class the human already chose changes nothing; choosing another
    // says "this one, and none of the others".
    const auto human = humanAnnotation(head, label);
    if (human && human->value >= 0.5)
        return {};
    QList<Annotation> rows;
    for (const QString &other : h->labels)
        rows.append(request(head, other, other == label));
    return rows;
}

QList<Annotation> PredictionsPanel::acceptRequest() const
{
    QList<Annotation> rows;
    for (const HeadPrediction &h : m_heads) {
        if (h.labels.isEmpty())
            continue;
        if (h.singleLabel) {
            const auto top = std::max_element(h.probabilities.begin(), h.probabilities.end());
            const qsizetype best = top == h.probabilities.end() ? 0 : top - h.probabilities.begin();
            for (qsizetype i = 0; i < h.labels.size(); ++i)
                rows.append(request(h.head, h.labels.at(i), i == best));
        } else {
            for (qsizetype i = 0; i < h.labels.size(); ++i)
                rows.append(request(h.head, h.labels.at(i), h.probabilities.value(i) >= thresholdOf(h, int(i))));
        }
    }
    return rows;
}

void PredictionsPanel::toggleLabel(const QString &head, const QString &label)
{
    const QList<Annotation> rows = toggleRequest(head, label);
    if (!rows.isEmpty())
        Q_EMIT annotationsRequested(rows);
}

void PredictionsPanel::acceptPredictions()
{
    const QList<Annotation> rows = acceptRequest();
    if (!rows.isEmpty())
        Q_EMIT annotationsRequested(rows);
}

QColor PredictionsPanel::humanColor(bool applies)
{
    // Green and red that read on both the light and the dark palette.
    return applies ? QColor(0x2e, 0xa0, 0x43) : QColor(0xd0, 0x3a, 0x3a);
}

QString PredictionsPanel::keyHead() const
{
    for (const HeadPrediction &h : m_heads)
        if (h.head == QLatin1String("mood"))
            return h.head;
    for (const HeadPrediction &h : m_heads)
        if (!h.singleLabel)
            return h.head;
    return m_heads.isEmpty() ? QString() : m_heads.first().head;
}

QStringList PredictionsPanel::keyLabels() const
{
    const HeadPrediction *h = headOf(keyHead());
    return h ? h->labels.mid(0, 9) : QStringList();
}

void PredictionsPanel::setShowKeys(bool show)
{
    if (show == m_showKeys)
        return;
    m_showKeys = show;
    update();
}

std::optional<PredictionsPanel::Row> PredictionsPanel::rowAt(const QPointF &pos) const
{
    const int r = int(std::floor((pos.y() - kMargin) / kRow));
    const QList<Row> rows = layoutRows();
    if (pos.y() < kMargin || r < 0 || r >= rows.size() || rows.at(r).isHeader)
        return std::nullopt;
    return rows.at(r);
}

void PredictionsPanel::mousePressEvent(QMouseEvent *event)
{
    const auto row = event->button() == Qt::LeftButton ? rowAt(event->position()) : std::nullopt;
    if (!row) {
        QWidget::mousePressEvent(event);
        return;
    }
    const HeadPrediction &h = m_heads.at(row->head);
    toggleLabel(h.head, h.labels.at(row->label));
    event->accept();
}

QString PredictionsPanel::rowToolTip(const Row &row) const
{
    const HeadPrediction &h = m_heads.at(row.head);
    const QString &label = h.labels.at(row.label);
    QString tip = tr("%1: the model says %2 % (threshold %3 %)")
                      .arg(label).arg(qRound(h.probabilities.value(row.label) * 100)).arg(qRound(thresholdOf(h, row.label) * 100));
    if (const auto human = humanAnnotation(h.head, label)) {
        const QString when = QLocale().toString(human->createdAt.toLocalTime(), QLocale::ShortFormat);
        const QString who = human->annotator.isEmpty() ? tr("an annotator") : human->annotator;
        tip += u'\n' + (human->value >= 0.5 ? tr("Applies: marked by %1 on %2").arg(who, when)
                                            : tr("Does not apply: marked by %1 on %2").arg(who, when));
    }
    tip += u'\n' + (h.singleLabel ? tr("Click to choose this %1").arg(h.head) : tr("Click to toggle"));
    return tip;
}

bool PredictionsPanel::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(event);
        const auto row = rowAt(he->pos());
        if (row)
            QToolTip::showText(he->globalPos(), rowToolTip(*row), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace spectag::ui
