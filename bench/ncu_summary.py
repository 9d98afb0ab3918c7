#!/usr/bin/env python3
"""Summarizes `ncu --csv --metrics gpu__time_duration.sum PROGRAM` output: per kernel name, the launches,
the median and the total GPU time, sorted by total; then the sum of medians per call.

    ncu --csv --metrics gpu__time_duration.sum dlc-run M.onnx --device=cuda --no-graph ... > k.csv
    python3 bench/ncu_summary.py k.csv [--calls N]

Unlike dlc-run --profile this sees every kernel, cuBLASLt's included, timed by the GPU alone."""
import csv
import io
import statistics
import sys


def load(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    start = text.find('"ID"')
    if start < 0:
        raise ValueError("%s: no ncu CSV table (did ncu run?)" % path)
    rows = list(csv.DictReader(io.StringIO(text[start:])))
    per = {}
    for r in rows:
        if r.get("Metric Name") != "gpu__time_duration.sum":
            continue
        unit = r.get("Metric Unit", "nsecond")
        v = float(r["Metric Value"].replace(",", ""))
        v *= {"nsecond": 1e-3, "usecond": 1.0, "msecond": 1e3}.get(unit, 1e-3)
        name = r["Kernel Name"].split("(")[0][:60]
        per.setdefault(name, []).append(v)
    return per


def main(argv):
    calls = None
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--calls":
            calls = int(argv[i + 1])
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    for path in paths:
        per = load(path)
        print("== %s" % path)
        print("%-62s %8s %10s %10s" % ("kernel", "launches", "median us", "total us"))
        total_median = 0.0
        for name, v in sorted(per.items(), key=lambda kv: -sum(kv[1])):
            med = statistics.median(v)
            print("%-62s %8d %10.2f %10.1f" % (name, len(v), med, sum(v)))
            total_median += med * (len(v) / calls if calls else 1)
        print("%-62s %8d %10.2f" % ("sum of medians" + (" per call" if calls else ""),
                                     sum(len(v) for v in per.values()), total_median))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
