"""Runs the row kernels that dlc-lower-to-gpu generates on a small SIMT model of a GPU and compares
their results with numpy, since the machine that runs the tests has no GPU.

Usage: row_kernel_simt.py KERNELS.mlir   (the output of --dlc-lower-to-gpu --mlir-print-op-generic)

Each public function named in CASES is called with seeded random inputs. The interpreter understands
the ops the row kernels are made of (func, bufferization, memref, vector loads/stores of 4 f32,
arith, math, scf, gpu.launch, gpu.shuffle, the barrier). A block runs all its threads in lockstep, one numpy lane per thread, with
a mask for divergent scf.if / scf.for; the model rejects what real hardware would not guarantee:
a shuffle with part of a warp inactive, a barrier with part of the block inactive, an out-of-bounds
access by an active thread, a 16-byte vector access at an index not a multiple of 4, a read of an output element never written, two active threads storing
different values to one element. Prints one line per case; exits 1 on any mismatch."""
import re
import sys

import numpy as np


# ------------------------------------------------------------------------------------- parsing ---
class Op:
    def __init__(self, results, name, operands, attrs, types):
        self.results, self.name, self.operands, self.attrs, self.types = results, name, operands, attrs, types
        self.regions = []  # list of blocks: (arg names, ops)


OP_RE = re.compile(r'^(?:(%[\w.$-]+)(?::(\d+))? = )?"([\w.]+)"\((.*?)\)(.*)$')


def parse(text):
    root = Op([], "root", [], "", "")
    root.regions.append([[], []])
    stack = [root]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("^bb"):
            args = re.findall(r"(%[\w.$-]+):", line)
            stack[-1].regions[-1][0] = args
            continue
        if line.startswith("}, {"):
            stack[-1].regions.append([[], []])
            continue
        if line.startswith("})"):
            stack.pop()
            continue
        m = OP_RE.match(line)
        if not m:
            raise SystemExit("cannot parse: " + line)
        res, count, name, operands, rest = m.groups()
        results = [] if not res else ([res] if not count else ["%s#%d" % (res, i) for i in range(int(count))])
        op = Op(results, name, re.findall(r"%[\w.$#-]+", operands), rest, rest)
        stack[-1].regions[-1][1].append(op)
        if rest.endswith("({"):
            op.regions.append([[], []])
            stack.append(op)
    return root


def attr(op, key):
    m = re.search(key + r" = ([^,}>]+(?:<[^>]*>)?)", op.attrs)
    return m.group(1).strip() if m else None


# ---------------------------------------------------------------------------------- execution ---
class Buf:
    """A buffer: flat data (views share it) and a shape."""

    def __init__(self, data, shape, written=None):
        self.data, self.shape = data, tuple(shape)
        self.written = written if written is not None else np.ones(data.shape, bool)


class Fail(Exception):
    pass


CMPI = {0: np.equal, 1: np.not_equal, 2: np.less, 3: np.less_equal, 4: np.greater, 5: np.greater_equal,
        6: np.less, 7: np.less_equal, 8: np.greater, 9: np.greater_equal}
CMPF = {1: np.equal, 2: np.greater, 3: np.greater_equal, 4: np.less, 5: np.less_equal, 6: np.not_equal}
F32 = np.float32


def f32const(text):
    v = text.split(":")[0].strip()
    if v.startswith("0x"):
        return np.frombuffer(int(v, 16).to_bytes(4, "little"), dtype=np.float32)[0]
    return F32(float(v))


