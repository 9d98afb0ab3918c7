#!/usr/bin/env python3
"""A stand-in for dlc-run, for bench_suite.py --dry-run and bench/test_bench_suite.py (no GPU needed).

Takes dlc-run's options, copies the --input file to the --output file (so the output equals the input,
which is the dry run's reference), and prints dlc-run --bench's two summary lines with made-up numbers.
Environment, for tests: FAKE_DLC_FAIL=name,...   exits 1 with a one-line error for models whose path holds
a name; FAKE_DLC_WRONG=name,...  writes a wrong output (float32 inputs); FAKE_DLC_GARBLE=name,...  prints
no summary line.
"""
import os
import shutil
import struct
import sys


def hit(var, path):
    return any(n and n in path for n in os.environ.get(var, "").split(","))


def main(argv):
    if "--help" in argv:
        print("usage: fake_dlc_run.py FILE.onnx [--device=cuda] [--input=@x.npy] [--output=@y.npy] [--bench=N]")
        return 0
    model, device, inputs, outputs, bench = None, "auto", [], [], 0
    for a in argv:
        if a.startswith("--device="):
            device = a.split("=", 1)[1]
        elif a.startswith("--input=@"):
            inputs.append(a[len("--input=@"):])
        elif a.startswith("--output=@"):
            outputs.append(a[len("--output=@"):])
        elif a.startswith("--bench="):
            bench = int(a.split("=", 1)[1])
        elif a.startswith("-"):
            continue
        else:
            model = a
    if model is None or not os.path.exists(model):
        sys.stderr.write("dlc-run: error: %s: no such file\n" % model)
        return 1
    if hit("FAKE_DLC_FAIL", model):
        sys.stderr.write("dlc-run: error: model.onnx:1:1: error: 'dlc.fake' op is not lowered for cuda\n")
        return 1
    if device == "auto":
        device = "cuda"
    for src, dst in zip(inputs, outputs):
        shutil.copyfile(src, dst)
        if hit("FAKE_DLC_WRONG", model):  # the last element (of a little-endian float32 .npy) becomes 1000
            with open(dst, "r+b") as f:
                f.seek(-4, os.SEEK_END)
                f.write(struct.pack("<f", 1000.0))
    if bench:
        if hit("FAKE_DLC_GARBLE", model):
            print("compile: soon")
            return 0
        print("compile: 12.5 ms (parse, lower, JIT)")
        print("run: %d iterations after %d warm-up: median 0.2500 ms, p90 0.3000 ms, min 0.2000 ms (%s, host clock)"
              % (bench, min(bench, 10), device))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
