#!/usr/bin/env python3
"""Times DLC against PyTorch on the model suite, on one NVIDIA GPU, and writes a markdown table.

For each model of bench/suite_models.py (the suite of ../shared/models/make_models.py, copied): build it with
the fixed seed, export ONNX (opset 14, the suite's dynamic axes) into a temporary folder beside its input as
.npy, then
  - DLC: `dlc-run MODEL.onnx --device=cuda --input=@x.npy --output=@y.npy --bench=N` (one call: the output of
    its first run is written, then N timed runs after dlc-run's own warm-up); the median is parsed;
  - PyTorch eager on the same GPU, same input, fp32 with TF32 off, under torch.inference_mode(), timed with
    CUDA events (warm-up first, then N timed calls, median); its output is the reference for DLC's;
  - torch.compile(model) and torch.compile(model, mode="max-autotune"), timed the same way, each in a worker
    process (one per mode, all models in turn) so that a compile that hangs or crashes is killed after its
    time limit and recorded, and the rest go on.
A failure of one model in one column (DLC error, export error, compile error, timeout) is recorded in the
table with its reason; the run goes on. The table replaces this device's section of docs/performance.md
(between `<!-- BEGIN bench_suite: DEVICE -->` and `<!-- END bench_suite: DEVICE -->`), or is appended; the rest
of the file is kept. It is rewritten after each phase, so an interrupted run still leaves what it measured.

    python3 bench/bench_suite.py                       # everything, about 8 minutes on an H100
    python3 bench/bench_suite.py --skip-compile        # DLC and eager only, about a minute
    python3 bench/bench_suite.py --dry-run --dlc-run bench/fake_dlc_run.py --output /tmp/perf.md
                                                       # no GPU, no PyTorch: fake numbers, every code path

See bench/README.md.
"""
import argparse
import datetime
import json
import math
import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
import suite_models  # noqa: E402  (PyTorch is optional there: SPECS is plain data)

SPECS = {s.name: s for s in suite_models.SPECS}
MODES = ("compile", "max-autotune")  # the torch.compile columns, in the order they run
BASELINES = ("eager",) + MODES
REL_TOL = 1e-4          # max |out - ref| <= REL_TOL * max |ref|: the model suite's own tolerance (test/models)
MIN_WARMUP_S = 0.2      # PyTorch warm-up lasts at least this long (clocks ramp up), and at least --warmup calls
COMPILE_SHARE = 0.45    # with both compile modes, the default mode may use this share of the time left
MIN_START_S = 15.0      # do not start a compile worker with less time than this left
PROTO = "@@bench "      # prefix of the worker's protocol lines on its stdout
MARK = "bench_suite"    # the markdown section's markers: <!-- BEGIN bench_suite: KEY --> ... <!-- END ... -->
DLC_WARMUP = 10         # dlc-run's warm-up for --bench=N >= 10 (tools/dlc-run/dlc_run.c)


# ----------------------------------------------------------------------------------------------------------
# Arguments

