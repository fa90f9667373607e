#!/usr/bin/env python3
"""Reference reader for bench_scan.sh: walks a tree and reads the same tags Spectag reads
(title, artist, album, genre, mood + length, sample rate, channels) with python3-mutagen."""
import os
import sys

import mutagen

EXTS = {".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".mp4", ".aac", ".wav", ".aif", ".aiff", ".ape", ".wv", ".wma"}


def main(root):
    ok = failed = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if os.path.splitext(name)[1].lower() not in EXTS:
                continue
            try:
                f = mutagen.File(os.path.join(dirpath, name), easy=True)
                if f is None:
                    failed += 1
                    continue
                tags = f.tags or {}
                for key in ("title", "artist", "album", "genre", "mood"):
                    tags.get(key) if hasattr(tags, "get") else None
                info = f.info
                (info.length, getattr(info, "sample_rate", 0), getattr(info, "channels", 0))
                ok += 1
            except Exception:  # noqa: BLE001 - a reference count, not a validator
                failed += 1
    print(f"mutagen: {ok} read, {failed} failed")


if __name__ == "__main__":
    main(sys.argv[1])
