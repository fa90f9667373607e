#!/usr/bin/python3
"""Throw-away exploration, not part of the product: do bag-of-frames encodings of the log-mel
frames add genre or quadrant accuracy on top of the shipped level-2 statistics
(explore_statistics.py: base + extra, per 6 s segment, hop 3 s, mean per item)?

Frames: 20 DCT cepstra of the cached log-mel (explore scale, as explore_statistics.py), mean-pooled
over 8 frames (0.128 s at 62.5 frames/s), plus deltas of the pooled sequence ((x[t+1]-x[t-1])/2):
40 values per window. Per fold and task, the windows are standardised and a diagonal GMM (K
components) is fitted on a subsample of the TRAINING clips' windows only; every clip is then
encoded as
  hist  the mean GMM posterior over its windows (soft-assignment histogram, K values)
  fv    the improved Fisher vector: gradients w.r.t. means and variances (2*K*40 values),
        power- (signed sqrt) and L2-normalised.
Compared on the same 10 grouped folds (Emotify by track for genre, 4Q by artist for quadrant):
statistics alone, BoF alone, statistics + BoF (concatenated; and, for logistic, a late fusion
that averages the two logistic models' probabilities). Classifiers as before: standardised
features, logistic C=0.03 and SVM-RBF C=3. Differences are paired over folds against statistics
alone with the same classifier (mean ± standard error over the 10 folds).

usage: tests/bench/explore_bof.py CACHE.stfeat [SHARED] [--seeds 42,0,1] [--k 16,32] [--enc hist,fv]
  (the 16 kHz / 96-mel cache). The statistics are cached in /tmp/x/bof-stats-<cache name>.npz.
"""
import os
import sys
import time

import numpy as np
from scipy.fft import dct
from sklearn.metrics import accuracy_score, f1_score
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import explore_statistics as es  # noqa: E402

POOL = 8        # frames per window (0.128 s)
NCEP = 20
GMM_FRAMES = 30000  # training windows the GMM is fitted on, per fold

T0 = time.time()


def log(msg):
    print(f"[{time.time() - T0:6.1f} s] {msg}", flush=True)


def frames(spec):
    """Pooled cepstra + deltas, (windows, 40), float32."""
    s = (np.maximum(spec, -100) + 40) / 20
    mf = dct(s, axis=0, norm="ortho")[:NCEP]
    n = mf.shape[1] // POOL
    p = mf[:, :n * POOL].reshape(NCEP, n, POOL).mean(2).T  # (n, 20)
    q = np.pad(p, ((1, 1), (0, 0)), mode="edge")
    return np.hstack([p, (q[2:] - q[:-2]) / 2]).astype(np.float32)


def statistics(items, fps, cache):
    path = f"/tmp/x/bof-stats-{os.path.basename(cache)}.npz"
    if os.path.exists(path):
        z = np.load(path, allow_pickle=True)
        return dict(zip(z["keys"], z["vals"]))
    feats = {}
    for i, (k, v) in enumerate(items.items()):
        feats[k] = np.concatenate(es.segment_means(v, fps, (es.base, es.extra)))
        if i % 200 == 0:
            log(f"statistics {i}/{len(items)}")
    os.makedirs("/tmp/x", exist_ok=True)
    np.savez(path, keys=np.array(list(feats)), vals=np.array(list(feats.values())))
    return feats


def fit_gmm(fr, train_idx, K, seed):
    """Window scaler (mu, sd) and diagonal GMM fitted on a subsample of the training clips' windows."""
    rng = np.random.default_rng(seed)
    per = int(np.ceil(GMM_FRAMES / len(train_idx)))
    sub = np.vstack([fr[i][rng.choice(len(fr[i]), min(per, len(fr[i])), replace=False)] for i in train_idx])
    mu, sd = sub.mean(0), sub.std(0) + 1e-6
    gmm = GaussianMixture(K, covariance_type="diag", reg_covar=1e-3, max_iter=200, random_state=seed).fit((sub - mu) / sd)
    return mu, sd, gmm


