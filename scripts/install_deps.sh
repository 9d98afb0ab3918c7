#!/usr/bin/env bash
# Installs DLC's build and test dependencies from Debian's packages (Debian 12 with the LLVM 22
# packages; the CUDA toolkit is expected under /usr/local/cuda). Skips apt entirely when every
# package is already installed, so repeated runs cost nothing.
set -euo pipefail
packages=(
  cmake ninja-build gcc python3 python3-numpy
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  libprotobuf-c-dev protobuf-c-compiler libonnx-dev libonnx-testdata
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install_deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
