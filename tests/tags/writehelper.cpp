// Subprocess used by the tag tests.
//   tags_writehelper write FILE MOOD      one safe write of the mood field; prints the error, exit 1 on failure
//   tags_writehelper loop FILE...         forever: toggles every file between the "old" and "new"
//                                         value sets with safe writes (killed by the crash test)
//   tags_writehelper loop-on FILE...      the same, but a failed write (disk full, permission
//                                         taken away) is printed and the loop goes on
#include "tags/safetagwriter.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace spectag;

namespace {

TagValueMap stateValues(bool newState)
{
    if (newState)
        return {{TagField::Mood, {QStringLiteral("Happy"), QStringLiteral("Energetic")}},
                {TagField::Genre, {QStringLiteral("Rock"), QStringLiteral("Pop")}},
                {TagField::MoodScores, {QStringLiteral("happy=0.800;energetic=0.700")}}};
    return {{TagField::Mood, {QStringLiteral("Calm")}},
            {TagField::Genre, {QStringLiteral("Ambient")}},
            {TagField::MoodScores, {QStringLiteral("calm=0.900")}}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == QLatin1String("write")) {
        const SafeWriteResult r = SafeTagWriter().write(args.at(2), {{TagField::Mood, {args.at(3)}}});
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return 1;
        }
        return 0;
    }
    if (args.size() >= 3 && (args.at(1) == QLatin1String("loop") || args.at(1) == QLatin1String("loop-on"))) {
        const bool keepGoing = args.at(1) == QLatin1String("loop-on");
        const QStringList files = args.mid(2);
        std::fprintf(stdout, "ready\n");
        std::fflush(stdout);
        SafeTagWriter writer;
        for (bool next = true;; next = !next) {
            for (const QString &f : files) {
                // Each file toggles independently of what it holds: read it, write the other set.
                const TagFileState s = SafeTagWriter::readState(f, false);
                const bool isNew = s.values.value(TagField::Mood) == stateValues(true).value(TagField::Mood);
                const SafeWriteResult r = writer.write(f, stateValues(!isNew));
                if (!r.ok()) {
                    std::fprintf(stderr, "%s\n", qPrintable(r.error));
                    if (!keepGoing)
                        return 1;
                }
            }
        }
    }
    std::fprintf(stderr, "usage: tags_writehelper write FILE MOOD | loop FILE... | loop-on FILE...\n");
    return 2;
}
