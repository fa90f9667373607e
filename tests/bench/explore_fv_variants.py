#!/usr/bin/python3
"""Throw-away exploration, not part of the product: which Fisher-vector variants add accuracy on
top of the one shipped in session 22 (20 cepstra + deltas over 0.128 s windows, 32 components,
late-fused with the statistics' logistic model)? explore_bof.py holds the encoding; this script
only varies the window features and the mixture size and fuses several vectors.

Variants (every one a diagonal GMM fitted per fold on the TRAINING clips' windows only):
  c20p8     the shipped frames: 20 cepstra mean-pooled over 8 frames (0.128 s) + deltas, K=32
  c20p32    the same over 32 frames (0.512 s): slower timbre change, rhythm-scale texture
  c40p8     40 cepstra + deltas: finer spectral envelope (pitch-related detail for voice)
  c20p8sd   20 cepstra mean + their spread inside the window + deltas (within-window roughness)
  c20p8k64  the shipped frames, 64 components
Each variant's logistic model (C=0.03 on the normalised vector) gives test-fold probabilities,
cached in /tmp/x/fvvar-<task>-s<seed>.npz; the report fuses them with the statistics' logistic
model (probabilities averaged) and compares every fusion with the shipped one (L + c20p8), paired
over the 10 folds.

usage: tests/bench/explore_fv_variants.py CACHE.stfeat SHARED [--seeds 42,0,1] [--tasks genre]
       tests/bench/explore_fv_variants.py --report [--seeds 42,0,1] [--tasks genre]
"""
import itertools
import os
import sys

import numpy as np
from scipy.fft import dct
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_bof as eb  # noqa: E402
import explore_statistics as es  # noqa: E402


def frames(spec, ncep=20, pool=8, spread=False):
    s = (np.maximum(spec, -100) + 40) / 20
    mf = dct(s, axis=0, norm="ortho")[:ncep]
    n = mf.shape[1] // pool
    blocks = mf[:, :n * pool].reshape(ncep, n, pool)
    p = blocks.mean(2).T
    q = np.pad(p, ((1, 1), (0, 0)), mode="edge")
    parts = [p, (q[2:] - q[:-2]) / 2]
    if spread:
        parts.insert(1, blocks.std(2).T)
    return np.hstack(parts).astype(np.float32)


VARIANTS = {
    "c20p8": (dict(), 32),
    "c20p32": (dict(pool=32), 32),
    "c40p8": (dict(ncep=40), 32),
    "c20p8sd": (dict(spread=True), 32),
    "c20p8k64": (dict(), 64),
}


def fv(fr, tr, K, seed):
    """Normalised improved Fisher vectors (explore_bof.encode works for any window dimension)."""
    return eb.encode(fr, tr, K, seed)[1]


def run(cache, shared, seeds, tasks):
    shared = os.path.realpath(shared)
    data = es.tasks(shared)
    items, fps = es.load(cache)
    stats = eb.statistics(items, fps, cache)  # cached in /tmp/x after the first run
    need = {r[0] for t in tasks for r in data[t]}
    specs = {k: v for k, v in items.items() if k in need}
    del items
    logit = lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000))  # noqa: E731
    for task in tasks:
        rows = [r for r in data[task] if r[0] in stats]
        S = np.array([stats[p] for p, _, _ in rows])
        y = np.array([r[1] for r in rows])
        g = np.array([r[2] for r in rows])
        classes = np.unique(y)
        frs = {}
        for seed in seeds:
            path = f"/tmp/x/fvvar-{task}-s{seed}.npz"
            P = dict(np.load(path)) if os.path.exists(path) else {}
            todo = [v for v in VARIANTS if v not in P]
            new_stats = "stats" not in P
            if not new_stats and not todo:
                continue
            folds = list(StratifiedGroupKFold(10, shuffle=True, random_state=seed).split(S, y, g))
            for v in todo:
                if v not in frs:
                    kw = VARIANTS[v][0]
                    key = tuple(sorted(kw.items()))
                    frs[v] = frs.get(key) or [frames(specs[p], **kw) for p, _, _ in rows]
                    frs[key] = frs[v]
            for fold, (tr, te) in enumerate(folds):
                if new_stats:
                    P.setdefault("stats", np.zeros((len(y), len(classes))))[te] = logit().fit(S[tr], y[tr]).predict_proba(S[te])
                for v in todo:
                    X = fv(frs[v], tr, VARIANTS[v][1], seed * 1000 + fold)
                    P.setdefault(v, np.zeros((len(y), len(classes))))[te] = logit().fit(X[tr], y[tr]).predict_proba(X[te])
                eb.log(f"{task} seed {seed} fold {fold + 1}/10: {', '.join(todo)}")
            fold_of = np.zeros(len(y), dtype=int)
            for i, (_, te) in enumerate(folds):
                fold_of[te] = i
            P.update(classes=classes, y=y, fold=fold_of)
            np.savez(path, **P)


