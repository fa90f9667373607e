#pragma once

#include "playlists/playlistio.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QListView;
class QMimeData;

namespace spectag {
class Catalog;
class LibraryModel;
class PlaylistListModel;
class PlaylistModel;
struct PlaylistRecord;
}

namespace spectag::ui {

class SmartPlaylists;

// The Playlists dock: the user's playlists above, the tracks of the current one below.
//
// Drag and drop (trackmime: catalog ids + text/uri-list): library rows dropped onto a playlist's
// name are appended to it, dropped into the track list inserted where they land; the track list
// reorders by drag; files from a file manager map to their catalog tracks, audio files the
// catalog does not know yet are scanned into it first, anything else is ignored (with a status
// message), folders add their audio files and playlist files their entries. A playlist dragged
// out is an .m3u8 file written into a folder the panel owns.
//
// Mood playlists carry a label of the "mood" head (or are named like one): with the setting
// "playlists/dropRecordsMood" (default on) a track dropped into one gets a human annotation
// saying it has that mood. Smart playlists are defined by a library search query and follow the
// library (SmartPlaylists).
class PlaylistPanel : public QWidget {
    Q_OBJECT
public:
    PlaylistPanel(Catalog *catalog, LibraryModel *library, QWidget *parent = nullptr);
    ~PlaylistPanel() override;

    PlaylistListModel *listModel() const { return m_lists; }
    PlaylistModel *trackModel() const { return m_tracks; }
    QListView *listView() const { return m_listView; }
    QListView *trackView() const { return m_trackView; }
    SmartPlaylists *smartPlaylists() const { return m_smart; }

    qint64 currentPlaylist() const;
    void setCurrentPlaylist(qint64 id);
    // Creates a playlist (no dialog) and makes it current; 0 on failure.
    qint64 createPlaylist(const QString &name, const QString &mood = {}, const QString &query = {});

    // The catalog ids a drop means (see the class comment); may add files to the catalog.
    QList<qint64> resolveDrop(const QMimeData *mime);
    // What dragging a playlist out carries: its .m3u8 file (written now) and its track ids.
    QMimeData *playlistMimeData(qint64 playlistId);
    bool exportPlaylist(qint64 playlistId, const QString &path, PlaylistFormat format);
    // A playlist file (M3U/M3U8/XSPF) as a new playlist; 0 on failure.
    qint64 importPlaylist(const QString &path);

    // The mood a drop into this playlist records: its own, else its name when that is a label
    // of the active model's "mood" head. Empty: none.
    QString moodOf(const PlaylistRecord &playlist) const;
    QStringList moodLabels() const;  // of the active model, in its order
    // QSettings "annotation/annotator", else the login name.
    static QString annotator();

    // Where "New Smart Playlist…" takes its first query from (the library's search box).
    void setQueryProvider(std::function<QString()> provider) { m_queryProvider = std::move(provider); }

    QAction *newPlaylistAction() const { return m_newAction; }
    QAction *newMoodPlaylistAction() const { return m_newMoodAction; }
    QAction *newSmartPlaylistAction() const { return m_newSmartAction; }
    QAction *exportM3u8Action() const { return m_exportM3u8Action; }
    QAction *exportXspfAction() const { return m_exportXspfAction; }
    QAction *importAction() const { return m_importAction; }

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void createActions();
    void updateActions();
    void recordMood(qint64 playlistId, const QList<qint64> &trackIds);
    QList<qint64> tracksForPaths(const QStringList &paths, int *added, int *failed);
    void askNewPlaylist();
    void askNewMoodPlaylist();
    void askNewSmartPlaylist();
    void askEditQuery();
    void askDelete();
    void askExport(PlaylistFormat format);
    void askImport();

    Catalog *m_catalog;
    LibraryModel *m_library;
    PlaylistListModel *m_lists = nullptr;
    PlaylistModel *m_tracks = nullptr;
    SmartPlaylists *m_smart = nullptr;
    QListView *m_listView = nullptr;
    QListView *m_trackView = nullptr;
    QLabel *m_info = nullptr;
    QTemporaryDir m_dragDir;  // playlists dragged out live here until the panel goes
    std::function<QString()> m_queryProvider;
    QAction *m_newAction = nullptr;
    QAction *m_newMoodAction = nullptr;
    QAction *m_newSmartAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_editQueryAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_removeTracksAction = nullptr;
    QAction *m_exportM3u8Action = nullptr;
    QAction *m_exportXspfAction = nullptr;
    QAction *m_importAction = nullptr;
};

} // namespace spectag::ui
