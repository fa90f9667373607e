#include "tags/safetagwriter.h"
#include "tags/tagformats_p.h"
#include "tags/id3v2frames.h"

#include "audio/payloadhash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace spectag {

namespace {

const QRegularExpression &tempPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\..+\\.spectag-(\\d+)-[0-9a-z]+\\.tmp$"));
    return re;
}

QString sysError(int err)
{
    if (err == ENOSPC || err == EDQUOT)
        return QStringLiteral("disk full (%1)").arg(QString::fromLocal8Bit(std::strerror(err)));
    return QString::fromLocal8Bit(std::strerror(err));
}

FileStamp stampOf(const struct stat &st)
{
    FileStamp s;
    s.size = st.st_size;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    s.ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000LL + st.st_ctim.tv_nsec;
    s.inode = st.st_ino;
    s.device = st.st_dev;
    return s;
}

// The frames of `before` that `after` no longer has, other than the ones the requested fields own
// (mood lives in TMOO and TXXX:MOOD; a v2.3 save moves TMOO into TXXX:MOOD on purpose).
QStringList lostId3v2Frames(const Id3v2Frames &before, const std::optional<Id3v2Frames> &after, const TagValueMap &values)
{
    QStringList owned;
    const bool moodKept = after && after->keys.contains(QStringLiteral("TXXX:MOOD"));
    if (values.contains(TagField::Mood) || moodKept)
        owned << QStringLiteral("TMOO") << QStringLiteral("TXXX:MOOD");
    if (values.contains(TagField::Genre))
        owned << QStringLiteral("TCON");
    if (values.contains(TagField::MoodScores))
        owned << QStringLiteral("TXXX:SPECTAG_MOOD_SCORES");
    if (values.contains(TagField::GenreScores))
        owned << QStringLiteral("TXXX:SPECTAG_GENRE_SCORES");
    QStringList remaining = after ? after->keys : QStringList();
    QStringList lost;
    for (const QString &key : before.keys) {
        if (owned.contains(key))
            continue;
        if (!remaining.removeOne(key))
            lost << key;
    }
    lost.removeDuplicates();
    return lost;
}

// Copies every extended attribute of src onto the open file fd: user attributes, and the POSIX
// ACL (system.posix_acl_access), which a plain copy-and-rename would drop, widening or narrowing
// who may touch the file. Called after fchmod, because setting the ACL also sets the mode bits.
QString copyXattrs(const QByteArray &src, int fd)
{
    const ssize_t size = ::listxattr(src.constData(), nullptr, 0);
    if (size < 0)
        return errno == ENOTSUP ? QString() : sysError(errno);
    QByteArray names(size, '\0');
    const ssize_t got = ::listxattr(src.constData(), names.data(), size_t(names.size()));
    if (got < 0)
        return sysError(errno);
    for (const QByteArray &name : names.left(got).split('\0')) {
        if (name.isEmpty())
            continue;
        const ssize_t len = ::getxattr(src.constData(), name.constData(), nullptr, 0);
        if (len < 0)
            return QStringLiteral("%1: %2").arg(QString::fromLatin1(name), sysError(errno));
        QByteArray value(len, '\0');
        const ssize_t n = ::getxattr(src.constData(), name.constData(), value.data(), size_t(value.size()));
        if (n < 0)
            return QStringLiteral("%1: %2").arg(QString::fromLatin1(name), sysError(errno));
        value.truncate(n);
        QByteArray existing(n, '\0');  // a security label the new file already has needs no setting
        if (::fgetxattr(fd, name.constData(), existing.data(), size_t(existing.size())) == n && existing == value)
            continue;
        if (::fsetxattr(fd, name.constData(), value.constData(), size_t(n), 0) != 0)
            return QStringLiteral("%1: %2").arg(QString::fromLatin1(name), sysError(errno));
    }
    return {};
}

