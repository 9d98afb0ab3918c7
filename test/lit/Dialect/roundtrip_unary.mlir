// Round trip of the 13 unary elementwise ops: f32, the integer forms of relu/neg/abs, f16/bf16/f64,
// dynamic dims and rank 0. The printer keeps the generic form and the gelu attribute.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @all_unary_f32(
// CHECK-NEXT: %0 = "dlc.relu"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.gelu"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = "dlc.silu"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = "dlc.sigmoid"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %4 = "dlc.tanh"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = "dlc.exp"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = "dlc.log"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %7 = "dlc.sqrt"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %8 = "dlc.rsqrt"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %9 = "dlc.erf"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %10 = "dlc.neg"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %11 = "dlc.abs"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %12 = "dlc.reciprocal"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
func.func @all_unary_f32(%x: tensor<2x3xf32>) {
  %0 = "dlc.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "dlc.gelu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "dlc.silu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "dlc.sigmoid"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = "dlc.tanh"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = "dlc.exp"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = "dlc.log"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = "dlc.sqrt"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = "dlc.rsqrt"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = "dlc.erf"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %10 = "dlc.neg"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %11 = "dlc.abs"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %12 = "dlc.reciprocal"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @gelu_approximate(
// CHECK-NEXT: %0 = "dlc.gelu"(%arg0) {approximate = "tanh"} : (tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT: %1 = "dlc.gelu"(%0) {approximate = "none"} : (tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT: return %1 : tensor<8xf32>
func.func @gelu_approximate(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = "dlc.gelu"(%x) {approximate = "tanh"} : (tensor<8xf32>) -> tensor<8xf32>
  %1 = "dlc.gelu"(%0) {approximate = "none"} : (tensor<8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}

// CHECK-LABEL: func.func @integer_forms(
// CHECK-NEXT: %0 = "dlc.relu"(%arg0) : (tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %1 = "dlc.neg"(%arg1) : (tensor<2x2xi64>) -> tensor<2x2xi64>
// CHECK-NEXT: %2 = "dlc.abs"(%arg2) : (tensor<3xi8>) -> tensor<3xi8>
// CHECK-NEXT: return
func.func @integer_forms(%i: tensor<4xi32>, %j: tensor<2x2xi64>, %k: tensor<3xi8>) {
  %0 = "dlc.relu"(%i) : (tensor<4xi32>) -> tensor<4xi32>
  %1 = "dlc.neg"(%j) : (tensor<2x2xi64>) -> tensor<2x2xi64>
  %2 = "dlc.abs"(%k) : (tensor<3xi8>) -> tensor<3xi8>
  return
}

// CHECK-LABEL: func.func @other_floats(
// CHECK-NEXT: %0 = "dlc.exp"(%arg0) : (tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %1 = "dlc.tanh"(%arg1) : (tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %2 = "dlc.log"(%arg2) : (tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: return
func.func @other_floats(%h: tensor<4xf16>, %b: tensor<4xbf16>, %d: tensor<4xf64>) {
  %0 = "dlc.exp"(%h) : (tensor<4xf16>) -> tensor<4xf16>
  %1 = "dlc.tanh"(%b) : (tensor<4xbf16>) -> tensor<4xbf16>
  %2 = "dlc.log"(%d) : (tensor<4xf64>) -> tensor<4xf64>
  return
}

// CHECK-LABEL: func.func @dynamic_dims(
// CHECK-NEXT: %0 = "dlc.sigmoid"(%arg0) : (tensor<?x8xf32>) -> tensor<?x8xf32>
// CHECK-NEXT: %1 = "dlc.sqrt"(%arg0) : (tensor<?x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %2 = "dlc.silu"(%arg1) : (tensor<?x?xf16>) -> tensor<?x?xf16>
// CHECK-NEXT: %3 = "dlc.rsqrt"(%arg0) : (tensor<?x8xf32>) -> tensor<?x?xf32>
// CHECK-NEXT: return
func.func @dynamic_dims(%x: tensor<?x8xf32>, %y: tensor<?x?xf16>) {
  %0 = "dlc.sigmoid"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %1 = "dlc.sqrt"(%x) : (tensor<?x8xf32>) -> tensor<4x8xf32>
  %2 = "dlc.silu"(%y) : (tensor<?x?xf16>) -> tensor<?x?xf16>
  %3 = "dlc.rsqrt"(%x) : (tensor<?x8xf32>) -> tensor<?x?xf32>
  return
}

// CHECK-LABEL: func.func @rank0(
// CHECK-NEXT: %0 = "dlc.reciprocal"(%arg0) : (tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %0 : tensor<f32>
func.func @rank0(%s: tensor<f32>) -> tensor<f32> {
  %0 = "dlc.reciprocal"(%s) : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}
