#!/usr/bin/python3
"""Throw-away exploration, not part of the product: can the quadrant head learn more from what the
labelled data already holds? Two questions, both on the shipped statistics plus session 8's
candidates (explore_statistics.py), SVM / logistic, 4Q's 10 artist-grouped folds, seed 42:
  1. 4Q's `quadrant_share` (how many of a clip's AllMusic mood words fall in its quadrant): weight
     training clips by it, or drop the ambiguous ones from training (tests keep every clip).
  2. Emotify's 320 excerpts as extra quadrant examples, their quadrant derived from the GEMS
     votes (amazement, joyful activation, power -> Q1; tension -> Q2; sadness, nostalgia -> Q3;
     solemnity, tenderness, calmness -> Q4), kept when the winning quadrant has a given share.
Findings: docs/results.md ("Session 9"). usage: tests/bench/explore_quadrant.py CACHE.stfeat [SHARED_DIR]
"""
import collections
import csv
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

GEMS_QUADRANT = {"amazement": "Q1", "joyful_activation": "Q1", "power": "Q1", "tension": "Q2",
                 "sadness": "Q3", "nostalgia": "Q3", "solemnity": "Q4", "tenderness": "Q4", "calmness": "Q4"}
MODELS = {"SVM-RBF C=3": lambda: make_pipeline(StandardScaler(), SVC(C=3, gamma="scale")),
          "logistic C=0.03": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.03, max_iter=3000))}


def main(cache, shared):
    shared = os.path.realpath(shared)  # the cache keys items by canonical path
    items, fps = es.load(cache)

    def feat(path):
        return np.concatenate(es.segment_means(items[path], fps, (es.base, es.extra)))

    rows = [r for r in csv.DictReader(open(f"{shared}/data/4q/metadata.csv")) if f"{shared}/data/4q/{r['file']}" in items]
    X = np.array([feat(f"{shared}/data/4q/{r['file']}") for r in rows])
    y = np.array([r["quadrant"] for r in rows])
    groups = np.array([r["artist"] for r in rows])
    share = np.array([float(r["quadrant_share"]) for r in rows])

    votes = collections.defaultdict(collections.Counter)
    for r in csv.DictReader(open(f"{shared}/data/emotify/annotations.csv")):
        for emotion, q in GEMS_QUADRANT.items():
            votes[r["file"]][q] += int(r[emotion])
    emo = [(f, *c.most_common(1)[0], sum(c.values())) for f, c in votes.items() if sum(c.values()) and f"{shared}/data/emotify/{f}" in items]
    EX = np.array([feat(f"{shared}/data/emotify/{f}") for f, _, _, _ in emo])
    Ey = np.array([q for _, q, _, _ in emo])
    Eshare = np.array([v / t for _, _, v, t in emo])
    print(f"Emotify as quadrants: {dict(collections.Counter(Ey))}")

    def run(name, make, weight=None, keep=None, extra=None):
        acc, f1 = [], []
        for tr, te in StratifiedGroupKFold(10, shuffle=True, random_state=42).split(X, y, groups):
            if keep is not None:
                tr = tr[share[tr] >= keep]
            Xt, yt, kw = X[tr], y[tr], {}
            if weight is not None:
                kw = {make().steps[-1][0] + "__sample_weight": share[tr] ** weight}
            if extra is not None:
                k = Eshare >= extra
                Xt, yt = np.vstack([Xt, EX[k]]), np.concatenate([yt, Ey[k]])
            pred = make().fit(Xt, yt, **kw).predict(X[te])
            acc.append(accuracy_score(y[te], pred))
            f1.append(f1_score(y[te], pred, average="macro"))
        print(f"{name:44s} acc {np.mean(acc):.3f} ± {np.std(acc, ddof=1):.3f}  F1 {np.mean(f1):.3f}", flush=True)

    for mname, make in MODELS.items():
        run(mname, make)
        for p in (1, 2):
            run(f"{mname}, weighted by share^{p}", make, weight=p)
        for k in (0.5, 0.6):
            run(f"{mname}, train on share >= {k}", make, keep=k)
        for e in (0.0, 0.4, 0.5):
            run(f"{mname}, + Emotify with winning share >= {e}", make, extra=e)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