// Copies src to a new file dst (O_EXCL). Returns an error text, empty on success.
QString copyFile(const QByteArray &src, const QByteArray &dst)
{
    const int in = ::open(src.constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return QStringLiteral("cannot read the original: %1").arg(sysError(errno));
    auto closeIn = qScopeGuard([in] { ::close(in); });
    const int out = ::open(dst.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0)
        return QStringLiteral("cannot create a temporary file beside the original: %1").arg(sysError(errno));
    auto closeOut = qScopeGuard([out] { ::close(out); });
    QByteArray buf(1 << 16, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), size_t(buf.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return QStringLiteral("cannot read the original: %1").arg(sysError(errno));
        if (n == 0)
            break;
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buf.constData() + done, size_t(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return QStringLiteral("cannot write the temporary copy: %1").arg(sysError(errno));
            done += w;
        }
    }
    return {};
}

// When process `pid` started, in seconds since the epoch (Linux /proc: field 22 of
// /proc/PID/stat is the start in clock ticks after boot, /proc/stat's btime the boot), or -1.
// (/proc/PID's own inode times are no use: procfs sets them when the entry is first looked up.)
qint64 processStartSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    QFile boot(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly) || !boot.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');  // the command name may hold spaces
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (close < 0 || fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(19).toLongLong(&ok);  // field 22 overall; fields here start at 3
    qint64 btime = -1;
    for (const QByteArray &l : boot.readAll().split('\n')) {
        if (l.startsWith("btime "))
            btime = l.mid(6).trimmed().toLongLong();
    }
    const long hz = ::sysconf(_SC_CLK_TCK);
    return ok && btime > 0 && hz > 0 ? btime + ticks / hz : -1;
}

// Whether the writer that named a temporary file `pid` may still be at work on it. A process
// with that id that started after the file was last written is another one (the id was reused
// after a crash), so the file is abandoned.
bool writerAlive(qint64 pid, const QString &tempPath)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    struct stat temp;
    const qint64 started = processStartSeconds(pid);
    if (started < 0 || ::stat(QFile::encodeName(tempPath).constData(), &temp) != 0)
        return true;  // cannot tell: leave it
    return started <= qint64(temp.st_mtim.tv_sec) + 2;  // (btime is rounded to the second)
}

} // namespace

FileStamp fileStamp(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return stampOf(st);
}

bool SafeTagWriter::isTempFileName(const QString &fileName)
{
    return tempPattern().match(QFileInfo(fileName).fileName()).hasMatch();
}

int SafeTagWriter::removeStaleTempFiles(const QString &dir)
{
    int removed = 0;
    const QStringList names = QDir(dir).entryList({QStringLiteral(".*.spectag-*.tmp")}, QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        const QRegularExpressionMatch m = tempPattern().match(name);
        if (m.hasMatch() && !writerAlive(m.captured(1).toLongLong(), QDir(dir).filePath(name)) && QFile::remove(QDir(dir).filePath(name)))
            ++removed;
    }
    return removed;
}

TagFileState SafeTagWriter::readState(const QString &path, bool withPayloadHash)
{
    TagFileState s;
    s.path = QFileInfo(path).canonicalFilePath();
    if (s.path.isEmpty()) {
        s.path = path;
        s.error = QStringLiteral("%1: no such file").arg(path);
        return s;
    }
    s.stamp = fileStamp(s.path);
    std::unique_ptr<TagFile> tf = TagFile::open(s.path, &s.error);
    if (!tf)
        return s;
    s.values = tf->allValues();
    s.info = tf->info();
    if (auto *id3 = dynamic_cast<Id3v2TagFile *>(tf.get()))
        s.id3v2Version = id3->fileVersion();
    if (withPayloadHash) {
        const PayloadHash h = audioPayloadHash(s.path, PayloadHashMode::Full);
        if (!h.ok())
            s.error = QStringLiteral("%1: cannot read the audio: %2").arg(path, h.error);
        s.payloadHash = h.hash;
    }
    return s;
}

