// Round trip of the rounding, trigonometric, logical, softplus, mod, shape (dim, fill, range,
// expand, reshape with runtime dims), tile, pad, trilu and argmax/argmin ops.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @unary_more(
// CHECK-NEXT: %0 = "dlc.floor"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.ceil"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = "dlc.round"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = "dlc.sign"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %4 = "dlc.sign"(%arg1) : (tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %5 = "dlc.sin"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = "dlc.cos"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %7 = "dlc.not"(%arg2) : (tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %8 = "dlc.softplus"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
func.func @unary_more(%x: tensor<2x3xf32>, %i: tensor<4xi32>, %p: tensor<4xi1>) {
  %0 = "dlc.floor"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "dlc.ceil"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "dlc.round"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "dlc.sign"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = "dlc.sign"(%i) : (tensor<4xi32>) -> tensor<4xi32>
  %5 = "dlc.sin"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = "dlc.cos"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = "dlc.not"(%p) : (tensor<4xi1>) -> tensor<4xi1>
  %8 = "dlc.softplus"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @binary_more(
// CHECK-NEXT: %0 = "dlc.and"(%arg0, %arg1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
// CHECK-NEXT: %1 = "dlc.or"(%arg0, %arg0) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
// CHECK-NEXT: %2 = "dlc.xor"(%arg1, %arg0) : (tensor<4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
// CHECK-NEXT: %3 = "dlc.mod"(%arg2, %arg2) : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %4 = "dlc.mod"(%arg3, %arg3) {fmod = true} : (tensor<2x4xi64>, tensor<2x4xi64>) -> tensor<2x4xi64>
// CHECK-NEXT: return
func.func @binary_more(%p: tensor<2x4xi1>, %q: tensor<4xi1>, %a: tensor<2x4xf32>, %i: tensor<2x4xi64>) {
  %0 = "dlc.and"(%p, %q) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  %1 = "dlc.or"(%p, %p) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  %2 = "dlc.xor"(%q, %p) : (tensor<4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  %3 = "dlc.mod"(%a, %a) : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  %4 = "dlc.mod"(%i, %i) {fmod = true} : (tensor<2x4xi64>, tensor<2x4xi64>) -> tensor<2x4xi64>
  return
}

// CHECK-LABEL: func.func @shape_ops(
// CHECK-NEXT: %0 = "dlc.dim"(%arg0) {axis = 0 : i64} : (tensor<?x8xf32>) -> tensor<i64>
// CHECK-NEXT: %1 = "dlc.dim"(%arg0) {axis = -1 : i64} : (tensor<?x8xf32>) -> tensor<i64>
// CHECK-NEXT: %2 = "dlc.fill"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<2x3xf32>
// CHECK-NEXT: %3 = "dlc.fill"(%0) {value = dense<1> : tensor<i64>} : (tensor<i64>) -> tensor<?x4xi64>
// CHECK-NEXT: %4 = "dlc.range"(%arg1, %arg2, %arg3) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
// CHECK-NEXT: %5 = "dlc.range"(%arg4, %arg4, %arg4) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
// CHECK-NEXT: %6 = "dlc.reshape"(%arg0, %0) : (tensor<?x8xf32>, tensor<i64>) -> tensor<?x2x4xf32>
// CHECK-NEXT: %7 = "dlc.expand"(%arg0, %0) : (tensor<?x8xf32>, tensor<i64>) -> tensor<3x?x8xf32>
// CHECK-NEXT: %8 = "dlc.expand"(%arg4) : (tensor<f32>) -> tensor<2x2xf32>
// CHECK-NEXT: return
func.func @shape_ops(%x: tensor<?x8xf32>, %s: tensor<i64>, %l: tensor<i64>, %d: tensor<i64>, %f: tensor<f32>) {
  %0 = "dlc.dim"(%x) {axis = 0 : i64} : (tensor<?x8xf32>) -> tensor<i64>
  %1 = "dlc.dim"(%x) {axis = -1 : i64} : (tensor<?x8xf32>) -> tensor<i64>
  %2 = "dlc.fill"() {value = dense<0.0> : tensor<f32>} : () -> tensor<2x3xf32>
  %3 = "dlc.fill"(%0) {value = dense<1> : tensor<i64>} : (tensor<i64>) -> tensor<?x4xi64>
  %4 = "dlc.range"(%s, %l, %d) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %5 = "dlc.range"(%f, %f, %f) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %6 = "dlc.reshape"(%x, %0) : (tensor<?x8xf32>, tensor<i64>) -> tensor<?x2x4xf32>
  %7 = "dlc.expand"(%x, %0) : (tensor<?x8xf32>, tensor<i64>) -> tensor<3x?x8xf32>
  %8 = "dlc.expand"(%f) : (tensor<f32>) -> tensor<2x2xf32>
  return
}

// CHECK-LABEL: func.func @data_more(
// CHECK-NEXT: %0 = "dlc.tile"(%arg0) {repeats = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<4x9xf32>
// CHECK-NEXT: %1 = "dlc.pad"(%arg0) {pads = array<i64: 1, 0, 1, 2>} : (tensor<2x3xf32>) -> tensor<4x5xf32>
// CHECK-NEXT: %2 = "dlc.pad"(%arg0) {mode = "reflect", pads = array<i64: 0, 1, 0, 1>} : (tensor<2x3xf32>) -> tensor<2x5xf32>
// CHECK-NEXT: %3 = "dlc.pad"(%arg0) {mode = "constant", pads = array<i64: 0, 0, 0, 1>, value = 2.500000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %4 = "dlc.trilu"(%arg1) : (tensor<4x4xf32>) -> tensor<4x4xf32>
// CHECK-NEXT: %5 = "dlc.trilu"(%arg1) {k = -1 : i64, upper = false} : (tensor<4x4xf32>) -> tensor<4x4xf32>
// CHECK-NEXT: %6 = "dlc.argmax"(%arg0) : (tensor<2x3xf32>) -> tensor<1x3xi64>
// CHECK-NEXT: %7 = "dlc.argmin"(%arg0) {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<2x3xf32>) -> tensor<2xi64>
// CHECK-NEXT: return
func.func @data_more(%x: tensor<2x3xf32>, %m: tensor<4x4xf32>) {
  %0 = "dlc.tile"(%x) {repeats = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<4x9xf32>
  %1 = "dlc.pad"(%x) {pads = array<i64: 1, 0, 1, 2>} : (tensor<2x3xf32>) -> tensor<4x5xf32>
  %2 = "dlc.pad"(%x) {mode = "reflect", pads = array<i64: 0, 1, 0, 1>} : (tensor<2x3xf32>) -> tensor<2x5xf32>
  %3 = "dlc.pad"(%x) {mode = "constant", pads = array<i64: 0, 0, 0, 1>, value = 2.500000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x4xf32>
  %4 = "dlc.trilu"(%m) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %5 = "dlc.trilu"(%m) {k = -1 : i64, upper = false} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %6 = "dlc.argmax"(%x) : (tensor<2x3xf32>) -> tensor<1x3xi64>
  %7 = "dlc.argmin"(%x) {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<2x3xf32>) -> tensor<2xi64>
  return
}
