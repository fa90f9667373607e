#!/usr/bin/env bash
# Training speed under Debian's reference BLAS against OpenBLAS (OpenMP build), same LibTorch:
# switches the libblas.so.3 alternative (root, both packages installed) and alternates the two,
# ROUNDS times, then restores automatic selection.
#   tests/bench/bench_blas.sh [BUILD_DIR] [ARCH...]      (ROUNDS=2, THREADS=2, STEPS=4)
set -euo pipefail
build=${1:-build}
shift $(( $# > 0 ? 1 : 0 ))
alt=libblas.so.3-x86_64-linux-gnu
libdir=/usr/lib/x86_64-linux-gnu
declare -A impl=([reference]=$libdir/blas/libblas.so.3 [openblas]=$libdir/openblas-openmp/libblas.so.3)
for f in "${impl[@]}"; do [ -e "$f" ] || { echo "missing $f (apt-get install libblas3 libopenblas0-openmp)" >&2; exit 2; }; done
trap 'update-alternatives --auto $alt' EXIT
for round in $(seq "${ROUNDS:-2}"); do
  for which in reference openblas; do
    update-alternatives --set $alt "${impl[$which]}" >/dev/null
    echo "== round $round: $which BLAS, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%FT%TZ)"
    "$build/tests/bench/bench_train" --threads "${THREADS:-2}" --steps "${STEPS:-4}" "$@"
  done
done
