// DlcToLinalg expresses numpy broadcasting in the indexing maps: operands are right-aligned with the
// result, a static size-1 dim that the result does not have reads index 0, missing leading dims are
// dropped from the map, and rank-0 operands get an empty map.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[A_4X1X3:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[B_2X1:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[LAST3:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-DAG: #[[SCALAR2:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[RANK0:.*]] = affine_map<() -> ()>

// CHECK-LABEL: func.func @broadcasts(
func.func @broadcasts(%a: tensor<4x1x3xf32>, %b: tensor<2x1xf32>, %c: tensor<3xf32>, %s: tensor<f32>, %o: tensor<1x1xf32>) {
  // CHECK: call @[[ADD:__dlc_add_[0-9]+]](%arg0, %arg1) : (tensor<4x1x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>
  %0 = "dlc.add"(%a, %b) : (tensor<4x1x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>
  // CHECK: call @[[MUL:__dlc_mul_[0-9]+]](%arg2, %arg0) : (tensor<3xf32>, tensor<4x1x3xf32>) -> tensor<4x1x3xf32>
  %1 = "dlc.mul"(%c, %a) : (tensor<3xf32>, tensor<4x1x3xf32>) -> tensor<4x1x3xf32>
  // CHECK: call @[[SUB:__dlc_sub_[0-9]+]](%arg3, %arg1) : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  %2 = "dlc.sub"(%s, %b) : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  // CHECK: call @[[MAX:__dlc_max_[0-9]+]](%arg4, %arg4) : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  %3 = "dlc.max"(%o, %o) : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  // CHECK: call @[[NEG:__dlc_neg_[0-9]+]](%arg3) : (tensor<f32>) -> tensor<f32>
  %4 = "dlc.neg"(%s) : (tensor<f32>) -> tensor<f32>
  return
}

// 4x1x3 + 2x1 -> 4x2x3: a's dim 1 and b's dim 1 broadcast.
// CHECK: func.func private @[[ADD]](%[[A:.*]]: tensor<4x1x3xf32>, %[[B:.*]]: tensor<2x1xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[A_4X1X3]], #[[B_2X1]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<4x1x3xf32>, tensor<2x1xf32>) outs(%[[INIT]] : tensor<4x2x3xf32>)
// CHECK: arith.addf

// 3 * 4x1x3 -> 4x1x3: the size-1 dim of the result is not a broadcast.
// CHECK: func.func private @[[MUL]](
// CHECK: linalg.generic {indexing_maps = [#[[LAST3]], #[[ID3]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK: arith.mulf

// scalar - 2x1
// CHECK: func.func private @[[SUB]](
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR2]], #[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK: arith.subf

// 1x1 max 1x1 -> 1x1: identity maps.
// CHECK: func.func private @[[MAX]](
// CHECK: linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK: arith.maximumf

// rank 0: no loops.
// CHECK: func.func private @[[NEG]](%[[S:.*]]: tensor<f32>) -> tensor<f32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<f32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[RANK0]], #[[RANK0]]], iterator_types = []} ins(%[[S]] : tensor<f32>) outs(%[[INIT]] : tensor<f32>)
// CHECK: arith.negf
