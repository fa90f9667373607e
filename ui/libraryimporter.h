#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace spectag {
class Catalog;
}

namespace spectag::ui {

// Adds the audio files under a folder to the catalog on a worker thread: path, size, mtime and
// what the container says (duration, codec, rate, channels, bit rate). Titles fall back to the
// file name in LibraryModel.
//
// HOOK: this is the UI's stop-gap until core/scan's scanner (tag reading, fingerprints, moves,
// missing files) is available; MainWindow only talks to it through addFolder()/finished(), so
// swapping in the real scanner is a change to this one class.
class LibraryImporter : public QObject {
    Q_OBJECT
public:
    explicit LibraryImporter(Catalog *catalog, QObject *parent = nullptr);
    ~LibraryImporter() override;

    void addFolder(const QString &folder);
    bool isBusy() const { return m_running > 0; }
    static QStringList audioExtensions();

Q_SIGNALS:
    void progress(const QString &folder, int done, int total);
    void finished(const QString &folder, int added, const QStringList &errors);

private:
    Catalog *m_catalog;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_running = 0;
};

} // namespace spectag::ui
