// DlcToLinalg with dynamic dims: each dynamic result dim is read with tensor.dim from an operand that
// is not broadcast in that dim and passed to tensor.empty; a dynamic result dim over static operands
// uses an index constant; a static result over dynamic operands needs no dims.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[COL0:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW0:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[ID1:.*]] = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @dynamic(
func.func @dynamic(%a: tensor<?x4xf32>, %b: tensor<4xf32>, %c: tensor<?x1xf32>, %d: tensor<1x?xf32>, %e: tensor<4xf32>) {
  // CHECK: call @[[ADD:__dlc_add_[0-9]+]](%arg0, %arg1) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %0 = "dlc.add"(%a, %b) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  // CHECK: call @[[MUL:__dlc_mul_[0-9]+]](%arg2, %arg3) : (tensor<?x1xf32>, tensor<1x?xf32>) -> tensor<?x?xf32>
  %1 = "dlc.mul"(%c, %d) : (tensor<?x1xf32>, tensor<1x?xf32>) -> tensor<?x?xf32>
  // CHECK: call @[[EXP:__dlc_exp_[0-9]+]](%arg4) : (tensor<4xf32>) -> tensor<?xf32>
  %2 = "dlc.exp"(%e) : (tensor<4xf32>) -> tensor<?xf32>
  // CHECK: call @[[SUB:__dlc_sub_[0-9]+]](%arg0, %arg0) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<3x4xf32>
  %3 = "dlc.sub"(%a, %a) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<3x4xf32>
  return
}

// CHECK: func.func private @[[ADD]](%[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<4xf32>) -> tensor<?x4xf32>
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[D0:.*]] = tensor.dim %[[A]], %[[C0]] : tensor<?x4xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[D0]]) : tensor<?x4xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID2]], #[[ROW]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<?x4xf32>, tensor<4xf32>) outs(%[[INIT]] : tensor<?x4xf32>)

// Dim 0 comes from c (d broadcasts there), dim 1 from d.
// CHECK: func.func private @[[MUL]](%[[C:.*]]: tensor<?x1xf32>, %[[D:.*]]: tensor<1x?xf32>) -> tensor<?x?xf32>
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[D0:.*]] = tensor.dim %[[C]], %[[C0]] : tensor<?x1xf32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[D1:.*]] = tensor.dim %[[D]], %[[C1]] : tensor<1x?xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[COL0]], #[[ROW0]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[C]], %[[D]] : tensor<?x1xf32>, tensor<1x?xf32>) outs(%[[INIT]] : tensor<?x?xf32>)

// CHECK: func.func private @[[EXP]](%[[E:.*]]: tensor<4xf32>) -> tensor<?xf32>
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[C4]]) : tensor<?xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[E]] : tensor<4xf32>) outs(%[[INIT]] : tensor<?xf32>)

// CHECK: func.func private @[[SUB]](%{{.*}}: tensor<?x4xf32>, %{{.*}}: tensor<?x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x4xf32>
// CHECK-NEXT: linalg.generic {{.*}} outs(%[[INIT]] : tensor<3x4xf32>)
