#!/usr/bin/env python3
"""Markdown tables (mean ± sample std over folds) from `spectag train --folds K --report FILE` reports.

usage: tests/bench/cv_table.py [--confusion] [--speed BENCH.txt] REPORT.json[=BENCHNAME] [...]
--confusion adds, per single-label head, the confusion matrix summed over the test folds (rows: true
label, columns: predicted), so every item is counted exactly once.
--speed adds the accuracy/speed trade-off table: each report's headline figures next to the analysis
cost per minute of audio from a saved tests/bench/bench_analyze.sh output (the row "analyze NAME";
NAME is the report's architecture unless REPORT.json=NAME names another, e.g. =default for the
shipped model, whose hyperparameters differ from the architecture's defaults).
Each report becomes one row per head; the columns follow the emotion paper for multi-label heads
(macro/micro P/R/F1, Hamming loss, ROC-AUC, AP, one-error) and accuracy/macro-F1/AUC for
single-label heads. Training time is the whole k-fold run; parameters are the model's.
"""
import json
import re
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


def read_bench(path):
    """{name: (wall seconds, audio seconds, decode wall seconds, parameters)} from bench_analyze.sh output."""
    rows, decode = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(analyze (\S+)|ffmpeg -f null)\s+audio=\s*([\d.]+) s\s+wall=\s*([\d.]+) s", line)
            if not m:
                continue
            audio, wall = float(m.group(3)), float(m.group(4))
            if m.group(2) is None:
                decode = wall
                continue
            p = re.search(r"params=\s*(\d+)", line)
            rows[m.group(2)] = (wall, audio, int(p.group(1)) if p else 0)
    return {k: (w, a, decode, n) for k, (w, a, n) in rows.items()}


def tradeoff(specs, bench_path):
    """One row per report: headline accuracy per head next to the analysis cost (issue: models)."""
    bench = read_bench(bench_path)
    heads = [("genre", "accuracy", "genre acc"), ("genre", "macro_f1", "genre macro-F1"),
             ("mood", "macro_auc", "GEMS ROC-AUC"), ("quadrant", "accuracy", "quadrant acc"),
             ("quadrant", "macro_f1", "quadrant macro-F1")]
    print("| model | " + " | ".join(h[2] for h in heads)
          + " | parameters | analysis s per audio minute | x decode | k-fold training |")
    print("|---" * (len(heads) + 5) + "|")
    for path, name in specs:
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        name = name or r.get("architecture", "?")
        cells = [cell(r["summary"].get(h, {}).get("metrics", {}), k) for h, k, _ in heads]
        if name in bench:
            wall, audio, decode, params = bench[name]
            speed = f"{wall / (audio / 60):.3f} | {wall / decode:.2f}" if decode else f"{wall / (audio / 60):.3f} | —"
        else:
            speed = "not measured | —"
        print(f"| {name} | " + " | ".join(cells) + f" | {int(r.get('parameters', 0)):,} | {speed} | "
              f"{r.get('seconds', 0) / 60:.1f} min |")
    print()


if __name__ == "__main__":
    args = sys.argv[1:]
    speed = None
    if "--speed" in args:
        i = args.index("--speed")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        speed = args[i + 1]
        del args[i:i + 2]
    confusion = "--confusion" in args
    specs = [tuple(a.split("=", 1)) if "=" in a else (a, None) for a in args if a != "--confusion"]
    if not specs:
        sys.exit(__doc__)
    if speed:
        tradeoff(specs, speed)
    else:
        main([p for p, _ in specs], confusion)