def parse_args(argv=None):
    p = argparse.ArgumentParser(
        prog="bench_suite.py", description="Time DLC against PyTorch (eager, torch.compile, max-autotune) on "
        "the model suite on one NVIDIA GPU; write a markdown table into docs/performance.md.")
    p.add_argument("--dlc-run", default=os.path.join(ROOT, "build", "bin", "dlc-run"),
                   help="the dlc-run binary (default: build/bin/dlc-run of this checkout)")
    p.add_argument("--dlc-lib-dir", default=None,
                   help="a folder put first on LD_LIBRARY_PATH for dlc-run alone (its MLIR/LLVM 22 libraries "
                   "where the system has none; see bench/pack_dlc.sh)")
    p.add_argument("--dlc-commit", default=None, help="the DLC commit to name in the header (default: "
                   "`git rev-parse HEAD` of this checkout, where there is a .git)")
    p.add_argument("--dlc-args", default="", help="extra dlc-run options, one shell-quoted string, written with '=' "
                   "(e.g. --dlc-args='--gpu-arch=sm_90a -O3')")
    p.add_argument("--dlc-variants", default="unfused=--no-fusion;fixed-ilp=--fixed-parallelism",
                   help="other DLC configurations timed beside the default one, NAME=OPTIONS separated by ';' "
                   "(default 'unfused=--no-fusion;fixed-ilp=--fixed-parallelism'; '' for none); each gets a column of the variants table")
    p.add_argument("--runs", type=int, default=100, help="timed runs per measurement (default 100; medians "
                   "are reported, so keep it >= 100)")
    p.add_argument("--warmup", type=int, default=10, help="PyTorch warm-up calls before timing (default 10, "
                   "as dlc-run's; at least %.1f s of calls too)" % MIN_WARMUP_S)
    p.add_argument("--models", default=None, help="comma-separated model names (default: all): "
                   + ",".join(SPECS))
    p.add_argument("--skip-compile", action="store_true",
                   help="skip both torch.compile columns (compiling can take minutes)")
    p.add_argument("--skip-max-autotune", action="store_true",
                   help="skip the max-autotune column only (the slowest to compile)")
    p.add_argument("--output", default=None, help="the markdown file whose section is replaced or appended "
                   "(default docs/performance.md; with --dry-run, none unless given; '-' for none)")
    p.add_argument("--json", default=None, help="also write every number as JSON to this file")
    p.add_argument("--time-budget", type=float, default=450.0,
                   help="seconds for the whole run (default 450): the torch.compile phases stop at this "
                   "deadline and record the models they did not reach; 0: no limit")
    p.add_argument("--compile-timeout", type=float, default=240.0,
                   help="seconds one model may take in one torch.compile mode before it is killed (default 240)")
    p.add_argument("--dlc-timeout", type=float, default=180.0,
                   help="seconds one dlc-run call may take, compile and timing included (default 180)")
    p.add_argument("--keep-temp", action="store_true", help="keep the temporary folder (ONNX files, inputs, "
                   "outputs, worker logs) and print where it is")
    p.add_argument("--dry-run", action="store_true",
                   help="no GPU, no PyTorch: fake PyTorch numbers and placeholder ONNX files, but the real "
                   "dlc-run call and parsing, the worker processes, the table and the file update")
    # internal: the torch.compile worker
    p.add_argument("--worker", choices=MODES, default=None, help=argparse.SUPPRESS)
    p.add_argument("--workdir", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.models:
        names = [n.strip() for n in args.models.split(",") if n.strip()]
        unknown = [n for n in names if n not in SPECS]
        if unknown:
            p.error("unknown model(s) %s; the suite has: %s" % (", ".join(unknown), ", ".join(SPECS)))
        args.model_names = [n for n in SPECS if n in names]  # the suite's order
    else:
        args.model_names = list(SPECS)
    if args.runs < 1:
        p.error("--runs must be >= 1")
    if args.warmup < 0:
        p.error("--warmup must be >= 0")
    try:
        args.dlc_extra = shlex.split(args.dlc_args)
    except ValueError as e:
        p.error("--dlc-args: %s" % e)
    args.variants = []
    for item in [v.strip() for v in args.dlc_variants.split(";") if v.strip()]:
        name, eq, opts = item.partition("=")
        if not eq or not name.strip():
            p.error("--dlc-variants: %r is not NAME=OPTIONS" % item)
        try:
            args.variants.append((name.strip(), shlex.split(opts)))
        except ValueError as e:
            p.error("--dlc-variants: %s" % e)
    if args.output is None and not args.dry_run:
        args.output = os.path.join(ROOT, "docs", "performance.md")
    if args.output == "-":
        args.output = None
    args.modes = [] if args.skip_compile else [m for m in MODES if not (m == "max-autotune" and args.skip_max_autotune)]
    return args


# ----------------------------------------------------------------------------------------------------------
# Small helpers (no PyTorch)

def summarize(times_ms):
    """Median (the upper one, sorted[n // 2], as dlc-run takes it), p90, min and mean of a list of times."""
    t = sorted(float(x) for x in times_ms)
    n = len(t)
    if n == 0:
        raise ValueError("no times")
    return {"median_ms": t[n // 2], "p90_ms": t[int((n - 1) * 0.9 + 0.5)], "min_ms": t[0],
            "mean_ms": sum(t) / n, "n": n}


def fail(reason):
    return {"ok": False, "error": one_line(reason)}


def one_line(text, limit=400):
    """The most telling line of an error text: the last non-empty line (Python tracebacks and dlc-run both
    end with the cause), whitespace squeezed, at most `limit` characters."""
    lines = [ln.strip() for ln in str(text).strip().splitlines() if ln.strip()]
    s = " ".join(lines[-1].split()) if lines else "(no message)"
    return s if len(s) <= limit else s[:limit - 1] + "…"


def short_exc(e):
    return one_line("%s: %s" % (type(e).__name__, e))


def tail_file(path, n=1):
    try:
        with open(path, "r", errors="replace") as f:
            lines = [ln.rstrip() for ln in f if ln.strip()]
    except OSError:
        return "(no log)"
    return " / ".join(lines[-n:]) if lines else "(empty log)"


def fmt_shape(shape):
    return "×".join(str(int(d)) for d in shape) if len(shape) else "scalar"


def short_dtype(dtype):
    return {"float32": "f32", "float64": "f64", "float16": "f16", "int64": "i64", "int32": "i32"}.get(str(dtype),
                                                                                                    str(dtype))


def fmt_ms(v):
    if v is None or not math.isfinite(v):
        return "n/a"
    if v >= 100:
        return "%.1f" % v
    if v >= 10:
        return "%.2f" % v
    return "%.3f" % v


def md_cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def elapsed_s(t0):
    return time.monotonic() - t0


# ----------------------------------------------------------------------------------------------------------
# dlc-run

_COMPILE_RE = re.compile(r"^compile:\s*([0-9.eE+-]+)\s*ms", re.M)
_RUN_RE = re.compile(r"^run:\s*(\d+)\s+iterations after\s+(\d+)\s+warm-up:\s*median\s+([0-9.eE+-]+)\s*ms,\s*"
                     r"p90\s+([0-9.eE+-]+)\s*ms,\s*min\s+([0-9.eE+-]+)\s*ms\s*\(([^,)]+),\s*([^)]*)\)", re.M)


def parse_dlc_output(text):
    """Parses dlc-run --bench's two summary lines:
         compile: 631.2 ms (parse, lower, JIT)
         run: 100 iterations after 10 warm-up: median 0.4120 ms, p90 0.4500 ms, min 0.4000 ms (cuda, cuda events)
    Returns a dict; raises ValueError naming what is missing."""
    m = _RUN_RE.search(text)
    if not m:
        raise ValueError("no 'run: N iterations ... median' line in dlc-run's output")
    out = {"iterations": int(m.group(1)), "warmup": int(m.group(2)), "median_ms": float(m.group(3)),
           "p90_ms": float(m.group(4)), "min_ms": float(m.group(5)), "device": m.group(6).strip(),
           "clock": m.group(7).strip()}
    c = _COMPILE_RE.search(text)
    out["compile_ms"] = float(c.group(1)) if c else None
    return out


def dlc_env(lib_dir):
    env = dict(os.environ)
    if lib_dir:
        old = env.get("LD_LIBRARY_PATH", "")
        env["LD_LIBRARY_PATH"] = os.path.abspath(lib_dir) + (":" + old if old else "")
    return env


def dlc_preflight(dlc_run, lib_dir):
    """None when `dlc-run --help` runs, else why not (missing binary, missing shared libraries...)."""
    if not os.path.isfile(dlc_run):
        return "no dlc-run at %s (build with scripts/build.sh, or pass --dlc-run)" % dlc_run
    if not os.access(dlc_run, os.X_OK):
        return "%s is not executable" % dlc_run
    try:
        r = subprocess.run([dlc_run, "--help"], capture_output=True, text=True, errors="replace", timeout=60,
                           env=dlc_env(lib_dir))
    except (OSError, subprocess.TimeoutExpired) as e:
        return "dlc-run --help failed: %s" % short_exc(e)
    if r.returncode != 0:
        return "dlc-run --help exited %d: %s" % (r.returncode, one_line(r.stderr or r.stdout))
    return None


def run_dlc(dlc_run, model_path, x_npy, y_npy, runs, timeout, lib_dir=None, extra=(), device="cuda"):
    """One dlc-run call: compiles, runs once writing the output to y_npy, then times `runs` runs.
    Returns {"ok": True, median_ms, p90_ms, min_ms, compile_ms, iterations, ..., "cmd"} or a failure."""
    cmd = [dlc_run, model_path, "--device=%s" % device, "--input=@%s" % x_npy, "--output=@%s" % y_npy,
           "--bench=%d" % runs] + list(extra)
    t0 = time.monotonic()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout,
                           env=dlc_env(lib_dir))
    except subprocess.TimeoutExpired:
        res = fail("dlc-run timed out after %.0f s (--dlc-timeout)" % timeout)
        res["cmd"] = shlex.join(cmd)
        return res
    except OSError as e:
        res = fail("dlc-run did not start: %s" % short_exc(e))
        res["cmd"] = shlex.join(cmd)
        return res
    wall = time.monotonic() - t0
    if r.returncode != 0:
        why = r.stderr if r.stderr.strip() else r.stdout
        res = fail("dlc-run exited %d: %s" % (r.returncode, one_line(why)) if r.returncode > 0
                   else "dlc-run killed by signal %d: %s" % (-r.returncode, one_line(why)))
    else:
        try:
            res = dict(parse_dlc_output(r.stdout), ok=True)
        except ValueError as e:
            res = fail("%s; stdout ends: %s" % (e, one_line(r.stdout)))
        else:
            if res["device"] != device:
                res = fail("dlc-run ran on %s, not %s" % (res["device"], device))
            elif res["iterations"] != runs:
                res = fail("dlc-run timed %d runs, not %d" % (res["iterations"], runs))
            elif not os.path.isfile(y_npy):
                res = fail("dlc-run wrote no output file")
    res["cmd"] = shlex.join(cmd)
    res["wall_s"] = wall
    return res


# ----------------------------------------------------------------------------------------------------------
# Output agreement

def compare(out, ref, rel_tol=REL_TOL):
    """DLC's (or a compiled model's) output against the reference: shape, finiteness, max |out - ref|, and
    that over max |ref|. ok when max |out - ref| <= rel_tol * max |ref|."""
    out, ref = np.asarray(out), np.asarray(ref)
    if out.shape != ref.shape:
        return {"ok": False, "max_abs": None, "rel": None,
                "text": "shape %s, expected %s" % (fmt_shape(out.shape), fmt_shape(ref.shape))}
    o, r = out.astype(np.float64), ref.astype(np.float64)
    if not np.isfinite(r).all():
        return {"ok": False, "max_abs": None, "rel": None, "text": "the reference has non-finite values"}
    bad = int(o.size - np.count_nonzero(np.isfinite(o)))
    if bad:
        return {"ok": False, "max_abs": None, "rel": None, "text": "%d non-finite value%s" % (bad, "s" * (bad != 1))}
    if o.size == 0:
        return {"ok": True, "max_abs": 0.0, "rel": 0.0, "text": "ok (empty)"}
    max_abs = float(np.max(np.abs(o - r)))
    scale = float(np.max(np.abs(r)))
    rel = max_abs / scale if scale > 0 else (0.0 if max_abs == 0 else math.inf)
    ok = rel <= rel_tol
    return {"ok": ok, "max_abs": max_abs, "rel": rel,
            "text": ("ok, %.1e" % max_abs) if ok else ("**differs**, %.2e (%.1e of max |ref|)" % (max_abs, rel))}


# ----------------------------------------------------------------------------------------------------------
# PyTorch (imported only where used)

def setup_torch():
    import torch
    if not torch.cuda.is_available():
        raise RuntimeError("PyTorch sees no CUDA device")
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    return torch


def tf32_state(torch):
    import warnings
    parts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for label, obj in (("matmul", torch.backends.cuda.matmul), ("cuDNN", torch.backends.cudnn)):
            try:
                s = "allow_tf32=%s" % obj.allow_tf32
            except Exception as e:  # noqa: BLE001
                s = "allow_tf32 unreadable (%s)" % short_exc(e)
            prec = getattr(obj, "fp32_precision", None)
            if isinstance(prec, str):
                s += ", fp32_precision=%s" % prec
            parts.append("%s %s" % (label, s))
    return "; ".join(parts)


def time_cuda(torch, fn, warmup, runs, pre=None, min_warmup_s=MIN_WARMUP_S):
    """Per METHOD.md: warm up (at least `warmup` calls and `min_warmup_s` seconds), then `runs` calls, each
    between two CUDA events with the device synchronized before it (so each time is one isolated call:
    launches and kernels); median of the event times. `pre` runs before each call, outside the events."""
    t0, done = time.perf_counter(), 0
    while done < warmup or time.perf_counter() - t0 < min_warmup_s:
        if pre:
            pre()
        fn()
        done += 1
        if done >= 100000:
            break
    torch.cuda.synchronize()
    starts = [torch.cuda.Event(enable_timing=True) for _ in range(runs)]
    ends = [torch.cuda.Event(enable_timing=True) for _ in range(runs)]
    for s, e in zip(starts, ends):
        if pre:
            pre()
        torch.cuda.synchronize()
        s.record()
        fn()
        e.record()
    torch.cuda.synchronize()
    res = summarize([s.elapsed_time(e) for s, e in zip(starts, ends)])
    res["warmup"] = done
    return res


def to_numpy(t):
    return t.detach().float().cpu().numpy() if t.is_floating_point() else t.detach().cpu().numpy()


def device_meta(torch):
    props = torch.cuda.get_device_properties(0)
    meta = {"device": torch.cuda.get_device_name(0), "sms": props.multi_processor_count,
            "memory_gib": props.total_memory / 2**30, "capability": "%d.%d" % (props.major, props.minor),
            "torch": torch.__version__, "cuda_runtime": torch.version.cuda,
            "cudnn": str(torch.backends.cudnn.version()), "tf32": tf32_state(torch)}
    try:
        import triton
        meta["triton"] = triton.__version__
    except Exception:  # noqa: BLE001
        meta["triton"] = None
    meta["driver"], meta["cuda_driver"] = driver_versions()
    return meta


def driver_versions():
    """(driver version from nvidia-smi, CUDA version the driver supports from cuDriverGetVersion)."""
    drv = None
    try:
        r = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                           capture_output=True, text=True, timeout=20)
        if r.returncode == 0 and r.stdout.strip():
            drv = r.stdout.strip().splitlines()[0].strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    cuda = None
    try:
        import ctypes
        lib = ctypes.CDLL("libcuda.so.1")
        v = ctypes.c_int(0)
        if lib.cuDriverGetVersion(ctypes.byref(v)) == 0:
            cuda = "%d.%d" % (v.value // 1000, (v.value % 1000) // 10)
    except Exception:  # noqa: BLE001
        pass
    return drv, cuda


def file_sha256(path):
    import hashlib
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def git_commit():
    try:
        r = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=10", "HEAD"], capture_output=True, text=True,
                           timeout=10)
        if r.returncode == 0 and r.stdout.strip():
            c = r.stdout.strip()
            d = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10)
            return c + ("+changes" if d.returncode == 0 and d.stdout.strip() else "")
    except (OSError, subprocess.TimeoutExpired):
        pass
    return None


