"""Runs the functions dlc-lower-to-gpu makes for GEMMs and convolutions on the SIMT model of
gpu_kernel_sim.py (the machine that runs the tests has no GPU) and compares their results with numpy.

Usage: gemm_call_sim.py LOWERED.mlir   (dlc-opt --dlc-lower-to-gpu --mlir-print-op-generic output of
Inputs/gemm_call_cases.mlir)

The kernels (im2col, the convolution's bias/relu epilogue) run on gpu_kernel_sim's lockstep model with
its checks (bounds in every dim, reads of unwritten elements, conflicting stores, unwritten outputs).
The call of @dlcrt_gemm_<type> is computed here the way runtime/cuda/cublaslt.c defines it: rank-3
strided views (memref.reinterpret_cast: offset, sizes, strides over the buffer), a batch of 1 broadcast,
a matrix with a unit row or column stride (anything else is refused, as the runtime refuses it), then
C = A x B (+ residual with flag 16) (+ bias[n] with flag 1), relu (2) or tanh gelu (4), accumulated in
f64 and rounded once to the element type (f32, f16). Every element a
view reads must have been written. Prints one line per case; exits 1 on any failure."""
import math
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gpu_kernel_sim as sim  # noqa: E402

DYNAMIC = -9223372036854775808


class View(sim.Buf):
    """A strided view of a buffer (memref.reinterpret_cast); kernels may index it only when it is the
    buffer's own contiguous layout."""

    def __init__(self, base, offset, sizes, strides):
        self.base, self.offset, self.sizes, self.strides = base, offset, list(sizes), list(strides)
        self.elem, self.shape = base.elem, list(sizes)
        self.data, self.written = base.data, base.written
        expect, self.contiguous = 1, offset == 0
        for n, s in reversed(list(zip(sizes, strides))):
            if n > 1 and s != expect:
                self.contiguous = False
            expect *= n

    def array(self, of):
        if any(n == 0 for n in self.sizes):
            return np.zeros(self.sizes, of.dtype)
        items = of.itemsize
        last = self.offset + sum((n - 1) * s for n, s in zip(self.sizes, self.strides))
        if self.offset < 0 or last >= of.size:
            raise sim.Fail("view offset %d sizes %s strides %s exceeds its buffer of %d elements" % (
                self.offset, self.sizes, self.strides, of.size))
        return np.lib.stride_tricks.as_strided(of[self.offset:], shape=self.sizes,
                                               strides=[s * items for s in self.strides])


def static_array(op, key):
    m = re.search(r"%s = array<i64: ([-\d, ]*)>" % key, op.props)
    return [int(x) for x in m.group(1).split(",")] if m and m.group(1).strip() else []


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


