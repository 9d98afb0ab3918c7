// Round trip of dlc.matmul: transpose flags, batched and broadcast batch dims, dynamic dims, integers.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @plain(
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: return %0 : tensor<2x4xf32>
func.func @plain(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @transposes(
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) {transpose_a = true, transpose_b = true} : (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %1 = "dlc.matmul"(%arg2, %arg1) {transpose_b = true} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %2 = "dlc.matmul"(%arg0, %arg0) {transpose_a = true, transpose_b = false} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: return
func.func @transposes(%a: tensor<3x2xf32>, %b: tensor<4x3xf32>, %c: tensor<2x3xf32>) {
  %0 = "dlc.matmul"(%a, %b) {transpose_a = true, transpose_b = true} : (tensor<3x2xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %1 = "dlc.matmul"(%c, %b) {transpose_b = true} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %2 = "dlc.matmul"(%a, %a) {transpose_a = true, transpose_b = false} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  return
}

// CHECK-LABEL: func.func @batched(
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) : (tensor<8x2x3xf32>, tensor<8x3x5xf32>) -> tensor<8x2x5xf32>
// CHECK-NEXT: %1 = "dlc.matmul"(%arg0, %arg2) : (tensor<8x2x3xf32>, tensor<3x5xf32>) -> tensor<8x2x5xf32>
// CHECK-NEXT: %2 = "dlc.matmul"(%arg3, %arg4) : (tensor<4x1x2x3xf32>, tensor<6x3x5xf32>) -> tensor<4x6x2x5xf32>
// CHECK-NEXT: return
func.func @batched(%a: tensor<8x2x3xf32>, %b: tensor<8x3x5xf32>, %w: tensor<3x5xf32>, %c: tensor<4x1x2x3xf32>, %d: tensor<6x3x5xf32>) {
  %0 = "dlc.matmul"(%a, %b) : (tensor<8x2x3xf32>, tensor<8x3x5xf32>) -> tensor<8x2x5xf32>
  %1 = "dlc.matmul"(%a, %w) : (tensor<8x2x3xf32>, tensor<3x5xf32>) -> tensor<8x2x5xf32>
  %2 = "dlc.matmul"(%c, %d) : (tensor<4x1x2x3xf32>, tensor<6x3x5xf32>) -> tensor<4x6x2x5xf32>
  return
}

// CHECK-LABEL: func.func @dynamic(
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) : (tensor<?x?x64xf16>, tensor<64x128xf16>) -> tensor<?x?x128xf16>
// CHECK-NEXT: %1 = "dlc.matmul"(%arg2, %arg3) : (tensor<?x64xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
// CHECK-NEXT: return
func.func @dynamic(%a: tensor<?x?x64xf16>, %b: tensor<64x128xf16>, %c: tensor<?x64xf32>, %d: tensor<?x?xf32>) {
  %0 = "dlc.matmul"(%a, %b) : (tensor<?x?x64xf16>, tensor<64x128xf16>) -> tensor<?x?x128xf16>
  %1 = "dlc.matmul"(%c, %d) : (tensor<?x64xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return
}

// CHECK-LABEL: func.func @integers(
// CHECK-NEXT: %0 = "dlc.matmul"(%arg0, %arg1) : (tensor<4x8xi8>, tensor<8x4xi8>) -> tensor<4x4xi8>
// CHECK-NEXT: return %0 : tensor<4x4xi8>
func.func @integers(%a: tensor<4x8xi8>, %b: tensor<8x4xi8>) -> tensor<4x4xi8> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<4x8xi8>, tensor<8x4xi8>) -> tensor<4x4xi8>
  return %0 : tensor<4x4xi8>
}
