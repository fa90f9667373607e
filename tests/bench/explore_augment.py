#!/usr/bin/python3
"""Throw-away exploration, not part of the product (session 18; findings in docs/results.md,
"Session 18"). Would pitch or tempo augmentation of the training clips lift genre or quadrant
accuracy? Reads the 16 kHz / 96-mel spectrograms `spectag train` cached, computes the shipped
level-2 statistics (explore_statistics.py: base + candidates) per 6 s segment averaged per item, and
adds to each training fold copies of its items whose log-mel is shifted by +-1 or +-2 mel bands
(about +-0.8 and +-1.5 semitones around 1 kHz; the edge band repeated) or resampled in time by
0.9 / 1.1 (tempo +-10 %). Test items are never augmented. 10 folds grouped like Spectag's, seed 42.

usage: tests/bench/explore_augment.py CACHE.stfeat [SHARED]
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

MODELS = {"logistic": lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)),
          "SVM": lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale"))}


def shift(spec, k):
    if k == 0:
        return spec
    out = np.roll(spec, k, axis=0)
    if k > 0:
        out[:k] = spec[:1]
    else:
        out[k:] = spec[-1:]
    return out


def stretch(spec, r):
    t = spec.shape[1]
    n = int(round(t / r))
    src = np.linspace(0, t - 1, n)
    lo = np.floor(src).astype(int)
    hi = np.minimum(lo + 1, t - 1)
    w = src - lo
    return spec[:, lo] * (1 - w) + spec[:, hi] * w


VARIANTS = {"shift-2": lambda s: shift(s, -2), "shift-1": lambda s: shift(s, -1), "shift+1": lambda s: shift(s, 1),
            "shift+2": lambda s: shift(s, 2), "tempo0.9": lambda s: stretch(s, 0.9), "tempo1.1": lambda s: stretch(s, 1.1)}
PLANS = {"none": [], "pitch +-1": ["shift-1", "shift+1"], "pitch +-1,2": ["shift-2", "shift-1", "shift+1", "shift+2"],
         "tempo +-10%": ["tempo0.9", "tempo1.1"], "pitch +-1 and tempo": ["shift-1", "shift+1", "tempo0.9", "tempo1.1"]}


def feats(spec, fps):
    return np.concatenate(es.segment_means(spec, fps, (es.base, es.extra)))


def main(cache, shared):
    shared = os.path.realpath(shared)
    items, fps = es.load(cache)
    data = es.tasks(shared)
    needed = {p for rows in data.values() for p, _, _ in rows if p in items}
    F = {name: {} for name in ["orig"] + list(VARIANTS)}
    for i, p in enumerate(sorted(needed)):
        F["orig"][p] = feats(items[p], fps)
        for name, f in VARIANTS.items():
            F[name][p] = feats(f(items[p]), fps)
        if i % 100 == 0:
            print(f"features {i}/{len(needed)}", file=sys.stderr, flush=True)
    for plan, extra in PLANS.items():
        for mname, make in MODELS.items():
            line = f"{plan:20s} {mname:9s}"
            for task, rows in data.items():
                rows = [r for r in rows if r[0] in needed]
                paths = np.array([r[0] for r in rows])
                y = np.array([r[1] for r in rows])
                g = np.array([r[2] for r in rows])
                X = np.array([F["orig"][p] for p in paths])

                def predict(tr, te):
                    Xtr = np.concatenate([X[tr]] + [np.array([F[v][p] for p in paths[tr]]) for v in extra])
                    return make().fit(Xtr, np.concatenate([y[tr]] * (1 + len(extra)))).predict(X[te])
                acc, f1 = es.grouped_cv(X, y, g, predict)
                line += f"  {task} acc {np.mean(acc):.3f} F1 {np.mean(f1):.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
