#!/usr/bin/env python3
"""Generates the per-family dlc-run numerics tests in this folder (cnn_block.mlir, reductions.mlir,
data_movement.mlir), their .npy inputs and their numpy reference outputs.
The references are computed with numpy alone (float64, then rounded to the stored dtype), independently
of DLC. Weights and constant indices live in the .mlir files as dlc.constant ops; this script writes
them there too, so the two always agree. Each test has its own seed, so regenerating one test does not
change the others.
Run with Debian's python3 (python3-numpy): /usr/bin/python3 make_families.py"""
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.dirname(here)

ELEM = {np.dtype(np.float32): "f32", np.dtype(np.int32): "i32", np.dtype(np.int64): "i64"}


def dense(a):
    a = np.asarray(a)
    fmt = (lambda v: f"{float(v):.8e}") if a.dtype.kind == "f" else (lambda v: str(int(v)))
    def rec(x):
        if x.ndim == 0:
            return fmt(x)
        return "[" + ", ".join(rec(v) for v in x) + "]"
    return f"dense<{rec(a)}>"


def ttype(shape, elem="f32", dyn=()):
    dims = ["?" if i in dyn else str(d) for i, d in enumerate(shape)]
    return "tensor<" + "x".join(dims + [elem]) + ">"


def const(name, a):
    t = ttype(a.shape, ELEM[a.dtype])
    return f'  %{name} = "dlc.constant"() {{value = {dense(a)} : {t}}} : () -> {t}\n'


def save(name, a, dtype=np.float32):
    np.save(os.path.join(here, name), np.asarray(a).astype(dtype))


def write(name, header, text):
    with open(os.path.join(out_dir, name), "w") as f:
        f.write(header + text)


def run_lines(test, inputs, outputs):
    """The RUN lines: one dlc-run writing every output, then one allclose per output."""
    ins = " ".join(f"--input=@%S/Inputs/{test}_{n}.npy" for n in inputs)
    outs = " ".join(f"--output=@%t.{n}.npy" for n in outputs)
    lines = [f"// RUN: dlc-run %s {ins} {outs}\n"]
    lines += [f"// RUN: %python %S/../Utils/allclose.py %t.{n}.npy %S/Inputs/{test}_ref_{n}.npy\n" for n in outputs]
    return "".join(lines)


# ---- numpy references ----

def pad_nchw(x, pads, value):
    top, left, bottom, right = pads
    return np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)), constant_values=value)


