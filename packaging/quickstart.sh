#!/usr/bin/env bash
# A newcomer's first command: dependencies, build, then Spectag's main job on real music.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh --test
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/spectag-ccache}
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"
music=/usr/share/games/wesnoth/1.16/data/core/music
# The main job on real music: catalog the folder, then predict mood, genre and valence/arousal
# quadrant of every track with the shipped default model (resources/models/spectag-default.stm).
build/bin/spectag scan "$music" --catalog build/quickstart-catalog.sqlite
build/bin/spectag analyze "$music"
first=$(ls "$music"/*.ogg | head -n 1)
build/bin/spectag mel "$first" --max-seconds 60 --png build/first-song.png
echo "Spectrogram of $(basename "$first") written to build/first-song.png"
echo "Start the desktop app with: build/bin/spectag"
