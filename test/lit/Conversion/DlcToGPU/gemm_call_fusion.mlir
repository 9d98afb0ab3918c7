// A "gemm_chain" fusion group whose body is exactly matmul [+ bias add] [+ relu / tanh gelu] becomes
// one cuBLASLt call: the group keeps its name and `dlc.fusion` and gets the unit attribute
// `dlc.gpu_kernel`. A chain with anything else (here an exact gelu) is not taken as a whole.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize --cse | FileCheck %s

func.func @main(%a: tensor<16x64xf32>, %w: tensor<32x64xf32>, %b: tensor<32xf32>) -> (tensor<16x32xf32>, tensor<16x32xf32>) {
  %0 = call @chain(%a, %w, %b) : (tensor<16x64xf32>, tensor<32x64xf32>, tensor<32xf32>) -> tensor<16x32xf32>
  %1 = call @chain_erf(%a, %w, %b) : (tensor<16x64xf32>, tensor<32x64xf32>, tensor<32xf32>) -> tensor<16x32xf32>
  return %0, %1 : tensor<16x32xf32>, tensor<16x32xf32>
}

// CHECK-LABEL: func.func private @chain(
// CHECK-SAME: attributes {dlc.fusion = {kind = "gemm_chain"}, dlc.gpu_kernel}
// CHECK-DAG: %[[F:.*]] = arith.constant 3 : i64
// CHECK-DAG: %[[BIAS:.*]] = bufferization.to_buffer %arg2
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [1, 64, 32], strides: [2048, 1, 64] : memref<32x64xf32>
// CHECK: memref.reinterpret_cast %[[BIAS]] to offset: [0], sizes: [32], strides: [1]
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// CHECK-NOT: "dlc.
// CHECK: return
func.func private @chain(%a: tensor<16x64xf32>, %w: tensor<32x64xf32>, %b: tensor<32xf32>) -> tensor<16x32xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%a, %w) {transpose_b = true} : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<16x32xf32>, tensor<32xf32>) -> tensor<16x32xf32>
  %2 = "dlc.relu"(%1) : (tensor<16x32xf32>) -> tensor<16x32xf32>
  return %2 : tensor<16x32xf32>
}

// Offered op by op instead: the matmul absorbs the bias, the gelu stays apart.
// CHECK-LABEL: func.func private @chain_erf(
// CHECK-NOT: dlc.gpu_kernel
// CHECK: %[[M:.*]] = call @[[MM:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2)
// CHECK-NEXT: {{.*}}gelu{{.*}}(%[[M]])
func.func private @chain_erf(%a: tensor<16x64xf32>, %w: tensor<32x64xf32>, %b: tensor<32xf32>) -> tensor<16x32xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%a, %w) {transpose_b = true} : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<16x32xf32>, tensor<32xf32>) -> tensor<16x32xf32>
  %2 = "dlc.gelu"(%1) : (tensor<16x32xf32>) -> tensor<16x32xf32>
  return %2 : tensor<16x32xf32>
}
// CHECK: func.func private @[[MM]](
// CHECK: %[[F:.*]] = arith.constant 1 : i64
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
