"""Runs the elementwise and transpose kernels of dlc-lower-to-gpu on a small SIMT model of a GPU and
compares their results with numpy, since the machine that runs the tests has no GPU.

Usage: gpu_kernel_sim.py KERNELS.mlir   (dlc-opt --dlc-lower-to-gpu --mlir-print-op-generic output of
Inputs/gpu_kernel_cases.mlir)

Every public function named in CASES is called with seeded random inputs. The model runs a block's
threads in lockstep (one numpy lane per thread, masks for divergent scf.if / scf.for; 3-D grids and
blocks; gpu.block_id / thread_id / grid_dim from the launch) over the ops these kernels are made of:
func, bufferization, memref (multi-dimensional load/store, alloc, dim, collapse_shape to 1-D, view of
dynamic shared memory),
vector load/store/extract/from_elements, arith, math, scf, gpu.launch, gpu.shuffle (xor, idx; width 32)
and the inline-asm barrier. It
rejects what hardware would not guarantee or what would be a bug: an index out of bounds in any dim, a
vector access not aligned to its width or without its alignment attribute, a read of an element never
written (outputs and shared memory start unwritten), two threads storing different values to one
element, a barrier reached by part of a block, a shuffle with part of a warp inactive, an output
element left unwritten. Prints one line per
case; exits 1 on any failure."""
import math
import re
import sys

import numpy as np

DTYPES = {"f32": np.float32, "f16": np.float16, "f64": np.float64, "i1": np.bool_, "i32": np.int32, "i64": np.int64,
          "index": np.int64}


class Fail(Exception):
    pass


class Op:
    def __init__(self, results, name, operands, props, sig):
        self.results, self.name, self.operands, self.props, self.sig = results, name, operands, props, sig
        self.regions = []  # [(block arg names, ops)]


LINE = re.compile(r'^(?:(%[\w.$-]+)(?::(\d+))? = )?"([\w.]+)"\((.*?)\)(.*)$')


def parse(text):
    root = Op([], "root", [], "", "")
    root.regions.append(([], []))
    stack = [root]
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("^bb"):
            stack[-1].regions[-1][0].extend(re.findall(r"(%[\w.$-]+):", line))
            continue
        if line.startswith("}, {"):
            stack[-1].regions.append(([], []))
            continue
        if line.startswith("})"):
            stack.pop()
            continue
        m = LINE.match(line)
        if not m:
            raise SystemExit("cannot parse: " + line)
        res, count, name, operands, rest = m.groups()
        results = [] if not res else ([res] if not count else ["%s#%d" % (res, i) for i in range(int(count))])
        op = Op(results, name, re.findall(r"%[\w.$#-]+", operands), rest, rest)
        stack[-1].regions[-1][1].append(op)
        if rest.endswith("({"):
            op.regions.append(([], []))
            stack.append(op)
    return root


def prop(op, key):
    m = re.search(r"\b%s = ([^,}>]+(?:<[^>]*>)?)" % re.escape(key), op.props)
    return m.group(1).strip() if m else None


def result_type(op):
    return op.sig.rsplit("->", 1)[-1].strip()


def shaped(ty):
    """'memref<2x?x4xf16, ...>' -> ([2, None, 4], 'f16')"""
    m = re.match(r"(?:memref|tensor|vector)<([^,>]*)", ty)
    parts = m.group(1).split("x")
    dims = [None if d == "?" else int(d) for d in parts[:-1]]
    return dims, parts[-1].strip()


class Buf:
    def __init__(self, shape, elem, data=None):
        self.shape, self.elem = list(shape), elem
        size = int(np.prod(self.shape)) if self.shape else 1
        if data is None:
            self.data = np.zeros(size, DTYPES[elem])
            self.written = np.zeros(size, bool)
        else:
            self.data = np.ascontiguousarray(data, DTYPES[elem]).reshape(-1).copy()
            self.written = np.ones(size, bool)


