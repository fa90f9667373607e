#!/usr/bin/python3
"""Throw-away exploration, not part of the product: would more hand-made segment statistics (or a
wider front end) lift the shipped model's genre and quadrant accuracy? Reads the mel spectrograms
that `spectag train` cached (build/feature-cache/*.stfeat, float16 dB, time-major), computes
descriptors per 6 s segment (hop 3 s) averaged per item, and cross-validates scikit-learn
classifiers with 10 folds grouped like Spectag's (Emotify by track, 4Q by artist), seed 42.
Findings are in docs/results.md ("Session 8: more statistics"). Needs Debian's python3-sklearn.

usage: tests/bench/explore_statistics.py CACHE.stfeat [SHARED_DIR]   (the 16 kHz / 96-mel cache)
"""
import csv
import json
import os
import struct
import sys

import numpy as np
from scipy.fft import dct
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

EDGES = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12]  # modulation bands, as core/model/spectagnet.cpp


def load(path):
    with open(path, "rb") as fh:
        n = struct.unpack("<I", fh.read(12)[8:12])[0]
        header = json.loads(fh.read(n))
    fe = header["front_end"]
    start = 12 + n
    start += (64 - start % 64) % 64
    data = np.memmap(path, dtype=np.float16, mode="r", offset=start)
    bins = fe["n_mels"]
    items = {}
    for key, frames, offset in header["items"]:
        o = int(offset) // 2
        items[key.split("|")[0]] = np.asarray(data[o:o + frames * bins], dtype=np.float32).reshape(frames, bins).T
    return items, fe["sample_rate"] / fe["hop"]


def base(s, fps):
    """The shipped statistics branch: per band mean, spread, flux; 8x8 modulation spectrum."""
    t = s.shape[1]
    bands = s.reshape(8, -1, t).mean(1)
    bands = bands - bands.mean(1, keepdims=True)
    sp = np.abs(np.fft.rfft(bands * np.hanning(t), axis=1)) / max(1, 0.5 * t)
    hz = np.arange(sp.shape[1]) * fps / t
    mod = [sp[:, (hz >= lo) & (hz < hi)].mean(1) for lo, hi in zip(EDGES[:-1], EDGES[1:])]
    return np.concatenate([s.mean(1), s.std(1), np.abs(np.diff(s, axis=1)).mean(1), np.log1p(np.stack(mod, 1)).ravel()])


def extra(s, fps):
    """Candidates: cepstral spreads and covariance, delta spreads, band percentiles, loudness
    dynamics, spectral contrast, onset-envelope autocorrelation at 50-200 BPM."""
    t = s.shape[1]
    mf = dct(s, axis=0, norm="ortho")[:20]
    cov = np.cov(mf[1:13])[np.triu_indices(12, 1)]
    e = s.mean(0)
    loud = [e.std(), np.percentile(e, 90) - np.percentile(e, 10), np.abs(np.diff(e)).mean()]
    sub = s[: s.shape[0] // 6 * 6].reshape(6, -1, t)
    con = sub.max(1) - sub.min(1)  # as spectagnet.cpp: peak minus valley (a sort per frame cost too much)
    on = np.maximum(np.diff(s, axis=1), 0).sum(0)
    on = on - on.mean()
    ac = np.correlate(on, on, "full")[len(on) - 1:]
    ac = ac / (ac[0] + 1e-9)
    lags = (fps * 60 / np.array([50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 180, 200])).astype(int)
    return np.concatenate([mf.std(1), np.diff(mf, axis=1).std(1), cov, np.percentile(s[:, ::max(1, t // 128)], [10, 50, 90], axis=1).ravel(),
                           loud, con.mean(1), con.std(1), ac[np.minimum(lags, len(ac) - 1)]])


def segment_means(spec, fps, funcs):
    """Each descriptor function over the item's 6 s segments (hop 3 s), averaged per item."""
    s = (np.maximum(spec, -100) + 40) / 20
    seg, hop = int(6 * fps), int(3 * fps)
    segs = [s[:, i:i + seg] for i in range(0, max(1, s.shape[1] - seg + 1), hop)]
    return [np.mean([f(x, fps) for x in segs], 0) for f in funcs]


def tasks(shared):
    """(path, label, group) per item: Emotify's genres grouped by track, 4Q's quadrants by artist."""
    out = {"genre": [], "quadrant": []}
    with open(f"{shared}/data/emotify/annotations.csv") as f:
        seen = set()
        for row in csv.DictReader(f):
            p = f"{shared}/data/emotify/{row['file']}"
            if p not in seen:
                seen.add(p)
                out["genre"].append((p, row["genre"], row["track_id"]))
    with open(f"{shared}/data/4q/metadata.csv") as f:
        out["quadrant"] = [(f"{shared}/data/4q/{r['file']}", r["quadrant"], r["artist"]) for r in csv.DictReader(f)]
    return out


def grouped_cv(X, y, g, predict):
    """Accuracy and macro-F1 per fold over 10 folds grouped like Spectag's (seed 42);
    predict(train_indices, test_indices) returns the test items' predicted labels."""
    acc, f1 = [], []
    for tr, te in StratifiedGroupKFold(10, shuffle=True, random_state=42).split(X, y, g):
        pred = predict(tr, te)
        acc.append(accuracy_score(y[te], pred))
        f1.append(f1_score(y[te], pred, average="macro"))
    return np.array(acc), np.array(f1)


def main(cache, shared):
    shared = os.path.realpath(shared)  # the cache keys items by canonical path
    items, fps = load(cache)
    data = tasks(shared)
    feats = {key: tuple(segment_means(spec, fps, (base, extra))) for key, spec in items.items()}
    models = {"logistic C=0.03": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.03, max_iter=3000)),
              "SVM-RBF C=3": lambda: make_pipeline(StandardScaler(), SVC(C=3, gamma="scale"))}
    for name, pick in (("shipped statistics", lambda b, x: b), ("+ candidates", lambda b, x: np.concatenate([b, x]))):
        for mname, make in models.items():
            line = f"{name:20s} {mname:16s}"
            for task, rows in data.items():
                rows = [r for r in rows if r[0] in feats]
                X = np.array([pick(*feats[p]) for p, _, _ in rows])
                y = np.array([r[1] for r in rows])
                g = np.array([r[2] for r in rows])
                acc, f1 = grouped_cv(X, y, g, lambda tr, te: make().fit(X[tr], y[tr]).predict(X[te]))
                line += f"  {task} acc {np.mean(acc):.3f} ± {np.std(acc, ddof=1):.3f} F1 {np.mean(f1):.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
