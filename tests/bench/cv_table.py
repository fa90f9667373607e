#!/usr/bin/env python3
"""Markdown tables (mean ± sample std over folds) from `spectag train --folds K --report FILE` reports.

usage: tests/bench/cv_table.py [--confusion] REPORT.json [REPORT.json ...]
--confusion adds, per single-label head, the confusion matrix summed over the test folds (rows: true
label, columns: predicted), so every item is counted exactly once.
Each report becomes one row per head; the columns follow the emotion paper for multi-label heads
(macro/micro P/R/F1, Hamming loss, ROC-AUC, AP, one-error) and accuracy/macro-F1/AUC for
single-label heads. Training time is the whole k-fold run; parameters are the model's.
"""
import json
import sys

SINGLE = [("accuracy", "accuracy"), ("macro_f1", "macro F1"), ("macro_auc", "ROC-AUC")]
MULTI = [("macro_precision", "macro P"), ("macro_recall", "macro R"), ("macro_f1", "macro F1"),
         ("micro_precision", "micro P"), ("micro_recall", "micro R"), ("micro_f1", "micro F1"),
         ("hamming_loss", "Hamming"), ("macro_auc", "ROC-AUC"), ("macro_ap", "AP"), ("one_error", "one-error")]


def cell(stats, key):
    s = stats.get(key)
    if not s:
        return "—"
    return f"{s['mean']:.3f} ± {s['std']:.3f}" if s.get("n", 0) > 1 else f"{s['mean']:.3f}"


def main(paths, confusion=False):
    rows = {"single": [], "multi": []}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        arch = r.get("architecture", "?")
        folds = len(r["folds"])
        extra = f"{int(r.get('parameters', 0)):,} | {r.get('seconds', 0) / 60:.1f} min"
        for head, summary in sorted(r["summary"].items()):
            stats = summary["metrics"]
            kind = "multi" if "hamming_loss" in stats else "single"
            cols = MULTI if kind == "multi" else SINGLE
            rows[kind].append(f"| {arch} | {head} | {folds} | " + " | ".join(cell(stats, k) for k, _ in cols) + f" | {extra} |")
    if confusion:
        for path in paths:
            with open(path, encoding="utf-8") as f:
                r = json.load(f)
            for head in sorted(r["summary"]):
                total, names = None, None
                for fold in r["folds"]:
                    m = fold["metrics"].get(head, {})
                    if "confusion" not in m:
                        continue
                    names = [c["name"] for c in m.get("per_class", [])]
                    c = m["confusion"]
                    total = c if total is None else [[a + b for a, b in zip(x, y)] for x, y in zip(total, c)]
                if total is None:
                    continue
                names = names or [str(i) for i in range(len(total))]
                print(f"{r.get('architecture', '?')} {head}: confusion over all test folds (rows true, columns predicted)\n")
                print("| true \\ predicted | " + " | ".join(names) + " | recall |")
                print("|---" * (len(names) + 2) + "|")
                for name, row in zip(names, total):
                    print(f"| {name} | " + " | ".join(str(v) for v in row) + f" | {row[names.index(name)] / max(1, sum(row)):.2f} |")
                print()
    for kind, cols in (("single", SINGLE), ("multi", MULTI)):
        if not rows[kind]:
            continue
        print("| architecture | head | folds | " + " | ".join(n for _, n in cols) + " | parameters | k-fold time |")
        print("|---" * (len(cols) + 5) + "|")
        print("\n".join(rows[kind]))
        print()


if __name__ == "__main__":
    if len([a for a in sys.argv[1:] if a != "--confusion"]) < 1:
        sys.exit(__doc__)
    args = sys.argv[1:]
    main([a for a in args if a != "--confusion"], "--confusion" in args)
