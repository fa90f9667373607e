#!/usr/bin/python3
"""Throw-away exploration, not part of the product (session 21; findings in docs/results.md,
"Session 21"). Two more questions about the level-2 statistics (explore_statistics.py: base +
extra, per 6 s segment, hop 3 s), 10 folds grouped like Spectag's:
  spread   does the clip's variation over time help? Item vector = mean of the segment
           statistics (what ships) against mean + std, and mean + std + 10th/90th percentiles;
           logistic, SVM-RBF and shrinkage LDA.
  texture  rock against pop, sad against calm: harmonic/percussive split of the mel power
           (median filters along time and along frequency, soft mask) — per 8 bands the mean
           log harmonic and percussive energy and their difference (mean, std), the harmonic
           share, percussive onset rate — and spectral flatness in 6 sub-bands (48 values),
           alone and added to the shipped statistics, on split seeds 42, 0, 1.

usage: tests/bench/explore_texture.py CACHE.stfeat [SHARED]   (the 16 kHz / 96-mel cache)
"""
import os
import sys

import numpy as np
from scipy.ndimage import median_filter
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402


def texture(x, fps):
    p = 10 ** (x * 2 - 4)  # back from the explore scale (dB + 40) / 20 to power
    h, q = median_filter(p, size=(1, 17)), median_filter(p, size=(9, 1))
    mask = h ** 2 / (h ** 2 + q ** 2 + 1e-12)
    hb = np.log10((mask * p).reshape(8, -1, p.shape[1]).mean(1) + 1e-10)
    pb = np.log10(((1 - mask) * p).reshape(8, -1, p.shape[1]).mean(1) + 1e-10)
    share = (mask * p).sum(0) / (p.sum(0) + 1e-12)
    sub = p[: p.shape[0] // 6 * 6].reshape(6, -1, p.shape[1])
    flat = np.exp(np.log(sub + 1e-12).mean(1)) / (sub.mean(1) + 1e-12)
    on = np.maximum(np.diff(np.log10(((1 - mask) * p).sum(0) + 1e-10)), 0)
    return np.concatenate([hb.mean(1), pb.mean(1), (hb - pb).mean(1), (hb - pb).std(1),
                           [share.mean(), share.std(), on.mean(), (on > 0.1).mean()], flat.mean(1), flat.std(1)])


def per_segment(spec, fps, funcs):
    s = (np.maximum(spec, -100) + 40) / 20
    seg, hop = int(6 * fps), int(3 * fps)
    return np.array([np.concatenate([f(s[:, i:i + seg], fps) for f in funcs])
                     for i in range(0, max(1, s.shape[1] - seg + 1), hop)])


def cv(X, y, g, make, seed):
    folds = StratifiedGroupKFold(10, shuffle=True, random_state=seed).split(X, y, g)
    return np.mean([np.mean(make().fit(X[tr], y[tr]).predict(X[te]) == y[te]) for tr, te in folds])


def main(cache, shared):
    items, fps = es.load(cache)
    stats = {k: per_segment(v, fps, (es.base, es.extra)) for k, v in items.items()}
    tex = {k: per_segment(v, fps, (texture,)).mean(0) for k, v in items.items()}
    data = es.tasks(os.path.realpath(shared))
    models = {"logistic": lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)),
              "SVM": lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale")),
              "LDA": lambda: es.make_pipeline(es.StandardScaler(), LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto"))}
    runs = [("spread", 42, "mean", lambda k: stats[k].mean(0)),
            ("spread", 42, "mean+std", lambda k: np.concatenate([stats[k].mean(0), stats[k].std(0)])),
            ("spread", 42, "mean+std+p10/p90", lambda k: np.concatenate([stats[k].mean(0), stats[k].std(0),
                                                                         *np.percentile(stats[k], [10, 90], 0)]))]
    for seed in (42, 0, 1):
        runs += [("texture", seed, "shipped", lambda k: stats[k].mean(0)),
                 ("texture", seed, "+ texture", lambda k: np.concatenate([stats[k].mean(0), tex[k]])),
                 ("texture", seed, "texture only", lambda k: tex[k])]
    for question, seed, name, vec in runs:
        for mname, make in models.items():
            if question == "texture" and mname == "LDA":
                continue
            line = f"{question:8s} seed {seed:2d} {name:17s} {mname:9s}"
            for task, rows in data.items():
                rows = [r for r in rows if r[0] in stats]
                X = np.array([vec(p) for p, _, _ in rows])
                line += f"  {task} {cv(X, np.array([r[1] for r in rows]), np.array([r[2] for r in rows]), make, seed):.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
