#!/usr/bin/env bash
# Training samples/second per architecture: Spectag's C++ loop next to Debian's python3-torch on
# the same networks, batch and thread count. usage: tests/bench/bench_train.sh [BUILD_DIR] [THREADS]
set -euo pipefail
build=${1:-build}
threads=${2:-$(nproc)}
echo "== training speed, batch 32, $threads threads, $(date -u +%F)"
"$build/tests/bench/bench_train" --threads "$threads" --steps 10
/usr/bin/python3 "$(dirname "$0")/train_speed.py" --threads "$threads" --steps 10