class Machine:
    def __init__(self, module):
        self.funcs = {}
        top = module.regions[0][1]
        if len(top) == 1 and top[0].name == "builtin.module":
            top = top[0].regions[0][1]
        for op in top:
            if op.name == "func.func":
                self.funcs[attr(op, "sym_name").strip('"')] = op
        self.threads = None  # number of lanes while inside a launch

    def call(self, name, args):
        fn = self.funcs[name]
        names, ops = fn.regions[0]
        env = dict(zip(names, args))
        return self.run_block(ops, env, True)

    def run_block(self, ops, env, mask):
        for op in ops:
            out = self.step(op, env, mask)
            if op.name in ("func.return", "scf.yield"):
                return out
            if out is not None:
                for r, v in zip(op.results, out):
                    env[r] = v
        return None

    def lanes(self, mask):
        return np.broadcast_to(mask, (self.threads,)) if self.threads else mask

    def step(self, op, env, mask):
        n, a = op.name, [env[x] for x in op.operands]
        if n in ("func.return", "scf.yield"):
            return a
        if n == "func.call":
            return self.call(attr(op, "callee").lstrip("@"), a)
        if n == "arith.constant":
            v = attr(op, "value")
            if v.endswith("index") or v.endswith("i32") or v.endswith("i64"):
                return [np.int64(int(v.split(":")[0]))]
            return [f32const(v)]
        if n in ("bufferization.to_buffer", "bufferization.to_tensor", "memref.cast", "memref.collapse_shape",
                 "memref.expand_shape"):
            b = a[0]
            rank = len(re.findall(r"(\d+|\?)x", op.types.split("->")[-1]))
            if rank == len(b.shape):
                shape = b.shape
            elif rank == 1:
                shape = [int(np.prod(b.shape))]
            else:
                raise Fail("reshape not modelled: " + op.types)
            return [Buf(b.data, shape, b.written)]
        if n == "memref.alloc":
            ty = op.types.split("->")[-1]
            dims = re.findall(r"(\d+|\?)x", ty)
            dyn = iter(int(x) for x in a)
            shape = [int(d) if d != "?" else next(dyn) for d in dims]
            size = int(np.prod(shape)) if shape else 1
            return [Buf(np.full(size, np.nan, F32), shape, np.zeros(size, bool))]
        if n in ("memref.dim", "tensor.dim"):
            return [np.int64(a[0].shape[int(a[1])])]
        if n == "gpu.dynamic_shared_memory":
            return [Buf(np.full(256, np.nan, F32), [256], np.zeros(256, bool))]
        if n == "memref.view":
            size = int(re.findall(r"memref<(\d+)xf32", op.types)[-1])
            return [Buf(a[0].data[:size], [size], a[0].written[:size])]
        if n == "llvm.inline_asm":
            if self.threads and not np.all(self.lanes(mask)):
                raise Fail("barrier reached with part of the block inactive")
            return []
        if n == "memref.load":
            return [self.load(a[0], a[1] if len(a) > 1 else np.int64(0), mask)]
        if n == "tensor.extract":
            return [self.load(a[0], a[1], mask)]
        if n == "vector.load":
            idx = np.asarray(a[1], np.int64)
            self.check_aligned(op, idx, mask)
            return [np.stack([self.load(a[0], idx + e, mask) for e in range(4)], axis=-1)]
        if n == "vector.extract":
            pos = int(re.search(r"static_position = array<i64: (\d+)>", op.attrs).group(1))
            return [a[0][..., pos]]
        if n == "vector.from_elements":
            return [np.stack(np.broadcast_arrays(*a), axis=-1)]
        if n == "vector.store":
            idx = np.asarray(a[2], np.int64)
            self.check_aligned(op, idx, mask)
            for e in range(4):
                self.store(a[1], idx + e, a[0][..., e], mask)
            return []
        if n == "memref.store":
            self.store(a[1], a[2] if len(a) > 2 else np.int64(0), a[0], mask)
            return []
        if n == "gpu.shuffle":
            v, off = np.broadcast_to(a[0], (self.threads,)), int(a[1])
            m = self.lanes(mask).reshape(-1, 32)
            if np.any(m.any(axis=1) & ~m.all(axis=1)):
                raise Fail("shuffle with part of a warp inactive")
            idx = np.arange(self.threads) ^ off
            return [v[idx], np.ones(self.threads, bool)]
        if n == "scf.if":
            c = np.asarray(a[0], bool)
            self.run_block(op.regions[0][1], env, mask & c)
            if len(op.regions) > 1 and op.regions[1][1]:
                self.run_block(op.regions[1][1], env, mask & ~c)
            return []
        if n == "scf.for":
            return self.run_for(op, env, mask, a)
        if n == "gpu.launch":
            return self.launch(op, env, a)
        if n == "gpu.terminator":
            return []
        return [self.arith(n, op, a)]

    def arith(self, n, op, a):
        simple = {"arith.addi": np.add, "arith.subi": np.subtract, "arith.muli": np.multiply,
                  "arith.divui": np.floor_divide, "arith.remui": np.remainder, "arith.addf": np.add,
                  "arith.subf": np.subtract, "arith.mulf": np.multiply, "arith.divf": np.divide,
                  "arith.maximumf": np.maximum, "arith.minimumf": np.minimum, "math.powf": np.power}
        unary = {"math.exp": np.exp, "math.log": np.log, "math.sqrt": np.sqrt, "arith.negf": np.negative,
                 "math.tanh": np.tanh, "math.absf": np.abs}
        with np.errstate(all="ignore"):
            if n in simple:
                r = simple[n](a[0], a[1])
            elif n in unary:
                r = unary[n](a[0])
            elif n == "math.rsqrt":
                r = F32(1) / np.sqrt(a[0])
            elif n == "arith.cmpi":
                r = CMPI[int(attr(op, "predicate").split(":")[0])](a[0], a[1])
            elif n == "arith.cmpf":
                r = CMPF[int(attr(op, "predicate").split(":")[0])](a[0], a[1])
            elif n == "arith.select":
                r = np.where(a[0], a[1], a[2])
            elif n == "arith.index_cast":
                r = np.int64(a[0]) if np.ndim(a[0]) == 0 else a[0].astype(np.int64)
            elif n == "arith.uitofp":
                r = np.asarray(a[0]).astype(F32)
            else:
                raise Fail("op not modelled: " + n)
        if n.startswith("arith.") and n.endswith("f") or n.startswith("math.") or n == "arith.uitofp":
            r = np.asarray(r, F32) if np.ndim(r) else F32(r)
        return r

    def load(self, buf, idx, mask):
        m = self.lanes(mask) if self.threads else np.asarray(mask)
        idx = np.broadcast_to(np.asarray(idx, np.int64), m.shape) if self.threads else np.asarray(idx, np.int64)
        act = idx[m] if self.threads else (idx if mask else np.array([], np.int64))
        if np.any((act < 0) | (act >= buf.data.size)):
            raise Fail("out-of-bounds load")
        if np.any(~buf.written[act]):
            raise Fail("read of an element never written")
        return buf.data[np.clip(idx, 0, buf.data.size - 1)]

    def check_aligned(self, op, idx, mask):
        """A 16-byte vector access needs a 4-element-aligned index (the buffers start aligned)."""
        if "alignment = 16" not in op.attrs:
            raise Fail("vector access without its alignment")
        act = np.broadcast_to(idx, (self.threads,))[self.lanes(mask)]
        if np.any(act % 4):
            raise Fail("misaligned vector access")

    def store(self, buf, idx, val, mask):
        m = self.lanes(mask) if self.threads else np.asarray(mask)
        if self.threads:
            idx = np.broadcast_to(np.asarray(idx, np.int64), m.shape)[m]
            val = np.broadcast_to(np.asarray(val, F32), m.shape)[m]
        elif not mask:
            return
        idx, val = np.atleast_1d(idx), np.atleast_1d(val)
        if np.any((idx < 0) | (idx >= buf.data.size)):
            raise Fail("out-of-bounds store")
        order = np.argsort(idx, kind="stable")
        si, sv = idx[order], val[order]
        dup = si[1:] == si[:-1]
        if np.any(dup & (sv[1:] != sv[:-1]) & ~(np.isnan(sv[1:]) & np.isnan(sv[:-1]))):
            raise Fail("two threads store different values to one element")
        buf.data[idx] = val
        buf.written[idx] = True

    def run_for(self, op, env, mask, a):
        lb, ub, step, inits = a[0], a[1], a[2], a[3:]
        names, body = op.regions[0]
        iv = np.broadcast_to(np.asarray(lb, np.int64), (self.threads,)).copy()
        it = [np.broadcast_to(np.asarray(x, F32), (self.threads,)).copy() for x in inits]
        live = self.lanes(mask) & (iv < ub)
        while live.any():
            local = dict(env)
            local[names[0]] = iv
            for nm, v in zip(names[1:], it):
                local[nm] = v
            out = self.run_block(body, local, live) or []
            it = [np.where(live, np.broadcast_to(o, (self.threads,)), old) for o, old in zip(out, it)]
            iv = iv + step
            live = live & (iv < ub)
        return it

    def launch(self, op, env, a):
        grid, block = [int(x) for x in a[0:3]], [int(x) for x in a[3:6]]
        if grid[1:] != [1, 1] or block[1:] != [1, 1] or block[0] % 32:
            raise Fail("unexpected launch shape %s %s" % (grid, block))
        names, body = op.regions[0]
        for bx in range(grid[0]):
            local = dict(env)
            vals = [np.int64(bx), np.int64(0), np.int64(0), np.arange(block[0], dtype=np.int64), np.int64(0),
                    np.int64(0)] + [np.int64(x) for x in grid + block]
            local.update(zip(names, vals))
            self.threads = block[0]
            try:
                self.run_block(body, local, np.ones(block[0], bool))
            finally:
                self.threads = None
        return []


