// Round trip of fusion groups: private func.func ops carrying a `dlc.fusion` schedule dictionary
// (kind, tile, threads, ilp, vpad), called with func.call; any argument and result types.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK-NEXT: %0 = call @add_relu(%arg0, %arg1) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %1:2 = call @two_results(%0) : (tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<8xf32>)
// CHECK-NEXT: %2 = call @scheduled(%1#0, %arg1) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %2, %1#1 : tensor<4x8xf32>, tensor<8xf32>
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> (tensor<4x8xf32>, tensor<8xf32>) {
  %0 = call @add_relu(%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %1:2 = call @two_results(%0) : (tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<8xf32>)
  %2 = call @scheduled(%1#0, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  return %2, %1#1 : tensor<4x8xf32>, tensor<8xf32>
}

// CHECK-LABEL: func.func private @add_relu(
// CHECK-SAME: %arg0: tensor<4x8xf32>, %arg1: tensor<8xf32>) -> tensor<4x8xf32> attributes {dlc.fusion = {kind = "loop"}} {
// CHECK-NEXT: %0 = "dlc.add"(%arg0, %arg1) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %1 = "dlc.relu"(%0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %1 : tensor<4x8xf32>
func.func private @add_relu(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> attributes {dlc.fusion = {kind = "loop"}} {
  %0 = "dlc.add"(%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func private @two_results(
// CHECK-SAME: %arg0: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<8xf32>) attributes {dlc.fusion = {kind = "input"}} {
// CHECK-NEXT: %0 = "dlc.exp"(%arg0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %1 = "dlc.reduce"(%0) {axes = array<i64: 0>, kind = "sum"} : (tensor<4x8xf32>) -> tensor<8xf32>
// CHECK-NEXT: return %0, %1 : tensor<4x8xf32>, tensor<8xf32>
func.func private @two_results(%a: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<8xf32>) attributes {dlc.fusion = {kind = "input"}} {
  %0 = "dlc.exp"(%a) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.reduce"(%0) {axes = array<i64: 0>, kind = "sum"} : (tensor<4x8xf32>) -> tensor<8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<8xf32>
}

// CHECK-LABEL: func.func private @scheduled(
// CHECK-SAME: %arg0: tensor<4x8xf32>, %arg1: tensor<8xf32>) -> tensor<4x8xf32> attributes {dlc.fusion = {ilp = 2 : i64, kind = "stitch", threads = 128 : i64, tile = array<i64: 2, 8>, vpad = array<i64: 16, 32>}} {
// CHECK-NEXT: %0 = "dlc.div"(%arg0, %arg1) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func private @scheduled(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> attributes {dlc.fusion = {ilp = 2 : i64, kind = "stitch", threads = 128 : i64, tile = array<i64: 2, 8>, vpad = array<i64: 16, 32>}} {
  %0 = "dlc.div"(%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func private @gemm(
// CHECK-SAME: %arg0: tensor<?x64xf16>, %arg1: tensor<64x64xf16>) -> tensor<?x64xf16> attributes {dlc.fusion = {kind = "gemm_chain", tile = array<i64: 64, 64, 32>}} {
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) : (tensor<?x64xf16>, tensor<64x64xf16>) -> tensor<?x64xf16>
// CHECK-NEXT: %1 = "dlc.matmul"(%0, %arg1) : (tensor<?x64xf16>, tensor<64x64xf16>) -> tensor<?x64xf16>
// CHECK-NEXT: return %1 : tensor<?x64xf16>
func.func private @gemm(%a: tensor<?x64xf16>, %w: tensor<64x64xf16>) -> tensor<?x64xf16> attributes {dlc.fusion = {kind = "gemm_chain", tile = array<i64: 64, 64, 32>}} {
  %0 = "dlc.matmul"(%a, %w) : (tensor<?x64xf16>, tensor<64x64xf16>) -> tensor<?x64xf16>
  %1 = "dlc.matmul"(%0, %w) : (tensor<?x64xf16>, tensor<64x64xf16>) -> tensor<?x64xf16>
  return %1 : tensor<?x64xf16>
}

// CHECK-LABEL: func.func private @attn(
// CHECK-SAME: %arg0: tensor<2x16x64xf32>, %arg1: tensor<2x16x64xf32>) -> tensor<2x16x16xf32> attributes {dlc.fusion = {kind = "attention"}} {
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) {transpose_b = true} : (tensor<2x16x64xf32>, tensor<2x16x64xf32>) -> tensor<2x16x16xf32>
// CHECK-NEXT: %1 = "dlc.softmax"(%0) : (tensor<2x16x16xf32>) -> tensor<2x16x16xf32>
// CHECK-NEXT: return %1 : tensor<2x16x16xf32>
func.func private @attn(%q: tensor<2x16x64xf32>, %k: tensor<2x16x64xf32>) -> tensor<2x16x16xf32> attributes {dlc.fusion = {kind = "attention"}} {
  %0 = "dlc.matmul"(%q, %k) {transpose_b = true} : (tensor<2x16x64xf32>, tensor<2x16x64xf32>) -> tensor<2x16x16xf32>
  %1 = "dlc.softmax"(%0) : (tensor<2x16x16xf32>) -> tensor<2x16x16xf32>
  return %1 : tensor<2x16x16xf32>
}
