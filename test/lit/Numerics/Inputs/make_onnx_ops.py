#!/usr/bin/env python3
"""Generates the inputs and numpy reference outputs of the onnx_ops_*.mlir dlc-run tests in the folder
above (the ops added for the ONNX importer: unary, logical and mod, shape ops, pad/tile, trilu and
argmax/argmin). References are computed with numpy alone, independently of DLC, following the ONNX
operator definitions. Every file is named onnx_ops_<test>_<name>.npy.
Run with Debian's python3 (python3-numpy): /usr/bin/python3 make_onnx_ops.py"""
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(11)


def save(test, name, a):
    np.save(os.path.join(here, f"onnx_ops_{test}_{name}.npy"), a)


def unary():
    x = rng.uniform(-4, 4, size=(3, 8)).astype(np.float32)
    # halves (round to even), integers, signed zeros, large magnitudes (softplus stability)
    x[0] = [0.5, 1.5, 2.5, -0.5, -2.5, 0.0, -0.0, 3.0]
    x[1, :4] = [100.0, -100.0, 30.0, -30.0]
    i = rng.integers(-5, 6, size=(2, 4)).astype(np.int32)
    i[0, 0] = 0
    b = rng.integers(0, 2, size=(2, 4)).astype(np.bool_)
    save("unary", "x", x)
    save("unary", "i", i)
    save("unary", "b", b)
    save("unary", "floor", np.floor(x))
    save("unary", "ceil", np.ceil(x))
    save("unary", "round", np.round(x))  # numpy rounds halves to even, like ONNX Round
    save("unary", "sign", np.sign(x))
    save("unary", "sin", np.sin(x))
    save("unary", "cos", np.cos(x))
    save("unary", "softplus", np.logaddexp(np.float32(0), x).astype(np.float32))
    save("unary", "sign_i", np.sign(i))
    save("unary", "not", np.logical_not(b))


def binary():
    a = rng.integers(0, 2, size=(3, 4)).astype(np.bool_)
    b = rng.integers(0, 2, size=(4,)).astype(np.bool_)
    save("binary", "a", a)
    save("binary", "b", b)
    save("binary", "and", np.logical_and(a, b))
    save("binary", "or", np.logical_or(a, b))
    save("binary", "xor", np.logical_xor(a, b))
    # integer mod: every sign combination, broadcast divisor row
    ia = np.array([[7, -7, 7, -7, 0, 13], [5, -5, 6, -6, 1, -13]], dtype=np.int32)
    ib = np.array([3, 3, -3, -3, 4, -5], dtype=np.int32)
    save("binary", "ia", ia)
    save("binary", "ib", ib)
    save("binary", "imod", np.mod(ia, ib).astype(np.int32))  # Python %: sign of the divisor
    save("binary", "ifmod", np.fmod(ia, ib).astype(np.int32))  # C: sign of the dividend
    fa = rng.uniform(-10, 10, size=(2, 6)).astype(np.float32)
    fb = np.array([3.0, -3.0, 2.5, -2.5, 0.75, 4.0], dtype=np.float32)
    save("binary", "fa", fa)
    save("binary", "fb", fb)
    save("binary", "ffmod", np.fmod(fa, fb))
    save("binary", "fmod", np.mod(fa, fb))


def shapes():
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    save("shape", "x", x)
    save("shape", "dim", np.array([x.shape[1]], dtype=np.int64))
    save("shape", "reshape", x.reshape(4, 6))  # dims (4, 6) computed at run time
    save("shape", "fill", np.full((3, 4), 7, dtype=np.int64))  # dims from dlc.dim
    save("shape", "expand", np.broadcast_to(x[:, :1, :], (5, 2, 3, 4)).copy())
    r = rng.standard_normal((1, 3)).astype(np.float32)  # a dynamic dim that is 1 at run time
    save("shape", "r", r)
    save("shape", "expand_dyn", np.broadcast_to(r, (4, 3)).copy())
    start, limit, delta = np.float32(-1.5), np.float32(3.2), np.float32(0.7)
    save("shape", "limit", np.array(limit, dtype=np.float32))
    save("shape", "range_f", np.arange(start, limit, delta, dtype=np.float32))
    save("shape", "n", np.array(10, dtype=np.int64))
    save("shape", "range_i", np.arange(10, -1, -3, dtype=np.int64))  # start n, limit -1, delta -3
    save("shape", "range_empty", np.arange(0, 10, -1, dtype=np.int64))