# -------------------------------------------------------------------------------------- cases ---
def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def layer_norm(x, g, b, axis, eps=1e-5):
    ax = tuple(range(axis, x.ndim))
    m = x.mean(ax, keepdims=True)
    v = ((x - m) ** 2).mean(ax, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b


def rnd(*shape, lo=-3.0, hi=3.0, seed=0):
    return np.random.default_rng(seed + sum(shape)).uniform(lo, hi, shape).astype(F32)


CASES = {
    "softmax_4x128": ([rnd(4, 128)], lambda x: [softmax(x)]),
    "softmax_5x100": ([rnd(5, 100)], lambda x: [softmax(x)]),
    "log_softmax_3x1000": ([rnd(3, 1000)], lambda x: [np.log(softmax(x))]),
    "softmax_2x2048": ([rnd(2, 2048)], lambda x: [softmax(x)]),
    "softmax_3x3000": ([rnd(3, 3000)], lambda x: [softmax(x)]),
    "softmax_dyn": ([rnd(11, 64)], lambda x: [softmax(x)]),
    "layer_norm_2x4096": ([rnd(2, 4096), rnd(4096, seed=1), rnd(4096, seed=2)],
                          lambda x, g, b: [layer_norm(x, g, b, 1)]),
    "layer_norm_3x64": ([rnd(3, 64), rnd(64, seed=1), rnd(64, seed=2)], lambda x, g, b: [layer_norm(x, g, b, 1)]),
    "layer_norm_2x3x50": ([rnd(2, 3, 50), rnd(3, 50, seed=1), rnd(3, 50, seed=2)],
                          lambda x, g, b: [layer_norm(x, g, b, 1)]),
    "layer_norm_dyn": ([rnd(3, 1500), rnd(1500, seed=1), rnd(1500, seed=2)],
                       lambda x, g, b: [layer_norm(x, g, b, 1)]),
    "layer_norm_dyn_short": ([rnd(5, 90), rnd(90, seed=1), rnd(90, seed=2)],
                             lambda x, g, b: [layer_norm(x, g, b, 1)]),
    "reduce_kinds": ([rnd(6, 40, lo=0.5, hi=1.5)],
                     lambda x: [x.sum(1), x.mean(1), x.max(1), x.min(1), x.prod(1)]),
    "reduce_mean_keepdims": ([rnd(4, 8, 32)], lambda x: [x.mean((1, 2), keepdims=True)]),
    "stitch_layer_norm": ([rnd(2, 8, 64), rnd(64, seed=1), rnd(64, seed=2)],
                          lambda x, g, b: [layer_norm(x, g, b, 2)]),
    "stitch_residual_ln": ([rnd(1, 8, 64), rnd(1, 8, 64, seed=3), rnd(64, seed=1), rnd(64, seed=2)],
                           lambda r, x, g, b: [layer_norm(r + x, g, b, 2)]),
    "stitch_masked_softmax": ([rnd(1, 4, 6, 6, lo=-20, hi=20), np.triu(np.ones((6, 6), bool), 1)],
                              lambda x, m: [softmax(np.where(m, -1.0e4, x / 8))]),
    "stitch_softmax_parts": ([rnd(2, 8, 64)], lambda x: [softmax(x), np.exp(x - x.max(-1, keepdims=True)).sum(-1).reshape(16)]),
}


def main():
    m = Machine(parse(open(sys.argv[1]).read()))
    bad = 0
    for name, (inputs, ref) in CASES.items():
        try:
            outs = m.call(name, [Buf(x.reshape(-1).copy(), x.shape) for x in inputs])
            want = ref(*[x if x.dtype == bool else x.astype(np.float64) for x in inputs])
            err = 0.0
            for o, w in zip(outs, want):
                got = o.data.reshape(o.shape).astype(np.float64)
                if got.shape != w.shape:
                    raise Fail("shape %s, expected %s" % (got.shape, w.shape))
                err = max(err, float(np.max(np.abs(got - w) / (np.abs(w) + 1.0))))
            ok = err <= 1e-5
            print("%s %s max rel err %.3g" % ("ok  " if ok else "FAIL", name, err))
            bad += not ok
        except Fail as e:
            print("FAIL %s: %s" % (name, e))
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
