#include "scan/readonlyfilestream.h"

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spectag {

ReadOnlyFileStream::ReadOnlyFileStream(const QByteArray &nativePath)
    : m_path(nativePath)
{
    m_fd = ::open(m_path.constData(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (m_fd >= 0 && (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_size = m_fd >= 0 ? long(st.st_size) : 0;
}

ReadOnlyFileStream::~ReadOnlyFileStream()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

TagLib::FileName ReadOnlyFileStream::name() const
{
    return m_path.constData();
}

const ReadOnlyFileStream::Block *ReadOnlyFileStream::block(long index)
{
    Block *victim = &m_blocks[0];
    for (Block &b : m_blocks) {
        if (b.index == index) {
            b.lastUse = ++m_clock;
            return &b;
        }
        if (b.lastUse < victim->lastUse)
            victim = &b;
    }
    const long start = index * kBlock;
    const long want = std::min(kBlock, m_size - start);
    if (want <= 0)
        return nullptr;
    victim->data.resize(want);
    long got = 0;
    while (got < want) {
        const ssize_t n = ::pread(m_fd, victim->data.data() + got, size_t(want - got), off_t(start + got));
        ++m_systemReads;
        if (n <= 0)
            break;  // error or the file shrank under us: TagLib gets a short read
        got += long(n);
    }
    victim->data.resize(got);
    victim->index = got > 0 ? index : -1;
    victim->lastUse = ++m_clock;
    return got > 0 ? victim : nullptr;
}

TagLib::ByteVector ReadOnlyFileStream::readBlock(unsigned long length)
{
    if (m_fd < 0 || m_pos >= m_size || length == 0)
        return {};
    const long want = long(std::min<unsigned long>(length, static_cast<unsigned long>(m_size - m_pos)));
    TagLib::ByteVector out(static_cast<unsigned int>(want), '\0');
    long got = 0;
    if (want >= 2 * kBlock) {
        // Large reads (FLAC seek tables, whole MP4 atoms) bypass the cache.
        while (got < want) {
            const ssize_t n = ::pread(m_fd, out.data() + got, size_t(want - got), off_t(m_pos + got));
            ++m_systemReads;
            if (n <= 0)
                break;
            got += long(n);
        }
    } else {
        while (got < want) {
            const long at = m_pos + got;
            const Block *b = block(at / kBlock);
            const long offset = at - (at / kBlock) * kBlock;
            if (!b || offset >= b->data.size())
                break;
            const long n = std::min(want - got, long(b->data.size()) - offset);
            std::copy_n(b->data.constData() + offset, n, out.data() + got);
            got += n;
        }
    }
    out.resize(static_cast<unsigned int>(got));
    m_pos += got;
    return out;
}

void ReadOnlyFileStream::seek(long offset, Position p)
{
    switch (p) {
    case Beginning:
        m_pos = offset;
        break;
    case Current:
        m_pos += offset;
        break;
    case End:
        m_pos = m_size + offset;
        break;
    }
    m_pos = std::max(0L, m_pos);
}

} // namespace spectag
