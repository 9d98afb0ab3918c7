// A ResNet basic block through the whole cuda pipeline: fusion forms one conv_chain group
// (fuse_conv_chain.c), DlcToGPU makes it one kernel (emit_conv_chain_kernel.c), and the PTX (one
// entry, FMAs, shared-memory tiles, block barriers, no cuBLASLt call) assembles for sm_90.
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin

// STATS: dlc-stats: func=main ops=5 kernels_unfused=5 kernels=1 library_calls=0
// CHECK: .target sm_90
// CHECK: .entry
// CHECK-NOT: .entry
// CHECK: .shared .align 16 .b8 __dynamic_shmem
// CHECK-DAG: fma.rn.f32
// CHECK-DAG: st.shared.b32
// CHECK-DAG: bar.sync 0
// CHECK-DAG: ld.shared.b32
// CHECK-NOT: dlcrt_gemm
func.func @main(%x: tensor<2x16x16x16xf32>, %wa: tensor<16x16x3x3xf32>, %ba: tensor<16xf32>, %wb: tensor<16x16x3x3xf32>, %bb: tensor<16xf32>) -> tensor<2x16x16x16xf32> {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x16x16x16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x16x16xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x16x16x16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x16x16xf32>
  %3 = "dlc.add"(%x, %2) : (tensor<2x16x16x16xf32>, tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  %4 = "dlc.relu"(%3) : (tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  return %4 : tensor<2x16x16x16xf32>
}
