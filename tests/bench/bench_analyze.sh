#!/usr/bin/env bash
# `spectag analyze` throughput per architecture (random-initialised models from `model init`) on
# real music, next to `ffmpeg -f null` decoding of the same files, with peak RSS.
# usage: tests/bench/bench_analyze.sh [BUILD_DIR] [N_FILES] [ARCH...]   (ARCH "default" = the shipped model)
# needs: packaging/install-deps.sh --test (wesnoth-1.16-music, ffmpeg) and /usr/bin/time (Debian `time`)
set -euo pipefail
build=${1:-build}
n=${2:-8}
shift $(( $# > 2 ? 2 : $# ))
archs=("$@")
if [ ${#archs[@]} -eq 0 ]; then
  archs=(default spectag liu2017 holst2021 cerutti2021 velankar2021crnn velankar2021parallel)
fi
spectag="$build/bin/spectag"
[ -x "$spectag" ] || spectag=$(find "$build" -maxdepth 3 -type f -name spectag -perm -u+x | head -n1)
music=/usr/share/games/wesnoth/1.16/data/core/music
mapfile -t files < <(ls "$music"/*.ogg | sort | head -n "$n")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== ${#files[@]} real OGG files from wesnoth-1.16-music; $(nproc) cores; $(date -u +%F); $spectag"
cat "${files[@]}" > /dev/null  # warm the page cache

audio=$(for f in "${files[@]}"; do ffprobe -v error -show_entries format=duration -of csv=p=0 "$f"; done | awk '{s+=$1} END {printf "%.1f", s}')
t0=$(date +%s.%N)
for f in "${files[@]}"; do ffmpeg -nostdin -v error -threads 1 -i "$f" -ac 1 -ar 16000 -f null -; done
t1=$(date +%s.%N)
awk -v a="$audio" -v w="$(echo "$t1 - $t0" | bc)" -v n="${#files[@]}" \
  'BEGIN {printf "%-22s audio=%7.1f s  wall=%7.2f s  %8.1f tracks/min  %7.1f audio-s/s\n", "ffmpeg -f null", a, w, n * 60 / w, a / w}'

for arch in "${archs[@]}"; do
  model="$tmp/$arch.stm"
  # "default" is the shipped, trained model (resources/models); the others are random-initialised
  # with their architecture's default hyperparameters (same cost as trained weights).
  if [ "$arch" = default ]; then
    model="$(dirname "$0")/../../resources/models/spectag-default.stm"
  else
  "$spectag" model init --arch "$arch" --heads "genre:single:blues,classical,country,disco,hiphop,jazz,metal,pop,reggae,rock;mood:multi:happy,sad,calm,angry,tender,energetic" --out "$model" > /dev/null
  fi
  params=$("$spectag" model info "$model" | awk '/parameters:/ {print $2}')
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tmp/time.txt" "$spectag" analyze --model "$model" --device cpu --json "${files[@]}" > "$tmp/out.jsonl"
  t1=$(date +%s.%N)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); printf "%.0f", $2 / 1024}' "$tmp/time.txt")
  ok=$(grep -c '"model"' "$tmp/out.jsonl" || true)
  awk -v a="$audio" -v w="$(echo "$t1 - $t0" | bc)" -v n="$ok" -v arch="$arch" -v p="$params" -v r="$rss" \
    'BEGIN {printf "%-22s audio=%7.1f s  wall=%7.2f s  %8.1f tracks/min  %7.1f audio-s/s  params=%9d  peak RSS=%5d MiB\n", "analyze " arch, a, w, n * 60 / w, a / w, p, r}'
done
