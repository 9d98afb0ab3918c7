// Row kernels (emit_row_kernel.c): softmax and log_softmax over a short last axis get one warp per
// row, 8 rows per 256-thread block; each lane keeps 4 adjacent elements of the 128-element row in
// registers (one 16-byte vector load and store, no loop), the row max and the sum of exponentials are combined across the warp by gpu.shuffle xor
// butterflies (16, 8, 4, 2, 1), and no workgroup memory or barrier is needed.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @softmax(
// CHECK: call @[[SM:__dlc_gpu_softmax[_0-9]*]](%arg0)
// CHECK-NOT: dlc.softmax
func.func @softmax(%a: tensor<4x128xf32>) -> tensor<4x128xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<4x128xf32>) -> tensor<4x128xf32>
  return %0 : tensor<4x128xf32>
}

// CHECK-LABEL: func.func @log_softmax(
// CHECK: call @[[LSM:__dlc_gpu_log_softmax[_0-9]*]](%arg0)
func.func @log_softmax(%a: tensor<4x128xf32>) -> tensor<4x128xf32> {
  %0 = "dlc.log_softmax"(%a) {axis = 1 : i64} : (tensor<4x128xf32>) -> tensor<4x128xf32>
  return %0 : tensor<4x128xf32>
}

// Softmax over a leading axis is not a row reduction: it stays for the generic path.
// CHECK-LABEL: func.func @softmax_axis0(
// CHECK: "dlc.softmax"(%arg0) {axis = 0 : i64}
// CHECK-NOT: call @__dlc_gpu
func.func @softmax_axis0(%a: tensor<4x128xf32>) -> tensor<4x128xf32> {
  %0 = "dlc.softmax"(%a) {axis = 0 : i64} : (tensor<4x128xf32>) -> tensor<4x128xf32>
  return %0 : tensor<4x128xf32>
}

// One block (4 rows at 8 rows per block) of 256 threads; a warp per row.
// CHECK: func.func private @[[SM]](%arg0: tensor<4x128xf32>) -> tensor<4x128xf32>
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK: bufferization.to_buffer %arg0
// CHECK: memref.alloc() : memref<4x128xf32>
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C1]], {{.*}} = %[[C1]], {{.*}} = %[[C1]]) threads(%[[TX:[^,]*]], {{.*}}) in ({{.*}} = %[[C256]], {{.*}} = %[[C1]], {{.*}} = %[[C1]]) {
// CHECK-NOT: dynamic_shared_memory
// CHECK: %[[LANE:.*]] = arith.remui %[[TX]], %[[C32]] : index
// CHECK: %[[WARP:.*]] = arith.divui %[[TX]], %[[C32]] : index
// CHECK: %[[LIVE:.*]] = arith.cmpi ult, %[[WARP]], %[[C4]] : index
// CHECK: scf.if %[[LIVE]] {
// CHECK-NOT: scf.for
// CHECK: %[[COL:.*]] = arith.muli %[[LANE]], %[[C4]] : index
// CHECK: %[[IDX:.*]] = arith.addi %{{.*}}, %[[COL]] : index
// CHECK: vector.load %{{.*}}[%[[IDX]]] {alignment = 16 : i64} : memref<512xf32>, vector<4xf32>
// CHECK-COUNT-4: vector.extract
// CHECK-COUNT-3: arith.maximumf
// CHECK-NEXT: gpu.shuffle  xor {{.*}}, %c16_i32, %c32_i32 : f32
// CHECK-NEXT: arith.maximumf
// CHECK: gpu.shuffle  xor {{.*}}, %c1_i32, %c32_i32 : f32
// CHECK-NEXT: %[[MAX:.*]] = arith.maximumf
// CHECK: arith.subf {{.*}}, %[[MAX]] : f32
// CHECK-NEXT: math.exp
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK-COUNT-4: arith.divf
// CHECK-NEXT: %[[Y:.*]] = vector.from_elements
// CHECK-NEXT: vector.store %[[Y]], %{{.*}}[%[[IDX]]] {alignment = 16 : i64} : memref<512xf32>, vector<4xf32>
// CHECK-NOT: gpu.barrier
// CHECK-NOT: llvm.inline_asm
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor %{{.*}} restrict writable : memref<4x128xf32> to tensor<4x128xf32>

// log_softmax: (x - max) - log(sum).
// CHECK: func.func private @[[LSM]](
// CHECK: gpu.launch
// CHECK-COUNT-10: gpu.shuffle  xor
// CHECK: %[[LOG:.*]] = math.log
// CHECK: arith.subf {{.*}}, %[[LOG]] : f32
// CHECK: vector.store
