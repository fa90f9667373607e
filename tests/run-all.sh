#!/usr/bin/env bash
# The whole test suite, from a fresh clone on Debian 12: installs what it needs (apt-get),
# builds everything (ccache + a precompiled Torch header keep rebuilds cheap) and runs CTest;
# then the reliability stages CI needs: the Torch-free core and its tests built with ASan + UBSan
# (.ci/sanitize) and each libFuzzer harness for 60 s (.ci/fuzz). The whole project under the
# sanitizers (.ci/sanitize --all) takes hours on 2 cores and stays a by-hand run.
# usage: tests/run-all.sh [BUILD_DIR]      SPECTAG_QUICK=1 skips the reliability stages
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bash packaging/install-deps.sh --test
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/spectag-ccache}
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Torch translation units need ~1.5 GB each: two jobs on 2 cores.
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j 2 --timeout 900
if [ "${SPECTAG_QUICK:-0}" != 1 ]; then
  .ci/sanitize
  .ci/fuzz "${SPECTAG_FUZZ_SECONDS:-60}"
fi
