#!/usr/bin/env python3
"""torchaudio's load + resample + MelSpectrogram over files, timed like bench_frontend."""
import sys
import time

import torch
import torchaudio

rate = 16000
files = sys.argv[1:]
mel = torchaudio.transforms.MelSpectrogram(sample_rate=rate, n_fft=512, hop_length=256, n_mels=96,
                                           f_max=8000, mel_scale="slaney", norm="slaney")
to_db = torchaudio.transforms.AmplitudeToDB(top_db=80)
audio = 0.0
t0 = time.perf_counter()
for f in files:
    x, sr = torchaudio.load(f)
    x = x.mean(0)
    x = torchaudio.functional.resample(x, sr, rate)
    with torch.no_grad():
        to_db(mel(x))
    audio += x.numel() / rate
wall = time.perf_counter() - t0
print(f"{'torchaudio load+mel':28s} threads={torch.get_num_threads()}  audio={audio:8.1f} s  wall={wall:7.2f} s  "
      f"speed={audio / wall:7.1f}x realtime")
