#include "playlistpanel.h"

#include "smartplaylists.h"

#include "catalog/catalog.h"
#include "catalog/librarymodel.h"
#include "catalog/playlistmodel.h"
#include "catalog/trackmime.h"
#include "playlists/playlistexport.h"
#include "scan/scanner.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QDrag>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace spectag::ui {

namespace {

// The playlist list drags a whole playlist: its file, written at the moment the drag starts.
class PlaylistListView : public QListView {
public:
    PlaylistListView(PlaylistPanel *panel, QWidget *parent)
        : QListView(parent)
        , m_panel(panel)
    {
    }

protected:
    void startDrag(Qt::DropActions) override
    {
        const QModelIndex current = currentIndex();
        if (!current.isValid())
            return;
        QMimeData *mime = m_panel->playlistMimeData(current.data(PlaylistListModel::PlaylistIdRole).toLongLong());
        if (!mime)
            return;
        auto *drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->exec(Qt::CopyAction, Qt::CopyAction);
    }

private:
    PlaylistPanel *m_panel;
};

QString safeFileName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c)) ? QChar(u'_') : c;
    out = out.trimmed();
    return out.isEmpty() || out.startsWith(u'.') ? QString(QStringLiteral("playlist") + out) : out;
}

bool isPlaylistFile(const QString &path)
{
    return playlistFormatForPath(path).has_value();
}

} // namespace

PlaylistPanel::PlaylistPanel(Catalog *catalog, LibraryModel *library, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_library(library)
{
    m_lists = new PlaylistListModel(catalog, this);
    m_tracks = new PlaylistModel(catalog, this);
    m_smart = new SmartPlaylists(catalog, library, this);
    const DropResolver resolver = [this](const QMimeData *mime) { return resolveDrop(mime); };
    m_lists->setDropResolver(resolver);
    m_tracks->setDropResolver(resolver);
    connect(m_lists, &PlaylistListModel::tracksAdded, this, &PlaylistPanel::recordMood);
    connect(m_tracks, &PlaylistModel::tracksAdded, this, &PlaylistPanel::recordMood);

    m_listView = new PlaylistListView(this, this);
    m_listView->setObjectName(QStringLiteral("playlists"));
    m_listView->setModel(m_lists);
    m_listView->setDragDropMode(QAbstractItemView::DragDrop);
    m_listView->setDragEnabled(true);
    m_listView->setAcceptDrops(true);
    m_listView->setDropIndicatorShown(true);
    m_listView->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_listView->setToolTip(tr("Drop tracks on a playlist to add them; drag a playlist out as an .m3u8 file"));

    m_trackView = new QListView(this);
    m_trackView->setObjectName(QStringLiteral("playlistTracks"));
    m_trackView->setModel(m_tracks);
    m_trackView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_trackView->setDragDropMode(QAbstractItemView::DragDrop);
    m_trackView->setDragEnabled(true);
    m_trackView->setAcceptDrops(true);
    m_trackView->setDropIndicatorShown(true);
    // Move, so that a drag inside the list reorders (QListView moves rows through moveRows).
    m_trackView->setDefaultDropAction(Qt::MoveAction);

    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setObjectName(QStringLiteral("playlistInfo"));

    createActions();
    // Two menu buttons rather than a row of long labels: the dock is narrow.
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto menuButton = [this, toolbar](const QString &text, const QList<QAction *> &actions) {
        auto *button = new QToolButton(toolbar);
        button->setText(text);
        button->setPopupMode(QToolButton::InstantPopup);
        auto *menu = new QMenu(button);
        menu->addActions(actions);
        button->setMenu(menu);
        toolbar->addWidget(button);
        return button;
    };
    menuButton(tr("New"), {m_newAction, m_newMoodAction, m_newSmartAction, m_importAction})->setObjectName(QStringLiteral("newPlaylistButton"));
    menuButton(tr("Export"), {m_exportM3u8Action, m_exportXspfAction})->setObjectName(QStringLiteral("exportPlaylistButton"));
    toolbar->addAction(m_deleteAction);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_listView);
    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_info);
    lowerLayout->addWidget(m_trackView);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        // Not for the same playlist again (the list's reloads): a reset of the track list would
        // invalidate the rows QListView is in the middle of moving.
        const qint64 id = index.data(PlaylistListModel::PlaylistIdRole).toLongLong();
        if (id != m_tracks->playlistId())
            m_tracks->setPlaylistId(id);
        updateActions();
    });
    // The list reloads (and loses its current row) whenever a playlist changes: put it back.
    connect(m_lists, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_listView->setProperty("keep", m_tracks->playlistId()); });
    connect(m_lists, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_lists->rowForPlaylist(m_listView->property("keep").toLongLong());
        if (row >= 0)
            m_listView->setCurrentIndex(m_lists->index(row));
        updateActions();
    });
    connect(m_tracks, &QAbstractItemModel::modelReset, this, &PlaylistPanel::updateActions);
    connect(m_trackView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PlaylistPanel::updateActions);
    updateActions();
    m_smart->refreshNow();
}

