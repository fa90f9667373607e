#pragma once

#include "scattermap.h"

namespace spectag::ui {

// The Library Map dock: every analysed track of the active model as a dot, placed by the PCA of
// its embedding (tracks the network hears alike sit together) and coloured by its top mood or
// genre; the lasso, hover and playlist come from ScatterMap.
class LibraryMap : public ScatterMap {
    Q_OBJECT
public:
    explicit LibraryMap(Catalog *catalog, QWidget *parent = nullptr);

    // Reads and projects the active model's predictions (any thread).
    static MapData load(const Catalog &catalog);
};

} // namespace spectag::ui