# ----------------------------------------------------------------------------------------------------------
# Phase 1, per model: export, eager (timing and reference), DLC

def new_row(name):
    spec = SPECS[name]
    row = {"name": name, "input": "%s %s" % (fmt_shape(spec.shape), short_dtype(spec.dtype)),
           "dlc": None, "agreement": None, "notes": [], "export": None, "variants": {}}
    for b in BASELINES:
        row[b] = None
    return row


def check_against_spec(torch, spec, model, inputs, row):
    """Notes where this copy of the suite differs from what make_models.py recorded."""
    params = sum(p.numel() for p in model.parameters())
    if params != spec.params:
        row["notes"].append("has %d parameters; make_models.py's had %d" % (params, spec.params))
    x = inputs[0]
    if tuple(x.shape) != tuple(spec.shape) or str(x.dtype).replace("torch.", "") != spec.dtype:
        row["notes"].append("input %s %s; the suite's is %s %s" % (fmt_shape(x.shape), x.dtype, fmt_shape(spec.shape),
                                                                  spec.dtype))
        return
    s = float(x.double().sum())
    if spec.in_sum is not None and abs(s - spec.in_sum) > 1e-6 * max(1.0, abs(spec.in_sum)):
        row["notes"].append("input differs from make_models.py's (sum %.6g, expected %.6g)" % (s, spec.in_sum))
    with torch.no_grad():
        y = model(*inputs)
    a = float(y.double().abs().sum())
    if tuple(y.shape) != tuple(spec.out_shape):
        row["notes"].append("output %s; make_models.py's was %s" % (fmt_shape(y.shape), fmt_shape(spec.out_shape)))
    elif spec.out_abs_sum is not None and abs(a - spec.out_abs_sum) > 1e-3 * abs(spec.out_abs_sum):
        row["notes"].append("CPU output differs from make_models.py's (sum |y| %.6g, expected %.6g): weights "
                            "or inputs drifted" % (a, spec.out_abs_sum))


