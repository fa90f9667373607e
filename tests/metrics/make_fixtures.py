#!/usr/bin/python3
"""Reference values for Spectag's metrics, computed with scikit-learn.

Writes one JSON file per case into the output folder (default: fixtures/ next to this script):
the inputs and sklearn's results. tst_metrics compares core/metrics against the checked-in
files, and re-runs this script into a temporary folder when sklearn is installed.

Conventions that sklearn leaves open or handles differently (Spectag's choices, see ranking.h):
- ROC-AUC / AP of a label with one class only in the truth is undefined: null here, and the
  macro averages run over the defined labels only.
- One-error is not in sklearn; it is computed here with numpy (argmax = first maximum).

Usage: make_fixtures.py [OUTDIR]
"""
import json
import os
import statistics
import sys
import warnings

import numpy as np
from sklearn import metrics as skm

warnings.simplefilter("ignore")


def fnum(x):
    x = float(x)
    return None if np.isnan(x) else x


def defined_mean(values):
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def multi_label_case(name, scores, truth, thresholds):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(truth, dtype=int)
    th = np.asarray(thresholds, dtype=float)
    pred = (scores >= th[None, :]).astype(int)
    p, r, f, s = skm.precision_recall_fscore_support(truth, pred, average=None, zero_division=0)
    exp = {}
    exp["per_label_precision"] = [fnum(v) for v in p]
    exp["per_label_recall"] = [fnum(v) for v in r]
    exp["per_label_f1"] = [fnum(v) for v in f]
    exp["per_label_support"] = [int(v) for v in s]
    for avg in ("macro", "micro"):
        ap, ar, af, _ = skm.precision_recall_fscore_support(truth, pred, average=avg, zero_division=0)
        exp[avg + "_precision"], exp[avg + "_recall"], exp[avg + "_f1"] = fnum(ap), fnum(ar), fnum(af)
    exp["hamming_loss"] = fnum(skm.hamming_loss(truth, pred))
    exp["subset_accuracy"] = fnum(skm.accuracy_score(truth, pred))
    aucs, aps = [], []
    for l in range(truth.shape[1]):
        col = truth[:, l]
        both = 0 < col.sum() < len(col)
        aucs.append(fnum(skm.roc_auc_score(col, scores[:, l])) if both else None)
        aps.append(fnum(skm.average_precision_score(col, scores[:, l])) if col.sum() > 0 else None)
    exp["per_label_auc"], exp["per_label_ap"] = aucs, aps
    exp["macro_auc"], exp["macro_ap"] = defined_mean(aucs), defined_mean(aps)
    exp["undefined_auc_labels"] = aucs.count(None)
    exp["undefined_ap_labels"] = aps.count(None)
    flat_t, flat_s = truth.ravel(), scores.ravel()
    exp["micro_auc"] = fnum(skm.roc_auc_score(flat_t, flat_s)) if 0 < flat_t.sum() < len(flat_t) else None
    exp["micro_ap"] = fnum(skm.average_precision_score(flat_t, flat_s)) if flat_t.sum() > 0 else None
    exp["coverage"] = fnum(skm.coverage_error(truth, scores))
    exp["ranking_loss"] = fnum(skm.label_ranking_loss(truth, scores))
    top = np.argmax(scores, axis=1)
    exp["one_error"] = fnum(np.mean(truth[np.arange(len(truth)), top] == 0))
    return {"name": name, "kind": "multi", "scores": scores.tolist(), "truth": truth.tolist(),
            "thresholds": th.tolist(), "expected": exp}


