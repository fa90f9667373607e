#pragma once

#include "dsp/melspectrogram.h"

#include <QString>
#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <atomic>
#include <functional>
#include <initializer_list>
#include <vector>

namespace spectag::cli {

// What the headless verbs need from layers above core (core has no QtGui): main() fills these.
struct Hooks {
    // Writes a spectrogram picture (PNG); returns an error text or an empty string.
    std::function<QString(const Spectrogram &, const FrontEnd &, const QString &path)> writeSpectrogramImage;
};

struct Context {
    QTextStream &out;
    QTextStream &err;
    Hooks hooks;
    std::atomic_bool cancel{false};
};

struct Verb {
    QString name;
    QString summary;
    std::function<int(Context &, const QStringList &args)> run;  // args[0] is the verb
};

// Exit codes shared by every verb, documented in --help and the man page.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, PartialFailure = 3, Cancelled = 130 };

// True when argv asks for the command line (a verb, --help or --version, a mistake to report)
// rather than the GUI; only existing files and folders, or the app's own options, open the GUI.
bool isCliInvocation(const QStringList &args, const std::vector<Verb> &verbs);
int run(const QStringList &args, const Hooks &hooks, const std::vector<Verb> &verbs);

// The verbs that need no LibTorch (spectag_cli): decode, scan. The `spectag` launcher
// runs these itself and hands everything else to spectag-app (app/launcher.cpp says why).
std::vector<Verb> torchFreeVerbs();
// Every verb in --help order (spectag_cli_full): the ones above plus mel, tag, tags, undo,
// analyze, model, train, evaluate, playlist (its mood trajectories read model outputs).
std::vector<Verb> allVerbs();

// Adds --help, sets the description and parses a verb's arguments (args[0] is the verb). False
// when the verb should stop: a parse error (reported on err) or --help (printed on out); the
// caller tells them apart with p.isSet("help").
bool parseVerbArgs(Context &ctx, QCommandLineParser &p, const QStringList &args, const QString &description);
QString globalHelp(const std::vector<Verb> &verbs);

// A numeric option's allowed range. checkNumbers() reports the first value that is not a number,
// not whole where it must be, or out of range ("--batch needs a whole number within 1..65536")
// and returns false, so a verb refuses bad numbers before any work instead of reading them as 0.
struct NumberRule {
    const char *option;
    double min;
    double max;
    bool whole = true;
};
bool checkNumbers(Context &ctx, const QCommandLineParser &p, std::initializer_list<NumberRule> rules);

// Registration, one function per area (explicit calls: static registrars in static libs are
// dropped by the linker).
void addDecodeVerb(std::vector<Verb> &verbs);     // audioverbs.cpp: decode
void addMelVerb(std::vector<Verb> &verbs);        // audioverbs.cpp: mel
void addScanVerbs(std::vector<Verb> &verbs);      // scanverbs.cpp: scan
void addTagVerbs(std::vector<Verb> &verbs);       // tagverbs.cpp: tag, undo
void addModelVerbs(std::vector<Verb> &verbs);     // modelverbs.cpp: analyze, model
void addTrainingVerbs(std::vector<Verb> &verbs);  // trainingverbs.cpp: train, evaluate
void addPlaylistVerbs(std::vector<Verb> &verbs);  // playlistverbs.cpp: playlist

} // namespace spectag::cli
