#!/usr/bin/env bash
# Compiles one model with the cuda pipeline, writes its kernels' PTX, assembles it with
# `ptxas -arch=ARCH` and checks every kernel's block shape against CUDA's launch limits, so GPU code is
# validated on machines without a GPU.
#   ptx_check.sh DLC_OPT MODEL OUT_DIR [ARCH]
# Exits 77 (ctest's skip code) with a printed reason when ptxas or the model is missing.
set -euo pipefail
dlc_opt=$1 model=$2 out=$3 arch=${4:-sm_90}
ptxas=${PTXAS:-/usr/local/cuda/bin/ptxas}
if [ ! -x "$ptxas" ]; then echo "SKIP: no ptxas at $ptxas (the CUDA toolkit)"; exit 77; fi
if [ ! -f "$model" ]; then echo "SKIP: $model does not exist"; exit 77; fi
mkdir -p "$out"
name=$(basename "$(dirname "$model")")
if ! "$dlc_opt" "$model" --dlc-pipeline=cuda --gpu-arch="$arch" --emit=ptx -o "$out/$name.ptx" 2>"$out/$name.err"; then
  cat "$out/$name.err" >&2
  # A model whose every op became a library call (cuBLASLt GEMMs) has no kernels to assemble.
  if grep -q "the module has no GPU binary" "$out/$name.err" &&
     "$dlc_opt" "$model" --dlc-pipeline=cuda --gpu-arch="$arch" -o "$out/$name.mlir" &&
     grep -q "llvm.call @_mlir_ciface_dlcrt_" "$out/$name.mlir"; then
    echo "$name: 0 kernels (every op became a library call)"
    exit 0
  fi
  exit 1
fi
"$ptxas" -arch="$arch" "$out/$name.ptx" -o "$out/$name.cubin"
# Every kernel's block must be launchable: x, y <= 1024, z <= 64, x*y*z <= 1024 (CUDA's limits).
awk '/\.maxntid/ { gsub(",", ""); x = $2; y = $3; z = $4;
       if (x > 1024 || y > 1024 || z > 64 || x * y * z > 1024) { print "bad block shape: " $0; bad = 1 } }
     END { exit bad }' "$out/$name.ptx"
echo "$name: $(grep -c '^.visible .entry' "$out/$name.ptx") kernels, ptxas -arch=$arch OK"
