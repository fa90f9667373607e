#!/usr/bin/python3
"""Throw-away analysis: would averaging the network's probabilities with a classic classifier on
the same statistics help? Reads a cross-validation run's fold records (`spectag train --folds 10
--out DIR`, records with `test_scores`, session 23 on) and, on exactly each fold's test items,
fuses the network's probabilities with a logistic model and an RBF SVM (Platt probabilities)
trained on every other item of the same data set (the network also held out a validation part,
so these classifiers see about 10 % more training items). The statistics are explore_bof.py's
cached per-item vectors (/tmp/x/bof-stats-<cache>.npz: run explore_bof.py or
explore_fv_variants.py on the cache first).

usage: tests/bench/cv_fusion.py RUN_DIR STATS.npz [SHARED]
       tests/bench/cv_fusion.py --segments RUN_DIR CACHE.stfeat [SHARED]   (per-segment SVMs, quadrant)
"""
import glob
import json
import os
import sys

import numpy as np
from sklearn.kernel_approximation import RBFSampler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402


def main(run, stats_path, shared):
    shared = os.path.realpath(shared)
    z = np.load(stats_path, allow_pickle=True)
    stats = dict(zip(z["keys"], z["vals"]))
    data = es.tasks(shared)
    records = [json.load(open(p)) for p in sorted(glob.glob(f"{run}/fold-*.json"), key=lambda p: int(p.split("-")[-1][:-5]))]
    se = lambda d: np.std(d, ddof=1) / np.sqrt(len(d))  # noqa: E731
    for task in ("genre", "quadrant"):
        label = {p: l.lower() for p, l, _ in data[task]}
        acc = {}
        for rec in records:
            names = [c["name"].lower() for c in rec["metrics"][task]["per_class"]]
            scores = np.array(rec["test_scores"][task])
            test = [p for p in rec["test_paths"] if p in label]
            idx = [i for i, p in enumerate(rec["test_paths"]) if p in label]
            net = scores[idx]
            train = [p for p in label if p not in set(rec["test_paths"]) and p in stats]
            Xtr, ytr = np.array([stats[p] for p in train]), np.array([names.index(label[p]) for p in train])
            Xte, yte = np.array([stats[p] for p in test]), np.array([names.index(label[p]) for p in test])
            L = es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)).fit(Xtr, ytr).predict_proba(Xte)
            V = es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale", probability=True, random_state=0)).fit(Xtr, ytr).predict_proba(Xte)
            # The same kernel approximated by random Fourier features and a logistic model: what a
            # network side branch could learn with its ordinary loss.
            R = {}
            for C in (0.1, 1.0):
                R[C] = es.make_pipeline(es.StandardScaler(), RBFSampler(gamma=1.0 / Xtr.shape[1], n_components=2048, random_state=0),
                                        es.LogisticRegression(C=C, max_iter=3000)).fit(Xtr, ytr).predict_proba(Xte)
            for name, p in {"network": net, "logistic": L, "SVM": V, "network ⊕ logistic": net + L,
                            "network ⊕ SVM": net + V, "network ⊕ logistic ⊕ SVM": net + L + V,
                            "2·network ⊕ SVM": 2 * net + V, "RFF logistic C=0.1": R[0.1], "RFF logistic C=1": R[1.0],
                            "network ⊕ RFF C=0.1": net + R[0.1], "network ⊕ RFF C=1": net + R[1.0]}.items():
                acc.setdefault(name, []).append(np.mean(np.argmax(p, 1) == yte))
        base = np.array(acc["network"])
        print(f"\n### {task}: {len(records)} folds of {run}\n")
        print("| model | accuracy | Δ vs network (points ± SE), folds better / worse |")
        print("|---|---|---|")
        for name, a in acc.items():
            a = np.array(a)
            d = a - base
            cell = "—" if name == "network" else f"{100 * d.mean():+.1f} ± {100 * se(d):.1f}, {int(np.sum(d > 1e-9))} / {int(np.sum(d < -1e-9))}"
            print(f"| {name} | {a.mean():.3f} | {cell} |")


