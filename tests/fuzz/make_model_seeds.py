#!/usr/bin/env python3
"""Tiny .stm seed images for fuzz_modelfile, built from the shipped model's spec.

Seed layout (see fuzz_modelfile.cpp): first byte even = the content *without* its SHA-256 (the
harness appends it), odd = a complete file. Tensors are kept tiny so one input stays small.
usage: make_model_seeds.py DEFAULT_MODEL OUT_DIR
"""
import copy
import hashlib
import json
import struct
import sys


def image(spec, tensors):
    table, data = [], b""
    for name, dtype, shape, raw in tensors:
        table.append({"name": name, "dtype": dtype, "shape": shape, "offset": len(data), "length": len(raw)})
        data += raw
    header = json.dumps({"spec": spec, "data_length": len(data), "tensors": table}, separators=(",", ":")).encode()
    return b"SPECTAGM" + struct.pack("<II", 1, len(header)) + header + data


def main():
    src, out = sys.argv[1], sys.argv[2]
    b = open(src, "rb").read()
    _, hlen = struct.unpack("<II", b[8:16])
    spec = json.loads(b[16:16 + hlen])["spec"]
    spec["provenance"] = {"seed": "fuzz"}
    small = [("conv.weight", "float32", [2, 3], struct.pack("<6f", *[0.5] * 6)),
             ("bn.num_batches_tracked", "int64", [], struct.pack("<q", 7)),
             ("empty", "float32", [0, 4], b"")]
    variants = {"default-spec": spec}
    lin = copy.deepcopy(spec)
    lin["front_end"].update({"n_mels": 0, "n_fft": 256, "win_length": 200, "hop": 128, "center": False})
    variants["linear-frontend"] = lin
    htk = copy.deepcopy(spec)
    htk["front_end"].update({"mel_scale": "htk", "mel_norm": "none", "to_db": False, "top_db": 0})
    htk["normalisation"] = {"mean": [0.0] * 96, "std": [1.0] * 96}
    variants["htk-per-bin-norm"] = htk
    for name, s in variants.items():
        content = image(s, small)
        open(f"{out}/{name}", "wb").write(b"\x00" + content)
    # One complete file (odd first byte: checksum included and checked).
    content = image(spec, small)
    open(f"{out}/complete-with-digest", "wb").write(b"\x01" + content + hashlib.sha256(content).digest())


if __name__ == "__main__":
    main()
