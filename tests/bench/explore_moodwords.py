#!/usr/bin/python3
"""Throw-away exploration, not part of the product: does an auxiliary head that predicts 4Q's
AllMusic mood words (multi-label, words on at least MINW clips) teach a shared layer more about
valence than the quadrant labels alone? An MLP on the shipped statistics branch's per-item features
(352, as explore_statistics.py), quadrant softmax plus AUX-weighted mood-word BCE, 4Q's 10
artist-grouped folds (seed 42), two training seeds per fold. Findings: docs/results.md
("Session 10"). Features are cached in FEATURES (default /tmp/spectag-feat4q.npz).

usage: tests/bench/explore_moodwords.py CACHE.stfeat [SHARED_DIR]   (the 16 kHz / 96-mel cache)
"""
import collections
import csv
import os
import sys

import numpy as np
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402

torch.set_num_threads(1)
cache = sys.argv[1]
shared = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared'))  # the cache keys items by canonical path
featfile = os.environ.get('FEATURES', '/tmp/spectag-feat4q.npz')
rows = list(csv.DictReader(open(f"{shared}/data/4q/metadata.csv")))
if not os.path.exists(featfile):
    items, fps = es.load(cache)
    def feat(path):
        return np.concatenate(es.segment_means(items[path], fps, (es.base, es.extra)))
    rows = [r for r in rows if f"{shared}/data/4q/{r['file']}" in items]
    X = np.array([feat(f"{shared}/data/4q/{r['file']}") for r in rows])
    np.savez(featfile, X=X, files=np.array([r['file'] for r in rows]))
d = np.load(featfile); X = d['X']; files = list(d['files'])
byfile = {r['file']: r for r in rows}; rows = [byfile[f] for f in files]
Q = ['Q1', 'Q2', 'Q3', 'Q4']
y = np.array([Q.index(r['quadrant']) for r in rows]); groups = np.array([r['artist'] for r in rows])
words = collections.Counter(w.strip() for r in rows for w in r['allmusic_moods'].split(';') if w.strip())
vocab = [w for w, c in words.most_common() if c >= int(os.environ.get('MINW', 15))]
A = np.array([[1.0 if w in {x.strip() for x in r['allmusic_moods'].split(';')} else 0.0 for w in vocab] for r in rows], dtype=np.float32)
nb = int(os.environ.get('NB', 352))
X = X[:, :nb]
print(f"{len(rows)} clips, {X.shape[1]} features, {len(vocab)} mood words", flush=True)

def fit(Xtr, ytr, Atr, aux_w, seed):
    torch.manual_seed(seed)
    mu, sd = Xtr.mean(0), Xtr.std(0) + 1e-6
    xt = torch.tensor((Xtr - mu) / sd, dtype=torch.float32)
    body = torch.nn.Sequential(torch.nn.Dropout(0.2), torch.nn.Linear(xt.shape[1], 64), torch.nn.ReLU(), torch.nn.Dropout(0.3))
    hq = torch.nn.Linear(64, 4); ha = torch.nn.Linear(64, Atr.shape[1])
    ps = list(body.parameters()) + list(hq.parameters()) + list(ha.parameters())
    opt = torch.optim.Adam(ps, lr=1e-3, weight_decay=1e-4)
    yt = torch.tensor(ytr); at = torch.tensor(Atr)
    n = len(xt)
    for ep in range(150):
        perm = torch.randperm(n)
        for i in range(0, n, 32):
            b = perm[i:i + 32]
            h = body(xt[b])
            loss = torch.nn.functional.cross_entropy(hq(h), yt[b])
            if aux_w > 0:
                loss = loss + aux_w * torch.nn.functional.binary_cross_entropy_with_logits(ha(h), at[b])
            opt.zero_grad(); loss.backward(); opt.step()
    body.eval()
    return lambda Xte: torch.softmax(hq(body(torch.tensor((Xte - mu) / sd, dtype=torch.float32))), 1).detach().numpy()

for aux_w in [float(a) for a in os.environ.get('AUX', '0 0.5 1 2').split()]:
    acc, f1 = [], []
    for seed in (0, 1):
        for tr, te in StratifiedGroupKFold(10, shuffle=True, random_state=42).split(X, y, groups):
            p = fit(X[tr], y[tr], A[tr], aux_w, seed)(X[te]).argmax(1)
            acc.append(accuracy_score(y[te], p)); f1.append(f1_score(y[te], p, average='macro'))
    print(f"aux weight {aux_w}: acc {np.mean(acc):.3f} ± {np.std(acc, ddof=1):.3f}  F1 {np.mean(f1):.3f}", flush=True)