def onnx_nodes(path):
    try:
        import onnx
    except ImportError:
        return None
    try:
        return len(onnx.load(path).graph.node)
    except Exception:  # noqa: BLE001
        return None


def prepare_model(args, torch, name, entry, mdir, t0):
    """Export, eager timing and reference, DLC timing and agreement, for one model. Fills and returns a row."""
    row = new_row(name)
    spec = SPECS[name]
    onnx_path, x_npy, y_npy, ref_npy = (os.path.join(mdir, f) for f in ("model.onnx", "input.npy", "dlc_out.npy",
                                                                         "ref.npy"))
    if args.dry_run:
        x = fake_input(spec)
        np.save(x_npy, x)
        with open(onnx_path, "w") as f:
            f.write("dry run: placeholder, not an ONNX model\n")
        row["export"] = {"ok": True, "exporter": "none (dry run)"}
        ref = x.astype(np.float32)  # bench/fake_dlc_run.py copies its input to its output
        np.save(ref_npy, ref)
        row["eager"] = dict(fake_stats(name, "eager"), ok=True)
    else:
        _, model, inputs, dyn = entry
        try:
            check_against_spec(torch, spec, model, inputs, row)
        except Exception as e:  # noqa: BLE001
            row["notes"].append("could not check against make_models.py's numbers: %s" % short_exc(e))
        np.save(x_npy, inputs[0].numpy())
        try:
            exporter = suite_models.export_onnx(model, inputs, onnx_path, dyn)
            nodes = onnx_nodes(onnx_path)
            row["export"] = {"ok": True, "exporter": exporter, "nodes": nodes}
            if exporter != "torchscript":
                row["notes"].append("exported with the %s exporter: the graph differs from make_models.py's" % exporter)
            if nodes is not None and nodes != spec.nodes:
                row["notes"].append("ONNX graph has %d nodes; make_models.py's had %d" % (nodes, spec.nodes))
        except Exception as e:  # noqa: BLE001
            row["export"] = fail("ONNX export: %s" % short_exc(e))
        ref = None
        try:
            gm = model.to("cuda")  # outside inference_mode: the parameters stay ordinary tensors
            gx = inputs[0].to("cuda")
            with torch.inference_mode():
                out = gm(gx)
                torch.cuda.synchronize()
                ref = to_numpy(out)
                np.save(ref_npy, ref)
                row["eager"] = dict(time_cuda(torch, lambda: gm(gx), args.warmup, args.runs), ok=True)
        except Exception as e:  # noqa: BLE001
            row["eager"] = fail(short_exc(e))
        finally:
            model.to("cpu")
        if ref is None and os.path.exists(ref_npy):
            os.remove(ref_npy)

    if args.dlc_problem:
        row["dlc"] = fail(args.dlc_problem)
    elif not row["export"]["ok"]:
        row["dlc"] = fail("no ONNX model: " + row["export"]["error"])
    else:
        row["dlc"] = run_dlc(args.dlc_run, onnx_path, x_npy, y_npy, args.runs, args.dlc_timeout,
                             lib_dir=args.dlc_lib_dir, extra=args.dlc_extra)
        if row["dlc"]["ok"]:
            if ref is None:
                row["agreement"] = {"ok": None, "max_abs": None, "rel": None, "text": "no reference (eager failed)"}
            else:
                try:
                    row["agreement"] = compare(np.load(y_npy), ref)
                except Exception as e:  # noqa: BLE001
                    row["agreement"] = {"ok": False, "max_abs": None, "rel": None,
                                        "text": "unreadable output: %s" % short_exc(e)}
    for vname, vopts in args.variants:
        if args.dlc_problem or not row["export"]["ok"]:
            break
        vy = os.path.join(mdir, "dlc_out_%s.npy" % re.sub(r"[^A-Za-z0-9_.-]", "_", vname))
        v = run_dlc(args.dlc_run, onnx_path, x_npy, vy, args.runs, args.dlc_timeout, lib_dir=args.dlc_lib_dir,
                    extra=list(args.dlc_extra) + vopts)
        if v["ok"] and ref is not None:
            try:
                v["agreement"] = compare(np.load(vy), ref)
            except Exception as e:  # noqa: BLE001
                v["agreement"] = {"ok": False, "max_abs": None, "rel": None, "text": "unreadable output: %s" %
                                  short_exc(e)}
        row["variants"][vname] = v
        say(t0, "%s: DLC %s (%s) %s%s" % (name, vname, shlex.join(vopts), fmt_result(v),
                                          ", output %s" % v["agreement"]["text"].replace("**", "")
                                          if v.get("agreement") else ""))
    say(t0, "%s: %s | eager %s | DLC %s" % (
        name, ("export ok (%s%s)" % (row["export"]["exporter"], ", %s nodes" % row["export"]["nodes"]
                                     if row["export"].get("nodes") else "")) if row["export"]["ok"]
        else "export FAILED", fmt_result(row["eager"]),
        fmt_result(row["dlc"]) + (", compile %.0f ms" % row["dlc"]["compile_ms"]
                                  if row["dlc"]["ok"] and row["dlc"].get("compile_ms") is not None else "")
        + (", output %s" % row["agreement"]["text"].replace("**", "") if row["agreement"] else "")))
    return row