SafeWriteResult SafeTagWriter::write(const QString &requestedPath, const TagValueMap &values, const TagFileState *expected) const
{
    SafeWriteResult r;
    auto fail = [&](const QString &why) {
        r.error = QStringLiteral("%1: %2").arg(requestedPath, why);
        return r;
    };
    const QString path = QFileInfo(requestedPath).canonicalFilePath();
    if (path.isEmpty())
        return fail(QStringLiteral("no such file"));
    const QByteArray pathBytes = QFile::encodeName(path);
    struct stat st;
    if (::stat(pathBytes.constData(), &st) != 0)
        return fail(sysError(errno));
    if (!S_ISREG(st.st_mode))
        return fail(QStringLiteral("not a regular file"));
    // A write replaces the file by a verified copy; the file's other hard links would keep the
    // old inode and the old tags, silently becoming a different file.
    if (st.st_nlink > 1)
        return fail(QStringLiteral("the file has %1 hard links; a safe write would split them (the other names would keep "
                                   "the old tags); not changed").arg(qulonglong(st.st_nlink)));
    // Root may write anything; a file without write bits is still the user's "do not touch".
    if ((st.st_mode & 0222) == 0)
        return fail(QStringLiteral("file is read-only; not changed"));
    if (::access(pathBytes.constData(), W_OK) != 0)
        return fail(QStringLiteral("no permission to write (%1); not changed").arg(sysError(errno)));
    const QString dir = QFileInfo(path).absolutePath();
    if (::access(QFile::encodeName(dir).constData(), W_OK | X_OK) != 0)
        return fail(QStringLiteral("no permission to create files in %1 (needed for a safe write): %2; not changed")
                        .arg(dir, sysError(errno)));
    const FileStamp before = stampOf(st);
    if (expected && expected->stamp.valid() && !(expected->stamp == before))
        return fail(QStringLiteral("file changed on disk since it was read; not written"));

    QString error;
    QStringList structureBefore, ownedKeys;
    {
        std::unique_ptr<TagFile> orig = TagFile::open(path, &error);
        if (!orig)
            return fail(error);
        orig->setId3v2Version(m_id3v2);
        structureBefore = orig->structure();
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            ownedKeys << orig->ownedKeys(it.key());
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            r.oldValues.insert(it.key(), orig->values(it.key()));
            r.newValues.insert(it.key(), orig->storedForm(it.key(), it.value()));
            r.warnings << orig->warnings(it.key(), it.value());
        }
        r.warnings.removeDuplicates();
        if (expected) {
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (expected->values.contains(it.key()) && expected->values.value(it.key()) != r.oldValues.value(it.key()))
                    return fail(QStringLiteral("tags changed since they were read; not written"));
            }
        }
        const bool versionChange = m_id3v2 != Id3v2Version::Keep && !orig->warnings(TagField::Genre, {}).isEmpty();
        if (r.oldValues == r.newValues && !versionChange)
            return r;  // nothing to do: the file is not touched at all
    }
    const PayloadHash hashBefore = audioPayloadHash(path, PayloadHashMode::Full);
    if (!hashBefore.ok())
        return fail(QStringLiteral("cannot read the audio: %1").arg(hashBefore.error));
    if (expected && !expected->payloadHash.isEmpty() && expected->payloadHash != hashBefore.hash)
        return fail(QStringLiteral("audio changed since the file was read; not written"));

    // TagLib rewrites a v2.2 tag only as v2.4, converting or dropping its frames.
    const std::optional<Id3v2Frames> framesBefore = readId3v2Frames(pathBytes);
    if (framesBefore && framesBefore->majorVersion == 2 && m_id3v2 == Id3v2Version::Keep)
        return fail(QStringLiteral("the file has an ID3v2.2 tag, which can only be rewritten as ID3v2.4 or v2.3 (its frames "
                                   "converted); choose one of them to accept that; not changed"));

    removeStaleTempFiles(dir);
    QString base = QFileInfo(path).fileName();
    while (QFile::encodeName(base).size() > 160)  // stay below NAME_MAX with the prefix and suffix
        base.chop(1);
    const QString temp = QDir(dir).filePath(QStringLiteral(".%1.spectag-%2-%3.tmp")
                                                .arg(base)
                                                .arg(::getpid())
                                                .arg(QRandomGenerator::global()->generate(), 0, 36));
    const QByteArray tempBytes = QFile::encodeName(temp);
    auto removeTemp = qScopeGuard([&] { ::unlink(tempBytes.constData()); });
    error = copyFile(pathBytes, tempBytes);
    if (!error.isEmpty())
        return fail(error + QStringLiteral("; not changed"));

    QStringList plannedBlocks;  // the other tag blocks (ID3v1, APE, RIFF INFO) as they should read back
    {   // Write the copy once, with its own TagLib object (the format follows the original's name).
        std::unique_ptr<TagFile> tf = TagFile::open(temp, &error, path);
        if (!tf)
            return fail(QStringLiteral("cannot open the temporary copy: %1").arg(error));
        tf->setId3v2Version(m_id3v2);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            tf->setValues(it.key(), it.value());
        plannedBlocks = tf->otherBlocks();
        if (!tf->save())
            return fail(tf->error() + QStringLiteral("; not changed"));
    }
    {   // Verify with a fresh object: what a player will read is what was asked for.
        std::unique_ptr<TagFile> check = TagFile::open(temp, &error, path);
        if (!check)
            return fail(QStringLiteral("written copy cannot be read back (%1); not changed").arg(error));
        for (auto it = r.newValues.cbegin(); it != r.newValues.cend(); ++it) {
            const QStringList got = check->values(it.key());
            if (got != it.value())
                return fail(QStringLiteral("verification failed: %1 reads back as \"%2\", expected \"%3\"; not changed")
                                .arg(tagFieldName(it.key()), got.join(QLatin1String("; ")), it.value().join(QLatin1String("; "))));
        }
        QStringList lost;
        QStringList after = check->structure();
        for (const QString &key : std::as_const(structureBefore)) {
            if (!ownedKeys.contains(key) && !after.removeOne(key))
                lost << key;
        }
        lost.removeDuplicates();
        if (!lost.isEmpty())
            return fail(QStringLiteral("saving would drop tag items it was not asked to change (%1: TagLib does not carry "
                                       "them over); not changed").arg(elided(lost.join(QLatin1String(", ")))));
        if (check->otherBlocks() != plannedBlocks)
            return fail(QStringLiteral("verification failed: the file's other tag blocks (ID3v1, APE or RIFF INFO) read back "
                                       "differently from what was written; not changed"));
    }
    // An explicit conversion to the other ID3 version was asked for (and warned about in the
    // preview); otherwise nothing outside the requested fields may go.
    const int askedVersion = m_id3v2 == Id3v2Version::V3 ? 3 : m_id3v2 == Id3v2Version::V4 ? 4 : 0;
    if (framesBefore && (askedVersion == 0 || askedVersion == framesBefore->majorVersion)) {
        const QStringList lost = lostId3v2Frames(*framesBefore, readId3v2Frames(tempBytes), values);
        if (!lost.isEmpty())
            return fail(QStringLiteral("saving would drop ID3 frames it was not asked to change (%1: TagLib does not carry "
                                       "them over in ID3v2.%2; an explicit conversion to the other ID3 version accepts the loss); not changed")
                            .arg(lost.join(QLatin1String(", ")))
                            .arg(framesBefore->majorVersion));
    }
    const PayloadHash hashAfter = audioPayloadHash(temp, PayloadHashMode::Full);
    if (!hashAfter.ok() || hashAfter.hash != hashBefore.hash)
        return fail(QStringLiteral("verification failed: the audio payload changed (%1); not changed")
                        .arg(hashAfter.ok() ? QStringLiteral("hash differs") : hashAfter.error));

    const int fd = ::open(tempBytes.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return fail(QStringLiteral("cannot reopen the temporary copy: %1").arg(sysError(errno)));
    {
        auto closeFd = qScopeGuard([fd] { ::close(fd); });
        // Same owner and mode as the original; a user who cannot give the file its owner back is
        // refused rather than silently taking the file over.
        if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0)
            return fail(QStringLiteral("cannot keep the file's owner (%1); not changed").arg(sysError(errno)));
        if (::fchmod(fd, st.st_mode & 07777) != 0)
            return fail(QStringLiteral("cannot keep the file's permissions (%1); not changed").arg(sysError(errno)));
        if (const QString xattrError = copyXattrs(pathBytes, fd); !xattrError.isEmpty())
            return fail(QStringLiteral("cannot keep the file's extended attributes or ACL (%1); not changed").arg(xattrError));
        if (::fsync(fd) != 0)
            return fail(QStringLiteral("cannot flush the written copy: %1; not changed").arg(sysError(errno)));
    }
    // Last look before the swap: somebody may have changed the original while we worked.
    if (!(fileStamp(path) == before))
        return fail(QStringLiteral("file changed on disk while it was being written; not written"));
    if (::rename(tempBytes.constData(), pathBytes.constData()) != 0)
        return fail(QStringLiteral("cannot replace the original: %1; not changed").arg(sysError(errno)));
    removeTemp.dismiss();
    const int dfd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);  // the rename itself is durable only once the directory is flushed
        ::close(dfd);
    }
    r.written = true;
    return r;
}

} // namespace spectag
