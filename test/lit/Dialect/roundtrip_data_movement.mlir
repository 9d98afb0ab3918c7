// Round trip of the data-movement ops: transpose, reshape, concat (binary; n-ary is a chain), slice,
// gather.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @transposes(
// CHECK-NEXT: %0 = "dlc.transpose"(%arg0) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %1 = "dlc.transpose"(%arg0) {perm = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %2 = "dlc.transpose"(%arg1) {perm = array<i64: 1, 0>} : (tensor<?x8xi64>) -> tensor<8x?xi64>
// CHECK-NEXT: return
func.func @transposes(%x: tensor<2x3x4xf32>, %d: tensor<?x8xi64>) {
  %0 = "dlc.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = "dlc.transpose"(%x) {perm = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %2 = "dlc.transpose"(%d) {perm = array<i64: 1, 0>} : (tensor<?x8xi64>) -> tensor<8x?xi64>
  return
}

// CHECK-LABEL: func.func @reshapes(
// CHECK-NEXT: %0 = "dlc.reshape"(%arg0) : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-NEXT: %1 = "dlc.reshape"(%arg0) : (tensor<2x3x4xf32>) -> tensor<24xf32>
// CHECK-NEXT: %2 = "dlc.reshape"(%arg0) : (tensor<2x3x4xf32>) -> tensor<?x12xf32>
// CHECK-NEXT: %3 = "dlc.reshape"(%arg1) : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
// CHECK-NEXT: %4 = "dlc.reshape"(%arg0) : (tensor<2x3x4xf32>) -> tensor<1x24x1xf32>
// CHECK-NEXT: return
func.func @reshapes(%x: tensor<2x3x4xf32>, %d: tensor<?x4xf32>) {
  %0 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %2 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<?x12xf32>
  %3 = "dlc.reshape"(%d) : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
  %4 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<1x24x1xf32>
  return
}

// CHECK-LABEL: func.func @concats(
// CHECK-NEXT: %0 = "dlc.concat"(%arg0, %arg1) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %1 = "dlc.concat"(%arg0, %arg2) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
// CHECK-NEXT: %2 = "dlc.concat"(%1, %arg0) {axis = -2 : i64} : (tensor<6x3xf32>, tensor<2x3xf32>) -> tensor<8x3xf32>
// CHECK-NEXT: %3 = "dlc.concat"(%arg0, %arg3) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
// CHECK-NEXT: %4 = "dlc.concat"(%arg4, %arg4) {axis = 2 : i64} : (tensor<1x2x2xi32>, tensor<1x2x2xi32>) -> tensor<1x2x4xi32>
// CHECK-NEXT: return
func.func @concats(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>, %c: tensor<4x3xf32>, %d: tensor<?x3xf32>, %i: tensor<1x2x2xi32>) {
  %0 = "dlc.concat"(%a, %b) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %1 = "dlc.concat"(%a, %c) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
  %2 = "dlc.concat"(%1, %a) {axis = -2 : i64} : (tensor<6x3xf32>, tensor<2x3xf32>) -> tensor<8x3xf32>
  %3 = "dlc.concat"(%a, %d) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  %4 = "dlc.concat"(%i, %i) {axis = 2 : i64} : (tensor<1x2x2xi32>, tensor<1x2x2xi32>) -> tensor<1x2x4xi32>
  return
}

// CHECK-LABEL: func.func @slices(
// CHECK-NEXT: %0 = "dlc.slice"(%arg0) {ends = array<i64: 5, 20>, starts = array<i64: 0, 10>} : (tensor<10x20xf32>) -> tensor<5x10xf32>
// CHECK-NEXT: %1 = "dlc.slice"(%arg0) {ends = array<i64: 10, 20>, starts = array<i64: 1, 0>, steps = array<i64: 2, 3>} : (tensor<10x20xf32>) -> tensor<5x7xf32>
// CHECK-NEXT: %2 = "dlc.slice"(%arg0) {ends = array<i64: -1, 9223372036854775807>, starts = array<i64: -3, -5>} : (tensor<10x20xf32>) -> tensor<2x5xf32>
// CHECK-NEXT: %3 = "dlc.slice"(%arg1) {ends = array<i64: 4, 8>, starts = array<i64: 0, 4>} : (tensor<?x8xf32>) -> tensor<?x4xf32>
// CHECK-NEXT: return
func.func @slices(%x: tensor<10x20xf32>, %d: tensor<?x8xf32>) {
  %0 = "dlc.slice"(%x) {ends = array<i64: 5, 20>, starts = array<i64: 0, 10>} : (tensor<10x20xf32>) -> tensor<5x10xf32>
  %1 = "dlc.slice"(%x) {ends = array<i64: 10, 20>, starts = array<i64: 1, 0>, steps = array<i64: 2, 3>} : (tensor<10x20xf32>) -> tensor<5x7xf32>
  %2 = "dlc.slice"(%x) {ends = array<i64: -1, 9223372036854775807>, starts = array<i64: -3, -5>} : (tensor<10x20xf32>) -> tensor<2x5xf32>
  %3 = "dlc.slice"(%d) {ends = array<i64: 4, 8>, starts = array<i64: 0, 4>} : (tensor<?x8xf32>) -> tensor<?x4xf32>
  return
}

// CHECK-LABEL: func.func @gathers(
// CHECK-NEXT: %0 = "dlc.gather"(%arg0, %arg1) : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
// CHECK-NEXT: %1 = "dlc.gather"(%arg0, %arg2) {axis = 1 : i64} : (tensor<5x4xf32>, tensor<2x2xi32>) -> tensor<5x2x2xf32>
// CHECK-NEXT: %2 = "dlc.gather"(%arg0, %arg1) {axis = -2 : i64} : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
// CHECK-NEXT: return
func.func @gathers(%x: tensor<5x4xf32>, %i: tensor<3xi64>, %j: tensor<2x2xi32>) {
  %0 = "dlc.gather"(%x, %i) : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  %1 = "dlc.gather"(%x, %j) {axis = 1 : i64} : (tensor<5x4xf32>, tensor<2x2xi32>) -> tensor<5x2x2xf32>
  %2 = "dlc.gather"(%x, %i) {axis = -2 : i64} : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  return
}
