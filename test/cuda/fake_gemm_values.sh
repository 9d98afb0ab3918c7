#!/usr/bin/env bash
# Runs a model whose every op becomes a cuBLASLt GEMM (mlp_relu_b1: matmul + bias + relu epilogues)
# with dlc-run --device=cuda against the fake libcuda and the fake libcublasLt of test/unit, which
# computes the GEMMs on the host (its device memory is host memory), and compares the output with the
# model's reference: the compiled call path (strided views, flags, C interface, JIT symbols) is checked
# for values without a GPU.
#   fake_gemm_values.sh DLC_RUN FAKE_LIBCUDA FAKE_LIBCUBLASLT MODEL_DIR OUT_DIR [TARGET_FILE]
# (TARGET_FILE: dlc-run --target=, e.g. one on which the MLP chain kernel does not pay, since the fake
# driver runs no kernels)
# Exits 77 (ctest's skip code) with a printed reason when the model is missing.
set -euo pipefail
dlc_run=$1 fake=$2 fake_blas=$3 dir=$4 out=$5
target=()
if [ $# -ge 6 ]; then target=(--target="$6"); fi
if [ ! -f "$dir/model.onnx" ]; then echo "SKIP: $dir/model.onnx does not exist"; exit 77; fi
mkdir -p "$out"
name=$(basename "$dir")
DLC_CUDA_DRIVER="$fake" DLC_CUBLASLT="$fake_blas" DLC_FAKE_CUBLASLT_TRACE=1 "$dlc_run" "$dir/model.onnx" \
  --device=cuda "${target[@]}" --input=@"$dir/input_0.npy" --output=@"$out/$name.npy" --print-max=0 2>"$out/$name.trace"
cat "$out/$name.trace"
gemms=$(grep -c "^fake cublasLt: matmul" "$out/$name.trace" || true)
if [ "$gemms" -eq 0 ]; then echo "FAIL: no GEMM reached cuBLASLt"; exit 1; fi
python3 - "$out/$name.npy" "$dir/output_0.npy" <<'PY'
import ast, struct, sys
def load(path):
    data = open(path, 'rb').read()
    if data[:6] != b'\x93NUMPY':
        sys.exit('FAIL: %s is not a .npy file' % path)
    hlen = struct.unpack('<H', data[8:10])[0]
    header = ast.literal_eval(data[10:10 + hlen].decode())
    if header['descr'] != '<f4':
        sys.exit('FAIL: %s holds %s, not float32' % (path, header['descr']))
    body = data[10 + hlen:]
    return header['shape'], struct.unpack('<%df' % (len(body) // 4), body)
(got_shape, got), (want_shape, want) = load(sys.argv[1]), load(sys.argv[2])
if tuple(got_shape) != tuple(want_shape):
    sys.exit('FAIL: output shape %s, reference %s' % (got_shape, want_shape))
err = max(abs(a - b) / (1e-3 + abs(b)) for a, b in zip(got, want))
print('%d values, max relative error %.2e' % (len(got), err))
if err > 1e-4:
    sys.exit('FAIL: output differs from the reference')
PY
