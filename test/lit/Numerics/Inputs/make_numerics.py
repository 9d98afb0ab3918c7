#!/usr/bin/env python3
"""Generates the inputs and numpy reference outputs of the dlc-run numerics tests in this folder.
The references are computed with numpy alone, independently of DLC. Weights live in the .mlir files
as dlc.constant ops; this script writes them there too, so the two always agree.
Run with Debian's python3 (python3-numpy): /usr/bin/python3 make_numerics.py"""
import math
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.dirname(here)
rng = np.random.default_rng(7)


def f32(a):
    return np.asarray(a, dtype=np.float32)


def dense(a):
    a = np.asarray(a)
    def rec(x):
        if x.ndim == 0:
            return f"{float(x):.8e}"
        return "[" + ", ".join(rec(v) for v in x) + "]"
    return f"dense<{rec(a)}>"


def ttype(shape, dyn=()):
    dims = ["?" if i in dyn else str(d) for i, d in enumerate(shape)]
    return "tensor<" + "x".join(dims + ["f32"]) + ">"


def const(name, a):
    t = ttype(a.shape)
    return f'  %{name} = "dlc.constant"() {{value = {dense(a)} : {t}}} : () -> {t}\n'


def save(name, a):
    np.save(os.path.join(here, name), f32(a))


def erf(v):
    return np.vectorize(math.erf)(v)


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def write(name, text):
    with open(os.path.join(out_dir, name), "w") as f:
        f.write(text)


def mlp():
    """MLP block: relu(x @ w1 + b1) @ w2 + b2, batch dim dynamic, run at two batch sizes."""
    D, H, O = 12, 24, 5
    w1, b1 = f32(rng.standard_normal((D, H)) / math.sqrt(D)), f32(0.1 * rng.standard_normal(H))
    w2, b2 = f32(rng.standard_normal((H, O)) / math.sqrt(H)), f32(0.1 * rng.standard_normal(O))
    for tag, B in (("b3", 3), ("b17", 17)):
        x = f32(rng.standard_normal((B, D)))
        save(f"mlp_x_{tag}.npy", x)
        save(f"mlp_ref_{tag}.npy", np.maximum(x @ w1 + b1, 0) @ w2 + b2)
    X, Hd, Y = ttype((0, D), {0}), ttype((0, H), {0}), ttype((0, O), {0})
    body = (const("w1", w1) + const("b1", b1) + const("w2", w2) + const("b2", b2) +
            f'  %0 = "dlc.matmul"(%x, %w1) : ({X}, {ttype(w1.shape)}) -> {Hd}\n'
            f'  %1 = "dlc.add"(%0, %b1) : ({Hd}, {ttype(b1.shape)}) -> {Hd}\n'
            f'  %2 = "dlc.relu"(%1) : ({Hd}) -> {Hd}\n'
            f'  %3 = "dlc.matmul"(%2, %w2) : ({Hd}, {ttype(w2.shape)}) -> {Y}\n'
            f'  %4 = "dlc.add"(%3, %b2) : ({Y}, {ttype(b2.shape)}) -> {Y}\n'
            f'  return %4 : {Y}\n')
    write("mlp.mlir", MLP_HEADER + f"func.func @main(%x: {X}) -> {Y} {{\n{body}}}\n")


