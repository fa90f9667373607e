#!/usr/bin/env bash
# Re-creates resources/models/spectag-default.stm with Spectag's own trainer and prints the
# held-out metrics recorded in MODEL_CARD.md. Needs a build (build/bin/spectag) and ../shared/data.
#   resources/models/make-default.sh [BUILD_DIR] [OUT_DIR]
#   CV=1 resources/models/make-default.sh   # the 10-fold cross-validation behind the choice instead
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=${2:-$root/resources/models}
shared=${SPECTAG_SHARED:-$root/../shared}
bin=$build/bin/spectag
data=(--emotify "$shared/data/emotify/annotations.csv" --4q "$shared/data/4q/metadata.csv")
common=(--seed 42 --cache "${SPECTAG_FEATURE_CACHE:-$build/feature-cache}")
# One backbone, three heads: Emotify genre (softmax) and GEMS moods (sigmoid on listener shares),
# 4Q quadrant (softmax). Each item only trains the heads its dataset labels (masked losses).
# The spectag architecture with its level-2 statistics branch (per-band mean, spread, change and
# modulation spectrum of 6 s segments, plus cepstral spread and covariance, band percentiles,
# loudness dynamics, spectral contrast and onset periodicity) and its CNN branch off: the
# configuration that cross-validated best (docs/results.md, "Spectag v2", sessions 8 and 17).
# Level 1 ("stats":1) was the default up to session 16. Since session 22 a Fisher-vector genre
# branch ("fv":32: a 32-component mixture over short-time cepstra, its own linear classifier,
# averaged with the network's genre probabilities) sits beside it (docs/results.md, "Session 22").
config=(--arch spectag --hp '{"cnn":0,"stats":2,"embed_dropout":0.3,"dropout":0.2,"fv":32}' --segment 6
        --epochs 20 --crops 8 --lr 0.001 --masks 0 --keep last --threads 2)
mkdir -p "$out"
if [ "${CV:-0}" = 1 ]; then
  "$bin" train "${data[@]}" "${common[@]}" "${config[@]}" --folds 10 --report "$out/spectag-default.cv.json"
  exit
fi
/usr/bin/time -f "training wall time: %e s, peak RSS %M KiB" \
  "$bin" train "${data[@]}" "${common[@]}" "${config[@]}" \
    --log "$out/spectag-default.curves.json" --out "$out/spectag-default.stm"
"$bin" model info "$out/spectag-default.stm"
# Held-out test part (same seed and fractions as training: never seen, never used for tuning).
"$bin" evaluate "${data[@]}" "${common[@]}" --model "$out/spectag-default.stm" --split test
