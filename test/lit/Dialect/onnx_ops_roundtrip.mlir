// Round trip of the ops added for the ONNX importer: shape ops with runtime dims (dim, reshape with
// dims, fill, range, expand), tile, pad, trilu, argmax/argmin and the new elementwise ops, with
// dynamic dims, through print and re-parse in MLIR's generic form.
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @shape_ops(
func.func @shape_ops(%x: tensor<2x?x4xf32>, %n: tensor<i64>, %s: tensor<f32>, %i: tensor<i32>)
    -> (tensor<?x8x?xf32>, tensor<?x2xf32>, tensor<3x?xf32>, tensor<?xi1>, tensor<?xf32>, tensor<5xi32>, tensor<?x2x?x4xf32>,
        tensor<2x?x4xf32>) {
  // CHECK: %[[D:.*]] = "dlc.dim"(%arg0) {axis = 1 : i64} : (tensor<2x?x4xf32>) -> tensor<i64>
  %d = "dlc.dim"(%x) {axis = 1 : i64} : (tensor<2x?x4xf32>) -> tensor<i64>
  // CHECK: "dlc.reshape"(%arg0, %[[D]], %arg1) : (tensor<2x?x4xf32>, tensor<i64>, tensor<i64>) -> tensor<?x8x?xf32>
  %0 = "dlc.reshape"(%x, %d, %n) : (tensor<2x?x4xf32>, tensor<i64>, tensor<i64>) -> tensor<?x8x?xf32>
  // CHECK: "dlc.reshape"(%arg0) : (tensor<2x?x4xf32>) -> tensor<?x2xf32>
  %1 = "dlc.reshape"(%x) : (tensor<2x?x4xf32>) -> tensor<?x2xf32>
  // CHECK: "dlc.fill"(%[[D]]) {value = dense<1.500000e+00> : tensor<f32>} : (tensor<i64>) -> tensor<3x?xf32>
  %2 = "dlc.fill"(%d) {value = dense<1.5> : tensor<f32>} : (tensor<i64>) -> tensor<3x?xf32>
  // CHECK: "dlc.fill"(%arg1) {value = dense<true> : tensor<1xi1>} : (tensor<i64>) -> tensor<?xi1>
  %3 = "dlc.fill"(%n) {value = dense<true> : tensor<1xi1>} : (tensor<i64>) -> tensor<?xi1>
  // CHECK: "dlc.range"(%arg2, %arg2, %arg2) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %4 = "dlc.range"(%s, %s, %s) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // CHECK: "dlc.range"(%arg3, %arg3, %arg3) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<5xi32>
  %5 = "dlc.range"(%i, %i, %i) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<5xi32>
  // CHECK: "dlc.expand"(%arg0, %arg1, %[[D]]) : (tensor<2x?x4xf32>, tensor<i64>, tensor<i64>) -> tensor<?x2x?x4xf32>
  %6 = "dlc.expand"(%x, %n, %d) : (tensor<2x?x4xf32>, tensor<i64>, tensor<i64>) -> tensor<?x2x?x4xf32>
  // CHECK: "dlc.expand"(%arg0, %[[D]]) : (tensor<2x?x4xf32>, tensor<i64>) -> tensor<2x?x4xf32>
  %7 = "dlc.expand"(%x, %d) : (tensor<2x?x4xf32>, tensor<i64>) -> tensor<2x?x4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<?x8x?xf32>, tensor<?x2xf32>, tensor<3x?xf32>, tensor<?xi1>, tensor<?xf32>,
      tensor<5xi32>, tensor<?x2x?x4xf32>, tensor<2x?x4xf32>
}

// CHECK-LABEL: func.func @layout_ops(
func.func @layout_ops(%x: tensor<?x4xf32>, %i: tensor<2x3xi64>)
    -> (tensor<?x12xf32>, tensor<?x3xf32>, tensor<2x6xi64>, tensor<3x3xi64>, tensor<?x4xf32>, tensor<?x4xf32>) {
  // CHECK: "dlc.tile"(%arg0) {repeats = array<i64: 2, 3>} : (tensor<?x4xf32>) -> tensor<?x12xf32>
  %0 = "dlc.tile"(%x) {repeats = array<i64: 2, 3>} : (tensor<?x4xf32>) -> tensor<?x12xf32>
  // CHECK: "dlc.pad"(%arg0) {mode = "constant", pads = array<i64: 1, -1, 0, 0>, value = 1.500000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x3xf32>
  %1 = "dlc.pad"(%x) {pads = array<i64: 1, -1, 0, 0>, mode = "constant", value = 1.5 : f32} : (tensor<?x4xf32>) -> tensor<?x3xf32>
  // CHECK: "dlc.pad"(%arg1) {mode = "reflect", pads = array<i64: 0, 2, 0, 1>} : (tensor<2x3xi64>) -> tensor<2x6xi64>
  %2 = "dlc.pad"(%i) {pads = array<i64: 0, 2, 0, 1>, mode = "reflect"} : (tensor<2x3xi64>) -> tensor<2x6xi64>
  // CHECK: "dlc.pad"(%arg1) {mode = "edge", pads = array<i64: 1, 0, 0, 0>} : (tensor<2x3xi64>) -> tensor<3x3xi64>
  %3 = "dlc.pad"(%i) {pads = array<i64: 1, 0, 0, 0>, mode = "edge"} : (tensor<2x3xi64>) -> tensor<3x3xi64>
  // CHECK: "dlc.trilu"(%arg0) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %4 = "dlc.trilu"(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: "dlc.trilu"(%arg0) {k = -1 : i64, upper = false} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %5 = "dlc.trilu"(%x) {upper = false, k = -1 : i64} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<?x12xf32>, tensor<?x3xf32>, tensor<2x6xi64>, tensor<3x3xi64>, tensor<?x4xf32>,
      tensor<?x4xf32>
}

// CHECK-LABEL: func.func @arg_reduce(
func.func @arg_reduce(%x: tensor<?x4x5xf32>, %i: tensor<2x4xi32>)
    -> (tensor<1x4x5xi64>, tensor<?x4xi64>, tensor<?x5xi64>, tensor<4xi64>) {
  // CHECK: "dlc.argmax"(%arg0) : (tensor<?x4x5xf32>) -> tensor<1x4x5xi64>
  %0 = "dlc.argmax"(%x) : (tensor<?x4x5xf32>) -> tensor<1x4x5xi64>
  // CHECK: "dlc.argmax"(%arg0) {axis = -1 : i64, keepdims = false, select_last_index = true} : (tensor<?x4x5xf32>) -> tensor<?x4xi64>
  %1 = "dlc.argmax"(%x) {axis = -1 : i64, keepdims = false, select_last_index = true} : (tensor<?x4x5xf32>) -> tensor<?x4xi64>
  // CHECK: "dlc.argmin"(%arg0) {axis = 1 : i64, keepdims = false} : (tensor<?x4x5xf32>) -> tensor<?x5xi64>
  %2 = "dlc.argmin"(%x) {axis = 1 : i64, keepdims = false} : (tensor<?x4x5xf32>) -> tensor<?x5xi64>
  // CHECK: "dlc.argmin"(%arg1) {keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi64>
  %3 = "dlc.argmin"(%i) {keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi64>
  return %0, %1, %2, %3 : tensor<1x4x5xi64>, tensor<?x4xi64>, tensor<?x5xi64>, tensor<4xi64>
}

// CHECK-LABEL: func.func @elementwise(
func.func @elementwise(%x: tensor<?x8xf32>, %b: tensor<2x4xi1>, %c: tensor<4xi1>, %i: tensor<?x4xi32>, %j: tensor<4xi32>) {
  // CHECK: "dlc.floor"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %0 = "dlc.floor"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.ceil"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %1 = "dlc.ceil"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.round"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %2 = "dlc.round"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.sign"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %3 = "dlc.sign"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.sign"(%arg3) : (tensor<?x4xi32>) -> tensor<?x4xi32>
  %4 = "dlc.sign"(%i) : (tensor<?x4xi32>) -> tensor<?x4xi32>
  // CHECK: "dlc.sin"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %5 = "dlc.sin"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.cos"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %6 = "dlc.cos"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.softplus"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %7 = "dlc.softplus"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  // CHECK: "dlc.not"(%arg1) : (tensor<2x4xi1>) -> tensor<2x4xi1>
  %8 = "dlc.not"(%b) : (tensor<2x4xi1>) -> tensor<2x4xi1>
  // CHECK: "dlc.and"(%arg1, %arg2) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  %9 = "dlc.and"(%b, %c) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  // CHECK: "dlc.or"(%arg2, %arg1) : (tensor<4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  %10 = "dlc.or"(%c, %b) : (tensor<4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  // CHECK: "dlc.xor"(%arg1, %arg1) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  %11 = "dlc.xor"(%b, %b) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  // CHECK: "dlc.mod"(%arg3, %arg4) : (tensor<?x4xi32>, tensor<4xi32>) -> tensor<?x4xi32>
  %12 = "dlc.mod"(%i, %j) : (tensor<?x4xi32>, tensor<4xi32>) -> tensor<?x4xi32>
  // CHECK: "dlc.mod"(%arg0, %arg0) {fmod = true} : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  %13 = "dlc.mod"(%x, %x) {fmod = true} : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  return
}
