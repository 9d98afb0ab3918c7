#!/usr/bin/env bash
# The main job: installs dependencies, builds DLC, then compiles and runs the bundled example model
# (examples/mlp.mlir, a 2-layer MLP with GELU) on the CPU, printing its outputs and timing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install_deps.sh"
"$root/scripts/build.sh" "$root/build" >/dev/null
echo "== dlc-run examples/mlp.mlir (CPU) =="
"$root/build/bin/dlc-run" "$root/examples/mlp.mlir" --device=cpu \
  --input=@"$root/examples/mlp_input.npy" --print-max=16 --bench=100
