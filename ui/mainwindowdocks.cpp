// The main window's library map and charts docks (kept apart from mainwindow.cpp, which is
// long enough): creation, wiring, and the map's "play this track".
#include "mainwindow.h"

#include "analysispanel.h"
#include "librarycharts.h"
#include "librarymap.h"
#include "libraryproxymodel.h"
#include "trackview.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "inference/catalogcache.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>

namespace spectag::ui {

void MainWindow::createLibraryDocks()
{
    // Tabbed behind the Folders dock: they load only while shown, so a large library costs
    // nothing until someone looks.
    auto *folderDock = findChild<QDockWidget *>(QStringLiteral("foldersDock"));
    m_map = new LibraryMap(m_catalog, this);
    m_map->setObjectName(QStringLiteral("libraryMap"));
    auto *mapDock = new QDockWidget(tr("Library Map"), this);
    mapDock->setObjectName(QStringLiteral("libraryMapDock"));
    mapDock->setWidget(m_map);
    addDockWidget(Qt::LeftDockWidgetArea, mapDock);
    m_charts = new LibraryCharts(m_catalog, this);
    m_charts->setObjectName(QStringLiteral("libraryCharts"));
    auto *chartsDock = new QDockWidget(tr("Library Charts"), this);
    chartsDock->setObjectName(QStringLiteral("libraryChartsDock"));
    chartsDock->setWidget(m_charts);
    addDockWidget(Qt::LeftDockWidgetArea, chartsDock);
    if (folderDock) {
        tabifyDockWidget(folderDock, mapDock);
        tabifyDockWidget(mapDock, chartsDock);
        folderDock->raise();
    }
    connect(m_map, &LibraryMap::trackActivated, this, &MainWindow::activateTrack);
    connect(m_map, &LibraryMap::playlistCreated, this, [this](qint64, const QString &name) {
        statusBar()->showMessage(tr("Playlist \u201c%1\u201d created").arg(name), 8000);
    });
    // The charts judge the model's decisions with its own kinds and thresholds when it is loaded.
    connect(m_analysis, &AnalysisPanel::modelReady, this, [this] {
        const auto model = m_catalog->activeModel();
        const ModelSpec *spec = m_analysis->modelSpec();
        if (spec && model && m_analysis->cache() && m_analysis->cache()->modelRecord().versionHash == model->versionHash)
            m_charts->setHeadSpecs(spec->heads);
    });
}

bool MainWindow::activateTrack(qint64 trackId)
{
    const int row = m_library->rowForTrack(trackId);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_library->index(row, 0));
    if (!index.isValid()) {  // hidden by the search or the folder: show the whole library
        m_search->clear();
        m_proxy->setFolder({});
        index = m_proxy->mapFromSource(m_library->index(row, 0));
    }
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    m_trackView->play();
    return true;
}

} // namespace spectag::ui
