"""Runs the attention kernels that --dlc-fuse-gemm-chain --dlc-lower-to-gpu generate for
Inputs/attention_cases.mlir on the lockstep SIMT model of row_kernel_simt.py (shuffles, divergence,
out-of-bounds and unwritten-read checks) and compares them with numpy (float64 reference, max error
relative to |ref| + 1 at most 1e-5). Dynamic-sequence cases run at two lengths each.

Usage: attention_simt.py KERNELS.mlir"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import row_kernel_simt as sim  # noqa: E402

F32 = np.float32


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def rnd(shape, seed, lo=-2.0, hi=2.0):
    return np.random.default_rng(seed).uniform(lo, hi, shape).astype(F32)


def heads(x):  # [B,S,H,D] -> [B,H,S,D]
    return x.transpose(0, 2, 1, 3)


def bert(q, k, v):
    return [heads(softmax(heads(q) @ heads(k).transpose(0, 1, 3, 2) / 8) @ heads(v))]


def gpt(q, k, v, m):
    s = np.where(m, -1.0e4, heads(q) @ heads(k).transpose(0, 1, 3, 2) / 8)
    return [heads(softmax(s) @ heads(v))]


def asr(q, k, v):
    return [heads(softmax(heads(q) @ heads(k).transpose(0, 1, 3, 2) / 6) @ heads(v))]


def additive(q, k, v, m):
    return [softmax(0.25 * (q @ k) + m) @ v]


def causal(s):
    return np.triu(np.ones((s, s), bool), 1)


CASES = [
    ("bert_static", "bert_static", [rnd((1, 16, 2, 64), 1), rnd((1, 16, 2, 64), 2), rnd((1, 16, 2, 64), 3)], bert),
    ("gpt_causal_dyn s=13", "gpt_causal_dyn",
     [rnd((1, 13, 4, 64), 4), rnd((1, 13, 4, 64), 5), rnd((1, 13, 4, 64), 6), causal(13)], gpt),
    ("gpt_causal_dyn s=1", "gpt_causal_dyn",
     [rnd((1, 1, 4, 64), 7), rnd((1, 1, 4, 64), 8), rnd((1, 1, 4, 64), 9), causal(1)], gpt),
    ("gpt_causal_dyn s=70", "gpt_causal_dyn",
     [rnd((1, 70, 4, 64), 23), rnd((1, 70, 4, 64), 24), rnd((1, 70, 4, 64), 25), causal(70)], gpt),
    ("asr_dyn_d36 s=7", "asr_dyn_d36", [rnd((1, 7, 4, 36), 10), rnd((1, 7, 4, 36), 11), rnd((1, 7, 4, 36), 12)], asr),
    ("asr_dyn_d36 s=33", "asr_dyn_d36", [rnd((1, 33, 4, 36), 13), rnd((1, 33, 4, 36), 14), rnd((1, 33, 4, 36), 15)], asr),
    ("additive_mask", "additive_mask",
     [rnd((2, 3, 10, 16), 16), rnd((2, 3, 16, 40), 17), rnd((2, 3, 40, 100), 18), rnd((2, 1, 10, 40), 19, -30.0, 0.0)],
     additive),
    ("transpose_b", "transpose_b", [rnd((1, 2, 9, 32), 20), rnd((1, 2, 9, 32), 21), rnd((1, 2, 9, 32), 22)],
     lambda q, k, v: [softmax(q @ k.transpose(0, 1, 3, 2)) @ v]),
    ("wide_d128", "wide_d128", [rnd((1, 2, 6, 128), 26), rnd((1, 2, 70, 128), 27), rnd((1, 2, 70, 128), 28)],
     lambda q, k, v: [softmax(q @ k.transpose(0, 1, 3, 2) * np.float32(0.0884)) @ v]),
    ("tiny_dims_dyn s=37", "tiny_dims_dyn", [rnd((1, 1, 5, 3), 29), rnd((1, 1, 3, 37), 30), rnd((1, 1, 37, 5), 31)],
     lambda q, k, v: [softmax(q @ k) @ v]),
    ("tiny_dims_dyn s=2", "tiny_dims_dyn", [rnd((1, 1, 5, 3), 32), rnd((1, 1, 3, 2), 33), rnd((1, 1, 2, 5), 34)],
     lambda q, k, v: [softmax(q @ k) @ v]),
    ("full_tiles", "full_tiles", [rnd((1, 1, 8, 16), 35), rnd((1, 1, 16, 128), 36), rnd((1, 1, 128, 24), 37)],
     lambda q, k, v: [softmax(q @ k * 0.25) @ v]),
    ("full_tiles_tb", "full_tiles_tb", [rnd((1, 2, 5, 32), 38), rnd((1, 2, 64, 32), 39), rnd((1, 2, 64, 32), 40)],
     lambda q, k, v: [softmax(q @ k.transpose(0, 1, 3, 2)) @ v]),
]


class Machine(sim.Machine):
    """row_kernel_simt's machine with room for the attention kernel's K/V/Q tiles in dynamic shared
    memory (the base model has 256 floats; unwritten shared elements still fail when read) and
    gpu.shuffle idx (the base model has xor only), math.fma, scf.if with results."""

    SMEM_FLOATS = 16384

    def step(self, op, env, mask):
        if op.name == "gpu.shuffle" and "idx" in op.attrs:  # lane i reads lane src[i] of its warp
            a = [env[x] for x in op.operands]
            v = np.broadcast_to(a[0], (self.threads,))
            src = np.broadcast_to(np.asarray(a[1], np.int64), (self.threads,))
            m = self.lanes(mask).reshape(-1, 32)
            if np.any(m.any(axis=1) & ~m.all(axis=1)):
                raise sim.Fail("shuffle with part of a warp inactive")
            lanes = np.arange(self.threads)
            return [v[lanes - lanes % 32 + src % 32], np.ones(self.threads, bool)]
        if op.name == "math.fma":  # a * b + c (f32, one rounding)
            a, b, c = [np.asarray(env[x], np.float64) for x in op.operands]
            return [(a * b + c).astype(F32)]
        if op.name == "scf.if" and op.results:  # each lane takes its branch's yielded values
            c = np.broadcast_to(np.asarray(env[op.operands[0]], bool), (self.threads,))
            then = self.run_block(op.regions[0][1], env, mask & c)
            other = self.run_block(op.regions[1][1], env, mask & ~c)
            return [np.where(c, np.broadcast_to(x, (self.threads,)), np.broadcast_to(y, (self.threads,)))
                    for x, y in zip(then, other)]
        if op.name == "arith.index_cast":
            a = env[op.operands[0]]
            return [np.int64(a) if np.ndim(a) == 0 else np.asarray(a).astype(np.int64)]
        if op.name == "gpu.dynamic_shared_memory":
            n = self.SMEM_FLOATS
            return [sim.Buf(np.full(n, np.nan, F32), [n], np.zeros(n, bool))]
        return super().step(op, env, mask)


def main():
    text = open(sys.argv[1]).read()
    launches = text.count('"gpu.launch"')
    print("launches %d" % launches)
    m = Machine(sim.parse(text))
    bad = 0
    for label, fn, inputs, ref in CASES:
        try:
            outs = m.call(fn, [sim.Buf(x.reshape(-1).copy(), x.shape) for x in inputs])
            want = ref(*[x if x.dtype == bool else x.astype(np.float64) for x in inputs])
            err = 0.0
            for o, w in zip(outs, want):
                got = o.data.reshape(o.shape).astype(np.float64)
                if got.shape != w.shape:
                    raise sim.Fail("shape %s, expected %s" % (got.shape, w.shape))
                err = max(err, float(np.max(np.abs(got - w) / (np.abs(w) + 1.0))))
            ok = err <= 1e-5
            print("%s %s max rel err %.3g" % ("ok  " if ok else "FAIL", label, err))
            bad += not ok
        except sim.Fail as e:
            print("FAIL %s: %s" % (label, e))
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
