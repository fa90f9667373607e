#include "settingsdialog.h"

#include "catalog/catalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace spectag::ui {

SettingsDialog::SettingsDialog(Catalog *catalog, QWidget *parent) : QDialog(parent), m_catalog(catalog)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *tabs = new QTabWidget(this);

    // Library
    auto *library = new QWidget(tabs);
    m_folders = new QListWidget(library);
    m_folders->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *add = new QPushButton(tr("&Add Folder\u2026"), library);
    auto *remove = new QPushButton(tr("&Remove"), library);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Music Folder"), QDir::homePath());
        if (!dir.isEmpty())
            addFolder(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QList<QListWidgetItem *> items = m_folders->selectedItems();
        for (QListWidgetItem *i : items)
            removeFolder(i->data(Qt::UserRole).toString());
    });
    auto *folderButtons = new QHBoxLayout;
    folderButtons->addWidget(add);
    folderButtons->addWidget(remove);
    folderButtons->addStretch();
    auto *libLayout = new QVBoxLayout(library);
    libLayout->addWidget(m_folders);
    libLayout->addLayout(folderButtons);
    tabs->addTab(library, tr("&Library"));

    // Analysis
    auto *analysis = new QWidget(tabs);
    m_model = new QLineEdit(analysis);
    m_model->setPlaceholderText(tr("The catalog's active model, else the shipped one"));
    m_model->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse\u2026"), analysis);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Model"), QFileInfo(m_model->text()).absolutePath(),
                                                       tr("Spectag models (*.stm)"));
        if (!f.isEmpty())
            m_model->setText(f);
    });
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(browse);
    m_device = new QComboBox(analysis);
    m_device->addItem(tr("Automatic (GPU when available)"), int(Model::Device::Auto));
    m_device->addItem(tr("CPU"), int(Model::Device::Cpu));
    m_device->addItem(tr("GPU (CUDA)"), int(Model::Device::Cuda));
    m_threads = new QSpinBox(analysis);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(std::max(1, QThread::idealThreadCount() - 1)));
    auto *aForm = new QFormLayout(analysis);
    aForm->addRow(tr("&Model:"), modelRow);
    aForm->addRow(tr("&Device:"), m_device);
    aForm->addRow(tr("Decoding &threads:"), m_threads);
    tabs->addTab(analysis, tr("&Analysis"));

    // Tags
    auto *tags = new QWidget(tabs);
    m_minConfidence = new QDoubleSpinBox(tags);
    m_minConfidence->setRange(0.0, 1.0);
    m_minConfidence->setSingleStep(0.05);
    m_minConfidence->setDecimals(2);
    m_minConfidence->setToolTip(tr("A genre or mood is written only when the model is at least this confident"));
    m_vocabulary = new QComboBox(tags);
    m_vocabulary->addItem(tr("Everyday words (happy, angry, sad, relaxed)"), int(MoodVocabulary::Everyday));
    m_vocabulary->addItem(tr("GEMS emotions"), int(MoodVocabulary::Gems));
    m_vocabulary->addItem(tr("Both"), int(MoodVocabulary::Both));
    m_scores = new QCheckBox(tr("Also write the scores (namespaced fields)"), tags);
    m_id3 = new QComboBox(tags);
    m_id3->addItem(tr("Keep the file's version"), int(Id3v2Version::Keep));
    m_id3->addItem(tr("ID3v2.3 (older players)"), int(Id3v2Version::V3));
    m_id3->addItem(tr("ID3v2.4"), int(Id3v2Version::V4));
    auto *tForm = new QFormLayout(tags);
    tForm->addRow(tr("Minimum &confidence:"), m_minConfidence);
    tForm->addRow(tr("Mood &words:"), m_vocabulary);
    tForm->addRow(QString(), m_scores);
    tForm->addRow(tr("MP3 &tag version:"), m_id3);
    tabs->addTab(tags, tr("&Tags"));

    // Annotation
    auto *annotation = new QWidget(tabs);
    m_annotator = new QLineEdit(annotation);
    m_annotator->setPlaceholderText(AppSettings::defaultAnnotator());
    m_dropRecordsMood = new QCheckBox(tr("Dropping a track into a mood playlist labels the track with that mood"), annotation);
    auto *nForm = new QFormLayout(annotation);
    nForm->addRow(tr("Annotator &name:"), m_annotator);
    nForm->addRow(QString(), m_dropRecordsMood);
    tabs->addTab(annotation, tr("A&nnotation"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    for (const QString &f : m_catalog->libraryFolders())
        addFolder(f);
    m_loaded = AppSettings::load();
    setSettings(m_loaded);
}

void SettingsDialog::setSettings(const AppSettings &s)
{
    m_model->setText(s.modelPath);
    m_device->setCurrentIndex(m_device->findData(int(s.device)));
    m_threads->setValue(s.analysisThreads);
    m_minConfidence->setValue(s.minConfidence);
    m_vocabulary->setCurrentIndex(m_vocabulary->findData(int(s.vocabulary)));
    m_scores->setChecked(s.writeScores);
    m_id3->setCurrentIndex(m_id3->findData(int(s.id3v2)));
    m_annotator->setText(s.annotator);
    m_dropRecordsMood->setChecked(s.dropRecordsMood);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.modelPath = m_model->text().trimmed();
    s.device = Model::Device(m_device->currentData().toInt());
    s.analysisThreads = m_threads->value();
    s.minConfidence = m_minConfidence->value();
    s.vocabulary = MoodVocabulary(m_vocabulary->currentData().toInt());
    s.writeScores = m_scores->isChecked();
    s.id3v2 = Id3v2Version(m_id3->currentData().toInt());
    s.annotator = m_annotator->text().trimmed().isEmpty() ? AppSettings::defaultAnnotator() : m_annotator->text().trimmed();
    s.dropRecordsMood = m_dropRecordsMood->isChecked();
    return s;
}

QStringList SettingsDialog::folders() const
{
    QStringList out;
    for (int i = 0; i < m_folders->count(); ++i)
        out << m_folders->item(i)->data(Qt::UserRole).toString();
    return out;
}

void SettingsDialog::addFolder(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (folders().contains(clean))
        return;
    auto *item = new QListWidgetItem(QDir::toNativeSeparators(clean), m_folders);
    item->setData(Qt::UserRole, clean);
    if (!QFileInfo(clean).isDir())
        item->setToolTip(tr("This folder does not exist (any more)"));
}

void SettingsDialog::removeFolder(const QString &path)
{
    for (int i = m_folders->count() - 1; i >= 0; --i)
        if (m_folders->item(i)->data(Qt::UserRole).toString() == path)
            delete m_folders->takeItem(i);
}

void SettingsDialog::accept()
{
    const AppSettings after = settings();
    after.save();
    // Folders: the catalog keeps them. A removed folder stops being watched and scanned; its
    // tracks stay in the catalog with their labels (removing music is the file manager's job).
    const QStringList before = m_catalog->libraryFolders(), now = folders();
    QStringList added;
    for (const QString &f : now)
        if (!before.contains(f) && m_catalog->addLibraryFolder(f))
            added << f;
    for (const QString &f : before)
        if (!now.contains(f))
            m_catalog->removeLibraryFolder(f);
    Q_EMIT applied(m_loaded, after, added);
    m_loaded = after;
    QDialog::accept();
}

} // namespace spectag::ui
