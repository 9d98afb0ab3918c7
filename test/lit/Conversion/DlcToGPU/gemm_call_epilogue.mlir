// dlc-lower-to-gpu grows a matmul's unit with its epilogue, computed by cuBLASLt: a bias add (bias
// [N] or [1, N], on either side; the add is the matmul's only user) is flag 1, then a relu (flag 2)
// or a tanh gelu (flag 4) that is the add's only user; an add of a tensor of the result's own type
// (a residual, with or without a bias before it) is cuBLASLt's C with beta 1 (flag 16). cuBLASLt's
// GELU is the tanh approximation, so an exact (erf) gelu stays an op of its own; a matmul result with
// two users absorbs nothing. Whatever is not absorbed is left to the other emitters (or dlc ops).
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize --cse | FileCheck %s

// CHECK-LABEL: func.func @bias_relu(
// CHECK-NEXT: %[[R:.*]] = call @[[BR:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<8x32xf32>, tensor<16x32xf32>, tensor<16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @bias_relu(%a: tensor<8x32xf32>, %w: tensor<16x32xf32>, %b: tensor<16xf32>) -> tensor<8x16xf32> {
  %0 = "dlc.matmul"(%a, %w) {transpose_a = false, transpose_b = true} : (tensor<8x32xf32>, tensor<16x32xf32>) -> tensor<8x16xf32>
  %1 = "dlc.add"(%b, %0) : (tensor<16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = "dlc.relu"(%1) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @bias_gelu_erf(
// CHECK-NEXT: %[[M:.*]] = call @[[BG:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<8x32xf32>, tensor<32x16xf32>, tensor<1x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: {{.*}}gelu{{.*}}(%[[M]])
func.func @bias_gelu_erf(%a: tensor<8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<1x16xf32>) -> tensor<8x16xf32> {
  %0 = "dlc.matmul"(%a, %w) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<8x16xf32>, tensor<1x16xf32>) -> tensor<8x16xf32>
  %2 = "dlc.gelu"(%1) {approximate = "none"} : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @bias_gelu_tanh(
// CHECK-NEXT: %[[R:.*]] = call @[[BT:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2)
// CHECK-NEXT: return %[[R]]
func.func @bias_gelu_tanh(%a: tensor<2x8x32xbf16>, %w: tensor<32x16xbf16>, %b: tensor<16xbf16>) -> tensor<2x8x16xbf16> {
  %0 = "dlc.matmul"(%a, %w) : (tensor<2x8x32xbf16>, tensor<32x16xbf16>) -> tensor<2x8x16xbf16>
  %1 = "dlc.add"(%0, %b) : (tensor<2x8x16xbf16>, tensor<16xbf16>) -> tensor<2x8x16xbf16>
  %2 = "dlc.gelu"(%1) {approximate = "tanh"} : (tensor<2x8x16xbf16>) -> tensor<2x8x16xbf16>
  return %2 : tensor<2x8x16xbf16>
}

// CHECK-LABEL: func.func @two_users(
// CHECK-NEXT: %[[M:.*]] = call @[[TU:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %[[A:.*]] = {{.*}}add{{.*}}(%[[M]], %arg2)
// CHECK-NEXT: %[[Y:.*]] = {{.*}}relu{{.*}}(%[[A]])
// CHECK-NEXT: return %[[Y]], %[[M]]
func.func @two_users(%a: tensor<8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %0 = "dlc.matmul"(%a, %w) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<8x16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
  %2 = "dlc.relu"(%1) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2, %0 : tensor<8x16xf32>, tensor<8x16xf32>
}

// CHECK-LABEL: func.func @full_add(
// CHECK-NEXT: %[[R:.*]] = call @[[FA:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<8x32xf32>, tensor<32x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @full_add(%a: tensor<8x32xf32>, %w: tensor<32x16xf32>, %r: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = "dlc.matmul"(%a, %w) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
  %1 = "dlc.add"(%0, %r) : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = "dlc.relu"(%1) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// The bias, then the residual (x + (b + h W)), as in transformer blocks: one call, flags 17.
// CHECK-LABEL: func.func @bias_residual(
// CHECK-NEXT: %[[R:.*]] = call @[[BRS:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2, %arg3)
// CHECK-NEXT: return %[[R]]
func.func @bias_residual(%h: tensor<1x8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>, %x: tensor<1x8x16xf32>) -> tensor<1x8x16xf32> {
  %0 = "dlc.matmul"(%h, %w) : (tensor<1x8x32xf32>, tensor<32x16xf32>) -> tensor<1x8x16xf32>
  %1 = "dlc.add"(%b, %0) : (tensor<16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  %2 = "dlc.add"(%x, %1) : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %2 : tensor<1x8x16xf32>
}

// The GEMMs: flags 3 (bias + relu) with the bias as a [16] view, 1 (bias only: the erf gelu stays),
// 5 (bias + tanh gelu, bf16, batch folded into M), 0 (nothing absorbed).
// CHECK: func.func private @[[BR]](
// CHECK-DAG: %[[F:.*]] = arith.constant 3 : i64
// CHECK-DAG: %[[BIAS:.*]] = bufferization.to_buffer %arg2 read_only : tensor<16xf32> to memref<16xf32>
// CHECK: memref.reinterpret_cast %[[BIAS]] to offset: [0], sizes: [16], strides: [1] : memref<16xf32> to memref<16xf32, strided<[1]>>
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// CHECK-NOT: "dlc.
// CHECK: return
// CHECK: func.func private @[[BG]](
// CHECK-DAG: %[[F:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[BIAS:.*]] = bufferization.to_buffer %arg2 read_only : tensor<1x16xf32> to memref<1x16xf32>
// CHECK: memref.reinterpret_cast %[[BIAS]] to offset: [0], sizes: [16], strides: [1] : memref<1x16xf32>
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// CHECK: func.func private @[[BT]](
// CHECK-DAG: %[[F:.*]] = arith.constant 5 : i64
// CHECK: sizes: [1, 16, 32], strides: [512, 32, 1] : memref<2x8x32xbf16>
// CHECK: call @dlcrt_gemm_bf16({{.*}}, %[[F]])
// CHECK: func.func private @[[TU]](
// CHECK-DAG: %[[F:.*]] = arith.constant 0 : i64
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// CHECK: func.func private @[[FA]](
// CHECK-DAG: %[[F:.*]] = arith.constant 18 : i64
// CHECK-DAG: %[[RES:.*]] = bufferization.to_buffer %arg2 read_only : tensor<8x16xf32> to memref<8x16xf32>
// CHECK: memref.reinterpret_cast %[[RES]] to offset: [0], sizes: [1, 8, 16], strides: [128, 16, 1]
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// CHECK: func.func private @[[BRS]](
// CHECK-DAG: %[[F:.*]] = arith.constant 17 : i64
// CHECK-DAG: %[[RES:.*]] = bufferization.to_buffer %arg3 read_only : tensor<1x8x16xf32> to memref<1x8x16xf32>
// CHECK: memref.reinterpret_cast %[[RES]] to offset: [0], sizes: [1, 8, 16], strides: [128, 16, 1]
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[F]])
