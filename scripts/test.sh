#!/usr/bin/env bash
# The test command: installs dependencies, builds DLC twice (normal, and with AddressSanitizer +
# UndefinedBehaviorSanitizer), runs every test (unit, lit, onnx) in both builds, then fuzzes the ONNX
# importer for 60 s (test/fuzz/run_fuzz.sh, its own clang build in build-fuzz/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install_deps.sh"
jobs="$(nproc)"

echo "== build (RelWithDebInfo) =="
"$root/scripts/build.sh" "$root/build"
echo "== build (ASan + UBSan) =="
"$root/scripts/build.sh" "$root/build-asan" -DDLC_SANITIZE=ON

status=0
echo "== tests =="
(cd "$root/build" && ctest --output-on-failure -j "$jobs") || status=1
echo "== tests under ASan + UBSan =="
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd "$root/build-asan" && ctest --output-on-failure -j "$jobs") || status=1
echo "== fuzz the ONNX importer =="
bash "$root/test/fuzz/run_fuzz.sh" 60 || status=1
exit $status
