#!/usr/bin/env bash
# Re-creates resources/models/spectag-default.stm with Spectag's own trainer and prints the
# held-out metrics recorded in MODEL_CARD.md. Needs a build (build/bin/spectag) and ../shared/data.
#   resources/models/make-default.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=${2:-$root/resources/models}
shared=${SPECTAG_SHARED:-$root/../shared}
bin=$build/bin/spectag
data=(--emotify "$shared/data/emotify/annotations.csv" --4q "$shared/data/4q/metadata.csv")
common=(--seed 42 --cache "${SPECTAG_FEATURE_CACHE:-$build/feature-cache}")
mkdir -p "$out"
# One backbone, three heads: Emotify genre (softmax) and GEMS moods (sigmoid on listener shares),
# 4Q quadrant (softmax). Each item only trains the heads its dataset labels (masked losses).
/usr/bin/time -f "training wall time: %e s, peak RSS %M KiB" \
  "$bin" train "${data[@]}" "${common[@]}" --arch spectag \
    --hp '{"channels":[16,24,48,64,96],"embedding":128}' \
    --epochs 14 --crops 2 --lr 0.002 --patience 5 \
    --log "$out/spectag-default.curves.json" --out "$out/spectag-default.stm"
"$bin" model info "$out/spectag-default.stm"
# Held-out test part (same seed and fractions as training: never seen, never used for tuning).
"$bin" evaluate "${data[@]}" "${common[@]}" --model "$out/spectag-default.stm" --split test