def encode(fr, train_idx, K, seed):
    """Fit scaler + diagonal GMM on training clips' windows; return (hist, fv) for every clip."""
    mu, sd, gmm = fit_gmm(fr, train_idx, K, seed)
    w, m, sig = gmm.weights_, gmm.means_, np.sqrt(gmm.covariances_)
    hist, fv = [], []
    for x in fr:
        x = (x - mu) / sd
        g = gmm.predict_proba(x)  # (T, K)
        T = len(x)
        hist.append(g.mean(0))
        z = (x[:, None, :] - m[None]) / sig[None]  # (T, K, D)
        gm = np.einsum("tk,tkd->kd", g, z) / (T * np.sqrt(w)[:, None])
        gs = np.einsum("tk,tkd->kd", g, z ** 2 - 1) / (T * np.sqrt(2 * w)[:, None])
        v = np.concatenate([gm.ravel(), gs.ravel()])
        v = np.sign(v) * np.sqrt(np.abs(v))
        fv.append(v / (np.linalg.norm(v) + 1e-12))
    return np.array(hist), np.array(fv), gmm.converged_, gmm.n_iter_


def main(cache, shared, seeds, ks, encs):
    shared = os.path.realpath(shared)  # the cache keys items by canonical path
    items, fps = es.load(cache)
    log(f"loaded {len(items)} items, {fps} frames/s")
    stats = statistics(items, fps, cache)
    log(f"statistics: {len(next(iter(stats.values())))} values per item")
    fr = {k: frames(v) for k, v in items.items()}
    log(f"frames: {sum(len(v) for v in fr.values())} windows of {next(iter(fr.values())).shape[1]} values")
    data = es.tasks(shared)
    models = {"logistic": lambda: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=0.03, max_iter=3000)),
              "SVM": lambda: es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale"))}
    results = {}  # (seed, task, set, model) -> (acc[10], f1[10])
    for seed in seeds:
        for task, rows in data.items():
            rows = [r for r in rows if r[0] in stats]
            S = np.array([stats[p] for p, _, _ in rows])
            F = [fr[p] for p, _, _ in rows]
            y = np.array([r[1] for r in rows])
            g = np.array([r[2] for r in rows])
            res = {}
            folds = StratifiedGroupKFold(10, shuffle=True, random_state=seed).split(S, y, g)
            for fold, (tr, te) in enumerate(folds):
                sets = {"statistics": S}
                for K in ks:
                    hist, fv, conv, nit = encode(F, tr, K, seed * 1000 + fold)
                    if "hist" in encs:
                        sets[f"hist K={K}"] = hist
                        sets[f"stats + hist K={K}"] = np.hstack([S, hist])
                    if "fv" in encs:
                        sets[f"FV K={K}"] = fv
                        sets[f"stats + FV K={K}"] = np.hstack([S, fv])
                probs = {}
                for name, X in sets.items():
                    for mname, make in models.items():
                        clf = make().fit(X[tr], y[tr])
                        pred = clf.predict(X[te])
                        if mname == "logistic":
                            probs[name] = clf.predict_proba(X[te])
                        a, f = res.setdefault((name, mname), ([], []))
                        a.append(accuracy_score(y[te], pred))
                        f.append(f1_score(y[te], pred, average="macro"))
                # late fusion: average the statistics' and the BoF's logistic probabilities
                classes = np.unique(y[tr])
                for name in list(probs):
                    if name == "statistics" or name.startswith("stats +"):
                        continue
                    pred = classes[np.argmax(probs["statistics"] + probs[name], 1)]
                    a, f = res.setdefault((f"stats ⊕ {name} (late)", "logistic"), ([], []))
                    a.append(accuracy_score(y[te], pred))
                    f.append(f1_score(y[te], pred, average="macro"))
                log(f"seed {seed} {task} fold {fold + 1}/10 done (GMM K={ks[-1]} converged {conv}, {nit} iterations)")
            for (name, mname), (a, f) in res.items():
                results[(seed, task, name, mname)] = (np.array(a), np.array(f))
            report(results, seed, task)
    log("done")


def report(results, seed, task):
    print(f"\n### {task}, split seed {seed}\n")
    print("| item vector | classifier | acc (mean ± sd) | macro-F1 | Δacc vs statistics (± SE) | ΔF1 (± SE) |")
    print("|---|---|---|---|---|---|")
    for (s, t, name, mname), (a, f) in results.items():
        if (s, t) != (seed, task):
            continue
        ba, bf = results[(seed, task, "statistics", mname)]
        da, df = a - ba, f - bf
        se = lambda d: np.std(d, ddof=1) / np.sqrt(len(d))  # noqa: E731
        delta = "—" if name == "statistics" else f"{100 * da.mean():+.1f} ± {100 * se(da):.1f}"
        deltaf = "—" if name == "statistics" else f"{100 * df.mean():+.1f} ± {100 * se(df):.1f}"
        print(f"| {name} | {mname} | {a.mean():.3f} ± {np.std(a, ddof=1):.3f} | {f.mean():.3f} | {delta} | {deltaf} |")
    print(flush=True)


