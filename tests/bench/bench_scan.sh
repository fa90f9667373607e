#!/bin/bash
# Scan benchmark (not a CTest test: prints figures). Builds a library of 10,000+ files in /tmp from
# the wesnoth OGGs (hard links into many folders, plus MP3/FLAC/M4A transcodes of a few, copied
# many times), then times, in the same run:
#   spectag scan (first scan) / spectag scan (no-change rescan) / kid3-cli / python3-mutagen
# and prints files per second and peak RSS (/usr/bin/time -v, Debian package `time`).
# Usage: tests/bench/bench_scan.sh [path/to/spectag] [files]   (env BENCH_SCAN_KID3=0: no kid3-cli)
set -euo pipefail

SPECTAG=${1:-$(dirname "$0")/../../build/bin/spectag}
TARGET=${2:-10000}
MUSIC=/usr/share/games/wesnoth/1.16/data/core/music
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/spectag-bench-scan.XXXXXX)
trap 'pkill -P $$ 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -x "$SPECTAG" ] || { echo "no spectag binary at $SPECTAG" >&2; exit 2; }
[ -d "$MUSIC" ] || { echo "wesnoth-1.16-music is not installed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

LIB="$WORK/library"
mkdir -p "$LIB" "$WORK/seed"
mapfile -t OGGS < <(ls "$MUSIC"/*.ogg | sort)
# A few transcodes (30 s each) with tags, as the non-OGG part of the library.
for i in 0 1 2; do
  src=${OGGS[$i]}
  for ext in mp3 flac m4a; do
    ffmpeg -nostdin -v error -y -t 30 -i "$src" -map 0:a -metadata title="Seed $i" -metadata artist="Wesnoth" \
      -metadata mood=epic "$WORK/seed/seed$i.$ext"
  done
done
# Seeds live in $WORK so the library can hard-link them (same file system): 10,000 real copies
# would take tens of GB.
cp "${OGGS[@]}" "$WORK/seed/"
SEEDS=("$WORK"/seed/*)
n=0; dir=0
while [ $n -lt "$TARGET" ]; do
  d="$LIB/artist$((dir / 20))/album$dir"; mkdir -p "$d"
  for s in "${SEEDS[@]}"; do
    [ $n -ge "$TARGET" ] && break
    base=${s##*/}
    ln "$s" "$d/$n-$base"
    n=$((n + 1))
  done
  dir=$((dir + 1))
done
echo "library: $n files in $dir folders under $LIB ($(du -sh --apparent-size "$LIB" | cut -f1) apparent)"
sync

measure() {  # label command...
  local label=$1; shift
  local log="$WORK/time.log"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$WORK/out.txt" 2> "$log" || true
  end=$(date +%s.%N)
  local secs rss
  secs=$(echo "$end - $start" | bc -l)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$log")
  printf "%-28s %8.2f s  %9.0f files/s  peak RSS %6.1f MiB\n" "$label" "$secs" "$(echo "$n / $secs" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)"
  tail -n 1 "$WORK/out.txt" | sed 's/^/    /'
}

CAT="$WORK/catalog.sqlite"
# Warm the page cache once so every reader sees the same (hot) files.
cat "${SEEDS[@]}" > /dev/null
echo "--- $(nproc) cores"
measure "spectag scan (first)" "$SPECTAG" scan --catalog "$CAT" "$LIB"
measure "spectag scan (no change)" "$SPECTAG" scan --catalog "$CAT" "$LIB"
# Debian's python3 (python3-mutagen), not whatever python3 comes first on PATH.
measure "python3-mutagen" /usr/bin/python3 "$HERE/mutagen_scan.py" "$LIB"
# BENCH_SCAN_KID3=0 leaves kid3-cli out (it needs ~80 ms a file: 10,000 files take ~15 minutes).
if [ "${BENCH_SCAN_KID3:-1}" != 0 ] && command -v kid3-cli > /dev/null; then
  # kid3-cli takes many files per invocation: "select all" + "get" reads every file's tags.
  # (It costs ~1.7 s to start, so files go in chunks of 2,500, one process per core.)
  kid3() {
    find "$LIB" -type f -print0 | xargs -0 -n 2500 -P "$(nproc)" kid3-cli -c "select all" -c "get title" \
      -c "get artist" -c "get album" -c "get genre" > /dev/null 2>&1
    echo "kid3-cli: done"
  }
  export -f kid3; export LIB
  measure "kid3-cli" bash -c kid3
fi
