#!/usr/bin/python3
"""Throw-away exploration, not part of the product: does harmony (key, mode, consonance) hold what
the log-mel statistics miss? Mode is the classic cue for valence, and 4Q's worst confusion is sad
(Q3) against calm (Q4), two low-arousal quadrants that differ in valence. The 96-mel front end is
too coarse below ~500 Hz to resolve semitones, so this decodes each clip again (ffmpeg, mono
22.05 kHz), takes a chroma from an 8192-point STFT (2.7 Hz bins, 55-2000 Hz) and derives
key-invariant descriptors: Krumhansl-Kessler major/minor key correlations and clarity, the chroma
profile rotated to the estimated tonic, local mode over ~1.5 s windows, chroma entropy and flux, the
interval-class content and the chroma's DFT magnitudes (circle of fifths, thirds). Then the same
grouped 10-fold comparison as explore_statistics.py (seed 42): the shipped statistics plus session
8's candidates, with and without the harmony descriptors, and the harmony descriptors alone.
Findings: docs/results.md ("Sessions 12–13: harmony"). Needs ffmpeg and Debian's python3-sklearn.

usage: tests/bench/explore_harmony.py CACHE.stfeat [SHARED_DIR]   (the 16 kHz / 96-mel cache)
"""
import csv
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

SR, NFFT, HOP = 22050, 8192, 2048
# Krumhansl & Kessler (1982) probe-tone profiles, tonic first.
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def decode(path):
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-ar", str(SR), "-f", "f32le", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(pcm, dtype=np.float32)


def chroma(x):
    """Frames x 12, each frame summing to 1 (silent frames dropped)."""
    if len(x) < NFFT:
        x = np.pad(x, (0, NFFT - len(x)))
    idx = np.arange(0, len(x) - NFFT + 1, HOP)[:, None] + np.arange(NFFT)
    mag = np.abs(np.fft.rfft(x[idx] * np.hanning(NFFT), axis=1))
    hz = np.fft.rfftfreq(NFFT, 1 / SR)
    sel = (hz >= 55) & (hz <= 2000)
    pc = np.round(12 * np.log2(hz[sel] / 440) + 69).astype(int) % 12
    onehot = np.eye(12)[pc]
    c = np.sqrt(mag[:, sel]) @ onehot
    total = c.sum(1)
    c = c[total > 1e-3 * max(total.max(), 1e-9)]
    return c / c.sum(1, keepdims=True)


def key_scores(c):
    """Correlations of chroma rows with the 12 rotations of each profile: (n, 12) major, minor."""
    def corr(profile):
        rot = np.stack([np.roll(profile, k) for k in range(12)])
        rot = (rot - rot.mean(1, keepdims=True)) / rot.std(1, keepdims=True)
        z = (c - c.mean(1, keepdims=True)) / (c.std(1, keepdims=True) + 1e-9)
        return z @ rot.T / 12
    return corr(MAJOR), corr(MINOR)


def harmony(c):
    mean = c.mean(0)
    maj, mnr = key_scores(mean[None])
    maj, mnr = maj[0], mnr[0]
    best_maj, best_min = maj.max(), mnr.max()
    both = np.sort(np.concatenate([maj, mnr]))
    tonic = maj.argmax() if best_maj >= best_min else mnr.argmax()
    rotated = np.roll(mean, -tonic)
    win = 16  # ~1.5 s of 93 ms hops
    local = [c[i:i + win].mean(0) for i in range(0, max(1, len(c) - win + 1), win // 2)]
    lmaj, lmin = key_scores(np.array(local))
    lmode = lmaj.max(1) - lmin.max(1)
    ent = -(c * np.log(c + 1e-12)).sum(1)
    flux = np.abs(np.diff(c, axis=0)).sum(1) if len(c) > 1 else np.zeros(1)
    ic = [(mean * np.roll(mean, k)).sum() for k in range(1, 7)]
    ic_frames = np.array([(c * np.roll(c, k, axis=1)).sum(1).mean() for k in range(1, 7)])
    dft = np.abs(np.fft.rfft(c, axis=1))[:, 1:7]
    return np.concatenate([[best_maj, best_min, best_maj - best_min, both[-1], both[-1] - both[-2]],
                           rotated, [lmode.mean(), lmode.std(), (lmode > 0).mean()],
                           [ent.mean(), ent.std(), flux.mean(), flux.std()], ic, ic_frames,
                           dft.mean(0), dft.std(0), np.abs(np.fft.rfft(mean))[1:7]])


def evaluate(X, y, g, make):
    acc, f1, pred_all = [], [], np.empty(len(y), dtype=object)
    for tr, te in StratifiedGroupKFold(10, shuffle=True, random_state=42).split(X, y, g):
        pred = make().fit(X[tr], y[tr]).predict(X[te])
        pred_all[te] = pred
        acc.append(accuracy_score(y[te], pred))
        f1.append(f1_score(y[te], pred, average="macro"))
    return np.mean(acc), np.std(acc, ddof=1), np.mean(f1), pred_all


def main(cache, shared):
    shared = os.path.realpath(shared)  # the cache keys items by canonical path
    items, fps = es.load(cache)
    tasks = {}
    seen, genre = set(), []
    for row in csv.DictReader(open(f"{shared}/data/emotify/annotations.csv")):
        p = f"{shared}/data/emotify/{row['file']}"
        if p not in seen and p in items:
            seen.add(p)
            genre.append((p, row["genre"], row["track_id"]))
    tasks["genre"] = genre
    tasks["quadrant"] = [(f"{shared}/data/4q/{r['file']}", r["quadrant"], r["artist"])
                         for r in csv.DictReader(open(f"{shared}/data/4q/metadata.csv"))
                         if f"{shared}/data/4q/{r['file']}" in items]
    paths = [p for rows in tasks.values() for p, _, _ in rows]
    with ThreadPoolExecutor(2) as pool:  # ffmpeg runs in its own process; numpy releases the GIL
        harm = dict(zip(paths, pool.map(lambda p: harmony(chroma(decode(p))), paths)))
    print(f"{len(harm)} items, {len(next(iter(harm.values())))} harmony descriptors", flush=True)
    models = {"SVM-RBF C=3": lambda: make_pipeline(StandardScaler(), SVC(C=3, gamma="scale")),
              "logistic C=0.03": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.03, max_iter=3000))}
    for task, rows in tasks.items():
        y = np.array([r[1] for r in rows])
        g = np.array([r[2] for r in rows])
        stats = np.array([np.concatenate(es.segment_means(items[p], fps, (es.base, es.extra))) for p, _, _ in rows])
        H = np.array([harm[p] for p, _, _ in rows])
        for fname, X in (("statistics", stats), ("statistics + harmony", np.hstack([stats, H])), ("harmony alone", H)):
            for mname, make in models.items():
                acc, sd, f1, pred = evaluate(X, y, g, make)
                print(f"{task:8s} {fname:22s} {mname:16s} acc {acc:.3f} ± {sd:.3f}  F1 {f1:.3f}", flush=True)
                if mname.startswith("SVM"):
                    labels = sorted(set(y))
                    print("   ", labels, confusion_matrix(y, pred.astype(str), labels=labels).tolist(), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "../shared")
