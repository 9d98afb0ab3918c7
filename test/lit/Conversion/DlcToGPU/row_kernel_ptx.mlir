// Row kernels through the whole cuda pipeline: a softmax (warp per row), a layer_norm over a long
// row (block per row, shared memory and barriers) and a softmax over rows of dynamic length become
// PTX that ptxas assembles for sm_90, with warp shuffles (shfl.sync.bfly), the block-wide barrier
// and the shared-memory combine.
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin

// exp and sqrt come from libdevice, linked in (found through CUDA_HOME): no unresolved externs.
// CHECK: .target sm_90
// CHECK-NOT: .extern
// CHECK: .visible .entry
// CHECK: .maxntid 256, 1, 1
// CHECK: shfl.sync.bfly.b32
// CHECK: .visible .entry
// CHECK: .maxntid 256, 1, 1
// CHECK: .shared
// CHECK: shfl.sync.bfly.b32
// CHECK: st.shared.b32
// CHECK: bar.sync 0;
// CHECK: ld.shared.{{(v4.)?}}b32
// The dynamic softmax: both variants (warp per row, block per row), chosen at run time.
// CHECK: .visible .entry
// CHECK: shfl.sync.bfly.b32
// CHECK: .visible .entry
// CHECK: bar.sync 0;
func.func @main(%x: tensor<8x128xf32>, %y: tensor<2x4096xf32>, %s: tensor<4096xf32>, %b: tensor<4096xf32>, %z: tensor<?x?xf32>) -> (tensor<8x128xf32>, tensor<2x4096xf32>, tensor<?x?xf32>) {
  %0 = "dlc.softmax"(%x) : (tensor<8x128xf32>) -> tensor<8x128xf32>
  %1 = "dlc.layer_norm"(%y, %s, %b) {epsilon = 1.0e-5 : f32} : (tensor<2x4096xf32>, tensor<4096xf32>, tensor<4096xf32>) -> tensor<2x4096xf32>
  %2 = "dlc.softmax"(%z) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0, %1, %2 : tensor<8x128xf32>, tensor<2x4096xf32>, tensor<?x?xf32>
}
