#!/usr/bin/env bash
# The seed papers' architectures through the shipped model's joint protocol (docs/results.md,
# "Cross-validation"): Emotify genre + GEMS moods and 4Q quadrants, one backbone with three heads,
# 10 folds grouped by track / artist, stratified on genre, seed 42, each architecture with its own
# front end. Then the tables of every finished report (tests/bench/cv_table.py).
#
#   tests/bench/cv_architectures.sh [BUILD_DIR] [ARCH...]   (default: the five research architectures)
#
# Hours per architecture on 2 cores, so runs are resumable: every finished fold leaves a record in
# docs/cv/runs/ARCH-joint/fold-N.json (committed; the fold models next to them are not) and
# `--resume` reads back those whose settings and items match; the fold that was cut off continues
# from its last finished epoch (fold-N.checkpoint.stm + .state, not committed). Stop at any time;
# run again to go on.
# Settings: 15 epochs, 2 random crops per item and epoch, last epoch kept — lighter than the
# shipped model's 20 epochs x 8 crops, for time; velankar2021crnn's published row used the same.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
shift $(( $# > 0 ? 1 : 0 ))
archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(cerutti2021 liu2017 velankar2021parallel holst2021 velankar2021crnn)
shared=${SPECTAG_SHARED:-$root/../shared}
bin=$build/bin/spectag
[ -x "$bin" ] || { echo "build $bin first" >&2; exit 2; }
for arch in "${archs[@]}"; do
  echo "== $arch"
  nice -n 10 "$bin" train --emotify "$shared/data/emotify/annotations.csv" --4q "$shared/data/4q/metadata.csv" \
    --seed 42 --threads "${THREADS:-2}" --arch "$arch" --epochs 15 --crops 2 --keep last --folds 10 \
    --cache "${SPECTAG_FEATURE_CACHE:-$build/feature-cache}" \
    --out "$root/docs/cv/runs/$arch-joint" --resume --report "$root/docs/cv/$arch-joint.json"
done
for arch in "${archs[@]}"; do
  [ -f "$root/docs/cv/$arch-joint.json" ] && python3 "$root/tests/bench/cv_table.py" "$root/docs/cv/$arch-joint.json" --confusion
done