def fmt_result(r):
    if r is None:
        return "not run"
    return ("%s ms" % fmt_ms(r["median_ms"])) if r["ok"] else "FAILED (%s)" % r["error"]


# ----------------------------------------------------------------------------------------------------------
# Dry-run fakes (no PyTorch)

def fake_input(spec):
    rng = np.random.default_rng(zlib.crc32(spec.name.encode()))
    if spec.dtype.startswith("int"):
        return rng.integers(0, 1000, size=spec.shape).astype(spec.dtype)
    return rng.standard_normal(spec.shape).astype(spec.dtype)


def fake_stats(name, column):
    """Deterministic made-up timings, clearly not measurements (the section says DRY RUN)."""
    base = 0.05 + (zlib.crc32(name.encode()) % 1000) / 1000.0
    factor = {"eager": 1.0, "compile": 0.6, "max-autotune": 0.45}[column]
    m = base * factor
    return {"median_ms": m, "p90_ms": m * 1.1, "min_ms": m * 0.95, "mean_ms": m * 1.02, "n": 100, "warmup": 10}


def fake_actions():
    """DLC_BENCH_FAKE='hang=a,b;crash=c;error=d' makes dry-run workers misbehave on those models (tests)."""
    out = {}
    for part in os.environ.get("DLC_BENCH_FAKE", "").split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = {n.strip() for n in v.split(",") if n.strip()}
    return out


# ----------------------------------------------------------------------------------------------------------
# The torch.compile worker (a separate process: `--worker MODE --workdir DIR --models a,b`)

def emit(**kw):
    sys.stdout.write(PROTO + json.dumps(kw) + "\n")
    sys.stdout.flush()


