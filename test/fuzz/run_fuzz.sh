#!/usr/bin/env bash
# Fuzzes the ONNX importer for SECONDS (default 60): configures build-fuzz/ with clang, libFuzzer and
# AddressSanitizer (all of DLC instrumented for coverage), builds fuzz_onnx_import, seeds a temporary
# corpus with the model.onnx files of ../shared/models/*/ (if present) and of the ONNX node tests, and
# runs it. Exits non-zero on a crash, a sanitizer report, a leak, a timeout (10 s per input) or an
# out-of-memory (4 GiB); the offending input is kept in build-fuzz/fuzz-artifacts/.
#   test/fuzz/run_fuzz.sh [SECONDS]
# Environment: DLC_FUZZ_BUILD_DIR (default build-fuzz), DLC_FUZZ_MAX_LEN (default: the largest seed, so
# every seed model is loaded whole).
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${DLC_FUZZ_BUILD_DIR:-$root/build-fuzz}"
node_tests=/usr/share/libonnx-testdata/data/node

if ! command -v clang >/dev/null; then
  echo "run_fuzz: clang is not installed (scripts/install_deps.sh installs it)" >&2
  exit 1
fi
echo "== fuzz: build ($(clang --version | head -n1)) in $dir =="
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DDLC_FUZZ=ON \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address" >/dev/null
ninja -C "$dir" fuzz_onnx_import

work="$(mktemp -d "${TMPDIR:-/tmp}/dlc-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
mkdir -p "$corpus"
seeds=0
max_seed=0
for model in "$root"/../shared/models/*/model.onnx "$node_tests"/*/model.onnx; do
  [ -f "$model" ] || continue
  name="$(basename "$(dirname "$model")")"
  cp "$model" "$corpus/$name.onnx"
  size="$(stat -c %s "$model")"
  if [ "$size" -gt "$max_seed" ]; then max_seed="$size"; fi
  seeds=$((seeds + 1))
done
if [ "$seeds" -eq 0 ]; then
  echo "run_fuzz: no seed models (install libonnx-testdata)" >&2
  exit 1
fi
max_len="${DLC_FUZZ_MAX_LEN:-$max_seed}"
artifacts="$dir/fuzz-artifacts"
mkdir -p "$artifacts"

echo "== fuzz: fuzz_onnx_import for ${seconds}s ($seeds seeds, -max_len=$max_len) =="
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
status=0
"$dir/bin/fuzz_onnx_import" "$corpus" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 -detect_leaks=1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "run_fuzz: FAILED (exit status $status): crash, leak, timeout or out-of-memory; inputs kept:" >&2
  ls -l "$artifacts" >&2 || true
  echo "reproduce with: $dir/bin/fuzz_onnx_import $artifacts/<file>" >&2
  exit 1
fi
echo "run_fuzz: no crash, leak or timeout in ${seconds}s"
