#!/usr/bin/env bash
# Configures and builds DLC. Usage: scripts/build.sh [BUILD_DIR [extra cmake args...]]
# The default build directory is build/ (tools land in build/bin/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/build}"
shift || true
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
ninja -C "$dir"
