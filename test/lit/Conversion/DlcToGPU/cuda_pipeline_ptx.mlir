// The cuda pipeline ends with one PTX module for the target chip, written by --emit=ptx, that ptxas
// assembles; a kernel per linalg op, launched with 256-thread blocks.
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin
// RUN: dlc-opt %s --dlc-pipeline=cuda --gpu-arch=sm_80 --emit=ptx | FileCheck %s --check-prefix=SM80
// RUN: dlc-opt %s --dlc-pipeline=cuda --gpu-arch=sm_90a --emit=ptx -o %t.90a.ptx
// RUN: %ptxas -arch=sm_90a %t.90a.ptx -o %t.90a.cubin
// RUN: not dlc-opt %s --dlc-pipeline=cuda --gpu-arch=sm_70 --emit=ptx 2>&1 | FileCheck %s --check-prefix=BADARCH
// RUN: not dlc-opt %s --emit=ptx 2>&1 | FileCheck %s --check-prefix=NOGPU
// RUN: not dlc-opt %s --emit=cubin 2>&1 | FileCheck %s --check-prefix=BADEMIT

// CHECK: .target sm_90
// CHECK-COUNT-2: .visible .entry
// CHECK: .maxntid 256, 1, 1
// SM80: .target sm_80
// BADARCH: error: --gpu-arch=sm_70: expected sm_80, sm_86, sm_89, sm_90 or sm_90a
// NOGPU: error: --emit=ptx: the module has no GPU binary (run --dlc-pipeline=cuda first)
// BADEMIT: error: --emit=cubin: expected --emit=mlir or --emit=ptx
// An integer matmul: f32/f16/bf16 ones become cuBLASLt calls (gemm_call_*.mlir), this one stays on the
// generic path (a fill kernel and a matmul kernel).
func.func @main(%a: tensor<?x128xi32>, %w: tensor<128x32xi32>) -> tensor<?x32xi32> {
  %0 = "dlc.matmul"(%a, %w) : (tensor<?x128xi32>, tensor<128x32xi32>) -> tensor<?x32xi32>
  return %0 : tensor<?x32xi32>
}
