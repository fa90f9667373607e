// libFuzzer harness: arbitrary bytes as an audio file, through everything that reads tags. The
// first byte picks the extension (fuzzutil.h). The ID3v2 frame lister reads every input. Each reader must answer with values or an error;
// ASan/UBSan turn any memory or UB fault into a crash. When the file opens, a safe write of all
// four fields runs too (TagLib rewriting a hostile file, then the writer's verification).
#include "fuzzutil.h"

#include "audio/payloadhash.h"
#include "scan/tagreader.h"
#include "tags/id3v2frames.h"
#include "tags/safetagwriter.h"
#include "tags/tagfile.h"

using namespace spectag;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzzutil::writeInput(data, size);
    if (path.isEmpty())
        return 0;

    // The scanner's reader: TagLib's FileRef plus the quick payload hash (own parsers).
    const FileReadResult scanned = readAudioFile(path, qint64(size - 1), 0);
    (void)scanned;
    (void)audioPayloadHash(path, PayloadHashMode::Quick);
    // The writer's own ID3v2 frame lister (it compares the frames before and after a write).
    (void)readId3v2Frames(QFile::encodeName(path));

    // The writer's reader, and what a plan asks of it.
    QString error;
    std::unique_ptr<TagFile> tf = TagFile::open(path, &error);
    bool opened = false;
    if (tf) {
        opened = true;
        const TagValueMap all = tf->allValues();
        const TagFileInfo info = tf->info();
        (void)info;
        for (TagField f : kAllTagFields) {
            const QStringList v = all.value(f) + QStringList{QStringLiteral("Calm"), QStringLiteral("Dark")};
            (void)tf->storedForm(f, v);
            (void)tf->warnings(f, v);
        }
    }
    tf.reset();
    if (opened && size > 1 && (data[size - 1] & 1)) {
        // Only for half the inputs: a write costs a copy, two TagLib opens and fsync.
        const TagValueMap values{{TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Energetic")}},
                                 {TagField::Genre, {QStringLiteral("Rock")}},
                                 {TagField::MoodScores, {QStringLiteral("happy=0.800;energetic=0.700")}},
                                 {TagField::GenreScores, {QStringLiteral("rock=0.900")}}};
        const SafeWriteResult r = SafeTagWriter().write(path, values);
        (void)r;
    }
    fuzzutil::cleanUp();
    return 0;
}
