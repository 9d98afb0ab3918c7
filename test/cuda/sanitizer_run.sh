#!/usr/bin/env bash
# compute-sanitizer (memcheck) over dlc-run --device=cuda on one model of the suite, graphs on (the
# default: a direct call, a capture, graph replays) and off: every kernel, copy and graph replay of
# the CUDA path must be free of out-of-bounds and misaligned accesses, leaks of device memory and
# API errors. Expects "ERROR SUMMARY: 0 errors" from each run. gpu-labelled: exits 77 (ctest's skip
# code) with the reason printed when compute-sanitizer is missing, the model is missing, or there is
# no CUDA device (dlc-run --device=cuda says so, as the other gpu tests' dlcrt_cuda_available does).
#   sanitizer_run.sh DLC_RUN MODEL_DIR
set -uo pipefail
dlc_run=$1 dir=$2
sanitizer=${COMPUTE_SANITIZER:-/usr/local/cuda/bin/compute-sanitizer}
if [ ! -x "$sanitizer" ]; then
  sanitizer=$(command -v compute-sanitizer || true)
  if [ -z "$sanitizer" ]; then echo "SKIP: compute-sanitizer not found (/usr/local/cuda/bin or PATH)"; exit 77; fi
fi
if [ ! -f "$dir/model.onnx" ]; then echo "SKIP: $dir/model.onnx does not exist"; exit 77; fi
unset DLC_CUDA_DRIVER
args=("$dir/model.onnx" --device=cuda --input=@"$dir/input_0.npy" --print-max=1 --bench=3)
probe=$("$dlc_run" "${args[@]}" 2>&1)
if grep -q -- "--device=cuda: .*\(no CUDA\|CUDA driver found but no CUDA device\)" <<< "$probe"; then
  echo "SKIP: no CUDA device ($(grep -- '--device=cuda' <<< "$probe"))"
  exit 77
fi
status=0
for mode in graph no-graph; do
  extra=()
  [ "$mode" = no-graph ] && extra=(--no-graph)
  out=$("$sanitizer" --tool memcheck --leak-check full "$dlc_run" "${args[@]}" "${extra[@]}" 2>&1)
  rc=$?
  summary=$(grep "ERROR SUMMARY" <<< "$out")
  echo "$mode: $summary (exit $rc)"
  if [ $rc -ne 0 ] || ! grep -q "ERROR SUMMARY: 0 errors" <<< "$summary"; then
    sed -n 1,80p <<< "$out"
    status=1
  fi
done
exit $status
