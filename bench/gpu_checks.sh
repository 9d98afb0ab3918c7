#!/usr/bin/env bash
# GPU checks beyond the benchmark, for the GPU machine after bench/run_on_gpu.sh --keep-temp has exported
# the suite (its temporary folder holds MODEL/model.onnx and MODEL/input.npy):
#
#   [SANITIZE="m1 m2"] bash bench/gpu_checks.sh TEMP_DIR [MODELS...]
#
# Per model: `dlc-run --profile` (kernels by time, bytes moved, % of peak bandwidth); for the models named
# in SANITIZE (default mlp_relu_b1 bert_tiny_s128 resnet_tiny_b4), where compute-sanitizer exists, memcheck
# and racecheck of one fused run. Logs go to $OUT (or ./gpu-checks/).
set -uo pipefail
tmp="${1:?usage: gpu_checks.sh TEMP_DIR [MODELS...]}"
shift
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(mlp_relu_b1 mlp_gelu_b16 resnet_tiny_b4 bert_tiny_s128 gpt_small_block_s64 llama_tiny_s32 asr_conv_transformer)
out="${OUT:-$PWD/gpu-checks}"
mkdir -p "$out"
run=/tmp/dlc/bin/dlc-run
export LD_LIBRARY_PATH=/tmp/dlc/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
san=""
for c in compute-sanitizer /usr/local/cuda/bin/compute-sanitizer; do command -v "$c" >/dev/null && { san="$c"; break; }; done
for m in "${models[@]}"; do
  d="$tmp/$m"
  [ -f "$d/model.onnx" ] || { echo "gpu_checks: no $d/model.onnx" | tee -a "$out/profile.log"; continue; }
  echo "=== $m: dlc-run --profile" >> "$out/profile.log"
  timeout 120 "$run" "$d/model.onnx" --device=cuda --input=@"$d/input.npy" --output=@/tmp/prof_out.npy --bench=20 --profile >> "$out/profile.log" 2>&1
  echo "profile $m: exit $?"
  if [ -n "$san" ] && [[ " ${SANITIZE:-mlp_relu_b1 bert_tiny_s128 resnet_tiny_b4} " == *" $m "* ]]; then
    for tool in memcheck racecheck; do
      echo "=== $m: compute-sanitizer --tool $tool" >> "$out/sanitizer.log"
      timeout 150 "$san" --tool "$tool" --error-exitcode 9 "$run" "$d/model.onnx" --device=cuda --no-graph \
        --input=@"$d/input.npy" --output=@/tmp/san_out.npy >> "$out/sanitizer.log" 2>&1
      echo "sanitizer $tool $m: exit $?"
    done
  fi
done
