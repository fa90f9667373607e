#!/usr/bin/python3
"""Throw-away exploration, not part of the product (session 16; findings in docs/results.md,
"Session 16"). Reads the 16 kHz / 96-mel spectrograms `spectag train` cached and the shipped
statistics branch's descriptors (explore_statistics.py), 10 folds grouped like Spectag's, seed 42.

  explore_domain.py segments CACHE.stfeat [SHARED]  descriptors over 6 / 10 / 15 s segments or the
                                                     whole clip, mean (or mean + spread) per item
  explore_domain.py ood CACHE.stfeat [SHARED]       train on Emotify's genres, predict the 41
                                                     orchestral wesnoth tracks (all "classical" to a
                                                     listener) with level / spectral tilt removed
                                                     or tilt augmentation, next to the genre CV
Needs Debian's python3-sklearn and python3-torchaudio (the wesnoth log-mels; parity with Spectag's
front end is checked on one cached item first).
"""
import glob
import os
import subprocess
import sys

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

MODELS = {"logistic": lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)),
          "SVM": lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale"))}


def descriptors(spec, fps, seconds=6.0, spread=False):
    s = (np.maximum(spec, -100) + 40) / 20
    if seconds <= 0:
        segs = [s]
    else:
        seg, hop = int(seconds * fps), int(seconds / 2 * fps)
        segs = [s[:, i:i + seg] for i in range(0, max(1, s.shape[1] - seg + 1), hop)]
    f = np.array([es.base(x, fps) for x in segs])
    return np.concatenate([f.mean(0), f.std(0)]) if spread else f.mean(0)


def cv(X, y, g, fit, transform=lambda F: F):
    acc, f1 = [], []
    for tr, te in StratifiedGroupKFold(10, shuffle=True, random_state=42).split(X, y, g):
        pred = fit(X[tr], y[tr]).predict(transform(X[te]))
        acc.append(accuracy_score(y[te], pred))
        f1.append(f1_score(y[te], pred, average="macro"))
    return np.mean(acc), np.mean(f1)


def segments(items, fps, shared):
    data = es.tasks(shared)
    for seconds, spread in ((6, False), (10, False), (15, False), (0, False), (6, True)):
        feats = {k: descriptors(v, fps, seconds, spread) for k, v in items.items()}
        for mname, make in MODELS.items():
            line = f"{'whole clip' if seconds == 0 else f'{seconds} s'} {'mean+spread' if spread else 'mean':11s} {mname:9s}"
            for task, rows in data.items():
                rows = [r for r in rows if r[0] in feats]
                X = np.array([feats[p] for p, _, _ in rows])
                acc, f1 = cv(X, np.array([r[1] for r in rows]), np.array([r[2] for r in rows]),
                             lambda a, b: make().fit(a, b))
                line += f"  {task} acc {acc:.3f} F1 {f1:.3f}"
            print(line, flush=True)


def ood(items, fps, shared):
    import torch
    import torchaudio
    torch.set_num_threads(1)
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=512, hop_length=256, n_mels=96, f_max=8000,
                                               mel_scale="slaney", norm="slaney")
    to_db = torchaudio.transforms.AmplitudeToDB()

    def log_mel(path):
        pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"],
                             capture_output=True, check=True).stdout
        with torch.no_grad():
            return to_db(mel(torch.from_numpy(np.frombuffer(pcm, dtype=np.float32).copy()))).numpy()

    rows = es.tasks(shared)["genre"]
    first = rows[0][0]
    print("parity, one item's descriptors (cache vs torchaudio): max abs difference",
          np.abs(descriptors(items[first], fps) - descriptors(log_mel(first), fps)).max())
    X = np.array([descriptors(items[p], fps) for p, _, _ in rows])
    y, g = np.array([r[1] for r in rows]), np.array([r[2] for r in rows])
    W = np.array([descriptors(log_mel(f), fps)
                  for f in sorted(glob.glob("/usr/share/games/wesnoth/1.16/data/core/music/*.ogg"))])
    fb = torchaudio.functional.melscale_fbanks(257, 0., 8000., 96, 16000, norm="slaney", mel_scale="slaney").numpy()
    centre = (fb * np.arange(257)[:, None] * 16000 / 512).sum(0) / fb.sum(0)
    octave = np.log2(np.maximum(centre, 50) / 1000)
    basis = np.stack([np.ones(96), octave], 1)

    def tilt(F, t):  # t dB per octave on the 96 band means (descriptor units are dB / 20)
        F = F.copy()
        F[:, :96] += t * octave / 20
        return F

    def level_free(F):
        F = F.copy()
        F[:, :96] -= F[:, :96].mean(1, keepdims=True)
        return F

    def tilt_free(F):
        F = F.copy()
        F[:, :96] -= (basis @ np.linalg.lstsq(basis, F[:, :96].T, rcond=None)[0]).T
        return F

    variants = {"baseline": (lambda F: F, []), "level removed": (level_free, []),
                "level + tilt removed": (tilt_free, []), "tilt augmentation 3 dB/oct": (lambda F: F, [-3, 3]),
                "tilt augmentation 6 dB/oct": (lambda F: F, [-6, -3, 3, 6])}
    for vname, (transform, aug) in variants.items():
        for mname, make in MODELS.items():
            def fit(a, b):
                a2 = np.concatenate([a] + [tilt(a, t) for t in aug])
                return make().fit(transform(a2), np.concatenate([b] * (1 + len(aug))))
            acc, _ = cv(X, y, g, fit, transform)
            labels, counts = np.unique(fit(X, y).predict(transform(W)), return_counts=True)
            print(f"{vname:27s} {mname:9s} genre CV acc {acc:.3f}  wesnoth: "
                  + ", ".join(f"{k} {c}" for k, c in zip(labels, counts)), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("segments", "ood"):
        sys.exit(__doc__)
    shared = os.path.realpath(sys.argv[3] if len(sys.argv) > 3 else "../shared")
    items, fps = es.load(sys.argv[2])
    (segments if sys.argv[1] == "segments" else ood)(items, fps, shared)
