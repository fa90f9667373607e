#!/bin/sh
# Re-extracts every tr() string of the sources into the translation catalogues (lupdate).
#   translations/update.sh [TS_DIR]        (default: translations/ itself)
# New strings arrive "unfinished", strings gone from the code are dropped (-no-obsolete), and no
# file/line locations are written, so the .ts files change only when the texts do (branches that
# each add a few strings then merge cleanly). tests/ui/tst_translations runs this very script on
# copies of the catalogues, so the build and the check can never extract differently.
# LUPDATE overrides the tool (the CMake target update_translations passes Qt's own).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ts_dir=${1:-$root/translations}
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
  for c in /usr/lib/qt6/bin/lupdate lupdate-qt6 lupdate; do
    if command -v "$c" >/dev/null 2>&1; then lupdate=$c; break; fi
  done
fi
[ -n "$lupdate" ] || { echo "update.sh: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 1; }

cd "$root"
# Every folder whose code can show text: core's models feed the views, so core counts too.
sources="ui app core"
# Full catalogues: one per language in this list.
for lang in de fr; do
  "$lupdate" -silent $sources -ts "$ts_dir/spectag_$lang.ts" -no-obsolete -locations none
done
# English is the source language; its catalogue only holds the plural forms ("1 track", "2 tracks").
"$lupdate" -silent $sources -ts "$ts_dir/spectag_en.ts" -pluralonly -no-obsolete -locations none
