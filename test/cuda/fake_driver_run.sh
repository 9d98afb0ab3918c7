#!/usr/bin/env bash
# Runs one model with dlc-run --device=cuda against the test suite's fake libcuda (DLC_CUDA_DRIVER),
# which loads modules, looks kernels up by name and records launches without executing them: the whole
# host side of the CUDA path (JIT, module load in a global constructor, launches, managed memory, input
# staging, result release) runs on machines without a GPU. Values are not checked, the output shape is.
#   fake_driver_run.sh DLC_RUN FAKE_LIBCUDA MODEL_DIR [FAKE_LIBCUBLASLT]
# With FAKE_LIBCUBLASLT (test/unit/fake_libcublaslt.c, through DLC_CUBLASLT) the GEMMs that became
# cuBLASLt calls run on the host; their count is printed ("cuBLASLt GEMMs: N").
# Exits 77 (ctest's skip code) with a printed reason when the model is missing.
set -euo pipefail
dlc_run=$1 fake=$2 dir=$3 fake_blas=${4:-}
if [ ! -f "$dir/model.onnx" ]; then echo "SKIP: $dir/model.onnx does not exist"; exit 77; fi
want=$(python3 -c "import json,sys; print('x'.join(map(str, json.load(open(sys.argv[1]))['outputs'][0])))" "$dir/info.json" 2>/dev/null || true)
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
out=$(DLC_CUDA_DRIVER="$fake" DLC_CUBLASLT="$fake_blas" DLC_FAKE_CUBLASLT_TRACE=1 "$dlc_run" "$dir/model.onnx" \
      --device=cuda --input=@"$dir/input_0.npy" --print-max=1 2>"$trace") || { cat "$trace" >&2; exit 1; }
grep -v "^fake cublasLt: " "$trace" >&2 || true
echo "$out" | head -1
echo "cuBLASLt GEMMs: $(grep -c "^fake cublasLt: matmul" "$trace" || true)"
if [ -n "$want" ] && ! echo "$out" | head -1 | grep -q "output #0: ${want}x"; then
  echo "FAIL: expected output #0 of shape $want"; exit 1
fi
