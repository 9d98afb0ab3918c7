"""Runs the GEMM-chain kernels of dlc-lower-to-gpu (emit_gemm_chain_kernel.c: an MLP block as one
kernel) on the lockstep SIMT model of gpu_kernel_sim.py (the machine that runs the tests has no GPU)
and compares their results with numpy.

Usage: gemm_chain_sim.py LOWERED.mlir   (dlc-opt --dlc-lower-to-gpu --mlir-print-op-generic output of
Inputs/gemm_chain_cases.mlir)

gpu_kernel_sim's model with its checks (bounds in every dim, reads of unwritten elements -- shared
memory starts unwritten in every block --, conflicting stores, barriers reached by part of a block,
unwritten outputs), plus what these kernels add: scf.for with iter_args (loop-carried values per lane,
kept for lanes whose loop has ended) and math.fma (f32, one rounding: computed in f64). Prints one line
per case; exits 1 on any failure."""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gpu_kernel_sim as sim  # noqa: E402


class ChainMachine(sim.Machine):
    def step(self, op, env, mask):
        if op.name == "scf.for" and len(op.operands) > 3:
            a = [env[x] for x in op.operands]
            names, body = op.regions[0]
            iv = self.lanes(a[0]).astype(np.int64).copy()
            ub, stp = self.lanes(a[1]), self.lanes(a[2])
            carried = [np.array(self.lanes(x)) for x in a[3:]]
            live = self.active(mask) & (iv < ub)
            while live.any():
                local = dict(env)
                local[names[0]] = iv if self.T else iv[0]
                for nm, c in zip(names[1:], carried):
                    local[nm] = c if self.T else c[0]
                out = self.run(body, local, live if self.T else True)
                carried = [np.where(live, self.lanes(o), c).astype(c.dtype) for o, c in zip(out, carried)]
                iv = iv + stp
                live = live & (iv < ub)
            return [c if self.T else c[0] for c in carried]
        if op.name == "math.fma":
            x, y, z = (np.asarray(env[v], np.float64) for v in op.operands)
            return [(x * y + z).astype(np.float32)]
        return super().step(op, env, mask)


def rnd(*shape, seed=0):
    return np.random.default_rng(seed + sum(shape)).uniform(-1, 1, shape).astype(np.float32)


def gelu(x):
    return 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))


def f64(*xs):
    return [np.asarray(x, np.float64) for x in xs]


X1, W0, B0, W1, B1, W2, B2 = rnd(1, 64), rnd(128, 64, seed=1), rnd(128, seed=2), rnd(128, 128, seed=3), rnd(128, seed=4), \
    rnd(8, 128, seed=5), rnd(8, seed=6)
GW0, GB0, GW1, GB1 = rnd(30, 40, seed=7), rnd(40, seed=8), rnd(40, 24, seed=9), rnd(1, 24, seed=10)
S2, ONE, HALF = np.array(math.sqrt(2), np.float32), np.array(1, np.float32), np.array(0.5, np.float32)
RX, RW0, RR, RW1, RW2 = rnd(20, 32, seed=11), rnd(32, 64, seed=12), rnd(20, 64, seed=13), rnd(64, 64, seed=14), rnd(64, 16, seed=15)


def mlp_relu():
    x, w0, b0, w1, b1, w2, b2 = f64(X1, W0, B0, W1, B1, W2, B2)
    h = np.maximum(x @ w0.T + b0, 0)
    h = np.maximum(h @ w1.T + b1, 0)
    return h @ w2.T + b2


def mlp_gelu(x):
    x, w0, b0, w1, b1 = f64(x, GW0, GB0, GW1, GB1)
    return gelu(x @ w0 + b0) @ w1 + b1


def mlp_residual():
    x, w0, r, w1, w2 = f64(RX, RW0, RR, RW1, RW2)
    h = np.tanh(x @ w0 + r)
    h = np.maximum(h @ w1, 0)
    return np.maximum(h @ w2, 0)


