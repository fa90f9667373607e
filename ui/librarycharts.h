#pragma once

#include "backgroundload.h"
#include "librarystats.h"

#include <QMutex>
#include <QWidget>

#include <memory>
#include <utility>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;
class QLabel;
class QTabWidget;

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// The Library Charts dock: per head (mood, genre, ...) a bar chart of how many tracks the active
// model puts under each label (its top label) beside how many people marked with it, and a chart
// of how often the model's decision agrees with the people's, per label, with n.
//
// The numbers come from loadLibraryStats() on a worker; analysis and annotation edits reload the
// charts at most every couple of seconds, and not at all while the dock is hidden.
class LibraryCharts : public QWidget {
    Q_OBJECT
public:
    explicit LibraryCharts(Catalog *catalog, QWidget *parent = nullptr);
    ~LibraryCharts() override;

    // The loaded network's heads (kinds, thresholds, label order), when it is the active model.
    void setHeadSpecs(std::vector<HeadSpec> specs);

    void reload() { m_loader->now(); }
    void revealed() { m_loader->revealed(); }  // its dock's tab came to the front: loads if stale
    bool isLoading() const { return m_loader->isLoading(); }
    void waitForLoaded() { m_loader->wait(); }

    const LibraryStats &stats() const { return m_stats; }
    // A tab's chart is built and filled when the tab is first shown (or asked for here) and
    // refilled on a reload only while its tab is in front; these build and fill it if needed.
    QChart *distributionChart(const QString &head);  // nullptr when the head has none
    QChart *agreementChart();
    QTabWidget *tabs() const { return m_tabs; }
    QString summaryText() const;

    // The count axis for a tallest bar of `top` tracks: {axis maximum, tick step}. The step is 1,
    // 2 or 5 times a power of ten with at most five ticks, so that while a library is analysed the
    // range changes at a few thresholds, not on every reload: each change re-lays out the axis
    // labels synchronously (Qt Charts measures them as rich text), 40-60 ms on 2 busy cores.
    static std::pair<int, int> countAxis(int top);

Q_SIGNALS:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // The parts of a chart that a reload updates in place.
    struct Distribution {
        QString head;
        QWidget *page = nullptr;      // the tab; the chart view inside it is made when first shown
        bool stale = true;            // m_stats changed since the chart was filled
        QChartView *view = nullptr;
        QBarSet *model = nullptr, *people = nullptr;
        QBarCategoryAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };
    struct Agreement {
        QWidget *page = nullptr;
        bool stale = true;
        QChartView *view = nullptr;
        QBarSet *set = nullptr;
        QBarCategoryAxis *y = nullptr;
        explicit operator bool() const { return page != nullptr; }
    };

    void apply(LibraryStats stats);
    // Builds (first time) and fills (when stale) the chart on tab `index`. Qt Charts lays out its
    // axes synchronously on every change, 10-60 ms per chart on 2 busy cores, so the tabs behind
    // the front one wait until they are shown.
    void ensureTab(int index);
    void buildDistribution(Distribution &d);
    void fillDistribution(Distribution &d, const HeadCounts &head);
    void buildAgreement(Agreement &a);
    void fillAgreement(Agreement &a);

    Catalog *m_catalog;
    QMutex m_specsMutex;
    std::vector<HeadSpec> m_specs;   // read by the worker, under m_specsMutex
    LibraryStats m_stats;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<Distribution> m_distributions;
    Agreement m_agreement;

    std::unique_ptr<BackgroundLoad<LibraryStats>> m_loader;
};

} // namespace spectag::ui
