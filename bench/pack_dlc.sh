#!/usr/bin/env bash
# Packs dlc-run and the shared libraries it loads (all but glibc's own: MLIR and LLVM 22, protobuf-c, z3,
# libxml2, ICU, libstdc++...) into one compressed file, for a GPU machine that has none of them:
#
#   bash bench/pack_dlc.sh [DLC_RUN [OUT]]     # defaults: build/bin/dlc-run, bench/dlc-bundle.tar.xz
#
# OUT is ignored by git (bench/.gitignore). On the GPU machine:
#   tar -xJf bench/dlc-bundle.tar.xz -C /tmp      # gives /tmp/dlc/bin/dlc-run and /tmp/dlc/lib/
#   python3 bench/bench_suite.py --dlc-run /tmp/dlc/bin/dlc-run --dlc-lib-dir /tmp/dlc/lib
# dlc-run is built on Debian 12 (glibc 2.36): the target's glibc must be as new or newer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/bin/dlc-run}"
out="${2:-$root/bench/dlc-bundle.tar.xz}"
[ -x "$bin" ] || { echo "pack_dlc.sh: no executable $bin (build with scripts/build.sh)" >&2; exit 1; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dlc/bin" "$stage/dlc/lib"
cp "$bin" "$stage/dlc/bin/dlc-run"
if ldd "$bin" | grep -q "not found"; then
  ldd "$bin" | grep "not found" >&2
  echo "pack_dlc.sh: $bin misses libraries here" >&2
  exit 1
fi
ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do
  case "$(basename "$lib")" in
    libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|libresolv.so.*|ld-linux*) continue ;;
  esac
  cp -L "$lib" "$stage/dlc/lib/$(basename "$lib")"
done
# libdevice (the __nv_* math functions the kernels link): the GPU machine may have a driver and no toolkit;
# run_on_gpu.sh points CUDA_HOME at this copy when the machine has none.
libdevice=""
for t in "${CUDA_HOME:-}" "${CUDA_ROOT:-}" "${CUDA_PATH:-}" /usr/local/cuda; do
  if [ -n "$t" ] && [ -r "$t/nvvm/libdevice/libdevice.10.bc" ]; then libdevice="$t/nvvm/libdevice/libdevice.10.bc"; break; fi
done
[ -n "$libdevice" ] || { echo "pack_dlc.sh: no libdevice.10.bc (set CUDA_HOME to the CUDA toolkit)" >&2; exit 1; }
mkdir -p "$stage/dlc/cuda/nvvm/libdevice"
cp "$libdevice" "$stage/dlc/cuda/nvvm/libdevice/"
( cd "$stage/dlc" && sha256sum bin/dlc-run > bin/dlc-run.sha256 )
tar -C "$stage" -cf - dlc | xz -T0 -9e > "$out.tmp"  # about 59 MiB: the device tool carries 64 MiB in all
mv "$out.tmp" "$out"
echo "pack_dlc.sh: $out ($(du -h "$out" | cut -f1)): $(ls "$stage/dlc/lib" | tr '\n' ' ')"
