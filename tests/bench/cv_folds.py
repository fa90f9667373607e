#!/usr/bin/env python3
"""Fold-by-fold comparison of an unfinished cross-validation run with a finished reference report.

usage: tests/bench/cv_folds.py RUN_DIR REFERENCE.json

RUN_DIR holds the per-fold records `spectag train --folds K --resume --out RUN_DIR` writes
(fold-N.json); REFERENCE.json is a finished `--report` on the same folds (same seed, items and
grouping, e.g. docs/cv/spectag-default.json). Prints one Markdown row per finished fold, "run /
reference" in each cell, and the mean of those folds, so a run that takes several sessions can be
followed on the results page before its own report exists. Only folds both sides have are printed;
a fold whose test items differ between the two is refused, since it would compare different music.
"""
import glob
import json
import os
import re
import sys

COLUMNS = [("genre", "accuracy"), ("genre", "macro_f1"), ("quadrant", "accuracy"),
           ("quadrant", "macro_f1"), ("mood", "macro_auc")]
HEADER = ["genre acc", "genre macro-F1", "quadrant acc", "quadrant macro-F1", "GEMS ROC-AUC"]


def metric(record, head, key):
    value = record.get("metrics", {}).get(head, {}).get(key)
    return float(value) if value is not None else None


def main(run_dir, reference_path):
    with open(reference_path, encoding="utf-8") as f:
        reference = {int(fold["fold"]): fold for fold in json.load(f)["folds"]}
    runs = {}
    for path in glob.glob(os.path.join(run_dir, "fold-*.json")):
        m = re.search(r"fold-(\d+)\.json$", path)
        with open(path, encoding="utf-8") as f:
            runs[int(m.group(1))] = json.load(f)
    folds = sorted(n for n in runs if n in reference)
    if not folds:
        sys.exit(f"no fold of {run_dir} is in {reference_path}")
    for n in folds:
        a, b = runs[n].get("test_paths"), reference[n].get("test_paths")
        if a and b and sorted(os.path.basename(os.path.dirname(p)) + "/" + os.path.basename(p) for p in a) != \
                sorted(os.path.basename(os.path.dirname(p)) + "/" + os.path.basename(p) for p in b):
            sys.exit(f"fold {n}: the two runs tested different items")
    print("| fold | time | " + " | ".join(HEADER) + " |")
    print("|---" * (len(HEADER) + 2) + "|")
    sums = [[0.0, 0.0, 0] for _ in COLUMNS]
    for n in folds:
        cells = []
        for i, (head, key) in enumerate(COLUMNS):
            x, y = metric(runs[n], head, key), metric(reference[n], head, key)
            if x is None or y is None:
                cells.append("—")
                continue
            sums[i][0] += x
            sums[i][1] += y
            sums[i][2] += 1
            cells.append(f"{x:.3f} / {y:.3f}")
        print(f"| {n} | {runs[n].get('seconds', 0):.0f} s | " + " | ".join(cells) + " |")
    means = [f"{s[0] / s[2]:.3f} / {s[1] / s[2]:.3f}" if s[2] else "—" for s in sums]
    print(f"| mean of {len(folds)} | | " + " | ".join(means) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
