#!/usr/bin/env bash
# The whole benchmark in one command, for the GPU machine (see bench/README.md):
#
#   bash bench/run_on_gpu.sh [bench_suite.py options...]
#
# Unpacks bench/dlc-bundle.tar.xz (made here by bench/pack_dlc.sh: dlc-run and its MLIR/LLVM 22
# libraries) into /tmp/dlc when it is there, runs bench/bench_suite.py with it, and, where $OUT is set
# (the device tool's output folder), leaves performance.md, performance.json and bench.log there.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 1
py="${PYTHON:-python3}"
args=()
if [ -f bench/dlc-bundle.tar.xz ]; then
  rm -rf /tmp/dlc
  "$py" - <<'PY' || { echo "run_on_gpu.sh: could not unpack bench/dlc-bundle.tar.xz" >&2; exit 1; }
import tarfile
with tarfile.open("bench/dlc-bundle.tar.xz") as t:
    try:
        t.extractall("/tmp", filter="data")
    except TypeError:  # a Python without extraction filters
        t.extractall("/tmp")
PY
  (cd /tmp/dlc && sha256sum -c --quiet bin/dlc-run.sha256) || { echo "run_on_gpu.sh: bundle corrupt" >&2; exit 1; }
  args+=(--dlc-run /tmp/dlc/bin/dlc-run --dlc-lib-dir /tmp/dlc/lib)
  # kernels link libdevice at compile time: the bundle's copy where the machine has no CUDA toolkit
  if [ ! -r "${CUDA_HOME:-/usr/local/cuda}/nvvm/libdevice/libdevice.10.bc" ]; then export CUDA_HOME=/tmp/dlc/cuda; fi
fi
out="${OUT:-}"
if [ -n "$out" ]; then
  args+=(--json "$out/performance.json")
fi
PYTHONUNBUFFERED=1 "$py" bench/bench_suite.py "${args[@]}" "$@" 2>&1 | tee ${out:+"$out/bench.log"}
rc=${PIPESTATUS[0]}
if [ -n "$out" ] && [ -f docs/performance.md ]; then
  cp docs/performance.md "$out/performance.md"
fi
exit "$rc"
