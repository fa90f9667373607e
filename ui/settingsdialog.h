#pragma once

#include "appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// Preferences: library folders (kept in the catalog), the model, device and threads for analysis,
// the tag-write policy (minimum confidence, mood words, score fields, ID3v2 version) and the
// annotator's name. OK saves to QSettings and emits applied() with what changed.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Catalog *catalog, QWidget *parent = nullptr);

    AppSettings settings() const;   // what the widgets say now
    void setSettings(const AppSettings &s);
    QStringList folders() const;    // as listed (the catalog is changed on OK)
    void addFolder(const QString &path);
    void removeFolder(const QString &path);

    QListWidget *folderList() const { return m_folders; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void applied(const spectag::ui::AppSettings &before, const spectag::ui::AppSettings &after, const QStringList &addedFolders);

private:
    Catalog *m_catalog;
    AppSettings m_loaded;
    QListWidget *m_folders;
    QLineEdit *m_model;
    QComboBox *m_device;
    QSpinBox *m_threads;
    QDoubleSpinBox *m_minConfidence;
    QComboBox *m_vocabulary;
    QCheckBox *m_scores;
    QComboBox *m_id3;
    QLineEdit *m_annotator;
    QCheckBox *m_dropRecordsMood;
};

} // namespace spectag::ui