class GemmMachine(sim.Machine):
    def __init__(self, module):
        super().__init__(module)
        self.gemms = 0

    def call(self, name, args):
        if name.startswith("dlcrt_gemm_"):
            self.gemm(*args)
            return []
        return super().call(name, args)

    def step(self, op, env, mask):
        n = op.name
        if n == "memref.reinterpret_cast":
            a = [env[x] for x in op.operands]
            dyn = iter(int(x) for x in a[1:])
            pick = [[v if v != DYNAMIC else next(dyn) for v in static_array(op, k)]
                    for k in ("static_offsets", "static_sizes", "static_strides")]
            base = a[0].base if isinstance(a[0], View) else a[0]
            return [View(base, pick[0][0], pick[1], pick[2])]
        if n in ("memref.load", "memref.store"):
            buf = env[op.operands[0 if n == "memref.load" else 1]]
            if isinstance(buf, View) and not buf.contiguous:
                raise sim.Fail("a kernel indexes a strided view")
        if n == "scf.if" and op.results:  # with results: both branches, lanes merged
            c = np.asarray(env[op.operands[0]], bool)
            then = self.run(op.regions[0][1], env, mask & c)
            other = self.run(op.regions[1][1], env, mask & ~c)
            return [np.where(c, t, e) for t, e in zip(then, other)]
        if n == "arith.divsi":
            return [np.int64(int(env[op.operands[0]]) // int(env[op.operands[1]]))
                    if int(env[op.operands[0]]) >= 0 else np.int64(-(-int(env[op.operands[0]]) // int(env[op.operands[1]])))]
        return super().step(op, env, mask)

    def gemm(self, a, b, c, bias, residual, flags):
        flags = int(flags)
        for name, v in (("A", a), ("B", b), ("C", c)):
            if len(v.sizes) != 3 or not (v.strides[2] == 1 or v.strides[1] == 1 or min(v.sizes[1:]) <= 1):
                raise sim.Fail("GEMM operand %s: sizes %s strides %s (no unit row or column stride)" % (
                    name, v.sizes, v.strides))
        if c.strides[2] != 1 and c.sizes[2] > 1:
            raise sim.Fail("GEMM output without a unit column stride")

        def read(v):
            if not v.array(v.written).all():
                raise sim.Fail("the GEMM reads elements never written")
            return v.array(v.data).astype(np.float64)

        batch, m, n = c.sizes
        A, B = read(a), read(b)
        if A.shape[0] not in (1, batch) or B.shape[0] not in (1, batch) or A.shape[1:] != (m, B.shape[1]) or \
                B.shape[2] != n:
            raise sim.Fail("GEMM shapes A %s B %s C %s" % (A.shape, B.shape, c.sizes))
        out = np.matmul(A, B)
        if flags & 16:
            out = out + read(residual)
        if flags & 1:
            if bias.sizes != [n] or (n > 1 and bias.strides != [1]):
                raise sim.Fail("bias sizes %s strides %s for n=%d" % (bias.sizes, bias.strides, n))
            out = out + read(bias)
        if flags & 2:
            out = np.maximum(out, 0)
        if flags & 4:
            out = gelu_tanh(out)
        c.array(c.data)[...] = out.astype(c.data.dtype)
        c.array(c.written)[...] = True
        self.gemms += 1


def rnd(*shape, seed=0):
    return np.random.default_rng(seed + sum(shape)).uniform(-2, 2, shape).astype(np.float32)


def conv(x, w, b, strides, pads, dilations):
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    oh = (h + pads[0] + pads[2] - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (wd + pads[1] + pads[3] - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    xp = np.zeros((n, c, h + pads[0] + pads[2], wd + pads[1] + pads[3]), np.float64)
    xp[:, :, pads[0]:pads[0] + h, pads[1]:pads[1] + wd] = x
    y = np.zeros((n, o, oh, ow), np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i * dilations[0]:i * dilations[0] + strides[0] * (oh - 1) + 1:strides[0],
                       j * dilations[1]:j * dilations[1] + strides[1] * (ow - 1) + 1:strides[1]]
            y += np.einsum("nchw,oc->nohw", patch, w[:, :, i, j])
    return y + (b.reshape(1, -1, 1, 1) if b is not None else 0)


A8, W16, B16 = rnd(8, 32), rnd(16, 32, seed=1), rnd(16, seed=2)
H2, W32, X2 = rnd(2, 8, 32), rnd(32, 16, seed=3), rnd(2, 8, 16, seed=4)
BA, BB = rnd(2, 3, 8, 32), rnd(2, 3, 32, 16, seed=5)
TA, TB = rnd(3, 32, 8), rnd(1, 32, 16, seed=6)
GA, GW, GB = rnd(4, 16), rnd(16, 8, seed=7), rnd(8, seed=8)
CX, CW, CB = rnd(2, 3, 9, 9), rnd(4, 3, 3, 3, seed=9), rnd(4, seed=10)
DX, DW = rnd(1, 2, 7, 8), rnd(3, 2, 2, 3, seed=11)
YX, YW, YB = rnd(1, 1, 11, 10), rnd(2, 1, 3, 3, seed=12), rnd(2, seed=13)
RX, RW, RB, RR = rnd(1, 4, 6, 6, seed=17), rnd(4, 4, 3, 3, seed=18), rnd(4, seed=19), rnd(1, 4, 6, 6, seed=20)
FA, FW, FB = (x.astype(np.float16) for x in (rnd(2, 4, 16, seed=14), rnd(8, 16, seed=15), rnd(8, seed=16)))
CASES = {
    "mm_bias_relu": ([A8, W16, B16], lambda: np.maximum(A8 @ W16.T + B16, 0)),
    "fold_bias_residual": ([H2, W32, B16, X2], lambda: X2 + (H2 @ W32 + B16)),
    "batched": ([BA, BB], lambda: BA @ BB),
    "transposed_a_bcast": ([TA, TB], lambda: np.swapaxes(TA, 1, 2) @ TB),
    "gelu_tanh": ([GA, GW, GB], lambda: gelu_tanh(GA.astype(np.float64) @ GW + GB)),
    "conv_bias_relu": ([CX, CW, CB], lambda: np.maximum(conv(CX, CW, CB, (2, 2), (1, 1, 1, 1), (1, 1)), 0)),
    "conv_dilated": ([DX, DW], lambda: conv(DX, DW, None, (1, 2), (1, 0, 2, 1), (2, 1))),
    "conv_dynamic": ([YX, YW, YB], lambda: conv(YX, YW, YB, (2, 2), (0, 0, 0, 0), (1, 1))),
    "conv_residual_relu": ([RX, RW, RB, RR],
                           lambda: np.maximum(RR + conv(RX, RW, RB, (1, 1), (1, 1, 1, 1), (1, 1)), 0)),
    "f16_bias": ([FA, FW, FB], lambda: (FA.astype(np.float64) @ FW.T.astype(np.float64) + FB).astype(np.float16)),
}


def main():
    m = GemmMachine(sim.parse(open(sys.argv[1]).read()))
    bad = 0
    for name, (inputs, ref) in CASES.items():
        try:
            before = m.gemms
            outs = m.call(name, [sim.Buf(x.shape, "f16" if x.dtype == np.float16 else "f32", x) for x in inputs])
            if m.gemms != before + 1:
                raise sim.Fail("%d GEMM calls, expected 1" % (m.gemms - before))
            # f16: one rounding of a sum of 16 products
            sim.check_output(outs[0], ref(), 1e-2 if outs[0].elem == "f16" else 1e-4)
            print("ok", name)
        except sim.Fail as e:
            bad += 1
            print("FAIL", name + ":", e)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