class Machine:
    def __init__(self, module):
        self.funcs = {}
        top = module.regions[0][1]
        if len(top) == 1 and top[0].name == "builtin.module":
            top = top[0].regions[0][1]
        for op in top:
            if op.name == "func.func":
                self.funcs[prop(op, "sym_name").strip('"')] = op
        self.T = None  # threads of the running block, None outside a launch
        self.ids = {}

    # ------------------------------------------------------------------------------- control ---
    def call(self, name, args):
        names, ops = self.funcs[name].regions[0]
        return self.run(ops, dict(zip(names, args)), True)

    def run(self, ops, env, mask):
        for op in ops:
            out = self.step(op, env, mask)
            if op.name in ("func.return", "scf.yield"):
                return out
            for r, v in zip(op.results, out or []):
                env[r] = v
        return None

    def active(self, mask):
        return np.broadcast_to(mask, (self.T,)) if self.T else np.asarray([bool(mask)])

    def lanes(self, v):
        return np.broadcast_to(np.asarray(v), (self.T,)) if self.T else np.atleast_1d(np.asarray(v))

    # ---------------------------------------------------------------------------------- memory ---
    def flat(self, buf, idx, mask, width=1):
        act = self.active(mask)
        flat = np.zeros(self.T or 1, np.int64)
        for d, (i, n) in enumerate(zip(idx, buf.shape)):
            i = self.lanes(i).astype(np.int64)
            limit = n - (width - 1 if d == len(buf.shape) - 1 else 0)
            if np.any(act & ((i < 0) | (i >= limit))):
                raise Fail("index out of bounds in dim %d of %s" % (d, buf.shape))
            flat = flat * n + np.where(act, i, 0)
        return flat, act

    def load(self, buf, idx, mask, width=1):
        flat, act = self.flat(buf, idx, mask, width)
        vals = []
        for e in range(width):
            f = flat + e
            if np.any(act & ~buf.written[f]):
                raise Fail("read of an element never written")
            vals.append(buf.data[f])
        v = np.stack(vals, axis=-1) if width > 1 else vals[0]
        return v if self.T else v[0]

    def store(self, buf, idx, val, mask, width=1):
        flat, act = self.flat(buf, idx, mask, width)
        val = np.asarray(val)
        for e in range(width):
            v = val[..., e] if width > 1 else val
            v = np.broadcast_to(v, (self.T or 1,))
            f, vv = flat[act] + e, v[act].astype(buf.data.dtype)
            order = np.argsort(f, kind="stable")
            fs, vs = f[order], vv[order]
            clash = (fs[1:] == fs[:-1]) & (vs[1:] != vs[:-1])
            if np.any(clash):
                raise Fail("two threads store different values to one element")
            buf.data[f] = vv
            buf.written[f] = True

    def aligned(self, op, buf, idx, mask, width):
        bytes_ = width * np.dtype(DTYPES[buf.elem]).itemsize
        if prop(op, "alignment") != "%d : i64" % bytes_:
            raise Fail("vector access of %d bytes without {alignment = %d}" % (bytes_, bytes_))
        flat, act = self.flat(buf, idx, mask, width)
        if np.any(act & (flat % width != 0)):
            raise Fail("vector access not aligned to its width")

    # ------------------------------------------------------------------------------------- ops ---
    def step(self, op, env, mask):
        n, a = op.name, [env[x] for x in op.operands]
        if n in ("func.return", "scf.yield"):
            return a
        if n == "func.call":
            return self.call(prop(op, "callee").lstrip("@"), a)
        if n == "arith.constant":
            return [self.constant(op)]
        if n in ("bufferization.to_buffer", "bufferization.to_tensor", "memref.cast"):
            return [a[0]]
        if n == "memref.alloc":
            dims, elem = shaped(result_type(op))
            dyn = iter(int(x) for x in a)
            return [Buf([d if d is not None else next(dyn) for d in dims], elem)]
        if n == "memref.collapse_shape":  # a view: shares the data
            dims, _ = shaped(result_type(op))
            v = Buf([1], a[0].elem)
            v.shape = [int(np.prod(a[0].shape))] if dims == [None] or len(dims) == 1 else None
            if v.shape is None:
                raise Fail("collapse_shape to rank > 1 not modelled")
            v.data, v.written = a[0].data, a[0].written
            return [v]
        if n == "memref.dim":
            return [np.int64(a[0].shape[int(a[1])])]
        if n == "gpu.dynamic_shared_memory":
            return ["smem"]
        if n == "memref.view":
            dims, elem = shaped(result_type(op))
            return [Buf(dims, elem)]  # fresh per block: unwritten
        if n == "memref.load":
            return [self.load(a[0], a[1:], mask)]
        if n == "memref.store":
            self.store(a[1], a[2:], a[0], mask)
            return []
        if n == "vector.load":
            width = shaped(result_type(op))[0][0]
            self.aligned(op, a[0], a[1:], mask, width)
            return [self.load(a[0], a[1:], mask, width)]
        if n == "vector.store":
            width = np.asarray(a[0]).shape[-1]
            self.aligned(op, a[1], a[2:], mask, width)
            self.store(a[1], a[2:], a[0], mask, width)
            return []
        if n == "vector.extract":
            pos = int(re.search(r"static_position = array<i64: (\d+)>", op.props).group(1))
            return [np.asarray(a[0])[..., pos]]
        if n == "vector.from_elements":
            return [np.stack(np.broadcast_arrays(*[np.asarray(x) for x in a]), axis=-1)]
        if n == "gpu.shuffle":  # xor / idx across a full warp of 32 lanes; every lane of the warp active
            mode = re.search(r"shuffle_mode (\w+)", op.props).group(1)
            if not self.T or self.T % 32 or int(a[2]) != 32 or mode not in ("xor", "idx"):
                raise Fail("shuffle not modelled: %s, width %s, %s threads" % (mode, a[2], self.T))
            act = self.active(mask).reshape(-1, 32)
            if np.any(act.any(axis=1) & ~act.all(axis=1)):
                raise Fail("shuffle with part of a warp inactive")
            t = np.arange(self.T, dtype=np.int64)
            src = t ^ self.lanes(a[1]).astype(np.int64) if mode == "xor" else (t & ~31) + self.lanes(a[1]).astype(np.int64)
            if np.any((src < 0) | (src // 32 != t // 32)):
                raise Fail("shuffle source outside the warp")
            return [self.lanes(a[0])[src], np.ones(self.T, bool)]
        if n == "llvm.inline_asm":
            if self.T and not np.all(self.active(mask)):
                raise Fail("barrier reached by part of the block")
            return []
        if n == "scf.if":  # outside a launch (host code), only the branch taken runs
            c = np.asarray(a[0], bool)
            if self.T or bool(mask & c):
                self.run(op.regions[0][1], env, mask & c)
            if len(op.regions) > 1 and op.regions[1][1] and (self.T or bool(mask & ~c)):
                self.run(op.regions[1][1], env, mask & ~c)
            return []
        if n == "scf.for":
            names, body = op.regions[0]
            iv = self.lanes(a[0]).astype(np.int64).copy()
            ub, stp = self.lanes(a[1]), self.lanes(a[2])
            live = self.active(mask) & (iv < ub)
            carry = list(a[3:])  # iter_args: a lane keeps its values once its loop has ended
            while live.any():
                local = dict(env)
                local[names[0]] = iv if self.T else iv[0]
                for name, v in zip(names[1:], carry):
                    local[name] = v
                outs = self.run(body, local, live if self.T else True)
                if carry:
                    carry = [np.where(live, o, c) if self.T else o for o, c in zip(outs, carry)]
                iv = iv + stp
                live = live & (iv < ub)
            return carry
        if n in ("gpu.block_id", "gpu.thread_id", "gpu.grid_dim", "gpu.block_dim"):
            return [self.ids[(n, re.search(r"#gpu<dim (\w)>", op.props).group(1))]]
        if n == "gpu.launch":
            return self.launch(op, a, env)
        if n == "gpu.terminator":
            return []
        return [self.arith(op, n, a)]

    def constant(self, op):
        v = prop(op, "value")
        text, ty = v.rsplit(":", 1) if ":" in v else (v, "i1")
        text, ty = text.strip(), ty.strip()
        if ty in ("index", "i32", "i64"):
            return np.int64(int(text, 0))
        if text in ("true", "false"):
            return np.bool_(text == "true")
        if text.startswith("0x"):
            bits = int(text, 16)
            return np.array([bits], np.uint32).view(np.float32)[0] if ty == "f32" else \
                np.array([bits], np.uint16).view(np.float16)[0]
        return DTYPES[ty](float(text))

    def arith(self, op, n, a):
        ty = result_type(op)
        dt = DTYPES.get(ty.split("<")[-1].split("x")[-1].rstrip(">"), None)
        bin_ = {"arith.addi": np.add, "arith.subi": np.subtract, "arith.muli": np.multiply,
                "arith.divui": np.floor_divide, "arith.remui": np.remainder, "arith.minui": np.minimum,
                "arith.maxui": np.maximum, "arith.maxsi": np.maximum, "arith.minsi": np.minimum,
                "arith.remsi": np.fmod, "arith.remf": np.fmod, "arith.divsi": lambda x, y: np.trunc(x / y),
                "arith.andi": np.logical_and, "arith.ori": np.logical_or,
                "arith.addf": np.add, "arith.subf": np.subtract, "arith.mulf": np.multiply, "arith.divf": np.divide,
                "arith.maximumf": np.maximum, "arith.minimumf": np.minimum, "math.powf": np.power}
        un = {"math.exp": np.exp, "math.log": np.log, "math.sqrt": np.sqrt, "arith.negf": np.negative,
              "math.tanh": np.tanh, "math.absf": np.abs, "math.floor": np.floor, "math.ceil": np.ceil,
              "math.roundeven": np.round, "math.sin": np.sin, "math.cos": np.cos, "math.log1p": np.log1p}
        with np.errstate(all="ignore"):
            if n in bin_:
                r = bin_[n](a[0], a[1])
            elif n in un:
                r = un[n](a[0])
            elif n == "arith.ceildivui":
                r = -(-np.asarray(a[0]) // a[1])
            elif n == "math.erf":
                r = np.vectorize(math.erf)(np.asarray(a[0], np.float64))
            elif n == "math.rsqrt":
                r = 1.0 / np.sqrt(a[0])
            elif n in ("arith.cmpi", "arith.cmpf"):
                p = int(prop(op, "predicate").split(":")[0])
                if n == "arith.cmpi":  # eq ne slt sle sgt sge ult ule ugt uge
                    f = [np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal,
                         np.less, np.less_equal, np.greater, np.greater_equal][p]
                else:  # false oeq ogt oge olt ole one ord ueq ugt uge ult ule une
                    f = {1: np.equal, 2: np.greater, 3: np.greater_equal, 4: np.less, 5: np.less_equal,
                         6: np.not_equal, 13: np.not_equal}[p]
                return f(a[0], a[1])
            elif n == "arith.select":
                r = np.where(a[0], a[1], a[2])
            elif n in ("arith.extf", "arith.truncf", "arith.sitofp", "arith.uitofp", "arith.fptosi"):
                r = np.asarray(a[0])
            else:
                raise Fail("op not modelled: " + n)
        return np.asarray(r).astype(dt) if dt is not None else r

    def launch(self, op, a, outer):
        seg = [int(x) for x in re.search(r"operandSegmentSizes = array<i32: ([\d, ]+)>", op.props).group(1).split(",")]
        vals, pos = [], 0
        for s in seg:
            vals.append(a[pos:pos + s])
            pos += s
        grid = [int(v[0]) for v in vals[1:4]]
        block = [int(v[0]) for v in vals[4:7]]
        if any(g < 1 for g in grid) or any(b < 1 for b in block) or np.prod(block) > 1024 or block[2] > 64 or \
                grid[1] > 65535 or grid[2] > 65535:
            raise Fail("launch shape CUDA cannot run: grid %s block %s" % (grid, block))
        names, body = op.regions[0]
        T = int(np.prod(block))
        t = np.arange(T, dtype=np.int64)
        tid = [t % block[0], (t // block[0]) % block[1], t // (block[0] * block[1])]
        for bz in range(grid[2]):
            for by in range(grid[1]):
                for bx in range(grid[0]):
                    bid = [np.int64(bx), np.int64(by), np.int64(bz)]
                    self.ids = {}
                    for i, d in enumerate("xyz"):
                        self.ids[("gpu.block_id", d)] = bid[i]
                        self.ids[("gpu.thread_id", d)] = tid[i]
                        self.ids[("gpu.grid_dim", d)] = np.int64(grid[i])
                        self.ids[("gpu.block_dim", d)] = np.int64(block[i])
                    env = dict(outer)
                    env.update(zip(names, bid + tid + [np.int64(g) for g in grid] + [np.int64(b) for b in block]))
                    self.T = T
                    try:
                        self.run(body, env, np.ones(T, bool))
                    finally:
                        self.T = None
        return []


# ------------------------------------------------------------------------------------------ cases ---
def rnd(*shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed + sum(shape)).uniform(-3, 3, shape).astype(dtype)


def gelu(x):
    x64 = np.asarray(x, np.float64)
    return 0.5 * x64 * (1 + np.vectorize(math.erf)(x64 / math.sqrt(2)))


A = rnd(4, 64)
B = rnd(64, seed=1)
C7 = rnd(4, 7)
D = rnd(4, 1, seed=2)
E = rnd(5, 64, seed=3)
H = rnd(4, 64, dtype=np.float16)
H2 = rnd(64, dtype=np.float16, seed=4)
G = rnd(10, 100, seed=5)
GB = rnd(100, seed=6)
T2 = rnd(70, 45)
T4 = rnd(2, 37, 3, 40, seed=7)
V8 = rnd(3, 8, seed=8)
V7 = rnd(3, 7, seed=9)
DEN = rnd(3, 1, seed=10) + 5
C37 = rnd(3, 7, seed=11)
F8 = np.abs(rnd(1, 8, 1, seed=12))
F5 = np.abs(rnd(1, 5, 1, seed=13))
S = np.array(0.5, np.float32)
CASES = {
    "add_bcast": ([A, B], lambda: A + B),
    "exp_inner7": ([C7], lambda: np.exp(C7)),
    "mul_col": ([A, D], lambda: A * D),
    "sub_dynamic": ([E, B], lambda: E - B),
    "bias_gelu_group": ([A, B], lambda: gelu(A + B)),
    "two_outputs_group": ([G, GB], lambda: (np.maximum(G * GB, 0), np.maximum(G * GB, 0) - GB)),
    "add_f16": ([H, H2], lambda: (H.astype(np.float32) + H2.astype(np.float32)).astype(np.float16)),
    "where_less": ([A, B], lambda: np.where(A < B, A, B)),
    "transpose_2d": ([T2], lambda: T2.T),
    "transpose_4d_dynamic": ([T4], lambda: T4.transpose(0, 3, 2, 1)),
    "div_inner_dyn_vec": ([V8, DEN], lambda: V8 / DEN),
    "div_inner_dyn_scalar": ([V7, DEN], lambda: V7 / DEN),
    "cast_f32_f16": ([A], lambda: A.astype(np.float16)),
    "exp_3x7": ([C37], lambda: np.exp(C37)),
    "sqrt_flat_dyn_vec": ([F8, S], lambda: np.sqrt(F8 + S)),
    "sqrt_flat_dyn_scalar": ([F5, S], lambda: np.sqrt(F5 + S)),
    "scale_shift_group": ([A], lambda: A * np.float32(0.5) + np.float32(1.0)),
}


def check_output(o, want, tol, what="output"):
    """Raises Fail unless every element of the simulated buffer `o` was written and it matches `want`
    (numpy) within rtol = atol = tol."""
    want = np.asarray(want, np.float64)
    if not o.written.all():
        raise Fail("%s: %d elements never written" % (what, (~o.written).sum()))
    got = o.data.reshape(o.shape).astype(np.float64)
    if got.shape != want.shape or not np.allclose(got, want, rtol=tol, atol=tol):
        raise Fail("%s differs from numpy (max error %g)" % (
            what, np.max(np.abs(got - want)) if got.shape == want.shape else -1))


def main():
    m = Machine(parse(open(sys.argv[1]).read()))
    bad = 0
    for name, (inputs, ref) in CASES.items():
        try:
            outs = m.call(name, [Buf(x.shape, {np.float32: "f32", np.float16: "f16"}[x.dtype.type], x) for x in inputs])
            want = ref()
            want = want if isinstance(want, tuple) else (want,)
            for i, (o, w) in enumerate(zip(outs, want)):
                check_output(o, w, 2e-3 if o.elem == "f16" else 1e-5, "output %d" % i)
            print("ok", name)
        except Fail as e:
            bad += 1
            print("FAIL", name + ":", e)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
