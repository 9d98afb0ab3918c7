// Row kernels (emit_row_kernel.c) for dlc.reduce over trailing axes: the kept leading dims are the
// rows, the reduced trailing dims (flattened) the row; keepdims or not, the result is one element per
// row, stored by the row's first lane. Reductions over a leading axis, and integer reductions, stay
// for the generic path.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @sum_last(
// CHECK: call @[[SUM:__dlc_gpu_reduce[_0-9]*]](%arg0) : (tensor<4x8x32xf32>) -> tensor<4x8xf32>
func.func @sum_last(%a: tensor<4x8x32xf32>) -> tensor<4x8xf32> {
  %0 = "dlc.reduce"(%a) {axes = array<i64: -1>, kind = "sum"} : (tensor<4x8x32xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @mean_two(
// CHECK: call @[[MEAN:__dlc_gpu_reduce[_0-9]*]](%arg0) : (tensor<4x8x32xf32>) -> tensor<4x1x1xf32>
func.func @mean_two(%a: tensor<4x8x32xf32>) -> tensor<4x1x1xf32> {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1, 2>, kind = "mean", keepdims = true} : (tensor<4x8x32xf32>) -> tensor<4x1x1xf32>
  return %0 : tensor<4x1x1xf32>
}

// CHECK-LABEL: func.func @max_min_prod(
// CHECK: call @[[MAX:__dlc_gpu_reduce[_0-9]*]](%arg0)
// CHECK: call @[[MIN:__dlc_gpu_reduce[_0-9]*]](%arg0)
// CHECK: call @[[PROD:__dlc_gpu_reduce[_0-9]*]](%arg0)
func.func @max_min_prod(%a: tensor<6x40xf32>) -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "max"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %1 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "min"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %2 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "prod"} : (tensor<6x40xf32>) -> tensor<6xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}

// Not handled: a leading axis, an axis set with a gap, an integer reduction.
// CHECK-LABEL: func.func @not_rows(
// CHECK-NEXT: "dlc.reduce"(%arg0) {axes = array<i64: 0>, kind = "sum"}
// CHECK-NEXT: "dlc.reduce"(%arg0) {axes = array<i64: 0, 2>, kind = "sum"}
// CHECK-NEXT: "dlc.reduce"(%arg1) {axes = array<i64: 1>, kind = "sum"}
// CHECK-NEXT: return
func.func @not_rows(%a: tensor<4x8x32xf32>, %i: tensor<4x8xi32>) -> (tensor<8x32xf32>, tensor<8xf32>, tensor<4xi32>) {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 0>, kind = "sum"} : (tensor<4x8x32xf32>) -> tensor<8x32xf32>
  %1 = "dlc.reduce"(%a) {axes = array<i64: 0, 2>, kind = "sum"} : (tensor<4x8x32xf32>) -> tensor<8xf32>
  %2 = "dlc.reduce"(%i) {axes = array<i64: 1>, kind = "sum"} : (tensor<4x8xi32>) -> tensor<4xi32>
  return %0, %1, %2 : tensor<8x32xf32>, tensor<8xf32>, tensor<4xi32>
}

// 32 rows of 32: 4 blocks of 8 warps, one register per lane; lane 0 stores the row's sum at [row].
// CHECK: func.func private @[[SUM]](
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: memref.alloc() : memref<4x8xf32>
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C4]],
// CHECK: %[[LANE:.*]] = arith.remui
// CHECK: %[[ROW:.*]] = arith.addi
// CHECK: scf.if
// CHECK-NOT: scf.for
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[LANE]], %c0 : index
// CHECK-NEXT: scf.if %[[FIRST]] {
// CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%[[ROW]]] : memref<32xf32>

// mean over 8x32 = 256 elements per row: a warp per row with 8 registers (two 16-byte loads per
// lane), divided by 256.
// CHECK: func.func private @[[MEAN]](
// CHECK: memref.alloc() : memref<4x1x1xf32>
// CHECK: gpu.launch
// CHECK-COUNT-2: vector.load
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: arith.divf %{{.*}}, %cst : f32

// 40 is not a multiple of 32: a strided loop over the row, starting from the neutral element.
// CHECK: func.func private @[[MAX]](
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[NINF]]) -> (f32)
// CHECK: arith.maximumf
// CHECK: func.func private @[[MIN]](
// CHECK: %[[PINF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[PINF]]) -> (f32)
// CHECK: arith.minimumf
// CHECK: func.func private @[[PROD]](
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ONE]]) -> (f32)
// CHECK: arith.mulf
