#include "cli/cli.h"

namespace spectag::cli {

std::vector<Verb> allVerbs()
{
    std::vector<Verb> v;
    addDecodeVerb(v);
    addMelVerb(v);
    addScanVerbs(v);
    addTagVerbs(v);
    addModelVerbs(v);
    addTrainingVerbs(v);
    addPlaylistVerbs(v);
    return v;
}

} // namespace spectag::cli
