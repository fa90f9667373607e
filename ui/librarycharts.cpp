#include "librarycharts.h"

#include "catalog/catalog.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace spectag::ui {

namespace {

constexpr int kThrottleMs = 2000;

QString headTitle(const QString &head)
{
    return head.isEmpty() ? head : head.left(1).toUpper() + head.mid(1);
}

QChart *newChart(const QWidget *view)
{
    auto *chart = new QChart;
    // Follow the application's light/dark palette instead of the charts' own white.
    chart->setTheme(view->palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChartView *newView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

} // namespace

LibraryCharts::LibraryCharts(Catalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    m_summary->setObjectName(QStringLiteral("chartsSummary"));
    m_summary->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("chartsTabs"));
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &LibraryCharts::ensureTab);

    m_loader = std::make_unique<BackgroundLoad<LibraryStats>>(
        this,
        [this, catalog] {
            std::vector<HeadSpec> specs;
            {
                QMutexLocker lock(&m_specsMutex);  // setHeadSpecs may run meanwhile
                specs = m_specs;
            }
            return catalog ? loadLibraryStats(*catalog, specs) : LibraryStats();
        },
        [this](LibraryStats stats) { apply(std::move(stats)); }, kThrottleMs);
    if (m_catalog) {
        auto request = [this] { m_loader->request(); };
        connect(m_catalog, &Catalog::predictionsChanged, this, request);
        connect(m_catalog, &Catalog::annotationsChanged, this, request);
        connect(m_catalog, &Catalog::activeModelChanged, this, request);
    }
    apply({});
}

LibraryCharts::~LibraryCharts() = default;  // m_loader waits for a running load

void LibraryCharts::setHeadSpecs(std::vector<HeadSpec> specs)
{
    {
        QMutexLocker lock(&m_specsMutex);
        if (specs == m_specs)
            return;
        m_specs = std::move(specs);
    }
    m_loader->request();
}

void LibraryCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_loader->shown();
}

QString LibraryCharts::summaryText() const
{
    return m_summary->text();
}

QChart *LibraryCharts::distributionChart(const QString &head)
{
    for (int i = 0; i < m_distributions.size(); ++i)
        if (m_distributions[i].head == head) {
            ensureTab(i);
            return m_distributions[i].view->chart();
        }
    return nullptr;
}

QChart *LibraryCharts::agreementChart()
{
    if (!m_agreement)
        return nullptr;
    ensureTab(int(m_distributions.size()));
    return m_agreement.view->chart();
}

void LibraryCharts::ensureTab(int index)
{
    if (index >= 0 && index < m_distributions.size()) {
        Distribution &d = m_distributions[index];
        if (!d.view)
            buildDistribution(d);
        if (d.stale && index < qsizetype(m_stats.heads.size())) {
            fillDistribution(d, m_stats.heads[size_t(index)]);
            d.stale = false;
        }
    } else if (index == m_distributions.size() && m_agreement) {
        if (!m_agreement.view)
            buildAgreement(m_agreement);
        if (m_agreement.stale) {
            fillAgreement(m_agreement);
            m_agreement.stale = false;
        }
    }
}

void LibraryCharts::apply(LibraryStats stats)
{
    m_stats = std::move(stats);
    if (m_stats.modelId == 0)
        m_summary->setText(tr("No model yet: analyse some tracks to see the charts."));
    else
        m_summary->setText(tr("Model %1: %n analysed track(s)", nullptr, m_stats.analysedTracks).arg(m_stats.modelName)
                           + QStringLiteral(" \u00b7 ")
                           + tr("%n track(s) annotated by people", nullptr, m_stats.annotatedTracks));

    // While analysis runs the heads stay the same and only the numbers move: update the charts in
    // place. Re-creating the chart views every reload cost the GUI thread 50-60 ms (bench_guistall).
    bool sameHeads = m_agreement && m_distributions.size() == m_stats.heads.size();
    for (qsizetype i = 0; sameHeads && i < m_distributions.size(); ++i)
        sameHeads = m_distributions[i].head == m_stats.heads[i].head;
    if (sameHeads) {
        for (Distribution &d : m_distributions)
            d.stale = true;
        m_agreement.stale = true;
        ensureTab(m_tabs->currentIndex());
        Q_EMIT loaded();
        return;
    }

    // The tab the user had in front stays in front; the lone Agreement tab of an empty catalog
    // is not a choice (the first real load opens on the first head's chart).
    const QString current = !m_distributions.isEmpty() && m_tabs->currentIndex() >= 0 ? m_tabs->tabText(m_tabs->currentIndex()) : QString();
    {
        const QSignalBlocker quiet(m_tabs);  // no half-built tab gets filled while the set changes
        while (m_tabs->count() > 0) {
            QWidget *w = m_tabs->widget(0);
            m_tabs->removeTab(0);
            delete w;
        }
        m_distributions.clear();
        m_agreement = {};
        auto newPage = [this] {
            auto *page = new QWidget(m_tabs);
            auto *layout = new QVBoxLayout(page);
            layout->setContentsMargins(0, 0, 0, 0);
            return page;
        };
        for (const HeadCounts &head : m_stats.heads) {
            Distribution d;
            d.head = head.head;
            d.page = newPage();
            m_distributions.append(d);
            m_tabs->addTab(d.page, headTitle(head.head));
        }
        m_agreement.page = newPage();
        m_tabs->addTab(m_agreement.page, tr("Agreement"));
        for (int i = 0; i < m_tabs->count(); ++i)
            if (m_tabs->tabText(i) == current)
                m_tabs->setCurrentIndex(i);
    }
    ensureTab(m_tabs->currentIndex());
    Q_EMIT loaded();
}

