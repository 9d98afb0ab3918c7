// The kernels of dlc-lower-to-gpu through the whole cuda pipeline: a vectorized bias-add + gelu loop
// (--no-fusion: the hand-written schedule of @bias_gelu is what the kernel must honor; the fusion passes would choose their own.)
// group (16-byte global loads and stores) and a shared-memory transpose (32 x 8 threads, two block
// barriers) become PTX that ptxas accepts for sm_90.
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --no-fusion --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin

// CHECK: .target sm_90
// CHECK: .visible .entry
// CHECK: .maxntid 128, 1, 1
// CHECK-DAG: ld.global.v4.b32
// CHECK-DAG: ld.global.v4.b32
// CHECK-DAG: st.global.v4.b32
// CHECK: .visible .entry
// CHECK: .maxntid 32, 8, 1
// CHECK: st.shared
// CHECK: bar.sync 0;
// CHECK: ld.shared
// CHECK-NOT: .visible .entry
func.func @main(%a: tensor<64x128xf32>, %b: tensor<128xf32>) -> tensor<128x64xf32> {
  %0 = call @bias_gelu(%a, %b) : (tensor<64x128xf32>, tensor<128xf32>) -> tensor<64x128xf32>
  %1 = "dlc.transpose"(%0) {perm = array<i64: 1, 0>} : (tensor<64x128xf32>) -> tensor<128x64xf32>
  return %1 : tensor<128x64xf32>
}
func.func private @bias_gelu(%a: tensor<64x128xf32>, %b: tensor<128xf32>) -> tensor<64x128xf32> attributes {dlc.fusion = {kind = "loop", threads = 128, ilp = 2}} {
  %0 = "dlc.add"(%a, %b) : (tensor<64x128xf32>, tensor<128xf32>) -> tensor<64x128xf32>
  %1 = "dlc.gelu"(%0) : (tensor<64x128xf32>) -> tensor<64x128xf32>
  return %1 : tensor<64x128xf32>
}
