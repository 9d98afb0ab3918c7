#!/usr/bin/env bash
# Runs one model with dlc-run --device=cuda against the test suite's fake libcuda (DLC_CUDA_DRIVER),
# which loads modules, looks kernels up by name and records launches without executing them: the whole
# host side of the CUDA path (JIT, module load in a global constructor, call sessions, launches, managed
# memory, input staging, CUDA graph capture and replay) runs on machines without a GPU. Values are not
# checked, the output shape and the driver's counters are (DLC_FAKE_CUDA_STATS, see fake_libcuda.c).
#   fake_driver_run.sh DLC_RUN FAKE_LIBCUDA MODEL_DIR [graph|nograph|profile]
# graph (default): 7 calls (--bench=3: one run, 3 warm-up, 3 timed); the first runs directly, the second
#   is captured, the others replay the graph: one capture, 6 graph launches, as many kernels per call as
#   the same calls made with --no-graph (run too, for the comparison), no allocation after the first
#   call, every driver object released at exit, and the host function run only by the first two calls
#   (replays skip it: the fake counts the kernel lookups the host code makes per launch it runs).
# nograph: the same 7 calls never capture, each runs the same number of kernels, allocations as above.
# profile: --profile prints one row per kernel sorted by total time (descending) and a total line.
# fallback: the driver refuses graphs (instantiation, then capture itself): every call still runs, directly,
#   with one note on stderr under --verbose and none without it.
# Exits 77 (ctest's skip code) with a printed reason when the model is missing.
set -euo pipefail
dlc_run=$1 fake=$2 dir=$3 mode=${4:-graph}
if [ ! -f "$dir/model.onnx" ]; then echo "SKIP: $dir/model.onnx does not exist"; exit 77; fi
want=$(python3 -c "import json,sys; print('x'.join(map(str, json.load(open(sys.argv[1]))['outputs'][0])))" "$dir/info.json" 2>/dev/null || true)
stats=$(mktemp)
trap 'rm -f "$stats" "$stats.direct" "$stats.trace"' EXIT
stat() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
fail() { echo "FAIL: $*"; cat "$stats"; exit 1; }

# run FLAGS...: one dlc-run, its counters in $stats
run() {
  DLC_CUDA_DRIVER="$fake" DLC_FAKE_CUDA_STATS="$stats" "$dlc_run" "$dir/model.onnx" --device=cuda \
    --input=@"$dir/input_0.npy" --print-max=1 "$@"
}

if [ "$mode" = profile ]; then
  out=$(run --profile --bench=2)
  sed -n '/^profile:/,$p' <<< "$out" | sed -n 1,8p
  grep -q '^profile: [0-9]* kernels, peak memory bandwidth 3352 GB/s' <<< "$out" || fail "no profile header"
  grep -q '^kernel  *launches  *total ms  *avg us  *bytes/launch  *GB/s  *%peak$' <<< "$out" || fail "no column header"
  grep -q '^total  ' <<< "$out" || fail "no total line"
  # rows as "total_ms launches bytes"; 5 calls (one run, 2 warm-up, 2 timed), the first left out; times descend
  awk '/^kernel /{on=1; next} /^total /{on=0} on {print $3, $2, $5}' <<< "$out" > "$stats.direct"
  rows=$(wc -l < "$stats.direct")
  [ "$rows" -gt 0 ] || fail "no kernel rows"
  sort -s -g -r -k1,1 "$stats.direct" | cmp -s - "$stats.direct" || fail "rows not sorted by total time"
  awk '$2 != 4 { bad = 1 } END { exit bad }' "$stats.direct" || fail "a kernel not profiled once per call after the first (4 of 5 calls)"
  awk '$3 !~ /^[0-9]+$/ || $3 <= 0 { bad = 1 } END { exit bad }' "$stats.direct" || fail "a kernel without bytes moved"
  echo "profile: $rows kernels, sorted by time, bytes for each"
  exit 0
fi

