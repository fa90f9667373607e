#!/usr/bin/env bash
# Installs everything Spectag needs to build, run and test, from Debian 12 packages only.
#   packaging/install-deps.sh          build + runtime deps
#   packaging/install-deps.sh --test   also the reference tools and real music used by tests/benchmarks
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

BUILD=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-charts-dev libqt6opengl6-dev
  libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6svg6 qt6-qpa-plugins
  libtorch-dev libtag1-dev libsqlite3-dev
  # Debian's LibTorch links libblas.so.3, which is the slow reference BLAS unless an optimised one
  # provides it; OpenBLAS (OpenMP build, like LibTorch) trains the recurrent models 1.3-4x faster.
  libopenblas0-openmp
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev
  libfftw3-dev
  # libsvm fits the kernel side classifier of spectag models (core/model/kernelclassifier.h).
  libsvm-dev
  libqcustomplot-dev
  # Qt Multimedia plays through GStreamer; without its base plugins Qt 6.4 crashes creating a player.
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # rsvg-convert renders the PNG icons from resources/icons/spectag.svg at build time.
  librsvg2-bin
)
TEST=(
  ffmpeg python3 python3-numpy python3-torch python3-torchaudio python3-sklearn
  python3-mutagen kid3-cli sqlite3 time bc xvfb xauth
  wesnoth-1.16-music fb-music-high
  # tests/packaging/test_deb.sh: validators for the packaged desktop entry and metainfo.
  desktop-file-utils appstream
  # tests/playlists: xmllint validates exported XSPF against the XSPF v1 RELAX NG schema.
  libxml2-utils
  # .ci/fuzz: clang with libFuzzer (the runtime archives are in libclang-rt-14-dev).
  clang libclang-rt-14-dev
)
PKGS=("${BUILD[@]}")
if [ "${1:-}" = "--test" ]; then PKGS+=("${TEST[@]}"); fi

# Skip apt entirely when everything is already there (fast re-runs on a developer machine).
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