namespace {

void setValues(QBarSet *set, const QList<qreal> &values)
{
    if (set->count() == values.size()) {
        for (qsizetype i = 0; i < values.size(); ++i)
            if (set->at(int(i)) != values[i])
                set->replace(int(i), values[i]);
        return;
    }
    set->remove(0, set->count());
    set->append(values);
}

void setCategories(QBarCategoryAxis *axis, const QStringList &categories)
{
    if (axis->categories() != categories)
        axis->setCategories(categories);
}

} // namespace

void LibraryCharts::buildDistribution(Distribution &d)
{
    QChart *chart = newChart(this);
    d.model = new QBarSet(tr("Model"));
    d.model->setObjectName(QStringLiteral("model"));
    d.people = new QBarSet(tr("People"));
    d.people->setObjectName(QStringLiteral("people"));
    auto *series = new QBarSeries;
    series->append(d.model);
    series->append(d.people);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);  // the theme's label colour reads on the bars
    chart->addSeries(series);
    d.x = new QBarCategoryAxis;
    chart->addAxis(d.x, Qt::AlignBottom);
    series->attachAxis(d.x);
    d.y = new QValueAxis;
    d.y->setLabelFormat(QStringLiteral("%d"));
    d.y->setTickType(QValueAxis::TicksDynamic);
    d.y->setTickAnchor(0);
    d.y->setTitleText(tr("Tracks"));
    chart->addAxis(d.y, Qt::AlignLeft);
    series->attachAxis(d.y);
    d.view = newView(chart, d.page);
    d.page->layout()->addWidget(d.view);
}

void LibraryCharts::fillDistribution(Distribution &d, const HeadCounts &head)
{
    d.view->chart()->setTitle(head.multiLabel ? tr("%1: top label per track (of several that may apply)").arg(headTitle(head.head))
                                              : tr("%1: top label per track").arg(headTitle(head.head)));
    QStringList categories;
    QList<qreal> model, people;
    int top = 1;
    for (const LabelCount &c : head.labels) {
        categories << c.label;
        model << c.predicted;
        people << c.human;
        top = std::max({top, c.predicted, c.human});
    }
    setCategories(d.x, categories);
    setValues(d.model, model);
    setValues(d.people, people);
    // Whole tracks: integer ticks at a round step (an automatic axis would label 0.5 as "0"),
    // set only when they change.
    const auto [max, step] = countAxis(top);
    if (d.y->min() != 0 || d.y->max() != qreal(max))
        d.y->setRange(0, qreal(max));
    if (d.y->tickInterval() != qreal(step))
        d.y->setTickInterval(qreal(step));
}

std::pair<int, int> LibraryCharts::countAxis(int top)
{
    top = std::max(top, 1);
    for (qint64 decade = 1;; decade *= 10)
        for (qint64 step : {decade, 2 * decade, 5 * decade})
            if (top <= 5 * step)
                return {int(((top + step - 1) / step) * step), int(step)};
}

void LibraryCharts::buildAgreement(Agreement &a)
{
    QChart *chart = newChart(this);
    a.set = new QBarSet(tr("Agreement with people (%)"));
    a.set->setObjectName(QStringLiteral("agreement"));
    auto *series = new QHorizontalBarSeries;
    series->append(a.set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    a.y = new QBarCategoryAxis;
    chart->addAxis(a.y, Qt::AlignLeft);
    series->attachAxis(a.y);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    a.view = newView(chart, a.page);
    a.page->layout()->addWidget(a.view);
}

void LibraryCharts::fillAgreement(Agreement &a)
{
    QStringList categories;
    QList<qreal> shares;
    // Bottom-up in a horizontal chart: append in reverse so the list reads top-down.
    for (auto it = m_stats.agreement.crbegin(); it != m_stats.agreement.crend(); ++it) {
        categories << tr("%1: %2 (n=%3)").arg(it->head, it->label).arg(it->n);
        shares << it->share() * 100.0;
    }
    a.view->chart()->setTitle(categories.isEmpty() ? tr("No analysed track has been annotated by people yet")
                                                   : tr("How often the model's decision matches people's"));
    setCategories(a.y, categories);
    setValues(a.set, shares);
}

} // namespace spectag::ui
