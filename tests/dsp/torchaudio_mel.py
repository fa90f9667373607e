#!/usr/bin/env python3
"""Reference mel spectrogram from torchaudio, for tst_melspectrogram's parity check.

usage: torchaudio_mel.py PCM.f32 OUT.f64 PARAMS_JSON DTYPE
PCM.f32: mono float32 little-endian samples (Spectag's decoder output, so decoding is not compared).
OUT: the (frames x bins) dB matrix, float64 little-endian, *without* top_db (the test applies and
compares that separately). DTYPE: float64 (exact reference) or float32 (torchaudio's default).
"""
import json
import sys

import numpy as np
import torch
import torchaudio

pcm_path, out_path, params_json, dtype_name = sys.argv[1:5]
p = json.loads(params_json)
dtype = torch.float64 if dtype_name == "float64" else torch.float32
# torchaudio builds its window and mel filterbank with the default dtype; without this the
# "float64" reference would still carry float32 filter weights (edge weights off by ~1e-3 relative).
torch.set_default_dtype(dtype)
x = torch.from_numpy(np.fromfile(pcm_path, dtype="<f4").astype(np.float64)).to(dtype)
common = dict(n_fft=p["n_fft"], win_length=p["win_length"], hop_length=p["hop"], power=2.0,
              center=p["center"], pad_mode="reflect", normalized=False)
if p["n_mels"] > 0:
    t = torchaudio.transforms.MelSpectrogram(
        sample_rate=p["sample_rate"], f_min=p["f_min"], f_max=p["f_max"], n_mels=p["n_mels"],
        mel_scale=p["mel_scale"], norm=None if p["mel_norm"] == "none" else "slaney", **common)
else:
    t = torchaudio.transforms.Spectrogram(**common)
t = t.to(dtype)
db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=None)
with torch.no_grad():
    s = db(t(x))  # (bins, frames)
s.T.contiguous().to(torch.float64).numpy().astype("<f8").tofile(out_path)
