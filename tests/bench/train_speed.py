#!/usr/bin/env python3
"""Training speed of the same networks in Debian's python3-torch, for bench_train's comparison.

Each architecture mirrors core/model/{spectagnet,researchnets}.cpp layer for layer (same input
shape [B, 1, bins, frames], same head: Linear(embedding, 4), cross-entropy, AdamW). Prints
samples/second for forward + backward + optimiser step on random batches.
usage: train_speed.py [--threads N] [--batch B] [--steps S] [ARCH...]
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

INPUTS = {  # (bins, frames) of each architecture's default front end (modelspec.cpp)
    "spectag": (96, 188), "liu2017": (257, 257), "holst2021": (128, 128),
    "cerutti2021": (128, 128), "velankar2021crnn": (128, 640), "velankar2021parallel": (128, 640),
}


class Spectag(nn.Module):
    def __init__(self, bins, frames, ch=(24, 32, 64, 96, 128), emb=128):
        super().__init__()
        layers, cin = [], 1
        for i, c in enumerate(ch):
            layers += [nn.Conv2d(cin, c, 3, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU()]
            if i + 1 < len(ch):
                layers.append(nn.MaxPool2d((2, 2)))
            cin = c
        self.features, self.drop, self.embed = nn.Sequential(*layers), nn.Dropout(0.3), nn.Linear(2 * cin, emb)
        self.dim = emb

    def forward(self, x):
        x = self.features(x)
        return F.relu(self.embed(self.drop(torch.cat([x.mean((2, 3)), x.amax((2, 3))], 1))))


def flat(features, bins, frames):
    with torch.no_grad():
        return features.eval()(torch.zeros(1, 1, bins, frames)).numel()


class Liu(nn.Module):
    def __init__(self, bins, frames, f=50, hidden=128):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, f, 5, stride=2, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(f, f, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(f, f, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(f, f, 3, stride=2, padding=1), nn.ReLU())
        self.drop, self.hidden, self.dim = nn.Dropout(0.5), nn.Linear(flat(self.features, bins, frames), hidden), hidden
        self.features.train()

    def forward(self, x):
        return F.relu(self.hidden(self.drop(self.features(x).flatten(1))))


class Holst(nn.Module):
    def __init__(self, bins, frames, f=128, blocks=6, dense=128):
        super().__init__()
        layers = []
        for i in range(blocks):
            layers += [nn.Conv2d(1 if i == 0 else f, f, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.3)]
        self.features = nn.Sequential(*layers)
        self.dense, self.dim = nn.Linear(flat(self.features, bins, frames), dense), dense
        self.features.train()

    def forward(self, x):
        return F.relu(self.dense(self.features(x).flatten(1)))


class ResBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout)
        self.c2, self.b2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout)
        self.down = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
                     if cin != cout or stride != 1 else None)

    def forward(self, x):
        y = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        return F.relu(y + (self.down(x) if self.down is not None else x))


class Cerutti(nn.Module):
    def __init__(self, bins, frames, ch=(32, 64, 128)):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, ch[0], 3, padding=1, bias=False), nn.BatchNorm2d(ch[0]), nn.ReLU(),
                                  nn.MaxPool2d(2))
        blocks, cin = [], ch[0]
        for i, c in enumerate(ch):
            blocks.append(ResBlock(cin, c, 1 if i == 0 else 2))
            cin = c
        self.blocks, self.drop, self.dim = nn.Sequential(*blocks), nn.Dropout(0.2), ch[-1]

    def forward(self, x):
        return self.drop(self.blocks(self.stem(x)).mean((2, 3)))


class Crnn(nn.Module):
    def __init__(self, bins, frames, f=56, lstm=96, dense=64, pool=2):
        super().__init__()
        layers, cin = [], bins
        for _ in range(3):
            layers += [nn.Conv1d(cin, f, 5), nn.ReLU(), nn.BatchNorm1d(f), nn.MaxPool1d(pool)]
            cin = f
        self.conv, self.lstm = nn.Sequential(*layers), nn.LSTM(f, lstm, batch_first=True)
        self.drop, self.dense, self.dim = nn.Dropout(0.3), nn.Linear(lstm, dense), dense

    def forward(self, x):
        _, (h, _) = self.lstm(self.conv(x.squeeze(1)).transpose(1, 2))
        return F.relu(self.dense(self.drop(h[-1])))


class Parallel(nn.Module):
    def __init__(self, bins, frames, gru=64):
        super().__init__()
        layers, cin = [], 1
        for f, p in zip((16, 32, 64, 64, 64), (2, 2, 2, 4, 4)):
            layers += [nn.Conv2d(cin, f, (1, 3), padding=(0, 1)), nn.ReLU(), nn.MaxPool2d(p, ceil_mode=True)]
            cin = f
        layers.append(nn.AdaptiveMaxPool2d((1, 4)))
        self.cnn = nn.Sequential(*layers)
        self.gru = nn.GRU((bins + 1) // 2, gru, batch_first=True, bidirectional=True)
        self.drop, self.dim = nn.Dropout(0.3), 256 + 2 * gru

    def forward(self, x):
        c = self.cnn(x).flatten(1)
        r = F.max_pool2d(x, (2, 4), (2, 4), ceil_mode=True).squeeze(1)
        _, h = self.gru(r.transpose(1, 2))
        return self.drop(torch.cat([c, torch.cat([h[-2], h[-1]], 1)], 1))


NETS = {"spectag": Spectag, "liu2017": Liu, "holst2021": Holst, "cerutti2021": Cerutti,
        "velankar2021crnn": Crnn, "velankar2021parallel": Parallel}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("archs", nargs="*", default=list(NETS))
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    for name in a.archs:
        bins, frames = INPUTS[name]
        backbone = NETS[name](bins, frames)
        head = nn.Linear(backbone.dim, 4)
        params = list(backbone.parameters()) + list(head.parameters())
        opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-4)
        x = torch.randn(a.batch, 1, bins, frames)
        y = torch.randint(0, 4, (a.batch,))
        backbone.train()

        def step():
            opt.zero_grad()
            loss = F.cross_entropy(head(backbone(x)), y)
            loss.backward()
            opt.step()

        step()  # warm-up
        t0 = time.perf_counter()
        for _ in range(a.steps):
            step()
        dt = time.perf_counter() - t0
        n = sum(p.numel() for p in params)
        print(f"python-torch {name:22s} params={n:9d} batch={a.batch} threads={a.threads} "
              f"samples/s={a.steps * a.batch / dt:8.1f}")


if __name__ == "__main__":
    main()
