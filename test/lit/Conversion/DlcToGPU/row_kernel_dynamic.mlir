// Row kernels (emit_row_kernel.c) with a dynamic row count: the rows come from memref.dim of the
// input at run time, the grid is ceil(rows / 8) warps-per-row blocks, the output is allocated with
// the same dynamic size, and no kernel is launched for zero rows (CUDA rejects an empty grid).
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @softmax_rows(
// CHECK: call @[[SM:__dlc_gpu_softmax[_0-9]*]](%arg0) : (tensor<?x64xf32>) -> tensor<?x64xf32>
func.func @softmax_rows(%a: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}

// Two dynamic leading dims: rows = d0 * d1; the per-row result keeps both.
// CHECK-LABEL: func.func @mean_rows(
// CHECK: call @[[MEAN:__dlc_gpu_reduce[_0-9]*]](%arg0) : (tensor<?x?x64xf32>) -> tensor<?x?x1xf32>
func.func @mean_rows(%a: tensor<?x?x64xf32>) -> tensor<?x?x1xf32> {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 2>, kind = "mean", keepdims = true} : (tensor<?x?x64xf32>) -> tensor<?x?x1xf32>
  return %0 : tensor<?x?x1xf32>
}

// CHECK: func.func private @[[SM]](
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C7:.*]] = arith.constant 7 : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[ROWS:.*]] = tensor.dim %arg0, %[[C0]] : tensor<?x64xf32>
// CHECK: %[[OUT:.*]] = memref.alloc(%[[ROWS]]) : memref<?x64xf32>
// CHECK: memref.collapse_shape %[[OUT]] {{\[}}[0, 1]] : memref<?x64xf32> into memref<?xf32>
// CHECK: %[[ANY:.*]] = arith.cmpi ugt, %[[ROWS]], %[[C0]] : index
// CHECK: scf.if %[[ANY]] {
// CHECK-NEXT: %[[R7:.*]] = arith.addi %[[ROWS]], %[[C7]] : index
// CHECK-NEXT: %[[GRID:.*]] = arith.divui %[[R7]], %[[C8]] : index
// CHECK-NEXT: gpu.launch blocks({{.*}}) in ({{.*}} = %[[GRID]],
// CHECK: %[[ROW:.*]] = arith.addi
// CHECK: arith.cmpi ult, %[[ROW]], %[[ROWS]] : index
// CHECK: gpu.shuffle

// CHECK: func.func private @[[MEAN]](
// CHECK-DAG: %[[D0:.*]] = tensor.dim %arg0, %c0
// CHECK-DAG: %[[D1:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[R:.*]] = arith.muli %[[D0]], %[[D1]] : index
// CHECK: memref.alloc(%[[D0]], %[[D1]]) : memref<?x?x1xf32>
// CHECK: arith.cmpi ugt, %[[R]], %c0 : index
// CHECK: gpu.launch
