"""Writes X.npy (seeded random 4x32 f32) and the numpy references of numerics_cpu.mlir's outputs:
layer norm decomposed as ONNX exporters write it (gamma 1.5, beta 0.25, eps 1e-5) and softmax."""
import sys

import numpy as np

x_path, ln_path, sm_path = sys.argv[1:4]
x = np.random.default_rng(7).standard_normal((4, 32)).astype(np.float32)
d = x - x.mean(axis=-1, keepdims=True)
ln = d / np.sqrt((d ** 2).mean(axis=-1, keepdims=True) + 1e-5) * 1.5 + 0.25
e = np.exp(x - x.max(axis=-1, keepdims=True))
np.save(x_path, x)
np.save(ln_path, ln.astype(np.float32))
np.save(sm_path, (e / e.sum(axis=-1, keepdims=True)).astype(np.float32))
