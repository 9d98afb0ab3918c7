// Round trip of dlc.reduce: every kind, several axes, negative axes, keepdims, dynamic dims, integers.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @kinds(
// CHECK-NEXT: %0 = "dlc.reduce"(%arg0) {axes = array<i64: 2>, kind = "sum"} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.reduce"(%arg0) {axes = array<i64: 1>, kind = "mean"} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %2 = "dlc.reduce"(%arg0) {axes = array<i64: 0>, kind = "max"} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %3 = "dlc.reduce"(%arg0) {axes = array<i64: 0, 2>, kind = "min"} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK-NEXT: %4 = "dlc.reduce"(%arg0) {axes = array<i64: 0, 1, 2>, kind = "prod"} : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: return
func.func @kinds(%x: tensor<2x3x4xf32>) {
  %0 = "dlc.reduce"(%x) {axes = array<i64: 2>, kind = "sum"} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  %1 = "dlc.reduce"(%x) {axes = array<i64: 1>, kind = "mean"} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  %2 = "dlc.reduce"(%x) {axes = array<i64: 0>, kind = "max"} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  %3 = "dlc.reduce"(%x) {axes = array<i64: 0, 2>, kind = "min"} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %4 = "dlc.reduce"(%x) {axes = array<i64: 0, 1, 2>, kind = "prod"} : (tensor<2x3x4xf32>) -> tensor<f32>
  return
}

// CHECK-LABEL: func.func @keepdims(
// CHECK-NEXT: %0 = "dlc.reduce"(%arg0) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
// CHECK-NEXT: %1 = "dlc.reduce"(%arg0) {axes = array<i64: 0, -2>, keepdims = true, kind = "sum"} : (tensor<2x3x4xf32>) -> tensor<1x1x4xf32>
// CHECK-NEXT: %2 = "dlc.reduce"(%arg0) {axes = array<i64: 1>, keepdims = false, kind = "max"} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: return
func.func @keepdims(%x: tensor<2x3x4xf32>) {
  %0 = "dlc.reduce"(%x) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  %1 = "dlc.reduce"(%x) {axes = array<i64: 0, -2>, keepdims = true, kind = "sum"} : (tensor<2x3x4xf32>) -> tensor<1x1x4xf32>
  %2 = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = false, kind = "max"} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return
}

// CHECK-LABEL: func.func @dynamic(
// CHECK-NEXT: %0 = "dlc.reduce"(%arg0) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<?x?x8xf16>) -> tensor<?x1x8xf16>
// CHECK-NEXT: return %0 : tensor<?x1x8xf16>
func.func @dynamic(%x: tensor<?x?x8xf16>) -> tensor<?x1x8xf16> {
  %0 = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<?x?x8xf16>) -> tensor<?x1x8xf16>
  return %0 : tensor<?x1x8xf16>
}

// CHECK-LABEL: func.func @integers(
// CHECK-NEXT: %0 = "dlc.reduce"(%arg0) {axes = array<i64: 1>, kind = "max"} : (tensor<6x5xi32>) -> tensor<6xi32>
// CHECK-NEXT: return %0 : tensor<6xi32>
func.func @integers(%x: tensor<6x5xi32>) -> tensor<6xi32> {
  %0 = "dlc.reduce"(%x) {axes = array<i64: 1>, kind = "max"} : (tensor<6x5xi32>) -> tensor<6xi32>
  return %0 : tensor<6xi32>
}