TW0, TB0, TW1, TB1, TW2 = rnd(256, 100, seed=30), rnd(256, seed=31), rnd(10, 256, seed=32), rnd(10, seed=33), rnd(10, 24, seed=34)
T3X, T3W0, T3B0, T3W1, T3R, T3W2 = rnd(3, 30, seed=40), rnd(40, 30, seed=41), rnd(1, 40, seed=42), rnd(64, 40, seed=43), \
    rnd(3, 64, seed=44), rnd(10, 64, seed=45)
PW0, PB0, PW1 = rnd(128, 64, seed=50), rnd(128, seed=51), rnd(8, 128, seed=52)
P5, P8 = rnd(5, 64, seed=53), rnd(8, 64, seed=54)


def tb_mixed(x, r):
    x, w0, b0, w1, b1, w2, r = f64(x, TW0, TB0, TW1, TB1, TW2, r)
    h = np.maximum(gelu(x @ w0.T + b0) @ w1.T + b1, 0)
    return h @ w2 + r


def tb_rows3():
    x, w0, b0, w1, r, w2 = f64(T3X, T3W0, T3B0, T3W1, T3R, T3W2)
    return np.maximum((np.tanh(x @ w0.T + b0) @ w1.T + r) @ w2.T, 0)


def tb_rows(x):
    x, w0, b0, w1 = f64(x, PW0, PB0, PW1)
    return np.maximum(x @ w0.T + b0, 0) @ w1.T


def tb_mixed_case(m):
    x, r = rnd(m, 100, seed=35), rnd(m, 24, seed=36)
    return ("tb_mixed", "tb_mixed M=%d" % m, [x, TW0, TB0, S2, ONE, HALF, TW1, TB1, TW2, r], lambda: tb_mixed(x, r))


NX, NW0, NB0, NW1, NW2 = rnd(2, 40, seed=60), rnd(40, 24, seed=61), rnd(24, seed=62), rnd(36, 24, seed=63), rnd(36, 12, seed=64)


def nt_rows2():
    x, w0, b0, w1, w2 = f64(NX, NW0, NB0, NW1, NW2)
    return np.tanh(np.maximum(x @ w0 + b0, 0) @ w1.T) @ w2


G1, G17, G40 = rnd(1, 30, seed=20), rnd(17, 30, seed=21), rnd(40, 30, seed=22)
CASES = [
    ("mlp_relu", "mlp_relu", [X1, W0, B0, W1, B1, W2, B2], mlp_relu),
    ("mlp_gelu_dyn", "mlp_gelu_dyn M=1", [G1, GW0, GB0, S2, ONE, HALF, GW1, GB1], lambda: mlp_gelu(G1)),
    ("mlp_gelu_dyn", "mlp_gelu_dyn M=17", [G17, GW0, GB0, S2, ONE, HALF, GW1, GB1], lambda: mlp_gelu(G17)),
    ("mlp_gelu_dyn", "mlp_gelu_dyn M=40", [G40, GW0, GB0, S2, ONE, HALF, GW1, GB1], lambda: mlp_gelu(G40)),
    ("mlp_residual", "mlp_residual", [RX, RW0, RR, RW1, RW2], mlp_residual),
    tb_mixed_case(1), tb_mixed_case(3), tb_mixed_case(16), tb_mixed_case(37),
    ("tb_rows3", "tb_rows3", [T3X, T3W0, T3B0, T3W1, T3R, T3W2], tb_rows3),
    ("tb_rows5", "tb_rows5", [P5, PW0, PB0, PW1], lambda: tb_rows(P5)),
    ("tb_rows8", "tb_rows8", [P8, PW0, PB0, PW1], lambda: tb_rows(P8)),
    ("nt_rows2", "nt_rows2", [NX, NW0, NB0, NW1, NW2], nt_rows2),
]


def main():
    m = ChainMachine(sim.parse(open(sys.argv[1]).read()))
    bad = 0
    for fn, label, inputs, ref in CASES:
        try:
            (o,) = m.call(fn, [sim.Buf(x.shape, "f32", x) for x in inputs])
            sim.check_output(o, ref(), 1e-4)
            print("ok", label)
        except sim.Fail as e:
            bad += 1
            print("FAIL", label + ":", e)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