def onnx_pad(x, pads, mode, value=0.0):
    """ONNX Pad: negative pads crop first, then numpy pads the rest."""
    r = x.ndim
    lo, hi = pads[:r], pads[r:]
    crop = tuple(slice(max(-l, 0), x.shape[d] - max(-h, 0)) for d, (l, h) in enumerate(zip(lo, hi)))
    y = x[crop]
    widths = [(max(l, 0), max(h, 0)) for l, h in zip(lo, hi)]
    if mode == "constant":
        return np.pad(y, widths, mode="constant", constant_values=value)
    return np.pad(y, widths, mode=mode)


def pad_tile():
    x = rng.standard_normal((3, 4)).astype(np.float32)
    save("pad_tile", "x", x)
    save("pad_tile", "tile", np.tile(x, (2, 3)))
    save("pad_tile", "tile_row", np.tile(x, (1, 2)))
    save("pad_tile", "constant", onnx_pad(x, [1, -1, 2, 3], "constant", 1.5))
    save("pad_tile", "reflect", onnx_pad(x, [2, 3, 1, 2], "reflect"))
    save("pad_tile", "edge", onnx_pad(x, [0, 2, 3, -1], "edge"))
    i = rng.integers(-9, 10, size=(2, 3)).astype(np.int64)
    save("pad_tile", "i", i)
    save("pad_tile", "constant_i", onnx_pad(i, [1, 0, 0, 2], "constant", -2.0).astype(np.int64))


def trilu_arg():
    x = rng.standard_normal((2, 4, 5)).astype(np.float32)
    save("trilu_arg", "x", x)
    save("trilu_arg", "triu", np.triu(x, 0))
    save("trilu_arg", "triu_k", np.triu(x, 2))
    save("trilu_arg", "tril_k", np.tril(x, -1))
    save("trilu_arg", "argmax", np.argmax(x, axis=-1, keepdims=True).astype(np.int64))
    save("trilu_arg", "argmin", np.argmin(x, axis=1).astype(np.int64))
    # ties, NaN and select_last_index: numpy's argmax over the flipped axis, mapped back
    t = np.array([[1, 3, 3, 0], [2, 2, 2, 2], [np.nan, 5, np.nan, 1], [-1, -4, -4, -2]], dtype=np.float32)
    save("trilu_arg", "t", t)
    save("trilu_arg", "argmax_first", np.argmax(t, axis=1).astype(np.int64))
    save("trilu_arg", "argmax_last", (t.shape[1] - 1 - np.argmax(t[:, ::-1], axis=1)).astype(np.int64))
    save("trilu_arg", "argmin_last", (t.shape[1] - 1 - np.argmin(t[:, ::-1], axis=1)).astype(np.int64))
    save("trilu_arg", "argmin_first", np.argmin(t, axis=1).astype(np.int64))
    ti = np.array([[4, 9, 9, 1], [7, 7, 0, 0]], dtype=np.int32)
    save("trilu_arg", "ti", ti)
    save("trilu_arg", "argmax_i", np.argmax(ti, axis=0).astype(np.int64))
    save("trilu_arg", "argmin_i_last", (ti.shape[1] - 1 - np.argmin(ti[:, ::-1], axis=1)).astype(np.int64))


if __name__ == "__main__":
    unary()
    binary()
    shapes()
    pad_tile()
    trilu_arg()
