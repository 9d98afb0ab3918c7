"""Inputs and the numpy reference of conv_chain_cpu.mlir: conv(3->5, 3x3, pad 1) + bias, sigmoid,
conv(5->2, 2x3, pads 0/1/1/1) + bias, + residual, relu, on a 9 x 7 image.

Usage: conv_chain_ref.py X.npy WA.npy BA.npy WB.npy BB.npy R.npy WANT.npy"""
import sys

import numpy as np


def conv(x, w, b, pads):
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    oh, ow = h + pads[0] + pads[2] - kh + 1, wd + pads[1] + pads[3] - kw + 1
    xp = np.zeros((n, c, h + pads[0] + pads[2], wd + pads[1] + pads[3]), np.float64)
    xp[:, :, pads[0]:pads[0] + h, pads[1]:pads[1] + wd] = x
    y = np.zeros((n, o, oh, ow), np.float64)
    for i in range(kh):
        for j in range(kw):
            y += np.einsum("nchw,oc->nohw", xp[:, :, i:i + oh, j:j + ow], w[:, :, i, j])
    return y + b.reshape(1, -1, 1, 1)


rng = np.random.default_rng(7)
x = rng.uniform(-1, 1, (2, 3, 9, 7)).astype(np.float32)
wa, ba = rng.uniform(-1, 1, (5, 3, 3, 3)).astype(np.float32), rng.uniform(-1, 1, 5).astype(np.float32)
wb, bb = rng.uniform(-1, 1, (2, 5, 2, 3)).astype(np.float32), rng.uniform(-1, 1, 2).astype(np.float32)
r = rng.uniform(-1, 1, (2, 2, 9, 7)).astype(np.float32)
mid = 1 / (1 + np.exp(-conv(x, wa, ba, (1, 1, 1, 1))))
want = np.maximum(conv(mid, wb, bb, (0, 1, 1, 1)) + r, 0).astype(np.float32)
for path, a in zip(sys.argv[1:], [x, wa, ba, wb, bb, r, want]):
    np.save(path, a)