def segment_vectors(cache, paths):
    """Each item's per-segment statistics (6 s, hop 3 s), as the network's branch sees them."""
    path = f"/tmp/x/cvfusion-segstats-{os.path.basename(cache)}.npz"
    if os.path.exists(path):
        z = np.load(path, allow_pickle=True)
        return dict(zip(z["keys"], z["vals"]))
    items, fps = es.load(cache)
    out = {}
    for p in paths:
        s = (np.maximum(items[p], -100) + 40) / 20
        seg, hop = int(6 * fps), int(3 * fps)
        segs = [s[:, i:i + seg] for i in range(0, max(1, s.shape[1] - seg + 1), hop)]
        out[p] = np.array([np.concatenate([es.base(x, fps), es.extra(x, fps)]) for x in segs], dtype=np.float32)
    np.savez(path, keys=np.array(list(out)), vals=np.array(list(out.values()), dtype=object))
    return out


def segments_study(run, cache, shared, task="quadrant"):
    """Per-segment SVMs, as a network side branch would apply them: (a) trained on the training
    items' mean vectors and applied to each test segment, (b) trained on every training segment;
    either way the test item's probability is the mean over its segments."""
    shared = os.path.realpath(shared)
    data = es.tasks(shared)
    label = {p: l.lower() for p, l, _ in data[task]}
    segs = segment_vectors(cache, list(label))
    records = [json.load(open(p)) for p in sorted(glob.glob(f"{run}/fold-*.json"), key=lambda p: int(p.split("-")[-1][:-5]))]
    se = lambda d: np.std(d, ddof=1) / np.sqrt(len(d))  # noqa: E731
    acc = {}
    for rec in records:
        names = [c["name"].lower() for c in rec["metrics"][task]["per_class"]]
        idx = [i for i, p in enumerate(rec["test_paths"]) if p in label]
        test = [rec["test_paths"][i] for i in idx]
        net = np.array(rec["test_scores"][task])[idx]
        yte = np.array([names.index(label[p]) for p in test])
        train = [p for p in label if p not in set(rec["test_paths"])]
        Xm = np.array([segs[p].mean(0) for p in train])
        ym = np.array([names.index(label[p]) for p in train])
        svm = lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale", probability=True, random_state=0))  # noqa: E731
        item = svm().fit(Xm, ym)
        Xs = np.vstack([segs[p] for p in train])
        ys = np.concatenate([[names.index(label[p])] * len(segs[p]) for p in train])
        seg = svm().fit(Xs, ys)
        P = {"item SVM on item means": item.predict_proba(np.array([segs[p].mean(0) for p in test])),
             "item SVM on each segment": np.array([item.predict_proba(segs[p]).mean(0) for p in test]),
             "segment SVM on each segment": np.array([seg.predict_proba(segs[p]).mean(0) for p in test])}
        acc.setdefault("network", []).append(np.mean(np.argmax(net, 1) == yte))
        for n, p in P.items():
            acc.setdefault(n, []).append(np.mean(np.argmax(p, 1) == yte))
            acc.setdefault(f"network ⊕ {n}", []).append(np.mean(np.argmax(net + p, 1) == yte))
        print(f"fold {rec['fold']}: {len(seg.named_steps['svc'].support_)} segment support vectors of {len(ys)}", flush=True)
    base = np.array(acc["network"])
    print(f"\n### {task}, per-segment SVMs: {len(records)} folds of {run}\n")
    print("| model | accuracy | Δ vs network (points ± SE), folds better / worse |")
    print("|---|---|---|")
    for name, a in acc.items():
        d = np.array(a) - base
        cell = "—" if name == "network" else f"{100 * d.mean():+.1f} ± {100 * se(d):.1f}, {int(np.sum(d > 1e-9))} / {int(np.sum(d < -1e-9))}"
        print(f"| {name} | {np.mean(a):.3f} | {cell} |")


if __name__ == "__main__":
    if "--segments" in sys.argv:
        a = [x for x in sys.argv[1:] if x != "--segments"]
        segments_study(a[0], a[1], a[2] if len(a) > 2 else "../shared")
        sys.exit(0)
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "../shared")