# ---------------------------------------------------------------------------------------------
# Controls (--controls): is the stats ⊕ FV late-fusion gain more than ensembling two models?
# Stage 1 caches, per task / seed / K, every fold's raw FV gradients (unnormalised, float32) in
# /tmp/x/bof-fv-<task>-s<seed>-K<K>.npz, and every model's test-fold probabilities in
# /tmp/x/bof-ctrl-<task>-s<seed>.npz; stage 2 (report_controls) only reads those.

def fv_raw(fr, train_idx, K, seed):
    """As encode(), but returns the raw (mean, variance) gradients, (clips, 2*K*40)."""
    mu, sd, gmm = fit_gmm(fr, train_idx, K, seed)
    w, m, sig = gmm.weights_, gmm.means_, np.sqrt(gmm.covariances_)
    out = []
    for x in fr:
        x = (x - mu) / sd
        g = gmm.predict_proba(x)
        T = len(x)
        z = (x[:, None, :] - m[None]) / sig[None]
        gm = np.einsum("tk,tkd->kd", g, z) / (T * np.sqrt(w)[:, None])
        gs = np.einsum("tk,tkd->kd", g, z ** 2 - 1) / (T * np.sqrt(2 * w)[:, None])
        out.append(np.concatenate([gm.ravel(), gs.ravel()]))
    return np.array(out, dtype=np.float32), gmm.converged_, gmm.n_iter_


def fv_norm(raw, K, means_only=False):
    v = raw[:, :K * 2 * NCEP] if means_only else raw
    v = np.sign(v) * np.sqrt(np.abs(v))
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-12)


def controls(cache, shared, seeds, ks, task_names):
    shared = os.path.realpath(shared)
    data = es.tasks(shared)
    need = {r[0] for t in task_names for r in data[t]}
    fr, stats = None, None
    spath = f"/tmp/x/bof-stats-{os.path.basename(cache)}.npz"
    z = np.load(spath, allow_pickle=True)
    stats = dict(zip(z["keys"], z["vals"]))
    logit = lambda C: es.make_pipeline(es.StandardScaler(), es.LogisticRegression(C=C, max_iter=3000))  # noqa: E731
    for task in task_names:
        rows = [r for r in data[task] if r[0] in stats]
        S = np.array([stats[p] for p, _, _ in rows])
        y = np.array([r[1] for r in rows])
        g = np.array([r[2] for r in rows])
        for seed in seeds:
            folds = list(StratifiedGroupKFold(10, shuffle=True, random_state=seed).split(S, y, g))
            raws = {}
            for K in ks:
                path = f"/tmp/x/bof-fv-{task}-s{seed}-K{K}.npz"
                if os.path.exists(path):
                    raws[K] = np.load(path)["raw"]
                    continue
                if fr is None:
                    items, fps = es.load(cache)
                    fr = {k: frames(v) for k, v in items.items() if k in need}
                    del items
                    log(f"frames for {len(fr)} items")
                F = [fr[p] for p, _, _ in rows]
                r = []
                for fold, (tr, te) in enumerate(folds):
                    raw, conv, nit = fv_raw(F, tr, K, seed * 1000 + fold)
                    r.append(raw)
                    log(f"{task} seed {seed} K={K} fold {fold + 1}: GMM converged {conv} after {nit}")
                raws[K] = np.array(r)
                np.savez(path, raw=raws[K])
            ppath = f"/tmp/x/bof-ctrl-{task}-s{seed}.npz"
            classes = np.unique(y)
            P = dict(np.load(ppath)) if os.path.exists(ppath) else {}  # model -> test-fold probabilities
            todo = [] if "stats-SVM" in P else ["stats"]
            todo += [(K, mo) for K in ks for mo in (False, True) if f"FV{K}{'m' if mo else ''}-L" not in P]
            if not todo:
                continue
            def put(name, te, pr):
                P.setdefault(name, np.zeros((len(y), len(classes))))[te] = pr
            for fold, (tr, te) in enumerate(folds):
                assert (np.unique(y[tr]) == classes).all()
                for job in todo:
                    if job == "stats":
                        for C in (0.01, 0.03, 0.1):
                            put(f"stats-L{C}", te, logit(C).fit(S[tr], y[tr]).predict_proba(S[te]))
                        svm = es.make_pipeline(es.StandardScaler(), es.SVC(C=3, gamma="scale", probability=True, random_state=0)).fit(S[tr], y[tr])
                        put("stats-SVM", te, svm.predict_proba(S[te]))
                        P.setdefault("stats-SVM-pred", np.empty(len(y), dtype=y.dtype))[te] = svm.predict(S[te])
                    else:
                        K, mo = job
                        X = fv_norm(raws[K][fold], K, mo)
                        put(f"FV{K}{'m' if mo else ''}-L", te, logit(0.03).fit(X[tr], y[tr]).predict_proba(X[te]))
                log(f"{task} seed {seed} fold {fold + 1}: classifiers done")
            fold_of = np.zeros(len(y), dtype=int)
            for i, (_, te) in enumerate(folds):
                fold_of[te] = i
            P.update(classes=classes, y=y, fold=fold_of)
            np.savez(ppath, **P)
    log("controls done")


