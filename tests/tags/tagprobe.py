#!/usr/bin/python3
"""Independent reader/writer for the tag tests, built on mutagen (not on TagLib).

  tagprobe.py add-foreign FILE [v23]   add cover art, a custom text field, ReplayGain and lyrics
  tagprobe.py dump-foreign FILE        JSON {field: sha256 of its exact content} for fields Spectag does not own
  tagprobe.py read FILE                JSON {mood, genre, mood_scores, genre_scores} as mutagen sees them
"""
import hashlib
import json
import sys

import mutagen
from mutagen import apev2, id3, mp4, flac

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2271d"
                    "c80000000049454e44ae426082")

OWNED_ID3 = {"TMOO", "TCON", "TXXX:MOOD", "TXXX:SPECTAG_MOOD_SCORES", "TXXX:SPECTAG_GENRE_SCORES"}
OWNED_VORBIS = {"mood", "genre", "spectag_mood_scores", "spectag_genre_scores"}
OWNED_MP4 = {"\xa9gen", "gnre", "----:com.apple.iTunes:MOOD", "----:com.apple.iTunes:SPECTAG_MOOD_SCORES",
             "----:com.apple.iTunes:SPECTAG_GENRE_SCORES"}
OWNED_APE = {"mood", "genre", "spectag mood scores", "spectag genre scores"}


def sha(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def open_file(path):
    f = mutagen.File(path)
    if f is None:
        raise SystemExit("mutagen cannot open " + path)
    return f


def add_foreign(path, v23):
    f = open_file(path)
    if f.tags is None:
        f.add_tags()
    t = f.tags
    if isinstance(t, id3.ID3):
        t.add(id3.APIC(encoding=3, mime="image/png", type=3, desc="cover", data=PNG))
        t.add(id3.TXXX(encoding=1, desc="FOO", text=["bar"]))
        t.add(id3.TXXX(encoding=1, desc="REPLAYGAIN_TRACK_GAIN", text=["-6.50 dB"]))
        t.add(id3.USLT(encoding=1, lang="eng", desc="", text="la la la"))
        t.add(id3.PRIV(owner="spectag-test", data=b"\x00\x01\x02private"))
        t.add(id3.TIT2(encoding=1, text=["A title"]))
        f.save(v2_version=3 if v23 else 4)
        return
    if isinstance(t, mp4.MP4Tags):
        t["covr"] = [mp4.MP4Cover(PNG, imageformat=mp4.MP4Cover.FORMAT_PNG)]
        t["----:com.apple.iTunes:FOO"] = [b"bar"]
        t["----:com.apple.iTunes:replaygain_track_gain"] = [b"-6.50 dB"]
        t["\xa9lyr"] = ["la la la"]
        t["\xa9nam"] = ["A title"]
        f.save()
        return
    if isinstance(t, apev2.APEv2):
        t["Foo"] = "bar"
        t["REPLAYGAIN_TRACK_GAIN"] = "-6.50 dB"
        t["Lyrics"] = "la la la"
        t["Cover Art (Front)"] = apev2.APEValue(b"cover.png\x00" + PNG, apev2.BINARY)
        t["Title"] = "A title"
        f.save()
        return
    # Vorbis comments (FLAC, Ogg Vorbis, Opus)
    t["FOO"] = ["bar"]
    t["REPLAYGAIN_TRACK_GAIN"] = ["-6.50 dB"]
    t["LYRICS"] = ["la la la"]
    t["TITLE"] = ["A title"]
    pic = flac.Picture()
    pic.type, pic.mime, pic.desc, pic.data = 3, "image/png", "cover", PNG
    pic.width = pic.height = 1
    pic.depth = 32
    if isinstance(f, flac.FLAC):
        f.add_picture(pic)
    else:
        import base64
        t["METADATA_BLOCK_PICTURE"] = [base64.b64encode(pic.write()).decode("ascii")]
    f.save()


def dump_foreign(path):
    f = open_file(path)
    out = {}
    t = f.tags
    if t is not None:
        if isinstance(t, id3.ID3):
            for key, frame in t.items():
                if key not in OWNED_ID3:
                    out[key] = sha(repr(frame))
        elif isinstance(t, mp4.MP4Tags):
            for key, value in t.items():
                if key not in OWNED_MP4:
                    out[key] = sha(repr(value))
        elif isinstance(t, apev2.APEv2):
            for key, value in t.items():
                if key.lower() not in OWNED_APE:
                    out[key.lower()] = sha(repr(value))
        else:
            for key, value in t.items():
                if key.lower() not in OWNED_VORBIS:
                    out.setdefault(key.lower(), []).append(sha(repr(value)))
    if isinstance(f, flac.FLAC):
        for i, p in enumerate(f.pictures):
            out["picture%d" % i] = sha(p.write())
    print(json.dumps(out, sort_keys=True))


def read(path):
    f = open_file(path)
    t = f.tags
    res = {"mood": [], "genre": [], "mood_scores": [], "genre_scores": []}
    if t is None:
        pass
    elif isinstance(t, id3.ID3):
        def txxx(desc):
            for fr in t.getall("TXXX"):
                if fr.desc.upper() == desc:
                    return list(fr.text)
            return []
        res["mood"] = list(t["TMOO"].text) if "TMOO" in t else txxx("MOOD")
        res["genre"] = list(t["TCON"].genres) if "TCON" in t else []
        res["mood_scores"] = txxx("SPECTAG_MOOD_SCORES")
        res["genre_scores"] = txxx("SPECTAG_GENRE_SCORES")
        if t.version[1] == 3:  # one joined string per frame in v2.3
            for k in ("mood", "genre"):
                res[k] = [p.strip() for v in res[k] for p in v.split(";") if p.strip()]
    elif isinstance(t, mp4.MP4Tags):
        def ff(name):
            return [v.decode("utf-8") for v in t.get("----:com.apple.iTunes:" + name, [])]
        res["mood"] = ff("MOOD")
        res["genre"] = list(t.get("\xa9gen", []))
        res["mood_scores"] = ff("SPECTAG_MOOD_SCORES")
        res["genre_scores"] = ff("SPECTAG_GENRE_SCORES")
    elif isinstance(t, apev2.APEv2):
        for k, key in (("mood", "Mood"), ("genre", "Genre"), ("mood_scores", "Spectag Mood Scores"),
                       ("genre_scores", "Spectag Genre Scores")):
            if key in t:
                res[k] = list(t[key])
    else:
        for k, key in (("mood", "mood"), ("genre", "genre"), ("mood_scores", "spectag_mood_scores"),
                       ("genre_scores", "spectag_genre_scores")):
            res[k] = list(t.get(key, []))
    print(json.dumps(res, ensure_ascii=False))


if __name__ == "__main__":
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "add-foreign":
        add_foreign(path, len(sys.argv) > 3 and sys.argv[3] == "v23")
    elif cmd == "dump-foreign":
        dump_foreign(path)
    elif cmd == "read":
        read(path)
    else:
        raise SystemExit("unknown command " + cmd)
