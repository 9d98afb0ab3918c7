#!/usr/bin/env python3
"""Generates the inputs and numpy reference outputs of ../onnx_index_ops.mlir (dlc.gather_elements,
dlc.scatter_elements with every reduction, dlc.cumsum and dlc.trilu with a runtime k). References are
computed with numpy alone, independently of DLC, following the ONNX operator definitions
(GatherElements, ScatterElements, CumSum, Trilu). Every file is named onnx_index_ops_<name>.npy.
Run with Debian's python3 (python3-numpy): /usr/bin/python3 make_onnx_index_ops.py"""
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(23)


def save(name, a):
    np.save(os.path.join(here, f"onnx_index_ops_{name}.npy"), a)


def gather_elements(data, indices, axis):
    """ONNX GatherElements: negative indices count from the end of the axis."""
    idx = np.where(indices < 0, indices + data.shape[axis], indices)
    # only the axis dim of indices may exceed data's: crop the others first, like the ONNX reference
    crop = tuple(slice(None) if d == axis else slice(0, indices.shape[d]) for d in range(data.ndim))
    return np.take_along_axis(data[crop], idx.astype(np.int64), axis=axis)


def scatter_elements(data, indices, updates, axis, reduction="none"):
    """ONNX ScatterElements, element by element in row-major order of indices (so the last duplicate
    wins for "none")."""
    out = data.copy()
    for pos in np.ndindex(*indices.shape):
        i = int(indices[pos])
        if i < 0:
            i += data.shape[axis]
        target = list(pos)
        target[axis] = i
        target = tuple(target)
        u = updates[pos]
        if reduction == "none":
            out[target] = u
        elif reduction == "add":
            out[target] = out[target] + u
        elif reduction == "mul":
            out[target] = out[target] * u
        elif reduction == "max":
            out[target] = max(out[target], u)
        elif reduction == "min":
            out[target] = min(out[target], u)
    return out


def cumsum(x, axis, exclusive=False, reverse=False):
    """ONNX CumSum."""
    y = np.flip(x, axis) if reverse else x
    s = np.cumsum(y, axis=axis, dtype=x.dtype)
    if exclusive:
        s = s - y
    return np.flip(s, axis).copy() if reverse else s


def main():
    x = rng.standard_normal((2, 4, 5)).astype(np.float32)  # passed as tensor<?x4x5xf32>
    save("x", x)
    # gather along the middle axis with a dynamic batch, negative indices included
    gi = rng.integers(-4, 4, size=(2, 3, 5)).astype(np.int64)
    save("gi", gi)
    save("gather_axis1", gather_elements(x, gi, 1))
    # gather along the last axis with i32 indices and a smaller non-axis extent
    gj = rng.integers(-5, 5, size=(2, 3, 2)).astype(np.int32)
    save("gj", gj)
    save("gather_last", gather_elements(x, gj, 2))

    # scatter along axis 0 with duplicate and negative indices; every reduction
    d = rng.standard_normal((3, 4)).astype(np.float32)
    si = np.array([[0, 2, -1, 1], [0, -3, 2, 1]], dtype=np.int64)  # (0,0), (2,2)/(2,2)... duplicates
    su = rng.standard_normal((2, 4)).astype(np.float32)
    save("d", d)
    save("si", si)
    save("su", su)
    for r in ["none", "add", "mul", "max", "min"]:
        save(f"scatter_{r}", scatter_elements(d, si, su, 0, r))
    # along the last axis with fewer rows than data
    sj = np.array([[3, -1], [0, 0]], dtype=np.int64)
    sv = rng.standard_normal((2, 2)).astype(np.float32)
    save("sj", sj)
    save("sv", sv)
    save("scatter_last_add", scatter_elements(d, sj, sv, 1, "add"))
    # integers, max with duplicates
    n = np.array([5, -3, 7, 0, 2, -8], dtype=np.int64)
    ni = np.array([1, 1, -1, 3], dtype=np.int64)
    nu = np.array([4, -1, -9, 6], dtype=np.int64)
    save("n", n)
    save("ni", ni)
    save("nu", nu)
    save("scatter_int_max", scatter_elements(n, ni, nu, 0, "max"))

    # cumsum: every flag combination, a dynamic axis, integers
    save("cumsum_axis1", cumsum(x, 1))
    save("cumsum_axis1_excl_rev", cumsum(x, 1, exclusive=True, reverse=True))
    save("cumsum_last_rev", cumsum(x, 2, reverse=True))
    save("cumsum_axis0_excl", cumsum(x, 0, exclusive=True))
    save("cumsum_int", cumsum(n, 0))

    # trilu with runtime k
    save("k", np.array(1, dtype=np.int64))
    save("kn", np.array(-2, dtype=np.int64))
    save("triu_k", np.triu(x, 1))
    save("tril_kn", np.tril(x, -2))


if __name__ == "__main__":
    main()