def attention():
    """Single-head causal self-attention over a [batch, seq, dim] input:
    softmax(mask(q k^T / sqrt(d))) v with q, k, v = x Wq, x Wk, x Wv, then an output projection."""
    B, S, D = 2, 6, 8
    wq, wk, wv, wo = (f32(rng.standard_normal((D, D)) / math.sqrt(D)) for _ in range(4))
    x = f32(rng.standard_normal((B, S, D)))
    mask = np.triu(np.full((S, S), -1e9, dtype=np.float32), k=1)
    q, k, v = x @ wq, x @ wk, x @ wv
    scores = q @ np.swapaxes(k, -1, -2) / math.sqrt(D) + mask
    ref = softmax(scores) @ v @ wo
    save("attention_x.npy", x)
    save("attention_ref.npy", ref)
    X, W, SS = ttype((B, S, D)), ttype((D, D)), ttype((B, S, S))
    scale = f32(1.0 / math.sqrt(D))
    body = (const("wq", wq) + const("wk", wk) + const("wv", wv) + const("wo", wo) + const("mask", mask) +
            f'  %scale = "dlc.constant"() {{value = dense<{float(scale):.8e}> : tensor<f32>}} : () -> tensor<f32>\n'
            f'  %q = "dlc.matmul"(%x, %wq) : ({X}, {W}) -> {X}\n'
            f'  %k = "dlc.matmul"(%x, %wk) : ({X}, {W}) -> {X}\n'
            f'  %v = "dlc.matmul"(%x, %wv) : ({X}, {W}) -> {X}\n'
            f'  %s = "dlc.matmul"(%q, %k) {{transpose_b = true}} : ({X}, {X}) -> {SS}\n'
            f'  %ss = "dlc.mul"(%s, %scale) : ({SS}, tensor<f32>) -> {SS}\n'
            f'  %sm = "dlc.add"(%ss, %mask) : ({SS}, {ttype(mask.shape)}) -> {SS}\n'
            f'  %p = "dlc.softmax"(%sm) {{axis = -1 : i64}} : ({SS}) -> {SS}\n'
            f'  %o = "dlc.matmul"(%p, %v) : ({SS}, {X}) -> {X}\n'
            f'  %y = "dlc.matmul"(%o, %wo) : ({X}, {W}) -> {X}\n'
            f'  return %y : {X}\n')
    write("attention.mlir", ATT_HEADER + f"func.func @main(%x: {X}) -> {X} {{\n{body}}}\n")


def layer_norm():
    """Transformer-style residual + layer norm over the last dim, sequence length dynamic."""
    S, D = 7, 16
    gamma, beta = f32(1 + 0.1 * rng.standard_normal(D)), f32(0.1 * rng.standard_normal(D))
    x, r = f32(rng.standard_normal((2, S, D)) * 3 + 1), f32(rng.standard_normal((2, S, D)))
    h = x + r
    mu, var = h.mean(-1, keepdims=True), h.var(-1, keepdims=True)
    save("layer_norm_x.npy", x)
    save("layer_norm_r.npy", r)
    save("layer_norm_ref.npy", (h - mu) / np.sqrt(var + 1e-5) * gamma + beta)
    X = ttype((2, 0, D), {1})
    body = (const("gamma", gamma) + const("beta", beta) +
            f'  %h = "dlc.add"(%x, %r) : ({X}, {X}) -> {X}\n'
            f'  %y = "dlc.layer_norm"(%h, %gamma, %beta) {{axis = -1 : i64, epsilon = 1.0e-05 : f32}} : '
            f'({X}, {ttype(gamma.shape)}, {ttype(beta.shape)}) -> {X}\n'
            f'  return %y : {X}\n')
    write("layer_norm.mlir", LN_HEADER + f"func.func @main(%x: {X}, %r: {X}) -> {X} {{\n{body}}}\n")


MLP_HEADER = """// dlc-run numerics: an MLP block with a dynamic batch, run at two batch sizes from one compile each.
// Inputs, weights and references come from Inputs/make_numerics.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/mlp_x_b3.npy --output=@%t.b3.npy
// RUN: %python %S/../Utils/allclose.py %t.b3.npy %S/Inputs/mlp_ref_b3.npy
// RUN: dlc-run %s --input=@%S/Inputs/mlp_x_b17.npy --output=@%t.b17.npy
// RUN: %python %S/../Utils/allclose.py %t.b17.npy %S/Inputs/mlp_ref_b17.npy
"""
ATT_HEADER = """// dlc-run numerics: causal single-head self-attention (batched matmuls, transpose_b, scale, mask, softmax).
// Inputs, weights and references come from Inputs/make_numerics.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/attention_x.npy --output=@%t.npy
// RUN: %python %S/../Utils/allclose.py %t.npy %S/Inputs/attention_ref.npy
"""
LN_HEADER = """// dlc-run numerics: residual add + layer norm with a dynamic sequence length.
// Inputs, weights and references come from Inputs/make_numerics.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/layer_norm_x.npy --input=@%S/Inputs/layer_norm_r.npy --output=@%t.npy
// RUN: %python %S/../Utils/allclose.py %t.npy %S/Inputs/layer_norm_ref.npy
"""

if __name__ == "__main__":
    mlp()
    attention()
    layer_norm()
