#!/usr/bin/env bash
# Decode and decode+mel throughput on real music, next to `ffmpeg -f null` and torchaudio.
# usage: tests/bench/bench_frontend.sh [BUILD_DIR] [N_FILES]   (needs install-deps.sh --test)
set -euo pipefail
build=${1:-build}
n=${2:-12}
music=/usr/share/games/wesnoth/1.16/data/core/music
mapfile -t files < <(ls "$music"/*.ogg | sort | head -n "$n")
echo "== ${#files[@]} real OGG files from wesnoth-1.16-music; $(nproc) cores; $(date -u +%F)"
cat "${files[@]}" > /dev/null  # warm the page cache so every contender reads from memory

t0=$(date +%s.%N)
for f in "${files[@]}"; do ffmpeg -nostdin -v error -threads 1 -i "$f" -f null -; done
t1=$(date +%s.%N)
for f in "${files[@]}"; do ffmpeg -nostdin -v error -threads 1 -i "$f" -ac 1 -ar 16000 -f null -; done
t2=$(date +%s.%N)
audio=$(for f in "${files[@]}"; do ffprobe -v error -show_entries format=duration -of csv=p=0 "$f"; done | awk '{s+=$1} END {printf "%.1f", s}')
awk -v a="$audio" -v w="$(echo "$t1 - $t0" | bc)" 'BEGIN {printf "%-28s threads=1  audio=%8.1f s  wall=%7.2f s  speed=%7.1fx realtime\n", "ffmpeg -f null (decode)", a, w, a / w}'
awk -v a="$audio" -v w="$(echo "$t2 - $t1" | bc)" 'BEGIN {printf "%-28s threads=1  audio=%8.1f s  wall=%7.2f s  speed=%7.1fx realtime\n", "ffmpeg -f null (mono 16k)", a, w, a / w}'

"$build/tests/bench/bench_frontend" --threads "$(nproc)" "${files[@]}"
/usr/bin/python3 "$(dirname "$0")/torchaudio_frontend.py" "${files[@]}"
