// Round trip of softmax, log_softmax and layer_norm with default and explicit axis/epsilon.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @softmaxes(
// CHECK-NEXT: %0 = "dlc.softmax"(%arg0) : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
// CHECK-NEXT: %1 = "dlc.softmax"(%arg0) {axis = 1 : i64} : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
// CHECK-NEXT: %2 = "dlc.log_softmax"(%arg0) : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
// CHECK-NEXT: %3 = "dlc.log_softmax"(%arg0) {axis = -3 : i64} : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
// CHECK-NEXT: return
func.func @softmaxes(%x: tensor<2x5x7xf32>) {
  %0 = "dlc.softmax"(%x) : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %1 = "dlc.softmax"(%x) {axis = 1 : i64} : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %2 = "dlc.log_softmax"(%x) : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %3 = "dlc.log_softmax"(%x) {axis = -3 : i64} : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  return
}

// CHECK-LABEL: func.func @softmax_dynamic(
// CHECK-NEXT: %0 = "dlc.softmax"(%arg0) {axis = -1 : i64} : (tensor<?x?xf16>) -> tensor<?x?xf16>
// CHECK-NEXT: return %0 : tensor<?x?xf16>
func.func @softmax_dynamic(%x: tensor<?x?xf16>) -> tensor<?x?xf16> {
  %0 = "dlc.softmax"(%x) {axis = -1 : i64} : (tensor<?x?xf16>) -> tensor<?x?xf16>
  return %0 : tensor<?x?xf16>
}

// CHECK-LABEL: func.func @layer_norms(
// CHECK-NEXT: %0 = "dlc.layer_norm"(%arg0, %arg1, %arg2) : (tensor<4x16x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
// CHECK-NEXT: %1 = "dlc.layer_norm"(%arg0, %arg1, %arg2) {axis = -1 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<4x16x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
// CHECK-NEXT: %2 = "dlc.layer_norm"(%arg0, %arg3, %arg4) {axis = 1 : i64, epsilon = 1.000000e-05 : f64} : (tensor<4x16x32xf32>, tensor<16x32xf32>, tensor<16x32xf32>) -> tensor<4x16x32xf32>
// CHECK-NEXT: return
func.func @layer_norms(%x: tensor<4x16x32xf32>, %s: tensor<32xf32>, %b: tensor<32xf32>, %s2: tensor<16x32xf32>, %b2: tensor<16x32xf32>) {
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<4x16x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
  %1 = "dlc.layer_norm"(%x, %s, %b) {axis = -1 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<4x16x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
  %2 = "dlc.layer_norm"(%x, %s2, %b2) {axis = 1 : i64, epsilon = 1.000000e-05 : f64} : (tensor<4x16x32xf32>, tensor<16x32xf32>, tensor<16x32xf32>) -> tensor<4x16x32xf32>
  return
}

// CHECK-LABEL: func.func @layer_norm_dynamic(
// CHECK-NEXT: %0 = "dlc.layer_norm"(%arg0, %arg1, %arg2) : (tensor<?x?x768xbf16>, tensor<768xbf16>, tensor<768xbf16>) -> tensor<?x?x768xbf16>
// CHECK-NEXT: return %0 : tensor<?x?x768xbf16>
func.func @layer_norm_dynamic(%x: tensor<?x?x768xbf16>, %s: tensor<768xbf16>, %b: tensor<768xbf16>) -> tensor<?x?x768xbf16> {
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<?x?x768xbf16>, tensor<768xbf16>, tensor<768xbf16>) -> tensor<?x?x768xbf16>
  return %0 : tensor<?x?x768xbf16>
}
