#!/usr/bin/python3
"""Throw-away exploration, not part of the product (session 20; findings in docs/results.md,
"Session 20"). Would the quadrant head do better as two smaller decisions? Russell's quadrants
are arousal (Q1, Q2 high; Q3, Q4 low) crossed with valence (Q1, Q4 positive; Q2, Q3 negative),
and the shipped model's errors are mostly Q3 sad against Q4 calm, i.e. valence at low arousal.
Compares, on the shipped level-2 statistics (explore_statistics.py: base + candidates), 10 folds
grouped by artist, seed 42:
  flat        one 4-way classifier (what ships);
  product     p(arousal) x p(valence), two binary classifiers on all clips;
  hierarchy   p(arousal) x p(quadrant | arousal), a valence specialist per arousal half;
  flat+hier   the mean of flat and hierarchy probabilities.

usage: tests/bench/explore_factorised.py CACHE.stfeat [SHARED]   (the 16 kHz / 96-mel cache)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

QUADS = np.array(["Q1", "Q2", "Q3", "Q4"])
HIGH = np.array([1, 1, 0, 0])      # arousal per quadrant
POSITIVE = np.array([1, 0, 0, 1])  # valence per quadrant
MODELS = {"logistic": lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)),
          "SVM": lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale", probability=True,
                                                                      random_state=0))}


def proba(make, X, y, Xt, classes):
    """Test probabilities in the order of classes."""
    m = make().fit(X, y)
    p = m.predict_proba(Xt)
    return p[:, [list(m.classes_).index(c) for c in classes]]


def predictors(make, X, q):
    idx = np.searchsorted(QUADS, q)

    def flat(tr, te):
        return proba(make, X[tr], q[tr], X[te], QUADS)

    def product(tr, te):
        pa = proba(make, X[tr], HIGH[idx[tr]], X[te], [0, 1])
        pv = proba(make, X[tr], POSITIVE[idx[tr]], X[te], [0, 1])
        return np.stack([pa[:, HIGH[k]] * pv[:, POSITIVE[k]] for k in range(4)], 1)

    def hierarchy(tr, te):
        pa = proba(make, X[tr], HIGH[idx[tr]], X[te], [0, 1])
        out = np.zeros((len(te), 4))
        for level, members in ((1, ["Q1", "Q2"]), (0, ["Q3", "Q4"])):
            sub = tr[HIGH[idx[tr]] == level]
            pq = proba(make, X[sub], q[sub], X[te], members)
            for j, name in enumerate(members):
                out[:, list(QUADS).index(name)] = pa[:, level] * pq[:, j]
        return out

    def both(tr, te):
        return (flat(tr, te) + hierarchy(tr, te)) / 2

    return {"flat": flat, "product": product, "hierarchy": hierarchy, "flat+hier": both}


def main(cache, shared):
    shared = os.path.realpath(shared)
    items, fps = es.load(cache)
    rows = [r for r in es.tasks(shared)["quadrant"] if r[0] in items]
    X = np.array([np.concatenate(es.segment_means(items[p], fps, (es.base, es.extra))) for p, _, _ in rows])
    q = np.array([r[1] for r in rows])
    g = np.array([r[2] for r in rows])
    for mname, make in MODELS.items():
        base = None
        for name, predict in predictors(make, X, q).items():
            acc, f1 = es.grouped_cv(X, q, g, lambda tr, te: QUADS[np.argmax(predict(tr, te), 1)])
            diff = "" if base is None else f"  paired diff {np.mean(acc - base):+.3f} ± {np.std(acc - base, ddof=1) / np.sqrt(len(acc)):.3f}"
            base = acc if base is None else base
            print(f"{mname:9s} {name:10s} quadrant acc {np.mean(acc):.3f} ± {np.std(acc, ddof=1):.3f} "
                  f"F1 {np.mean(f1):.3f}{diff}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
