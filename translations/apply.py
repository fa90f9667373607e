#!/usr/bin/env python3
"""Fills Spectag's translation catalogues from a table, so new strings can be translated in bulk.

    translations/apply.py todo LANG > todo.tsv        unfinished strings of spectag_LANG.ts as a table
    translations/apply.py apply LANG done.tsv         writes the filled table into spectag_LANG.ts
    translations/apply.py check [LANG...]             lists unfinished or inconsistent messages

The table is tab-separated, one message a row:

    context <TAB> source <TAB> disambiguation <TAB> translation [<TAB> plural form 2 ...]

A message with %n (numerus) has one column per plural form of the language (German, French and
English: singular, plural). Inside a cell, \\n, \\t and \\\\ stand for a line break, a tab and a
backslash. `apply` refuses a row whose placeholders (%1 %2 ... %n) differ from the source's or whose
&-shortcut went missing, and reports rows that match no message (the source changed since `todo`).
Rows it takes lose their "unfinished" mark. Linguist edits the same files, for those who prefer it.
"""
import os
import re
import subprocess
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The same rules as tests/ui/tst_translations.cpp: %1..%99 and %n (%L1 counts as %1); a shortcut is
# & before anything but &, a space or an entity ("&&" is a literal ampersand).
PLACEHOLDER = re.compile(r"%L?(\d{1,2}|n)")
SHORTCUT = re.compile(r"&(?![&\s]|[A-Za-z]+;|#\d+;)")


def ts_path(lang):
    return HERE / f"spectag_{lang}.ts"


def unescape(cell):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}.get(m.group(1), m.group(0)), cell)


def escape(text):
    return (text or "").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def key(message, context):
    comment = message.find("comment")
    return (context, message.findtext("source") or "", comment.text if comment is not None and comment.text else "")


def messages(tree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def forms(message):
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


def problems(source, translated, numerus):
    """What is wrong with one translation; an empty list when nothing is."""
    found = []
    if not translated or any(not f.strip() for f in translated):
        return ["empty"]
    want = {"%" + p for p in PLACEHOLDER.findall(source)}
    for f in translated:
        got = {"%" + p for p in PLACEHOLDER.findall(f)}
        # Strict, also for plural forms: a singular without %n would read "track" for n == 0 in French.
        if got != want:
            found.append(f"placeholders {sorted(got)} instead of {sorted(want)} in {f!r}")
        if len(SHORTCUT.findall(f)) != len(SHORTCUT.findall(source)):
            found.append(f"{len(SHORTCUT.findall(f))} &-shortcut(s), the source has {len(SHORTCUT.findall(source))}: {f!r}")
    return found


def write(tree, path):
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    # lconvert rewrites the file the way lupdate and Linguist do, so the diff shows only the texts.
    # Qt 6's own first: Debian's /usr/bin/lconvert is qtchooser, which may point at a missing Qt 5.
    for lconvert in (os.environ.get("LCONVERT"), "/usr/lib/qt6/bin/lconvert", shutil.which("lconvert-qt6"), shutil.which("lconvert")):
        if lconvert and Path(lconvert).exists():
            subprocess.run([lconvert, "-locations", "none", "-i", str(path), "-o", str(path)], check=True)
            return
    print(f"{path.name}: no lconvert, written unformatted (translations/update.sh formats it)", file=sys.stderr)


def cmd_todo(lang):
    tree = ET.parse(ts_path(lang))
    for context, message in messages(tree):
        translation = message.find("translation")
        if translation.get("type") == "unfinished" or not any(forms(message)):
            ctx, source, comment = key(message, context)
            print("\t".join([escape(ctx), escape(source), escape(comment)] + [escape(f) for f in forms(message)]))


def cmd_apply(lang, table):
    path = ts_path(lang)
    tree = ET.parse(path)
    by_key = {key(m, c): m for c, m in messages(tree)}
    failed = False
    applied = 0
    for n, line in enumerate(Path(table).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [unescape(c) for c in line.split("\t")]
        if len(cells) < 4:
            print(f"{table}:{n}: needs context, source, disambiguation and a translation", file=sys.stderr)
            failed = True
            continue
        k, translated = tuple(cells[:3]), cells[3:]
        message = by_key.get(k)
        if message is None:
            print(f"{table}:{n}: no such message (source changed?): {k[0]} / {k[1]!r}", file=sys.stderr)
            failed = True
            continue
        numerus = message.get("numerus") == "yes"
        translation = message.find("translation")
        if numerus and len(translated) != len(list(translation.iter("numerusform"))):
            print(f"{table}:{n}: {len(list(translation.iter('numerusform')))} plural forms needed for {k[1]!r}", file=sys.stderr)
            failed = True
            continue
        wrong = problems(k[1], translated, numerus)
        if wrong:
            print(f"{table}:{n}: {k[1]!r}: " + "; ".join(wrong), file=sys.stderr)
            failed = True
            continue
        if numerus:
            for form, text in zip(translation.iter("numerusform"), translated):
                form.text = text
        else:
            translation.text = translated[0]
        translation.attrib.pop("type", None)
        applied += 1
    write(tree, path)
    print(f"{path.name}: {applied} message(s) translated", file=sys.stderr)
    return 1 if failed else 0


def cmd_check(langs):
    bad = 0
    for lang in langs or ["de", "fr", "en"]:
        tree = ET.parse(ts_path(lang))
        for context, message in messages(tree):
            source = message.findtext("source") or ""
            unfinished = message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            wrong = (["unfinished"] if unfinished else []) + problems(source, forms(message), message.get("numerus") == "yes")
            if wrong:
                bad += 1
                print(f"spectag_{lang}.ts: {context}: {source!r}: " + "; ".join(wrong))
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "todo":
        return cmd_todo(argv[1]) or 0
    if len(argv) == 3 and argv[0] == "apply":
        return cmd_apply(argv[1], argv[2])
    if argv and argv[0] == "check":
        return cmd_check(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