PlaylistPanel::~PlaylistPanel() = default;

void PlaylistPanel::createActions()
{
    m_newAction = new QAction(tr("&New Playlist\u2026"), this);
    m_newAction->setToolTip(tr("New playlist"));
    connect(m_newAction, &QAction::triggered, this, &PlaylistPanel::askNewPlaylist);
    m_newMoodAction = new QAction(tr("New &Mood Playlist\u2026"), this);
    m_newMoodAction->setToolTip(tr("New playlist for one mood: tracks dropped into it are marked with that mood"));
    connect(m_newMoodAction, &QAction::triggered, this, &PlaylistPanel::askNewMoodPlaylist);
    m_newSmartAction = new QAction(tr("New &Smart Playlist\u2026"), this);
    m_newSmartAction->setToolTip(tr("New playlist of the library tracks that match a search, kept up to date"));
    connect(m_newSmartAction, &QAction::triggered, this, &PlaylistPanel::askNewSmartPlaylist);
    m_renameAction = new QAction(tr("&Rename"), this);
    connect(m_renameAction, &QAction::triggered, this, [this] { m_listView->edit(m_listView->currentIndex()); });
    m_editQueryAction = new QAction(tr("Edit Smart &Query\u2026"), this);
    connect(m_editQueryAction, &QAction::triggered, this, &PlaylistPanel::askEditQuery);
    m_deleteAction = new QAction(tr("&Delete Playlist"), this);
    m_deleteAction->setIconText(tr("Delete"));
    connect(m_deleteAction, &QAction::triggered, this, &PlaylistPanel::askDelete);
    m_exportM3u8Action = new QAction(tr("Export Playlist as &M3U8\u2026"), this);
    m_exportM3u8Action->setObjectName(QStringLiteral("exportM3u8"));
    connect(m_exportM3u8Action, &QAction::triggered, this, [this] { askExport(PlaylistFormat::M3u8); });
    m_exportXspfAction = new QAction(tr("Export Playlist as &XSPF\u2026"), this);
    m_exportXspfAction->setObjectName(QStringLiteral("exportXspf"));
    connect(m_exportXspfAction, &QAction::triggered, this, [this] { askExport(PlaylistFormat::Xspf); });
    m_importAction = new QAction(tr("&Import Playlist\u2026"), this);
    connect(m_importAction, &QAction::triggered, this, &PlaylistPanel::askImport);
    m_removeTracksAction = new QAction(tr("Remove from Playlist"), this);
    m_removeTracksAction->setShortcut(QKeySequence::Delete);
    m_removeTracksAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_removeTracksAction, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_trackView->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int row : rows)
            m_tracks->removeRow(row);
    });

    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_listView->addActions({m_newAction, m_newMoodAction, m_newSmartAction, m_renameAction, m_editQueryAction,
                            m_deleteAction, m_exportM3u8Action, m_exportXspfAction, m_importAction});
    m_trackView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_trackView->addActions({m_removeTracksAction, m_exportM3u8Action, m_exportXspfAction});
}

