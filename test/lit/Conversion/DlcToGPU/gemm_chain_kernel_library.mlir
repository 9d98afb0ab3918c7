// A compute-bound MLP (M = 2048, K = N = 1024) is NOT made one CUDA-core kernel: fusion keeps the
// GEMMs apart (bias + relu epilogue groups), and DlcToGPU lowers each to a cuBLASLt call.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-lower-to-gpu | FileCheck %s
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS

// STATS: dlc-stats: func=main {{.*}} kernels=0 library_calls=2
// CHECK-LABEL: func.func @main(
// CHECK: call @main_gemm_chain_0(
// CHECK: call @main_gemm_chain_1(
// CHECK-LABEL: func.func private @main_gemm_chain_0(
// CHECK-NOT: gpu.launch
// CHECK: call @dlcrt_gemm_f32(
// CHECK-LABEL: func.func private @main_gemm_chain_1(
// CHECK-NOT: gpu.launch
// CHECK: call @dlcrt_gemm_f32(
func.func @main(%x: tensor<2048x1024xf32>, %w0: tensor<1024x1024xf32>, %b0: tensor<1024xf32>, %w1: tensor<1024x1024xf32>, %b1: tensor<1024xf32>) -> tensor<2048x1024xf32> {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<2048x1024xf32>, tensor<1024x1024xf32>) -> tensor<2048x1024xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<2048x1024xf32>, tensor<1024xf32>) -> tensor<2048x1024xf32>
  %2 = "dlc.relu"(%1) : (tensor<2048x1024xf32>) -> tensor<2048x1024xf32>
  %3 = "dlc.matmul"(%2, %w1) : (tensor<2048x1024xf32>, tensor<1024x1024xf32>) -> tensor<2048x1024xf32>
  %4 = "dlc.add"(%3, %b1) : (tensor<2048x1024xf32>, tensor<1024xf32>) -> tensor<2048x1024xf32>
  return %4 : tensor<2048x1024xf32>
}
