#!/bin/bash
# GUI benchmarks (not CTest tests: they print figures).
#  1. bench_gui: live-spectrogram frame time of the track view following a playhead at 60 fps.
#  2. bench_guistall: GUI event-loop gaps while the main window scans a 10,000-file library and then
#     analyses it with the default model, with a simulated user clicking rows.
# The library: 123 distinct 20-second clips of the wesnoth OGGs (stream copies, three offsets per
# track), hard-linked into 10,000 files in 500 folders. Duplicates of a clip are analysed once and
# answered from the catalog's cache after that, as in a real library with copies.
# Usage: tests/bench/bench_gui.sh [build dir] [files] [analysis seconds]   (QT_QPA_PLATFORM defaults to offscreen)
set -euo pipefail
BUILD=${1:-$(dirname "$0")/../../build}
TARGET=${2:-10000}
SECONDS_ANALYSIS=${3:-240}
MUSIC=/usr/share/games/wesnoth/1.16/data/core/music
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
[ -x "$BUILD/tests/bench/bench_gui" ] && [ -x "$BUILD/tests/bench/bench_guistall" ] || { echo "build bench_gui and bench_guistall first" >&2; exit 2; }
[ -d "$MUSIC" ] || { echo "wesnoth-1.16-music is not installed" >&2; exit 2; }
WORK=$(mktemp -d /tmp/spectag-bench-gui.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "== live spectrogram (bench_gui)"
"$BUILD/tests/bench/bench_gui"

mkdir -p "$WORK/seed" "$WORK/library"
for f in "$MUSIC"/*.ogg; do
  base=$(basename "$f" .ogg)
  for start in 0 40 80; do
    ffmpeg -nostdin -v error -y -ss "$start" -t 20 -i "$f" -map 0:a -c:a copy "$WORK/seed/$base-$start.ogg" || true
  done
done
find "$WORK/seed" -size 0 -delete
SEEDS=("$WORK"/seed/*.ogg)
n=0; dir=0
while [ $n -lt "$TARGET" ]; do
  d="$WORK/library/artist$((dir / 20))/album$dir"; mkdir -p "$d"
  for i in $(seq 0 19); do
    [ $n -ge "$TARGET" ] && break
    s=${SEEDS[$((n % ${#SEEDS[@]}))]}
    ln "$s" "$d/$n-$(basename "$s")"
    n=$((n + 1))
  done
  dir=$((dir + 1))
done
echo "== event-loop gaps (bench_guistall): $n files from ${#SEEDS[@]} distinct clips, $(nproc) cores"
"$BUILD/tests/bench/bench_guistall" "$WORK/library" "$SECONDS_ANALYSIS"
