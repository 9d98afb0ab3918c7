// dlc-lower-to-gpu turns dlc.matmul on f32, f16 and bf16 into a call of the cuBLASLt entry point
// @dlcrt_gemm_<type> (runtime/cuda/cublaslt.c) on rank-3 strided views [batch, rows, cols]: batch dims
// collapse into one, a rank-2 weight against a batched lhs folds the batch into M, a transposed operand
// is its buffer with swapped strides. Integer matmuls stay for the generic path.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize --cse | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-gpu | dlc-opt | FileCheck %s --check-prefix=DECL

// CHECK-LABEL: func.func @plain(
// CHECK: call @[[PLAIN:__dlc_gpu_matmul_[0-9]+]](%arg0, %arg1)
// CHECK-NOT: dlc.matmul
func.func @plain(%a: tensor<8x32xf32>, %b: tensor<32x16xf32>) -> tensor<8x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @folded(
// CHECK: call @__dlc_gpu_matmul_
func.func @folded(%a: tensor<4x8x32xf32>, %w: tensor<16x32xf32>) -> tensor<4x8x16xf32> {
  %0 = "dlc.matmul"(%a, %w) {transpose_b = true} : (tensor<4x8x32xf32>, tensor<16x32xf32>) -> tensor<4x8x16xf32>
  return %0 : tensor<4x8x16xf32>
}

// CHECK-LABEL: func.func @batched(
func.func @batched(%a: tensor<2x3x8x32xf16>, %b: tensor<2x3x32x16xf16>) -> tensor<2x3x8x16xf16> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3x8x32xf16>, tensor<2x3x32x16xf16>) -> tensor<2x3x8x16xf16>
  return %0 : tensor<2x3x8x16xf16>
}

// CHECK-LABEL: func.func @dyn(
func.func @dyn(%a: tensor<?x8x32xbf16>, %b: tensor<?x32x16xbf16>) -> tensor<?x8x16xbf16> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<?x8x32xbf16>, tensor<?x32x16xbf16>) -> tensor<?x8x16xbf16>
  return %0 : tensor<?x8x16xbf16>
}

// The lhs of transpose_a is its [K, M] buffer read with strides [1, M]; a batch-1 weight is broadcast.
// CHECK-LABEL: func.func @transposed_a(
func.func @transposed_a(%a: tensor<3x32x8xf32>, %b: tensor<1x32x16xf32>) -> tensor<3x8x16xf32> {
  %0 = "dlc.matmul"(%a, %b) {transpose_a = true} : (tensor<3x32x8xf32>, tensor<1x32x16xf32>) -> tensor<3x8x16xf32>
  return %0 : tensor<3x8x16xf32>
}

// Integers have no cuBLASLt entry point: the matmul stays.
// CHECK-LABEL: func.func @int(
// CHECK-NEXT: "dlc.matmul"(%arg0, %arg1)
func.func @int(%a: tensor<8x32xi32>, %b: tensor<32x16xi32>) -> tensor<8x16xi32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<8x32xi32>, tensor<32x16xi32>) -> tensor<8x16xi32>
  return %0 : tensor<8x16xi32>
}

// A partial broadcast of the batch ([2, 1] against [1, 3]) has no single batch stride: it stays.
// CHECK-LABEL: func.func @partial_broadcast(
// CHECK-NEXT: "dlc.matmul"(%arg0, %arg1)
func.func @partial_broadcast(%a: tensor<2x1x8x32xf32>, %b: tensor<1x3x32x16xf32>) -> tensor<2x3x8x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x1x8x32xf32>, tensor<1x3x32x16xf32>) -> tensor<2x3x8x16xf32>
  return %0 : tensor<2x3x8x16xf32>
}

// 2-D: A [1, 8, 32], B [1, 32, 16], C [1, 8, 16] with row-major strides, no bias (an empty view), flags 0.
// CHECK-LABEL: func.func private @__dlc_gpu_matmul_0(
// CHECK-SAME: %arg0: tensor<8x32xf32>, %arg1: tensor<32x16xf32>) -> tensor<8x16xf32>
// CHECK-DAG: %[[FLAGS:.*]] = arith.constant 0 : i64
// CHECK-DAG: %[[A:.*]] = bufferization.to_buffer %arg0 read_only
// CHECK-DAG: %[[B:.*]] = bufferization.to_buffer %arg1 read_only
// CHECK: %[[C:.*]] = memref.alloc() : memref<8x16xf32>
// CHECK: memref.reinterpret_cast %[[A]] to offset: [0], sizes: [1, 8, 32], strides: [256, 32, 1]
// CHECK: memref.reinterpret_cast %[[C]] to offset: [0], sizes: [1, 8, 16], strides: [128, 16, 1]
// CHECK: memref.reinterpret_cast %[[B]] to offset: [0], sizes: [1, 32, 16], strides: [512, 16, 1]
// CHECK: memref.reinterpret_cast %[[C]] to offset: [0], sizes: [0], strides: [1]
// CHECK: call @dlcrt_gemm_f32({{.*}}, %[[FLAGS]]) : (memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, i64) -> ()
// CHECK: bufferization.to_tensor %[[C]] restrict writable
// CHECK-NOT: "dlc.

// [4, 8, 32] x [16, 32]^T folds into one [32, 32] x [32, 16] GEMM; the weight is read transposed.
// CHECK-LABEL: func.func private @__dlc_gpu_matmul_1(
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [1, 32, 32], strides: [1024, 32, 1] : memref<4x8x32xf32>
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [1, 32, 16], strides: [512, 16, 1] : memref<4x8x16xf32>
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [1, 32, 16], strides: [512, 1, 32] : memref<16x32xf32>
// CHECK: call @dlcrt_gemm_f32(

// Batch dims [2, 3] collapse into 6; f16 calls the f16 entry point.
// CHECK-LABEL: func.func private @__dlc_gpu_matmul_2(
// CHECK: sizes: [6, 8, 32], strides: [256, 32, 1] : memref<2x3x8x32xf16>
// CHECK: sizes: [6, 8, 16], strides: [128, 16, 1] : memref<2x3x8x16xf16>
// CHECK: sizes: [6, 32, 16], strides: [512, 16, 1] : memref<2x3x32x16xf16>
// CHECK: call @dlcrt_gemm_f16(

// A dynamic batch comes from the operands' dims.
// CHECK-LABEL: func.func private @__dlc_gpu_matmul_3(
// CHECK: %[[D:.*]] = tensor.dim %arg0, %c0
// CHECK: memref.alloc(%[[D]]) : memref<?x8x16xbf16>
// CHECK: sizes: [%[[D]], 8, 32]
// CHECK: call @dlcrt_gemm_bf16(

// CHECK-LABEL: func.func private @__dlc_gpu_matmul_4(
// CHECK: sizes: [3, 8, 32], strides: [256, 1, 8] : memref<3x32x8xf32>
// CHECK: sizes: [3, 8, 16], strides: [128, 16, 1] : memref<3x8x16xf32>
// CHECK: sizes: [1, 32, 16], strides: [512, 16, 1] : memref<1x32x16xf32>
// CHECK: call @dlcrt_gemm_f32(

// One declaration per entry point, with the C interface and the library-call marker.
// DECL-COUNT-1: func.func private @dlcrt_gemm_f32(memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, i64) attributes {dlc.library_call, llvm.emit_c_interface}
// DECL-NOT: func.func private @dlcrt_gemm_f32(
// DECL: func.func private @dlcrt_gemm_f16(
// DECL: func.func private @dlcrt_gemm_bf16(