void PlaylistPanel::updateActions()
{
    const qint64 id = currentPlaylist();
    const auto p = id ? m_catalog->playlist(id) : std::nullopt;
    for (QAction *a : {m_renameAction, m_deleteAction, m_exportM3u8Action, m_exportXspfAction})
        a->setEnabled(p.has_value());
    m_editQueryAction->setEnabled(p && !p->query.isEmpty());
    m_removeTracksAction->setEnabled(p && p->query.isEmpty() && m_trackView->selectionModel()->hasSelection());
    QString info;
    if (p && !p->query.isEmpty())
        info = tr("Smart playlist: the library tracks matching \u201c%1\u201d").arg(p->query);
    else if (p && !moodOf(*p).isEmpty())
        info = tr("Mood playlist: tracks dropped here are marked \u201c%1\u201d").arg(moodOf(*p));
    m_info->setText(info);
    m_info->setVisible(!info.isEmpty());
}

qint64 PlaylistPanel::currentPlaylist() const
{
    return m_tracks->playlistId();
}

void PlaylistPanel::setCurrentPlaylist(qint64 id)
{
    const int row = m_lists->rowForPlaylist(id);
    if (row >= 0)
        m_listView->setCurrentIndex(m_lists->index(row));
    else
        m_tracks->setPlaylistId(0);
    updateActions();
}

qint64 PlaylistPanel::createPlaylist(const QString &name, const QString &mood, const QString &query)
{
    const qint64 id = m_catalog->createPlaylist(name, mood, query.trimmed());
    if (!id) {
        Q_EMIT statusMessage(tr("Could not create the playlist: %1").arg(m_catalog->lastError()), 8000);
        return 0;
    }
    if (!query.trimmed().isEmpty())
        m_smart->refreshNow();
    setCurrentPlaylist(id);
    return id;
}

QStringList PlaylistPanel::moodLabels() const
{
    QStringList labels;
    if (const auto model = m_catalog->activeModel())
        for (const QJsonValue &v : model->labelSets.value(QStringLiteral("mood")).toArray())
            labels.append(v.toString());
    return labels;
}

QString PlaylistPanel::moodOf(const PlaylistRecord &playlist) const
{
    if (!playlist.query.isEmpty())
        return {};  // a smart playlist's items follow its query; nothing is dropped into it
    if (!playlist.mood.isEmpty())
        return playlist.mood;
    for (const QString &label : moodLabels())
        if (label.compare(playlist.name.trimmed(), Qt::CaseInsensitive) == 0)
            return label;
    return {};
}

QString PlaylistPanel::annotator()
{
    const QString configured = QSettings().value(QStringLiteral("annotation/annotator")).toString().trimmed();
    if (!configured.isEmpty())
        return configured;
    for (const char *var : {"USER", "LOGNAME", "USERNAME"})
        if (const QString name = qEnvironmentVariable(var); !name.isEmpty())
            return name;
    return QDir::home().dirName();
}

void PlaylistPanel::recordMood(qint64 playlistId, const QList<qint64> &trackIds)
{
    if (trackIds.isEmpty() || !QSettings().value(QStringLiteral("playlists/dropRecordsMood"), true).toBool())
        return;
    const auto p = m_catalog->playlist(playlistId);
    const QString mood = p ? moodOf(*p) : QString();
    if (mood.isEmpty())
        return;
    QList<Annotation> rows;
    const QString who = annotator();
    QSet<qint64> seen;
    for (qint64 id : trackIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        Annotation a;
        a.trackId = id;
        a.head = QStringLiteral("mood");
        a.label = mood;
        a.value = 1.0;
        a.source = Annotation::Source::Human;
        a.annotator = who;
        rows.append(a);
    }
    if (m_catalog->addAnnotations(rows))
        Q_EMIT statusMessage(tr("Marked %n track(s) as \u201c%1\u201d", nullptr, int(rows.size())).arg(mood), 5000);
    else
        Q_EMIT statusMessage(tr("Could not record the mood: %1").arg(m_catalog->lastError()), 8000);
}

