#!/usr/bin/python3
"""Throw-away exploration, not part of the product: how much would the shipped statistics model
gain from more labelled items? The shipped model trains on 832 of the 1,040 items (80 %); after the
hold-out part's single evaluation, refitting on train + test would give it 936 (90 %). This
cross-validates the level-2 statistics (explore_statistics.py's descriptors) with 10 grouped folds
(seed 42) while keeping only a share of each training fold's groups (tracks / artists), so every
share is scored on the same test folds and the differences between shares are paired. A training
fold holds 9/10 of the items (936, no validation part here), so share 0.9 is about the shipped
model's 832 and share 1.0 what a refit on train + test would see.
Findings are in docs/results.md ("Session 19: learning curve"). Needs Debian's python3-sklearn.

usage: tests/bench/explore_learning_curve.py CACHE.stfeat [SHARED_DIR]   (the 16 kHz / 96-mel cache)
"""
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

import explore_statistics as es

SHARES = (0.6, 0.8, 0.9, 1.0)
REPEATS = 3  # random group subsets per share below 1, averaged


def subset(tr, groups, share, rng):
    """The training indices of a random `share` of the training fold's groups."""
    names = np.unique(groups[tr])
    keep = set(rng.choice(names, size=max(1, round(share * len(names))), replace=False))
    return np.array([i for i in tr if groups[i] in keep])


def main(cache, shared):
    shared = os.path.realpath(shared)
    items, fps = es.load(cache)
    data = es.tasks(shared)
    feats = {key: np.concatenate(es.segment_means(spec, fps, (es.base, es.extra))) for key, spec in items.items()}
    models = {"logistic C=0.03": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.03, max_iter=3000)),
              "SVM-RBF C=3": lambda: make_pipeline(StandardScaler(), SVC(C=3, gamma="scale"))}
    for mname, make in models.items():
        for task, rows in data.items():
            rows = [r for r in rows if r[0] in feats]
            X = np.array([feats[p] for p, _, _ in rows])
            y = np.array([r[1] for r in rows])
            g = np.array([r[2] for r in rows])
            per_share = {}
            for share in SHARES:
                runs = []
                for rep in range(1 if share == 1.0 else REPEATS):
                    rng = np.random.default_rng(1000 * rep + int(100 * share))
                    acc, _ = es.grouped_cv(X, y, g, lambda tr, te: (
                        lambda t: make().fit(X[t], y[t]).predict(X[te]))(subset(tr, g, share, rng)))
                    runs.append(acc)
                per_share[share] = np.mean(runs, 0)  # per-fold accuracy, averaged over repeats
            full = per_share[1.0]
            line = f"{mname:16s} {task:8s}"
            for share, acc in per_share.items():
                d = full - acc
                line += f"  {share:.1f}: {np.mean(acc):.3f}"
                if share < 1.0:
                    line += f" (1.0 - this {np.mean(d):+.3f} ± {np.std(d, ddof=1) / np.sqrt(len(d)):.3f})"
            print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
