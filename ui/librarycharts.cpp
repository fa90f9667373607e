#include "librarycharts.h"

#include "catalog/catalog.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
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

QChart *LibraryCharts::distributionChart(const QString &head) const
{
    for (const auto &[name, view] : m_distributions)
        if (name == head)
            return view->chart();
    return nullptr;
}

QChart *LibraryCharts::agreementChart() const
{
    return m_agreement ? m_agreement->chart() : nullptr;
}

void LibraryCharts::apply(LibraryStats stats)
{
    m_stats = std::move(stats);
    const QString current = m_tabs->currentIndex() >= 0 ? m_tabs->tabText(m_tabs->currentIndex()) : QString();
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    m_distributions.clear();
    m_agreement = nullptr;

    if (m_stats.modelId == 0)
        m_summary->setText(tr("No model yet: analyse some tracks to see the charts."));
    else
        m_summary->setText(tr("Model %1: %n analysed track(s)", nullptr, m_stats.analysedTracks).arg(m_stats.modelName)
                           + QStringLiteral(" \u00b7 ")
                           + tr("%n track(s) annotated by people", nullptr, m_stats.annotatedTracks));
    for (const HeadCounts &head : m_stats.heads) {
        QChartView *view = makeDistribution(head);
        m_distributions.append({head.head, view});
        m_tabs->addTab(view, headTitle(head.head));
    }
    m_agreement = makeAgreement();
    m_tabs->addTab(m_agreement, tr("Agreement"));
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->tabText(i) == current)
            m_tabs->setCurrentIndex(i);
    Q_EMIT loaded();
}

QChartView *LibraryCharts::makeDistribution(const HeadCounts &head)
{
    QChart *chart = newChart(this);
    chart->setTitle(head.multiLabel ? tr("%1: top label per track (of several that may apply)").arg(headTitle(head.head))
                                    : tr("%1: top label per track").arg(headTitle(head.head)));
    auto *model = new QBarSet(tr("Model"));
    model->setObjectName(QStringLiteral("model"));
    auto *people = new QBarSet(tr("People"));
    people->setObjectName(QStringLiteral("people"));
    QStringList categories;
    int top = 1;
    for (const LabelCount &c : head.labels) {
        categories << c.label;
        *model << c.predicted;
        *people << c.human;
        top = std::max({top, c.predicted, c.human});
    }
    auto *series = new QBarSeries;
    series->append(model);
    series->append(people);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);  // the theme's label colour reads on the bars
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    // Whole tracks: integer ticks at a round step (an automatic axis would label 0.5 as "0").
    const int step = std::max(1, (top + 4) / 5);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, ((top + step - 1) / step) * step);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setTitleText(tr("Tracks"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return newView(chart, m_tabs);
}

QChartView *LibraryCharts::makeAgreement()
{
    QChart *chart = newChart(this);
    auto *set = new QBarSet(tr("Agreement with people (%)"));
    set->setObjectName(QStringLiteral("agreement"));
    QStringList categories;
    // Bottom-up in a horizontal chart: append in reverse so the list reads top-down.
    for (auto it = m_stats.agreement.crbegin(); it != m_stats.agreement.crend(); ++it) {
        categories << tr("%1: %2 (n=%3)").arg(it->head, it->label).arg(it->n);
        *set << it->share() * 100.0;
    }
    chart->setTitle(categories.isEmpty() ? tr("No analysed track has been annotated by people yet")
                                         : tr("How often the model's decision matches people's"));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    return newView(chart, m_tabs);
}

} // namespace spectag::ui
