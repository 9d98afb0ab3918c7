// DlcToLinalg of dlc.where: arith.select on the i1 condition, all three operands broadcast; f16 values
// are selected as they are (no widening).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>

// CHECK-LABEL: func.func @where(
// CHECK: call @[[W0:__dlc_where_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: call @[[W1:__dlc_where_[0-9]+]](%arg0, %arg3, %arg3) : (tensor<3xi1>, tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
// CHECK: call @[[W2:__dlc_where_[0-9]+]](%arg4, %arg5, %arg5) : (tensor<?xi1>, tensor<?xi32>, tensor<?xi32>) -> tensor<?xi32>
func.func @where(%c: tensor<3xi1>, %a: tensor<2x3xf32>, %s: tensor<f32>, %h: tensor<2x3xf16>, %d: tensor<?xi1>, %i: tensor<?xi32>) {
  %0 = "dlc.where"(%c, %a, %s) : (tensor<3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = "dlc.where"(%c, %h, %h) : (tensor<3xi1>, tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  %2 = "dlc.where"(%d, %i, %i) : (tensor<?xi1>, tensor<?xi32>, tensor<?xi32>) -> tensor<?xi32>
  return
}

// CHECK: func.func private @[[W0]](%[[C:.*]]: tensor<3xi1>, %[[A:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<f32>) -> tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ROW]], #[[ID2]], #[[SCALAR]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[C]], %[[A]], %[[S]] : tensor<3xi1>, tensor<2x3xf32>, tensor<f32>)
// CHECK-NEXT: ^bb0(%[[X0:[^:]+]]: i1, %[[X1:[^:]+]]: f32, %[[X2:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.select %[[X0]], %[[X1]], %[[X2]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[W1]](
// CHECK: ^bb0(%[[X0:[^:]+]]: i1, %[[X1:[^:]+]]: f16, %[[X2:[^:]+]]: f16, %{{[^:]+}}: f16):
// CHECK-NEXT: %[[V:.*]] = arith.select %[[X0]], %[[X1]], %[[X2]] : f16
// CHECK-NEXT: linalg.yield %[[V]] : f16

// CHECK: func.func private @[[W2]](%[[C:.*]]: tensor<?xi1>, %{{.*}}: tensor<?xi32>, %{{.*}}: tensor<?xi32>) -> tensor<?xi32>
// CHECK: %[[D:.*]] = tensor.dim %[[C]], %{{.*}} : tensor<?xi1>
// CHECK: tensor.empty(%[[D]]) : tensor<?xi32>
// CHECK: arith.select %{{.*}}, %{{.*}}, %{{.*}} : i32
