// `spectag`, the command people type and the desktop entry runs. It runs the verbs that need no
// model (scan, decode) itself and execs spectag-app, the full program, for everything
// else: the GUI, --help, analyze, tag, train…
//
// Why two executables: Debian's LibTorch links ~300 shared libraries (OpenCV, protobuf, gloo,
// ONNX…) and registers thousands of operators in static initialisers. Loading it costs about a
// second at every start, whether or not a model is used: more than a whole no-change rescan of
// 10,000 files. git does the same with its helper programs. exec() keeps the process id, the
// arguments, the environment and the standard streams, so callers see one program.
#include "identity.h"

#include "cli/cli.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace {

bool runsHere(const char *verb)
{
    for (const char *v : {"scan", "decode"})
        if (std::strcmp(verb, v) == 0)
            return true;
    return false;
}

// spectag-app beside this executable (build tree, relocated installs) or in ../lib/spectag (the
// .deb). /proc/self/exe rather than argv[0]: a shell finds us through PATH.
std::filesystem::path fullProgram()
{
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path dir = ec ? std::filesystem::path(".") : self.parent_path();
    for (const auto &candidate : {dir / "spectag-app", dir / ".." / "lib" / "spectag" / "spectag-app"})
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    return dir / ".." / "lib" / "spectag" / "spectag-app";
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 2 && runsHere(argv[1])) {
        QCoreApplication app(argc, argv);
        spectag::app::setIdentity();
        return spectag::cli::run(app.arguments(), {}, spectag::cli::torchFreeVerbs());
    }
    const std::filesystem::path program = fullProgram();
    ::execv(program.c_str(), argv);
    std::fprintf(stderr, "spectag: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
    return 1;
}
