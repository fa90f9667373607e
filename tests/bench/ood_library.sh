#!/usr/bin/env bash
# What the shipped model says about music unlike its training data: `spectag analyze --json` over a
# folder (default: Debian's wesnoth-1.16-music, 41 orchestral game-music tracks, the README's demo
# library), then how many tracks each genre and quadrant got, mean valence/arousal, and one line
# per track. Emotify and 4Q hold almost no orchestral film/game music, so this is an
# out-of-domain check, not an accuracy figure: a listener would call all 41 tracks "classical".
#
#   tests/bench/ood_library.sh [BUILD_DIR] [MUSIC_DIR] [MODEL]
# needs: packaging/install-deps.sh --test (wesnoth-1.16-music)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
music=${2:-/usr/share/games/wesnoth/1.16/data/core/music}
model=${3:-$root/resources/models/spectag-default.stm}
bin=$build/bin/spectag
[ -x "$bin" ] || { echo "build $bin first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== $(date -u +%F) $music with $(basename "$model")"
# Exit status 3 means some files could not be analysed (Wesnoth's silence.ogg is silent): the
# others are still reported; anything else is a failure.
rc=0
"$bin" analyze "$music" --json --model "$model" --catalog "$tmp/catalog.db" > "$tmp/out.jsonl" || rc=$?
[ "$rc" = 0 ] || [ "$rc" = 3 ] || exit "$rc"
/usr/bin/python3 - "$tmp/out.jsonl" <<'EOF'
import collections, json, sys
rows = [r for r in map(json.loads, open(sys.argv[1])) if "genre" in r]  # (silent tracks: an error row)
genre = collections.Counter(r["genre"]["label"] for r in rows)
quad = collections.Counter(r["quadrant"]["label"] for r in rows if "quadrant" in r)
for r in sorted(rows, key=lambda r: r["path"]):
    g, q = r["genre"], r.get("quadrant", {})
    print(f'{r["path"].rsplit("/", 1)[-1][:30]:30s} {g["label"]:10s} '
          + " ".join(f"{k}={v:.2f}" for k, v in sorted(g["scores"].items()))
          + (f'  {q["label"]} valence {q["valence"]:+.2f} arousal {q["arousal"]:+.2f}' if q else ""))
print(f"tracks: {len(rows)}")
print("genre:", ", ".join(f"{k} {v}" for k, v in genre.most_common()))
if quad:
    print("quadrant:", ", ".join(f"{k} {v}" for k, v in quad.most_common()))
    va = [(r["quadrant"]["valence"], r["quadrant"]["arousal"]) for r in rows if "quadrant" in r]
    print("mean valence %+.2f, mean arousal %+.2f" % tuple(sum(x) / len(va) for x in zip(*va)))
EOF