QList<qint64> PlaylistPanel::tracksForPaths(const QStringList &paths, int *added, int *failed)
{
    // Unknown audio files are scanned in one go (tags, fingerprint: a moved file keeps its
    // track); the drop waits for it, which is quick for the handful of files a drop carries.
    QStringList unknown;
    for (const QString &path : paths) {
        const auto t = m_catalog->trackByPath(path);
        if (!t || t->state == TrackState::Missing)
            unknown.append(path);
    }
    if (!unknown.isEmpty()) {
        Scanner scanner(m_catalog);
        const ScanStats stats = scanner.scan(unknown);
        *added += stats.added + stats.moved + stats.updated;
        *failed += stats.failed;
    }
    QList<qint64> ids;
    for (const QString &path : paths)
        if (const auto t = m_catalog->trackByPath(path))
            ids.append(t->id);
    return ids;
}

QList<qint64> PlaylistPanel::resolveDrop(const QMimeData *mime)
{
    if (!mime)
        return {};
    if (trackmime::hasTrackIds(mime))
        return trackmime::decodeTrackIds(mime);
    QStringList audio;
    int ignored = 0;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) {
            ++ignored;
            continue;
        }
        const QFileInfo fi(url.toLocalFile());
        const QString path = QDir::cleanPath(fi.absoluteFilePath());
        if (m_catalog->trackByPath(path)) {
            audio.append(path);  // a catalog track, even while its file is away
        } else if (fi.isDir()) {
            QStringList inside;
            QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                if (Scanner::isAudioFileName(QFileInfo(f).fileName()))
                    inside.append(QDir::cleanPath(f));
            }
            inside.sort();
            audio += inside;
        } else if (isPlaylistFile(path)) {
            QString error;
            if (const auto list = readPlaylist(path, &error)) {
                for (const PlaylistEntry &e : list->entries)
                    audio.append(e.path);
            } else {
                Q_EMIT statusMessage(error, 8000);
            }
        } else if (fi.isFile() && Scanner::isAudioFileName(fi.fileName())) {
            audio.append(path);
        } else {
            ++ignored;
        }
    }
    int added = 0, failed = 0;
    const QList<qint64> ids = audio.isEmpty() ? QList<qint64>() : tracksForPaths(audio, &added, &failed);
    QStringList notes;
    if (added)
        notes << tr("added %n new file(s) to the library", nullptr, added);
    if (failed)
        notes << tr("%n file(s) could not be read", nullptr, failed);
    if (ignored)
        notes << tr("ignored %n item(s) that are not audio files", nullptr, ignored);
    if (!notes.isEmpty())
        Q_EMIT statusMessage(tr("Drop: %1").arg(notes.join(QStringLiteral("; "))), 8000);
    return ids;
}

QMimeData *PlaylistPanel::playlistMimeData(qint64 playlistId)
{
    const auto p = m_catalog->playlist(playlistId);
    if (!p || !m_dragDir.isValid())
        return nullptr;
    const QString file = m_dragDir.filePath(safeFileName(p->name) + QStringLiteral(".m3u8"));
    QString error;
    if (!spectag::exportPlaylist(*m_catalog, playlistId, file, PlaylistFormat::M3u8, &error)) {
        Q_EMIT statusMessage(error, 8000);
        return nullptr;
    }
    auto *mime = new QMimeData;
    trackmime::encodeTracks(mime, m_catalog->playlistTracks(playlistId), {});  // dropped on another playlist: its tracks
    mime->setUrls({QUrl::fromLocalFile(file)});
    return mime;
}