def _exit_with_parent():
    """The worker lives in its own process group (so that its compile subprocesses can be killed with it);
    it must not outlive the main process, whatever ended that."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def worker_main(args):
    mode = args.worker
    _exit_with_parent()
    emit(event="hello", pid=os.getpid())
    if args.dry_run:
        acts = fake_actions()
        for name in args.model_names:
            emit(event="start", model=name)
            if name in acts.get("hang", ()):
                time.sleep(3600)
            if name in acts.get("crash", ()):
                sys.stderr.write("fake crash in %s\n" % name)
                sys.stderr.flush()
                os._exit(3)
            if name in acts.get("error", ()):
                emit(event="result", model=name, result=fail("RuntimeError: fake compile error"))
                return 0  # as a real worker does after a failure
            time.sleep(0.05)
            emit(event="result", model=name, result=dict(fake_stats(name, mode), ok=True, first_call_s=1.5,
                                                           agreement={"ok": True, "max_abs": 0.0, "rel": 0.0,
                                                                      "text": "ok, 0.0e+00"}))
        return 0

    torch = setup_torch()
    entries = {e[0]: e for e in suite_models.build_suite()}
    mark_step = getattr(getattr(torch, "compiler", None), "cudagraph_mark_step_begin", None)
    for name in args.model_names:
        emit(event="start", model=name)
        try:
            res = bench_compiled(torch, mode, entries[name][1], name, args, mark_step)
        except Exception as e:  # noqa: BLE001
            res = fail(short_exc(e))
        emit(event="result", model=name, result=res)
        if not res.get("ok"):
            # a failed compile can leave the CUDA context or Dynamo's state broken: let the next model start
            # in a fresh worker (run_phase starts one for the models left)
            return 0
        try:
            entries[name][1].to("cpu")
            torch._dynamo.reset()
            torch.cuda.empty_cache()
        except Exception:  # noqa: BLE001
            pass
    return 0


def bench_compiled(torch, mode, model, name, args, mark_step):
    mdir = os.path.join(args.workdir, name)
    x = torch.from_numpy(np.load(os.path.join(mdir, "input.npy"))).to("cuda")
    ref_path = os.path.join(mdir, "ref.npy")
    ref = np.load(ref_path) if os.path.exists(ref_path) else None
    model = model.to("cuda")
    cm = torch.compile(model, mode=None if mode == "compile" else mode)

    def call():
        return cm(x)

    with torch.inference_mode():
        if mark_step:
            mark_step()
        t0 = time.perf_counter()
        first = to_numpy(call())  # copied out at once: CUDA-graph outputs are overwritten by the next replay
        torch.cuda.synchronize()
        first_s = time.perf_counter() - t0
        res = dict(time_cuda(torch, call, args.warmup, args.runs, pre=mark_step), ok=True, first_call_s=first_s)
        if mark_step:
            mark_step()
        steady = to_numpy(call())  # the output of the path that was timed (graph replay, where there is one)
    if ref is not None:  # the worse of the first (compiling) call's output and the timed path's
        a, b = compare(first, ref), compare(steady, ref)
        if a["ok"] != b["ok"]:
            res["agreement"] = b if a["ok"] else a
        else:
            res["agreement"] = b if (b["max_abs"] or 0.0) >= (a["max_abs"] or 0.0) else a
    return res


def _pump(stream, q):
    try:
        for line in stream:
            q.put(line)
    finally:
        q.put(None)


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the worker leads its own process group: this is it alone
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass


def run_phase(args, mode, names, deadline, t0):
    """Runs the worker for `mode` over `names`, restarting it after a crash or a kill, within per-model
    timeouts and the phase deadline (monotonic seconds, or None). Returns {name: result}."""
    results = {}
    pending = list(names)
    attempt = 0
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    while pending:
        if deadline is not None and deadline - time.monotonic() < MIN_START_S:
            for n in pending:
                results[n] = fail("not reached: time budget used up (--time-budget)")
            say(t0, "%s: time budget used up; not reached: %s" % (mode, ", ".join(pending)))
            break
        attempt += 1
        log_path = os.path.join(args.workdir, "worker-%s-%d.log" % (mode, attempt))
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", mode, "--workdir", args.workdir,
               "--models", ",".join(pending), "--runs", str(args.runs), "--warmup", str(args.warmup)]
        if args.dry_run:
            cmd.append("--dry-run")
        # its own process group (not session: the caller's clean-up of this session still reaches it)
        group = {"process_group": 0} if sys.version_info >= (3, 11) else {"start_new_session": True}
        with open(log_path, "w") as log:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, text=True,
                                    errors="replace", env=env, **group)
        q = queue.Queue()
        threading.Thread(target=_pump, args=(proc.stdout, q), daemon=True).start()
        current, since, progressed = None, time.monotonic(), False
        try:
            while True:
                limit, why = since + args.compile_timeout, "timed out after %.0f s (--compile-timeout)" % args.compile_timeout
                if deadline is not None and deadline < limit:
                    limit, why = deadline, "stopped at the time budget (--time-budget) after %.0f s" % (
                        time.monotonic() - since)
                try:
                    line = q.get(timeout=max(0.0, limit - time.monotonic()))
                except queue.Empty:
                    _kill_group(proc)
                    victim = current if current is not None else pending[0]
                    results[victim] = fail(why if current is not None else why + " while the worker started")
                    pending.remove(victim)
                    say(t0, "%s: %s: %s" % (mode, victim, results[victim]["error"]))
                    break
                if line is None:  # the worker's stdout closed: it exited
                    rc = proc.wait()
                    if current is not None:
                        results[current] = fail("worker died (exit %s) in this model: %s" % (rc, tail_file(log_path)))
                        pending.remove(current)
                        say(t0, "%s: %s: %s" % (mode, current, results[current]["error"]))
                    elif pending and not progressed:
                        for n in pending:
                            results[n] = fail("worker failed (exit %s): %s" % (rc, tail_file(log_path)))
                        say(t0, "%s: worker failed (exit %s): %s" % (mode, rc, tail_file(log_path)))
                        pending = []
                    break
                if not line.startswith(PROTO):
                    continue
                try:
                    msg = json.loads(line[len(PROTO):])
                except ValueError:
                    continue
                ev = msg.get("event")
                if ev == "start" and msg.get("model") in pending:
                    current, since = msg["model"], time.monotonic()
                    say(t0, "%s: %s: compiling and timing" % (mode, current))
                elif ev == "result" and msg.get("model") in pending:
                    name = msg["model"]
                    results[name] = msg.get("result") or fail("worker sent no result")
                    pending.remove(name)
                    current, since, progressed = None, time.monotonic(), True
                    r = results[name]
                    extra = ""
                    if r.get("ok"):
                        extra = " (first call %.1f s%s)" % (r.get("first_call_s") or 0.0,
                                                            ", output " + r["agreement"]["text"].replace("**", "")
                                                            if r.get("agreement") else "")
                    say(t0, "%s: %s: %s%s" % (mode, name, fmt_result(r), extra))
        finally:
            if proc.poll() is None:
                _kill_group(proc)
    return results


# ----------------------------------------------------------------------------------------------------------
# Report

def speedup(row):
    d = row.get("dlc")
    if not d or not d.get("ok"):
        return None, None
    best = None
    for b in BASELINES:
        r = row.get(b)
        if r and r.get("ok") and (best is None or r["median_ms"] < row[best]["median_ms"]):
            best = b
    if best is None or d["median_ms"] <= 0:
        return None, None
    return row[best]["median_ms"] / d["median_ms"], best


def cell(r, column, args, final):
    if r is None:
        if column in MODES and column not in args.modes:
            return "skipped"
        return "not run" if final else "…"
    return fmt_ms(r["median_ms"]) if r.get("ok") else "fail¹"


def render(args, meta, rows, final, phase_times):
    key = meta["device"]
    lines = ["<!-- BEGIN %s: %s -->" % (MARK, key)]
    title = "DLC vs PyTorch on %s" % meta["device"]
    lines += ["## " + title, ""]
    lines.append("Written by `bench/bench_suite.py` on %s; the next run on this device replaces this section "
                 "(between its BEGIN/END comments)%s." % (meta["date"], "" if final else
                                                            ". **Incomplete: the run had not finished**"))
    if args.dry_run:
        lines += ["", "**DRY RUN: no GPU and no PyTorch; the PyTorch numbers are made up and the ONNX files are "
                  "placeholders. Nothing here is a measurement.**"]
    lines.append("")
    dev = meta["device"]
    if meta.get("sms"):
        dev += " (%s SMs, %.0f GiB, compute capability %s)" % (meta["sms"], meta["memory_gib"], meta["capability"])
    lines.append("- **Device:** %s; driver %s (CUDA %s); PyTorch %s (CUDA runtime %s, cuDNN %s), Triton %s" % (
        dev, meta.get("driver") or "unknown", meta.get("cuda_driver") or "unknown", meta.get("torch") or "n/a",
        meta.get("cuda_runtime") or "n/a", meta.get("cudnn") or "n/a", meta.get("triton") or "n/a"))
    lines.append("- **DLC:** `%s`%s, commit %s (binary sha256 %s…)" % (
        os.path.relpath(args.dlc_run, ROOT) if os.path.abspath(args.dlc_run).startswith(ROOT + os.sep) else args.dlc_run,
        (" with `%s`" % shlex.join(args.dlc_extra)) if args.dlc_extra else "", meta.get("commit") or "unknown",
        (meta.get("dlc_sha256") or "unknown")[:12]))
    lines.append("- **Command:** `%s`" % meta["command"])
    lines.append("- **Method:** %d timed runs per number, median (the upper one, sorted[n/2], as dlc-run takes "
                 "it), in ms. DLC: `dlc-run --device=cuda --bench=%d` after its own %d warm-up runs, each run timed "
                 "with CUDA events on the call's stream around the call's device work (the first call's host code and "
                 "kernels, from the third call on one CUDA graph launch); the input's copy to the device "
                 "(cuMemcpyHtoDAsync) is enqueued before the first event and the output's copy back after the "
                 "second, so neither is timed, as PyTorch's input is already on the GPU. PyTorch: fp32 with TF32 off (%s), under "
                 "`torch.inference_mode()`, the input already on the GPU; at least %d warm-up calls and %.1f s, "
                 "then each call between two CUDA events with the device synchronized before it (launch overheads "
                 "count, host-device copies do not). torch.compile: the default mode and "
                 "`mode=\"max-autotune\"` (which also captures CUDA graphs), timed after their first, compiling, "
                 "call, each mode in its own process. Inputs: the suite's seeded random data (no zeros), one set "
                 "reused by every run (these models fit in L2)." % (
                     args.runs, args.runs, DLC_WARMUP, meta.get("tf32") or "n/a", args.warmup, MIN_WARMUP_S))
    lines.append("- **Columns:** speed-up = the best (lowest) PyTorch median that ran ÷ DLC's median (> 1: DLC "
                 "faster), naming that baseline. Output = DLC's output (from the same dlc-run call) against "
                 "PyTorch eager's: max |DLC − eager|, ok when ≤ %.0e × max |eager| (the model suite's tolerance)." %
                 REL_TOL)
    lines.append("")
    lines.append("| model | input | DLC (ms) | eager (ms) | torch.compile (ms) | max-autotune (ms) | DLC speed-up | "
                 "DLC output vs eager |")
    lines.append("|---|---|--:|--:|--:|--:|--:|---|")
    failures, notes = [], []
    for row in rows:
        sp, best = speedup(row)
        if sp is None:
            sp_text = "n/a"
        else:
            sp_text = "%.2f× (%s)" % (sp, best)
            if row.get("agreement") and row["agreement"].get("ok") is False:
                sp_text += " ⚠ wrong output"
        agr = row["agreement"]["text"] if row.get("agreement") else ("n/a" if row.get("dlc") else "…")
        cells = [row["name"], row["input"]]
        for col in ("dlc",) + BASELINES:
            r = row.get(col)
            c = cell(r, col, args, final)
            if r is not None and not r.get("ok"):
                failures.append("%s, %s: %s" % (row["name"], "DLC" if col == "dlc" else col, r["error"]))
            cells.append(c)
        cells += [sp_text, agr]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
        for m in MODES:
            r = row.get(m)
            if r and r.get("ok") and r.get("agreement") and r["agreement"].get("ok") is False:
                notes.append("%s, %s: its output differs from eager's: %s" % (row["name"], m,
                                                                              r["agreement"]["text"].replace("**", "")))
        notes += ["%s: %s" % (row["name"], n) for n in row.get("notes", [])]
    lines.append("")
    lines.append("Compile times: DLC's `compile:` line (parse, lower, JIT; ms); torch.compile's first call "
                 "(tracing, Inductor, Triton, autotuning; s).")
    lines.append("")
    lines.append("| model | DLC compile (ms) | torch.compile first call (s) | max-autotune first call (s) |")
    lines.append("|---|--:|--:|--:|")
    for row in rows:
        d = row.get("dlc")
        dc = "%.0f" % d["compile_ms"] if d and d.get("ok") and d.get("compile_ms") is not None else "n/a"
        cs = []
        for m in MODES:
            r = row.get(m)
            cs.append("%.1f" % r["first_call_s"] if r and r.get("ok") and r.get("first_call_s") is not None else "n/a")
        lines.append("| " + " | ".join(md_cell(c) for c in [row["name"], dc] + cs) + " |")
    if args.variants:
        lines += ["", "DLC configurations, same run: the default one against %s; ratio = that configuration's "
                  "median ÷ the default's (> 1: the default is faster); output against eager as above." %
                  ", ".join("`%s` (`%s`)" % (n, shlex.join(o)) for n, o in args.variants), ""]
        lines.append("| model | DLC (ms) | " + " | ".join("%s (ms) | ratio | output" % n for n, _ in args.variants) + " |")
        lines.append("|---|--:|" + "--:|--:|---|" * len(args.variants))
        for row in rows:
            d = row.get("dlc")
            cells = [row["name"], cell(d, "dlc", args, final)]
            for n, _ in args.variants:
                v = row.get("variants", {}).get(n)
                cells.append(cell(v, n, args, final))
                if v is not None and not v.get("ok"):
                    failures.append("%s, DLC %s: %s" % (row["name"], n, v["error"]))
                if v and v.get("ok") and d and d.get("ok") and d["median_ms"] > 0:
                    cells.append("%.2f" % (v["median_ms"] / d["median_ms"]))
                else:
                    cells.append("n/a")
                cells.append(v["agreement"]["text"] if v and v.get("agreement") else "n/a")
            lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    if failures:
        lines += ["", "¹ Failures:", ""] + ["- " + md_cell(f) for f in failures]
    if notes:
        lines += ["", "Notes:", ""] + ["- " + md_cell(n) for n in notes]
    if phase_times:
        lines += ["", "Run time: " + ", ".join("%s %.0f s" % (k, v) for k, v in phase_times.items()) + "."]
    lines.append("<!-- END %s: %s -->" % (MARK, key))
    return "\n".join(lines) + "\n"


def update_markdown(path, key, section):
    """Replaces the section for `key` in `path` (BEGIN ... END markers, both included), or appends it; the
    rest of the file is kept byte for byte. Creates the file (with a title) when missing."""
    begin, end = "<!-- BEGIN %s: %s -->" % (MARK, key), "<!-- END %s: %s -->" % (MARK, key)
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = ("# Performance\n\nDLC against PyTorch on the model suite, written by `bench/bench_suite.py` "
                "(see bench/README.md). One section per GPU.\n")
    i = text.find(begin)
    j = text.find(end, i + len(begin)) if i >= 0 else -1
    body = section if section.endswith("\n") else section + "\n"
    if i >= 0 and j >= 0:
        k = j + len(end)
        if text[k:k + 1] == "\n":
            k += 1
        text = text[:i] + body + text[k:]
    else:
        if i >= 0:
            sys.stderr.write("bench_suite: %s has a BEGIN marker for %r without its END; appending a new section\n"
                             % (path, key))
        text = text.rstrip("\n") + "\n\n" + body if text.strip() else body
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".perf-", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def write_reports(args, meta, rows, final, phase_times):
    section = render(args, meta, rows, final, phase_times)
    if args.output:
        update_markdown(args.output, meta["device"], section)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"meta": meta, "final": final, "phase_times_s": phase_times, "rows": rows,
                       "args": {k: v for k, v in vars(args).items() if k not in ("dlc_problem",)}},
                      f, indent=1, default=str)
    return section


def say(t0, msg):
    print("[%6.1f s] %s" % (elapsed_s(t0), msg), flush=True)


# ----------------------------------------------------------------------------------------------------------

def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        args.workdir = os.path.abspath(args.workdir)
        return worker_main(args)

    t0 = time.monotonic()
    deadline = t0 + args.time_budget if args.time_budget > 0 else None
    if args.runs < 100:
        print("bench_suite: warning: --runs %d < 100: medians of few runs are noisy" % args.runs, flush=True)
    meta = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": shlex.join([os.path.basename(sys.executable)] + sys.argv[:1] + list(sys.argv[1:] if argv is None
                                                                                      else argv)),
            "commit": args.dlc_commit or git_commit(), "dlc_sha256": file_sha256(args.dlc_run)}
    torch = None
    entries = {}
    if args.dry_run:
        meta.update(device="dry run (no GPU)")
    else:
        try:
            torch = setup_torch()
            meta.update(device_meta(torch))
            entries = {e[0]: e for e in suite_models.build_suite()}
        except Exception as e:  # noqa: BLE001  (no PyTorch, no GPU: nothing to compare with)
            print("bench_suite: error: %s (use --dry-run where there is no GPU)" % short_exc(e), file=sys.stderr)
            return 2
    args.workdir = tempfile.mkdtemp(prefix="dlc-bench-")
    say(t0, "device: %s; torch %s; TF32: %s" % (meta["device"], meta.get("torch", "n/a"), meta.get("tf32", "n/a")))
    args.dlc_problem = dlc_preflight(args.dlc_run, args.dlc_lib_dir)
    if args.dlc_problem:
        say(t0, "DLC unavailable, its column records why: " + args.dlc_problem)
    say(t0, "models: %s; runs %d; compile modes: %s; time budget %s; temp %s" % (
        ", ".join(args.model_names), args.runs, ", ".join(args.modes) or "none",
        "%.0f s" % args.time_budget if deadline else "none", args.workdir))

    def on_term(signum, frame):
        raise KeyboardInterrupt("signal %d" % signum)
    signal.signal(signal.SIGTERM, on_term)  # a time limit's kill: stop the worker, write what was measured

    rows, phase_times = [], {}
    final = False
    try:
        for name in args.model_names:
            mdir = os.path.join(args.workdir, name)
            os.makedirs(mdir, exist_ok=True)
            try:
                rows.append(prepare_model(args, torch, name, entries.get(name), mdir, t0))
            except Exception as e:  # noqa: BLE001  (a bug or a broken GPU: record it, go on)
                row = new_row(name)
                row["dlc"] = row["dlc"] or fail("not run: %s" % short_exc(e))
                row["eager"] = row["eager"] or fail(short_exc(e))
                rows.append(row)
                say(t0, "%s: FAILED: %s" % (name, short_exc(e)))
        phase_times["export+eager+DLC"] = elapsed_s(t0)
        write_reports(args, meta, rows, False, phase_times)

        byname = {r["name"]: r for r in rows}
        for i, mode in enumerate(args.modes):
            p0 = time.monotonic()
            phase_deadline = deadline
            if deadline is not None and i == 0 and len(args.modes) > 1:
                phase_deadline = p0 + COMPILE_SHARE * max(0.0, deadline - p0)
            say(t0, "%s: %d models%s" % (mode, len(args.model_names), "" if phase_deadline is None else
                                         ", %.0f s left for this phase" % max(0.0, phase_deadline - p0)))
            res = run_phase(args, mode, args.model_names, phase_deadline, t0)
            for name, r in res.items():
                byname[name][mode] = r
            phase_times[mode] = time.monotonic() - p0
            write_reports(args, meta, rows, False, phase_times)
        final = True
    except KeyboardInterrupt:
        say(t0, "interrupted; writing what was measured")
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    finally:
        phase_times["total"] = elapsed_s(t0)
        section = write_reports(args, meta, rows, final, phase_times)
        print()
        print(section, flush=True)
        if args.output:
            print("bench_suite: wrote the section for %r in %s" % (meta["device"], args.output), flush=True)
        if args.keep_temp:
            print("bench_suite: temporary files kept in %s" % args.workdir, flush=True)
        else:
            shutil.rmtree(args.workdir, ignore_errors=True)
    return 0 if final else 130


if __name__ == "__main__":
    sys.exit(main())
