#pragma once

#include <QMainWindow>

namespace spectag::ui {

// The desktop application's main window: library in the centre, docks around it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreLayout();
    void showAbout();
};

} // namespace spectag::ui