def windows(x, kernel, strides, dilations):
    """x [N, C, H, W] -> [N, C, OH, OW, KH, KW] (floor mode), no padding."""
    (kh, kw), (sh, sw), (dh, dw) = kernel, strides, dilations
    n, c, h, w = x.shape
    oh, ow = (h - dh * (kh - 1) - 1) // sh + 1, (w - dw * (kw - 1) - 1) // sw + 1
    out = np.empty((n, c, oh, ow, kh, kw), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            out[..., i, j] = x[:, :, i * dh:i * dh + sh * (oh - 1) + 1:sh, j * dw:j * dw + sw * (ow - 1) + 1:sw]
    return out


def conv2d(x, w, b, strides=(1, 1), pads=(0, 0, 0, 0), dilations=(1, 1), groups=1):
    x, w = x.astype(np.float64), w.astype(np.float64)
    win = windows(pad_nchw(x, pads, 0.0), w.shape[2:], strides, dilations)  # N C OH OW KH KW
    o, cpg = w.shape[0], w.shape[1]
    opg = o // groups
    outs = []
    for g in range(groups):
        xs = win[:, g * cpg:(g + 1) * cpg]
        ws = w[g * opg:(g + 1) * opg]
        outs.append(np.einsum("ncijkl,ockl->noij", xs, ws))
    y = np.concatenate(outs, axis=1)
    return y + b.astype(np.float64)[None, :, None, None]


def max_pool2d(x, kernel, strides, pads, dilations=(1, 1)):
    return windows(pad_nchw(x.astype(np.float64), pads, -np.inf), kernel, strides, dilations).max(axis=(4, 5))


def avg_pool2d(x, kernel, strides, pads, count_include_pad, dilations=(1, 1)):
    s = windows(pad_nchw(x.astype(np.float64), pads, 0.0), kernel, strides, dilations).sum(axis=(4, 5))
    if count_include_pad:
        return s / (kernel[0] * kernel[1])
    ones = np.ones((1, 1) + x.shape[2:])
    count = windows(pad_nchw(ones, pads, 0.0), kernel, strides, dilations).sum(axis=(4, 5))  # valid taps
    return s / count


# ---- tests ----

CNN_HEADER = """// dlc-run numerics: a small CNN block (conv+bias with pads, max pool whose -inf pads matter, silu, grouped dilated conv+bias, avg pools excluding and including pads), dynamic batch.
// Inputs, weights and references come from Inputs/make_families.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
"""


def cnn_block():
    rng = np.random.default_rng(11)
    N, C, H, W = 2, 3, 9, 9
    x = rng.standard_normal((N, C, H, W)).astype(np.float32)
    w1 = (rng.standard_normal((4, C, 3, 3)) / np.sqrt(C * 9)).astype(np.float32)
    b1 = (-1.0 + 0.1 * rng.standard_normal(4)).astype(np.float32)  # mostly negative: zero pads would win
    w2 = (rng.standard_normal((6, 2, 3, 3)) / np.sqrt(18)).astype(np.float32)
    b2 = (0.1 * rng.standard_normal(6)).astype(np.float32)
    c1 = conv2d(x, w1, b1, pads=(1, 1, 1, 1))                                         # N 4 9 9
    mp = max_pool2d(c1.astype(np.float32), (3, 3), (2, 2), (1, 1, 1, 1))               # N 4 5 5
    mp = mp.astype(np.float32).astype(np.float64)
    r = (mp / (1 + np.exp(-mp))).astype(np.float32)                                  # silu
    c2 = conv2d(r, w2, b2, pads=(2, 1, 2, 1), dilations=(2, 2), groups=2).astype(np.float32)  # N 6 5 3
    ex = avg_pool2d(c2, (3, 2), (2, 1), (1, 0, 1, 1), False)                          # N 6 3 3
    inc = avg_pool2d(c2, (3, 2), (2, 1), (1, 0, 1, 1), True)
    save("cnn_block_x.npy", x)
    save("cnn_block_ref_excl.npy", ex)
    save("cnn_block_ref_incl.npy", inc)
    d = {0}
    X, C1, MP, C2, P = (ttype((0, 3, 9, 9), dyn=d), ttype((0, 4, 9, 9), dyn=d), ttype((0, 4, 5, 5), dyn=d),
                        ttype((0, 6, 5, 3), dyn=d), ttype((0, 6, 3, 3), dyn=d))
    pool = 'kernel = array<i64: 3, 2>, strides = array<i64: 2, 1>, pads = array<i64: 1, 0, 1, 1>'
    body = (const("w1", w1) + const("b1", b1) + const("w2", w2) + const("b2", b2) +
            f'  %c1 = "dlc.conv2d"(%x, %w1, %b1) {{pads = array<i64: 1, 1, 1, 1>}} : '
            f'({X}, {ttype(w1.shape)}, {ttype(b1.shape)}) -> {C1}\n'
            f'  %mp = "dlc.max_pool2d"(%c1) {{kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, '
            f'pads = array<i64: 1, 1, 1, 1>}} : ({C1}) -> {MP}\n'
            f'  %r = "dlc.silu"(%mp) : ({MP}) -> {MP}\n'
            f'  %c2 = "dlc.conv2d"(%r, %w2, %b2) {{pads = array<i64: 2, 1, 2, 1>, dilations = array<i64: 2, 2>, '
            f'groups = 2 : i64}} : ({MP}, {ttype(w2.shape)}, {ttype(b2.shape)}) -> {C2}\n'
            f'  %excl = "dlc.avg_pool2d"(%c2) {{{pool}}} : ({C2}) -> {P}\n'
            f'  %incl = "dlc.avg_pool2d"(%c2) {{{pool}, count_include_pad = true}} : ({C2}) -> {P}\n'
            f'  return %excl, %incl : {P}, {P}\n')
    header = CNN_HEADER + run_lines("cnn_block", ["x"], ["excl", "incl"])
    write("cnn_block.mlir", header, f"func.func @main(%x: {X}) -> ({P}, {P}) {{\n{body}}}\n")


RED_HEADER = """// dlc-run numerics: every reduce kind (keepdims, negative and multiple axes, a dynamic count for mean, i32 sum/max), softmax and log_softmax, with a dynamic leading dim.
// Inputs and references come from Inputs/make_families.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
"""


def reductions():
    rng = np.random.default_rng(12)
    B = 4
    x = rng.standard_normal((B, 5, 6)).astype(np.float32) * 2
    k = rng.integers(-1000, 1000, size=(3, 7)).astype(np.int32)
    x64 = x.astype(np.float64)
    refs = {
        "sum_keep": x64.sum(axis=1, keepdims=True),
        "mean": x64.mean(axis=(0, 2)),
        "max": x64.max(axis=-1),
        "min": x64.min(axis=0),
        "prod": (1 + 0.1 * x64).prod(axis=2),
        "softmax": np.exp(x64 - x64.max(1, keepdims=True)) / np.exp(x64 - x64.max(1, keepdims=True)).sum(1, keepdims=True),
        "log_softmax": (x64 - x64.max(-1, keepdims=True)) -
                       np.log(np.exp(x64 - x64.max(-1, keepdims=True)).sum(-1, keepdims=True)),
    }
    save("reductions_x.npy", x)
    save("reductions_k.npy", k, np.int32)
    for name, v in refs.items():
        save(f"reductions_ref_{name}.npy", v)
    save("reductions_ref_isum.npy", k.sum(axis=1), np.int32)
    save("reductions_ref_imax.npy", k.max(axis=0), np.int32)
    d = {0}
    X = ttype((0, 5, 6), dyn=d)
    K = ttype((3, 7), "i32")
    types = {"sum_keep": ttype((0, 1, 6), dyn=d), "mean": ttype((5,)), "max": ttype((0, 5), dyn=d),
             "min": ttype((5, 6)), "prod": ttype((0, 5), dyn=d), "softmax": X, "log_softmax": X,
             "isum": ttype((3,), "i32"), "imax": ttype((7,), "i32")}
    T = types
    body = ('  %one = "dlc.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>\n'
            '  %tenth = "dlc.constant"() {value = dense<0.1> : tensor<f32>} : () -> tensor<f32>\n'
            f'  %sum_keep = "dlc.reduce"(%x) {{kind = "sum", axes = array<i64: 1>, keepdims = true}} : ({X}) -> {T["sum_keep"]}\n'
            f'  %mean = "dlc.reduce"(%x) {{kind = "mean", axes = array<i64: 0, 2>}} : ({X}) -> {T["mean"]}\n'
            f'  %max = "dlc.reduce"(%x) {{kind = "max", axes = array<i64: -1>}} : ({X}) -> {T["max"]}\n'
            f'  %min = "dlc.reduce"(%x) {{kind = "min", axes = array<i64: 0>}} : ({X}) -> {T["min"]}\n'
            f'  %xs = "dlc.mul"(%x, %tenth) : ({X}, tensor<f32>) -> {X}\n'
            f'  %x1 = "dlc.add"(%xs, %one) : ({X}, tensor<f32>) -> {X}\n'
            f'  %prod = "dlc.reduce"(%x1) {{kind = "prod", axes = array<i64: 2>}} : ({X}) -> {T["prod"]}\n'
            f'  %softmax = "dlc.softmax"(%x) {{axis = 1 : i64}} : ({X}) -> {X}\n'
            f'  %log_softmax = "dlc.log_softmax"(%x) : ({X}) -> {X}\n'
            f'  %isum = "dlc.reduce"(%k) {{kind = "sum", axes = array<i64: 1>}} : ({K}) -> {T["isum"]}\n'
            f'  %imax = "dlc.reduce"(%k) {{kind = "max", axes = array<i64: 0>}} : ({K}) -> {T["imax"]}\n')
    outs = ["sum_keep", "mean", "max", "min", "prod", "softmax", "log_softmax", "isum", "imax"]
    body += "  return " + ", ".join("%" + o for o in outs) + " : " + ", ".join(T[o] for o in outs) + "\n"
    header = RED_HEADER + run_lines("reductions", ["x", "k"], outs)
    sig = f"func.func @main(%x: {X}, %k: {K}) -> ({', '.join(T[o] for o in outs)}) {{\n"
    write("reductions.mlir", header, sig + body + "}\n")


DM_HEADER = """// dlc-run numerics: a data-movement chain with a dynamic row count: slice (negative start, clamped end, step), gather (negative indices, axis 0 and axis 1 with 2-D indices), reshape, concat chains, transpose and a strided slice of a dynamic 1-D reshape.
// Inputs, constant indices and references come from Inputs/make_families.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
"""


def data_movement():
    rng = np.random.default_rng(13)
    R = 5
    x = rng.standard_normal((R, 6)).astype(np.float32)
    idx = np.array([4, -1, 0, 2], dtype=np.int64)
    idx2 = np.array([[2, -1], [0, 1]], dtype=np.int32)
    a = x[-3:1000, 1:6:2]                         # 3 x 3 (rows 2..4, cols 1, 3, 5)
    g = np.take(x, idx, axis=0).reshape(8, 3)     # 4 x 6 -> 8 x 3
    c = np.concatenate([a, g], axis=0)            # 11 x 3
    t = c.T                                       # 3 x 11
    h = np.take(t, idx2, axis=1).reshape(3, 4)    # 3 x 2 x 2 -> 3 x 4
    y = np.concatenate([t, h], axis=1)            # 3 x 15
    f = y.reshape(-1)                             # 45
    s = f[1:-1:4]                                 # 11
    save("data_movement_x.npy", x)
    save("data_movement_idx.npy", idx, np.int64)
    save("data_movement_ref_y.npy", y)
    save("data_movement_ref_s.npy", s)
    X, A, G, GR = ttype((0, 6), dyn={0}), ttype((0, 3), dyn={0}), ttype((4, 6)), ttype((8, 3))
    C, T, H, HR = ttype((0, 3), dyn={0}), ttype((3, 0), dyn={1}), ttype((3, 2, 2)), ttype((3, 4))
    Y, F, S = ttype((3, 0), dyn={1}), ttype((0,), dyn={0}), ttype((0,), dyn={0})
    I, I2 = ttype((4,), "i64"), ttype((2, 2), "i32")
    body = (const("idx2", idx2) +
            f'  %a = "dlc.slice"(%x) {{starts = array<i64: -3, 1>, ends = array<i64: 1000, 6>, '
            f'steps = array<i64: 1, 2>}} : ({X}) -> {A}\n'
            f'  %g = "dlc.gather"(%x, %idx) : ({X}, {I}) -> {G}\n'
            f'  %gr = "dlc.reshape"(%g) : ({G}) -> {GR}\n'
            f'  %c = "dlc.concat"(%a, %gr) {{axis = 0 : i64}} : ({A}, {GR}) -> {C}\n'
            f'  %t = "dlc.transpose"(%c) {{perm = array<i64: 1, 0>}} : ({C}) -> {T}\n'
            f'  %h = "dlc.gather"(%t, %idx2) {{axis = 1 : i64}} : ({T}, {I2}) -> {H}\n'
            f'  %hr = "dlc.reshape"(%h) : ({H}) -> {HR}\n'
            f'  %y = "dlc.concat"(%t, %hr) {{axis = -1 : i64}} : ({T}, {HR}) -> {Y}\n'
            f'  %f = "dlc.reshape"(%y) : ({Y}) -> {F}\n'
            f'  %s = "dlc.slice"(%f) {{starts = array<i64: 1>, ends = array<i64: -1>, steps = array<i64: 4>}} : '
            f'({F}) -> {S}\n'
            f'  return %y, %s : {Y}, {S}\n')
    header = DM_HEADER + run_lines("data_movement", ["x", "idx"], ["y", "s"])
    write("data_movement.mlir", header, f"func.func @main(%x: {X}, %idx: {I}) -> ({Y}, {S}) {{\n{body}}}\n")


if __name__ == "__main__":
    cnn_block()
    reductions()
    data_movement()
