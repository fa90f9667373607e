#pragma once

#include <QByteArray>

#include <taglib/tiostream.h>

#include <array>

namespace spectag {

// A read-only TagLib stream over one file descriptor, for scanning. TagLib's own FileStream
// goes through stdio: every seek flushes the FILE buffer and costs an lseek plus a 4 KiB read,
// and reading an Ogg or FLAC file's tags and length takes dozens of them. A scan of 10,000 files
// spent more time in those system calls than in TagLib. This one answers small reads from a few
// cached 32 KiB blocks (the head, where the tags are, and the tail, where the length is) filled
// with pread(), so a typical file costs two or three reads and no seeks.
class ReadOnlyFileStream : public TagLib::IOStream {
public:
    explicit ReadOnlyFileStream(const QByteArray &nativePath);
    ~ReadOnlyFileStream() override;
    ReadOnlyFileStream(const ReadOnlyFileStream &) = delete;
    ReadOnlyFileStream &operator=(const ReadOnlyFileStream &) = delete;

    TagLib::FileName name() const override;
    TagLib::ByteVector readBlock(unsigned long length) override;
    void writeBlock(const TagLib::ByteVector &) override {}
    void insert(const TagLib::ByteVector &, unsigned long = 0, unsigned long = 0) override {}
    void removeBlock(unsigned long = 0, unsigned long = 0) override {}
    bool readOnly() const override { return true; }
    bool isOpen() const override { return m_fd >= 0; }
    void seek(long offset, Position p = Beginning) override;
    long tell() const override { return m_pos; }
    long length() override { return m_size; }
    void truncate(long) override {}

    int systemReads() const { return m_systemReads; }  // for tests: the cache does its job

private:
    static constexpr long kBlock = 32 * 1024;
    struct Block {
        long index = -1;  // block number in the file, -1: empty
        QByteArray data;
        unsigned lastUse = 0;
    };
    const Block *block(long index);

    QByteArray m_path;
    int m_fd = -1;
    long m_size = 0;
    long m_pos = 0;
    unsigned m_clock = 0;
    int m_systemReads = 0;
    std::array<Block, 4> m_blocks;
};

} // namespace spectag
