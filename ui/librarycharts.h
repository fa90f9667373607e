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
    QChart *distributionChart(const QString &head) const;  // nullptr when the head has none
    QChart *agreementChart() const;
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
        QChartView *view = nullptr;
        QBarSet *model = nullptr, *people = nullptr;
        QBarCategoryAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };
    struct Agreement {
        QChartView *view = nullptr;
        QBarSet *set = nullptr;
        QBarCategoryAxis *y = nullptr;
        explicit operator bool() const { return view != nullptr; }
    };

    void apply(LibraryStats stats);
    Distribution makeDistribution(const HeadCounts &head);
    void fillDistribution(Distribution &d, const HeadCounts &head);
    Agreement makeAgreement();
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