def single_label_case(name, probs, truth):
    probs = np.asarray(probs, dtype=float)
    truth = np.asarray(truth, dtype=int)
    classes = probs.shape[1]
    labels = list(range(classes))
    pred = np.argmax(probs, axis=1)
    exp = {"accuracy": fnum(skm.accuracy_score(truth, pred)),
           "confusion": skm.confusion_matrix(truth, pred, labels=labels).tolist()}
    p, r, f, s = skm.precision_recall_fscore_support(truth, pred, labels=labels, average=None, zero_division=0)
    exp["per_class_precision"] = [fnum(v) for v in p]
    exp["per_class_recall"] = [fnum(v) for v in r]
    exp["per_class_f1"] = [fnum(v) for v in f]
    exp["per_class_support"] = [int(v) for v in s]
    for avg in ("macro", "micro"):
        ap, ar, af, _ = skm.precision_recall_fscore_support(truth, pred, labels=labels, average=avg,
                                                            zero_division=0)
        exp[avg + "_precision"], exp[avg + "_recall"], exp[avg + "_f1"] = fnum(ap), fnum(ar), fnum(af)
    aucs = []
    for c in labels:
        col = (truth == c).astype(int)
        aucs.append(fnum(skm.roc_auc_score(col, probs[:, c])) if 0 < col.sum() < len(col) else None)
    exp["per_class_auc"], exp["macro_auc"] = aucs, defined_mean(aucs)
    return {"name": name, "kind": "single", "scores": probs.tolist(), "truth": truth.tolist(), "expected": exp}


def fold_case(name, folds):
    keys = sorted({k for f in folds for k in f})
    exp = {}
    for k in keys:
        vals = [f[k] for f in folds if f.get(k) is not None]
        exp[k] = {"mean": statistics.fmean(vals), "std": statistics.stdev(vals) if len(vals) > 1 else 0.0,
                  "min": min(vals), "max": max(vals), "n": len(vals)}
    return {"name": name, "kind": "folds", "folds": folds, "expected": exp}


def cases():
    rng = np.random.default_rng(20240611)
    out = []

    # Multi-label: scores rounded to one decimal (many ties), label 2 never relevant, label 4
    # always relevant (AUC undefined for both, AP undefined for label 2), per-label thresholds.
    n, l = 80, 6
    truth = (rng.random((n, l)) < [0.3, 0.5, 0.0, 0.15, 1.0, 0.4]).astype(int)
    scores = np.round(np.clip(truth * 0.25 + rng.random((n, l)) * 0.75, 0, 1), 1)
    out.append(multi_label_case("multi_random_ties", scores, truth, [0.5, 0.4, 0.5, 0.6, 0.3, 0.5]))

    # Continuous scores, no ties, one example with no relevant label at all.
    truth = (rng.random((40, 5)) < 0.35).astype(int)
    truth[0, :] = 0
    scores = truth * 0.3 + rng.random((40, 5)) * 0.7
    out.append(multi_label_case("multi_random_continuous", scores, truth, [0.5] * 5))

    truth = (rng.random((30, 4)) < 0.4).astype(int)
    truth[:, 0] = (np.arange(30) % 2)
    out.append(multi_label_case("multi_perfect", truth * 0.8 + 0.1, truth, [0.5] * 4))
    out.append(multi_label_case("multi_worst", (1 - truth) * 0.8 + 0.1, truth, [0.5] * 4))

    # Single-label: 5 classes, class 3 rare, probabilities rounded (argmax ties -> first class).
    truth = rng.choice(5, size=70, p=[0.3, 0.25, 0.2, 0.05, 0.2])
    logits = rng.random((70, 5)) + np.eye(5)[truth] * 0.6
    probs = np.round(logits / logits.sum(axis=1, keepdims=True), 2)
    out.append(single_label_case("single_random_ties", probs, truth))

    truth = np.arange(40) % 4
    out.append(single_label_case("single_perfect", np.eye(4)[truth] * 0.7 + 0.075, truth))
    out.append(single_label_case("single_worst", np.eye(4)[(truth + 1) % 4] * 0.7 + 0.075, truth))

    folds = []
    for i in range(10):
        folds.append({"macro_f1": float(rng.random()), "hamming_loss": float(rng.random() * 0.2),
                      "macro_auc": None if i == 3 else float(0.7 + rng.random() * 0.2)})
    out.append(fold_case("fold_summary", folds))
    out.append(fold_case("fold_summary_single", [{"accuracy": 0.75}]))
    return out


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
    os.makedirs(outdir, exist_ok=True)
    for case in cases():
        with open(os.path.join(outdir, case["name"] + ".json"), "w") as fh:
            json.dump(case, fh, indent=1)
            fh.write("\n")
    print(f"wrote {len(cases())} fixtures to {outdir}")


if __name__ == "__main__":
    main()