def report_controls(seeds, task):
    """Tables from the cached test-fold probabilities (cheap; no fitting)."""
    se = lambda d: np.std(d, ddof=1) / np.sqrt(len(d))  # noqa: E731
    Z = {s: dict(np.load(f"/tmp/x/bof-ctrl-{task}-s{s}.npz")) for s in seeds
         if os.path.exists(f"/tmp/x/bof-ctrl-{task}-s{s}.npz")}
    def combos(P):
        L, L1, L3, V = P["stats-L0.03"], P["stats-L0.01"], P["stats-L0.1"], P["stats-SVM"]
        c = {"stats-L (C=0.03), baseline": L, "stats-L C=0.01": L1, "stats-L C=0.1": L3,
             "stats-SVM (Platt argmax)": V, "stats-SVM (predict)": P["stats-SVM-pred"]}
        fvs = [k[:-2] for k in P if k.startswith("FV")]
        for f in fvs:
            c[f"{f} alone"] = P[f"{f}-L"]
        c["L ⊕ L(C=0.01)"] = L + L1
        c["L ⊕ L(C=0.1)"] = L + L3
        c["L(0.01) ⊕ L(0.1)"] = L1 + L3
        c["L ⊕ L(0.01) ⊕ L(0.1)"] = L + L1 + L3
        c["L ⊕ SVM"] = L + V
        for f in fvs:
            c[f"L ⊕ {f}"] = L + P[f"{f}-L"]
        for f in fvs:
            c[f"SVM ⊕ {f}"] = V + P[f"{f}-L"]
        for f in fvs:
            c[f"L ⊕ SVM ⊕ {f}"] = L + V + P[f"{f}-L"]
        for f in fvs:
            for w in (0.3, 0.5, 0.7):
                c[f"{w}·{f} + {1 - w:.1f}·L"] = w * P[f"{f}-L"] + (1 - w) * L
        return c
    acc = {}  # (seed, name) -> per-fold accuracy
    for s, P in Z.items():
        cl, y, fold = P["classes"], P["y"], P["fold"]
        for name, pr in combos(P).items():
            pred = pr if pr.ndim == 1 else cl[np.argmax(pr, 1)]
            acc[(s, name)] = np.array([np.mean(pred[fold == i] == y[fold == i]) for i in range(10)])
    names = list(dict.fromkeys(n for _, n in acc))
    print(f"\n### {task}: accuracy (mean over 10 folds) and paired Δ vs stats-L (points ± SE)\n")
    print("| model / fusion | " + " | ".join(f"seed {s}" for s in Z) + " | mean Δ over seeds |")
    print("|---|" + "---|" * (len(Z) + 1))
    for n in names:
        cells, ds = [], []
        for s in Z:
            if (s, n) not in acc:
                cells.append("")
                continue
            a, d = acc[(s, n)], acc[(s, n)] - acc[(s, "stats-L (C=0.03), baseline")]
            cells.append(f"{a.mean():.3f}" + ("" if n.endswith("baseline") else f" ({100 * d.mean():+.1f} ± {100 * se(d):.1f})"))
            ds.append(100 * d.mean())
        print(f"| {n} | " + " | ".join(cells) + f" | {'' if n.endswith('baseline') or len(ds) < len(Z) else f'{np.mean(ds):+.1f}'} |")
    pairs = [("L ⊕ FV32", "L ⊕ SVM"), ("L ⊕ FV32", "L ⊕ L(C=0.1)"), ("L ⊕ FV32", "L ⊕ L(0.01) ⊕ L(0.1)"),
             ("L ⊕ SVM ⊕ FV32", "L ⊕ SVM"), ("L ⊕ SVM ⊕ FV32", "L ⊕ FV32"), ("SVM ⊕ FV32", "L ⊕ SVM"),
             ("L ⊕ FV32m", "L ⊕ FV32"), ("L ⊕ FV16", "L ⊕ FV32"), ("L ⊕ FV16m", "L ⊕ FV32"),
             ("L ⊕ FV32m", "L ⊕ SVM"), ("L ⊕ FV16", "L ⊕ SVM"), ("L ⊕ FV16m", "L ⊕ SVM")]
    print(f"\n### {task}: paired differences between fusions (points ± SE over 10 folds)\n")
    print("| A − B | " + " | ".join(f"seed {s}" for s in Z) + " |")
    print("|---|" + "---|" * len(Z))
    for a, b in pairs:
        cells = []
        for s in Z:
            if (s, a) in acc and (s, b) in acc:
                d = acc[(s, a)] - acc[(s, b)]
                cells.append(f"{100 * d.mean():+.1f} ± {100 * se(d):.1f}")
            else:
                cells.append("")
        if any(cells):
            print(f"| {a} − {b} | " + " | ".join(cells) + " |")
    for s in Z:
        if s != seeds[0]:
            continue
        P = Z[s]
        cl, y = P["classes"], P["y"]
        c = combos(P)
        for n in ("stats-L (C=0.03), baseline", "L ⊕ SVM", "FV32 alone", "L ⊕ FV32"):
            pred = cl[np.argmax(c[n], 1)]
            print(f"\nconfusion, {task}, seed {s}, {n} (rows true, columns predicted, summed over test folds):\n")
            print("| true \\ pred | " + " | ".join(cl) + " | recall |")
            print("|---|" + "---|" * (len(cl) + 1))
            for t in cl:
                row = [int(np.sum((y == t) & (pred == q))) for q in cl]
                print(f"| {t} | " + " | ".join(map(str, row)) + f" | {row[list(cl).index(t)] / sum(row):.3f} |")
        # which items change between stats-L and L ⊕ FV32
        b = cl[np.argmax(c["stats-L (C=0.03), baseline"], 1)]
        f = cl[np.argmax(c["L ⊕ FV32"], 1)]
        fixed = (b != y) & (f == y)
        broke = (b == y) & (f != y)
        print(f"\nseed {s}: L ⊕ FV32 fixes {fixed.sum()} and breaks {broke.sum()} of stats-L's predictions; fixed by true class: "
              + ", ".join(f"{t} {int(np.sum(fixed & (y == t)))}" for t in cl) + "; broken: "
              + ", ".join(f"{t} {int(np.sum(broke & (y == t)))}" for t in cl))


if __name__ == "__main__":
    if "--report-controls" in sys.argv:
        opts = dict(zip(sys.argv[1:], sys.argv[2:]))
        for t in opts.get("--tasks", "genre").split(","):
            report_controls([int(s) for s in opts.get("--seeds", "42,0,1").split(",")], t)
        sys.exit(0)
    if "--controls" in sys.argv:
        opts = dict(zip(sys.argv[1:], sys.argv[2:]))
        controls(sys.argv[1], sys.argv[2], [int(s) for s in opts.get("--seeds", "42").split(",")],
                 [int(k) for k in opts.get("--k", "32").split(",")], opts.get("--tasks", "genre").split(","))
        sys.exit(0)
    opts = dict(zip(sys.argv[1:], sys.argv[2:]))
    seeds = [int(s) for s in opts.get("--seeds", "42").split(",")]
    ks = [int(k) for k in opts.get("--k", "16,32").split(",")]
    encs = opts.get("--enc", "hist,fv").split(",")
    positional = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and not sys.argv[i - 1].startswith("--")]
    if not positional:
        sys.exit(__doc__)
    main(positional[0], positional[1] if len(positional) > 1 else "../shared", seeds, ks, encs)
