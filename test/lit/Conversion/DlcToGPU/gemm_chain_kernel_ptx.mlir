// An MLP (three GEMMs 64 -> 64 -> 64 -> 8 with bias + relu, dynamic M; the first and last with weights
// [N, K] as torch Linear exports them, the middle one [K, N]) through the whole cuda pipeline: fusion
// forms one gemm_chain group (fuse_mlp_chain.c), DlcToGPU makes it one kernel (emit_gemm_chain_kernel.c),
// and the PTX (one entry of 512 threads, 16-byte weight-row loads, FMAs, warp butterflies of shfl.sync
// for the split-K sums, shared-memory rows, block barriers, no cuBLASLt call) assembles for sm_90.
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin

// STATS: dlc-stats: func=main {{.*}} kernels=1 library_calls=0
// CHECK: .target sm_90
// CHECK: .entry
// CHECK: .maxntid 512, 1, 1
// CHECK-NOT: .entry
// CHECK: .shared .align 16 .b8 __dynamic_shmem
// CHECK-DAG: fma.rn.f32
// CHECK-DAG: ld.global.v4.{{[bf]}}32
// CHECK-DAG: shfl.sync.bfly.b32
// CHECK-DAG: st.shared
// CHECK-DAG: bar.sync 0
// CHECK-DAG: ld.shared
// CHECK-NOT: dlcrt_gemm
func.func @main(%x: tensor<?x64xf32>, %w0: tensor<64x64xf32>, %b0: tensor<64xf32>, %w1: tensor<64x64xf32>, %b1: tensor<64xf32>, %w2: tensor<8x64xf32>) -> tensor<?x8xf32> {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %2 = "dlc.relu"(%1) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %3 = "dlc.matmul"(%2, %w1) : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %4 = "dlc.add"(%3, %b1) : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %5 = "dlc.relu"(%4) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %6 = "dlc.matmul"(%5, %w2) {transpose_a = false, transpose_b = true} : (tensor<?x64xf32>, tensor<8x64xf32>) -> tensor<?x8xf32>
  return %6 : tensor<?x8xf32>
}