bool PlaylistPanel::exportPlaylist(qint64 playlistId, const QString &path, PlaylistFormat format)
{
    m_smart->refreshNow();  // a smart playlist exports what matches now
    QString error;
    if (!spectag::exportPlaylist(*m_catalog, playlistId, path, format, &error)) {
        Q_EMIT statusMessage(error, 8000);
        return false;
    }
    Q_EMIT statusMessage(tr("Exported the playlist to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

qint64 PlaylistPanel::importPlaylist(const QString &path)
{
    QString error;
    const auto file = readPlaylist(path, &error);
    if (!file) {
        Q_EMIT statusMessage(error, 8000);
        return 0;
    }
    QStringList paths;
    for (const PlaylistEntry &e : file->entries)
        paths.append(e.path);
    int added = 0, failed = 0;
    const QList<qint64> ids = tracksForPaths(paths, &added, &failed);
    const qint64 id = createPlaylist(file->title.isEmpty() ? QFileInfo(path).completeBaseName() : file->title);
    if (!id || !m_catalog->setPlaylistTracks(id, ids))
        return 0;
    Q_EMIT statusMessage(tr("Imported %n of %1 track(s)", nullptr, int(ids.size())).arg(file->entries.size() + file->skipped), 8000);
    return id;
}

void PlaylistPanel::askNewPlaylist()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Playlist"), tr("Name:"), QLineEdit::Normal, tr("New Playlist"), &ok).trimmed();
    if (ok && !name.isEmpty())
        createPlaylist(name);
}

void PlaylistPanel::askNewMoodPlaylist()
{
    const QStringList labels = moodLabels();
    bool ok = false;
    // Editable: without an analysed model there are no labels to offer, and a mood is still a word.
    const QString mood = QInputDialog::getItem(this, tr("New Mood Playlist"),
                                               tr("Tracks dropped into it are marked with this mood:"), labels, 0, true, &ok).trimmed();
    if (ok && !mood.isEmpty())
        createPlaylist(mood, mood);
}

void PlaylistPanel::askNewSmartPlaylist()
{
    bool ok = false;
    const QString initial = m_queryProvider ? m_queryProvider() : QString();
    const QString query = QInputDialog::getText(this, tr("New Smart Playlist"),
                                                tr("Library search (e.g. mood:calm conf>0.6 -genre:rock):"),
                                                QLineEdit::Normal, initial, &ok).trimmed();
    if (ok && !query.isEmpty())
        createPlaylist(query, {}, query);
}

void PlaylistPanel::askEditQuery()
{
    const auto p = m_catalog->playlist(currentPlaylist());
    if (!p || p->query.isEmpty())
        return;
    bool ok = false;
    const QString query = QInputDialog::getText(this, tr("Smart Playlist"), tr("Library search:"), QLineEdit::Normal, p->query, &ok).trimmed();
    if (ok && !query.isEmpty() && query != p->query && m_catalog->setPlaylistQuery(p->id, query))
        m_smart->refreshNow();
}

void PlaylistPanel::askDelete()
{
    const auto p = m_catalog->playlist(currentPlaylist());
    if (!p)
        return;
    if (QMessageBox::question(this, tr("Delete Playlist"), tr("Delete the playlist \u201c%1\u201d? Its tracks stay in the library.").arg(p->name))
        == QMessageBox::Yes)
        m_catalog->removePlaylist(p->id);
}

void PlaylistPanel::askExport(PlaylistFormat format)
{
    const auto p = m_catalog->playlist(currentPlaylist());
    if (!p)
        return;
    const QString ext = playlistFormatExtension(format);
    const QString filter = format == PlaylistFormat::Xspf ? tr("XSPF playlists (*.xspf)") : tr("M3U8 playlists (*.m3u8)");
    const QString dir = QSettings().value(QStringLiteral("playlists/exportDir"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Playlist"), QDir(dir).filePath(safeFileName(p->name) + u'.' + ext), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + ext;
    QSettings().setValue(QStringLiteral("playlists/exportDir"), QFileInfo(path).absolutePath());
    exportPlaylist(p->id, path, format);
}

void PlaylistPanel::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Playlist"), QDir::homePath(),
                                                      tr("Playlists (*.m3u8 *.m3u *.xspf)"));
    if (!path.isEmpty())
        importPlaylist(path);
}

} // namespace spectag::ui