if [ "$mode" = fallback ]; then
  for symbol in cuGraphInstantiateWithFlags cuStreamBeginCapture; do
    out=$(DLC_FAKE_CUDA_FAIL_ALWAYS=$symbol run --bench=3 --verbose 2>&1) || fail "dlc-run failed when $symbol is refused: $out"
    notes=$(grep -c "^dlc: CUDA graph" <<< "$out" || true)
    [ "$notes" = 1 ] || fail "expected one note under --verbose when $symbol is refused, got $notes"
    grep "^dlc: CUDA graph" <<< "$out"
    [ "$(stat graph_launches "$stats")" = 0 ] || fail "a graph was launched"
    kernels=$(stat kernels_direct "$stats")
    [ $((kernels % 7)) = 0 ] || fail "$kernels kernels for 7 calls"
    quiet=$(DLC_FAKE_CUDA_FAIL_ALWAYS=$symbol run --bench=3 2>&1 >/dev/null)
    [ -z "$quiet" ] || fail "stderr without --verbose: $quiet"
  done
  echo "fallback: calls run directly when graphs are refused; one note under --verbose"
  exit 0
fi

out=$(DLC_FAKE_CUBLASLT_TRACE=1 run --bench=3 --no-graph 2>"$stats.trace")
cp "$stats" "$stats.direct"
# GEMMs that became cuBLASLt calls (the fake cuBLASLt traces them): a model may be library calls only
gemms=$(grep -c "^fake cublasLt: matmul" "$stats.trace" || true)
first=$(sed -n 1p <<< "$out")
echo "$first"
if [ -n "$want" ] && ! grep -q "output #0: ${want}x" <<< "$first"; then
  fail "expected output #0 of shape $want"
fi
direct_kernels=$(stat kernels_direct "$stats.direct")
[ "$(stat captures "$stats.direct")" = 0 ] || fail "--no-graph captured"
[ "$(stat kernels_graph "$stats.direct")" = 0 ] || fail "--no-graph launched a graph"
[ $((direct_kernels % 7)) = 0 ] && [ $((direct_kernels + gemms)) -gt 0 ] || fail "$direct_kernels kernels is not the same count for each of 7 calls"
[ $((gemms % 7)) = 0 ] || fail "$gemms cuBLASLt GEMMs is not the same count for each of 7 calls"
[ "$(stat live_objects "$stats.direct")" = 0 ] || fail "driver objects left at exit"
per_call=$((direct_kernels / 7))
grep -q "(cuda, cuda events)" <<< "$out" || fail "--bench did not time with CUDA events"
if [ "$mode" = nograph ]; then
  echo "nograph: 7 calls, $per_call kernels and $((gemms / 7)) cuBLASLt GEMMs each, $(stat allocations "$stats.direct") allocations, no capture"
  exit 0
fi

out=$(run --bench=3 --verbose 2>&1)
if grep -q "graph capture failed" <<< "$out"; then fail "capture fell back: $(grep 'graph capture' <<< "$out")"; fi
[ "$(stat captures "$stats")" = 1 ] || fail "expected one capture"
[ "$(stat graph_launches "$stats")" = 6 ] || fail "expected 6 graph launches (calls 2 to 7)"
[ "$(stat kernels_direct "$stats")" = "$per_call" ] || fail "the first call should run its $per_call kernels directly"
[ "$(stat kernels_graph "$stats")" = $((6 * per_call)) ] || fail "the graph should run $per_call kernels per call"
[ "$(stat allocations "$stats")" = "$(stat allocations "$stats.direct")" ] || fail "graph mode allocated more than direct mode"
[ "$(stat live_objects "$stats")" = 0 ] || fail "driver objects left at exit"
lookups=$(stat function_lookups "$stats.direct")
[ "$(stat function_lookups "$stats")" = $((lookups / 7 * 2)) ] || fail "replays ran the host function"
# the kernels are loaded as a cubin made by the toolkit's ptxas at compile time when it is there (the
# pipeline finds it like libdevice: CUDA_HOME, CUDA_ROOT, CUDA_PATH, /usr/local/cuda), else as PTX
if [ "$per_call" -gt 0 ]; then
  have_ptxas=no
  for t in "${CUDA_HOME:-}" "${CUDA_ROOT:-}" "${CUDA_PATH:-}" /usr/local/cuda; do
    if [ -n "$t" ] && [ -r "$t/nvvm/libdevice/libdevice.10.bc" ]; then [ -x "$t/bin/ptxas" ] && have_ptxas=yes; break; fi
  done
  if [ $have_ptxas = yes ]; then
    [ "$(stat modules_cubin "$stats")" -ge 1 ] && [ "$(stat modules_ptx "$stats")" = 0 ] || fail "expected the kernels as a cubin (ptxas is there)"
  else
    [ "$(stat modules_ptx "$stats")" -ge 1 ] || fail "expected the kernels as PTX (no ptxas)"
  fi
fi
echo "graph: 1 direct call + 1 capture + 6 graph launches, $per_call kernels per call as with --no-graph"
