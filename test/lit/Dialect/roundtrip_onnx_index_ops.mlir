// Round trip of the ONNX indexing and scan ops: dlc.gather_elements, dlc.scatter_elements (every
// reduction), dlc.cumsum (exclusive, reverse) and dlc.trilu with its runtime k operand, with dynamic
// dims, through print and re-parse in MLIR's generic form.
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @gather_elements(
func.func @gather_elements(%x: tensor<3x?xf32>, %i: tensor<2x?xi64>, %j: tensor<3x5xi32>, %k: tensor<?x2xi64>)
    -> (tensor<2x?xf32>, tensor<3x5xf32>, tensor<?x2xf32>) {
  // CHECK: "dlc.gather_elements"(%arg0, %arg1) : (tensor<3x?xf32>, tensor<2x?xi64>) -> tensor<2x?xf32>
  %0 = "dlc.gather_elements"(%x, %i) : (tensor<3x?xf32>, tensor<2x?xi64>) -> tensor<2x?xf32>
  // CHECK: "dlc.gather_elements"(%arg0, %arg2) {axis = -1 : i64} : (tensor<3x?xf32>, tensor<3x5xi32>) -> tensor<3x5xf32>
  %1 = "dlc.gather_elements"(%x, %j) {axis = -1 : i64} : (tensor<3x?xf32>, tensor<3x5xi32>) -> tensor<3x5xf32>
  // CHECK: "dlc.gather_elements"(%arg0, %arg3) {axis = 0 : i64} : (tensor<3x?xf32>, tensor<?x2xi64>) -> tensor<?x2xf32>
  %2 = "dlc.gather_elements"(%x, %k) {axis = 0 : i64} : (tensor<3x?xf32>, tensor<?x2xi64>) -> tensor<?x2xf32>
  return %0, %1, %2 : tensor<2x?xf32>, tensor<3x5xf32>, tensor<?x2xf32>
}

// CHECK-LABEL: func.func @scatter_elements(
func.func @scatter_elements(%x: tensor<?x4xf32>, %i: tensor<2x3xi64>, %u: tensor<2x3xf32>, %n: tensor<3x3xi32>,
                            %ni: tensor<1x3xi64>, %nu: tensor<1x3xi32>, %b: tensor<4xi1>, %bi: tensor<2xi64>,
                            %bu: tensor<2xi1>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>, tensor<3x3xi32>, tensor<3x3xi32>, tensor<4xi1>) {
  // CHECK: "dlc.scatter_elements"(%arg0, %arg1, %arg2) : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  %0 = "dlc.scatter_elements"(%x, %i, %u) : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  // CHECK: "dlc.scatter_elements"(%arg0, %arg1, %arg2) {axis = 1 : i64, reduction = "add"} : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  %1 = "dlc.scatter_elements"(%x, %i, %u) {axis = 1 : i64, reduction = "add"} : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  // CHECK: "dlc.scatter_elements"(%arg0, %arg1, %arg2) {axis = -2 : i64, reduction = "mul"} : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  %2 = "dlc.scatter_elements"(%x, %i, %u) {axis = -2 : i64, reduction = "mul"} : (tensor<?x4xf32>, tensor<2x3xi64>, tensor<2x3xf32>) -> tensor<?x4xf32>
  // CHECK: "dlc.scatter_elements"(%arg3, %arg4, %arg5) {reduction = "max"} : (tensor<3x3xi32>, tensor<1x3xi64>, tensor<1x3xi32>) -> tensor<3x3xi32>
  %3 = "dlc.scatter_elements"(%n, %ni, %nu) {reduction = "max"} : (tensor<3x3xi32>, tensor<1x3xi64>, tensor<1x3xi32>) -> tensor<3x3xi32>
  // CHECK: "dlc.scatter_elements"(%arg3, %arg4, %arg5) {reduction = "min"} : (tensor<3x3xi32>, tensor<1x3xi64>, tensor<1x3xi32>) -> tensor<3x3xi32>
  %4 = "dlc.scatter_elements"(%n, %ni, %nu) {reduction = "min"} : (tensor<3x3xi32>, tensor<1x3xi64>, tensor<1x3xi32>) -> tensor<3x3xi32>
  // CHECK: "dlc.scatter_elements"(%arg6, %arg7, %arg8) {reduction = "none"} : (tensor<4xi1>, tensor<2xi64>, tensor<2xi1>) -> tensor<4xi1>
  %5 = "dlc.scatter_elements"(%b, %bi, %bu) {reduction = "none"} : (tensor<4xi1>, tensor<2xi64>, tensor<2xi1>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4, %5 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>, tensor<3x3xi32>, tensor<3x3xi32>,
      tensor<4xi1>
}

// CHECK-LABEL: func.func @cumsum(
func.func @cumsum(%x: tensor<?x5xf32>, %i: tensor<7xi64>)
    -> (tensor<?x5xf32>, tensor<?x5xf32>, tensor<7xi64>) {
  // CHECK: "dlc.cumsum"(%arg0) {axis = 1 : i64} : (tensor<?x5xf32>) -> tensor<?x5xf32>
  %0 = "dlc.cumsum"(%x) {axis = 1 : i64} : (tensor<?x5xf32>) -> tensor<?x5xf32>
  // CHECK: "dlc.cumsum"(%arg0) {axis = -2 : i64, exclusive = true, reverse = true} : (tensor<?x5xf32>) -> tensor<?x5xf32>
  %1 = "dlc.cumsum"(%x) {axis = -2 : i64, exclusive = true, reverse = true} : (tensor<?x5xf32>) -> tensor<?x5xf32>
  // CHECK: "dlc.cumsum"(%arg1) {axis = 0 : i64, exclusive = false, reverse = true} : (tensor<7xi64>) -> tensor<7xi64>
  %2 = "dlc.cumsum"(%i) {axis = 0 : i64, reverse = true, exclusive = false} : (tensor<7xi64>) -> tensor<7xi64>
  return %0, %1, %2 : tensor<?x5xf32>, tensor<?x5xf32>, tensor<7xi64>
}

// CHECK-LABEL: func.func @trilu_k(
func.func @trilu_k(%x: tensor<?x4x5xf32>, %k: tensor<i64>) -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>) {
  // CHECK: "dlc.trilu"(%arg0, %arg1) : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  %0 = "dlc.trilu"(%x, %k) : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  // CHECK: "dlc.trilu"(%arg0, %arg1) {upper = false} : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  %1 = "dlc.trilu"(%x, %k) {upper = false} : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  return %0, %1 : tensor<?x4x5xf32>, tensor<?x4x5xf32>
}