def report(seeds, tasks):
    se = lambda d: np.std(d, ddof=1) / np.sqrt(len(d))  # noqa: E731
    for task in tasks:
        Z = {s: dict(np.load(f"/tmp/x/fvvar-{task}-s{s}.npz")) for s in seeds if os.path.exists(f"/tmp/x/fvvar-{task}-s{s}.npz")}
        acc = {}
        for s, P in Z.items():
            cl, y, fold = P["classes"], P["y"], P["fold"]
            vs = [v for v in VARIANTS if v in P]
            combos = {"L (statistics)": P["stats"]}
            combos.update({f"{v} alone": P[v] for v in vs})
            combos.update({f"L + {v}": P["stats"] + P[v] for v in vs})
            for a, b in itertools.combinations(vs, 2):
                combos[f"L + {a} + {b}"] = P["stats"] + P[a] + P[b]
                combos[f"L + ({a} + {b})/2"] = P["stats"] + (P[a] + P[b]) / 2
            if len(vs) >= 3:
                combos["L + all variants"] = P["stats"] + sum(P[v] for v in vs)
                combos["L + mean of variants"] = P["stats"] + sum(P[v] for v in vs) / len(vs)
            for n, pr in combos.items():
                pred = cl[np.argmax(pr, 1)]
                acc[(s, n)] = np.array([np.mean(pred[fold == i] == y[fold == i]) for i in range(10)])
        names = list(dict.fromkeys(n for _, n in acc))
        ref = "L + c20p8"
        print(f"\n### {task}: accuracy per split seed; in brackets paired Δ vs {ref} (points ± SE over 10 folds)\n")
        print("| model / fusion | " + " | ".join(f"seed {s}" for s in Z) + " | mean Δ |")
        print("|---|" + "---|" * (len(Z) + 1))
        for n in names:
            cells, ds = [], []
            for s in Z:
                if (s, n) not in acc or (s, ref) not in acc:
                    cells.append("")
                    continue
                a, d = acc[(s, n)], acc[(s, n)] - acc[(s, ref)]
                cells.append(f"{a.mean():.3f}" + ("" if n == ref else f" ({100 * d.mean():+.1f} ± {100 * se(d):.1f})"))
                ds.append(100 * d.mean())
            print(f"| {n} | " + " | ".join(cells) + f" | {'' if n == ref or len(ds) < len(Z) else f'{np.mean(ds):+.1f}'} |")


if __name__ == "__main__":
    opts = dict(zip(sys.argv[1:], sys.argv[2:]))
    seeds = [int(s) for s in opts.get("--seeds", "42,0,1").split(",")]
    tasks = opts.get("--tasks", "genre").split(",")
    if "--report" in sys.argv:
        report(seeds, tasks)
        sys.exit(0)
    positional = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and not sys.argv[i - 1].startswith("--")]
    if len(positional) < 2:
        sys.exit(__doc__)
    run(positional[0], positional[1], seeds, tasks)
