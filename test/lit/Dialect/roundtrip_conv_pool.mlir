// Round trip of dlc.conv2d (with and without bias, strides/pads/dilations, groups, dynamic batch) and
// the pooling ops (kernel, strides, pads, count_include_pad).
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @conv_no_bias(
// CHECK-NEXT: %0 = "dlc.conv2d"(%arg0, %arg1) : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
// CHECK-NEXT: return %0 : tensor<1x16x6x6xf32>
func.func @conv_no_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// CHECK-LABEL: func.func @conv_bias(
// CHECK-NEXT: %0 = "dlc.conv2d"(%arg0, %arg1, %arg2) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
// CHECK-NEXT: return %0 : tensor<1x16x8x8xf32>
func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// CHECK-LABEL: func.func @conv_strided_dilated(
// CHECK-NEXT: %0 = "dlc.conv2d"(%arg0, %arg1) {dilations = array<i64: 2, 1>, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 2, 2>} : (tensor<2x4x17x17xf32>, tensor<8x4x3x3xf32>) -> tensor<2x8x7x8xf32>
// CHECK-NEXT: return %0 : tensor<2x8x7x8xf32>
func.func @conv_strided_dilated(%x: tensor<2x4x17x17xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<2x8x7x8xf32> {
  %0 = "dlc.conv2d"(%x, %w) {dilations = array<i64: 2, 1>, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 2, 2>} : (tensor<2x4x17x17xf32>, tensor<8x4x3x3xf32>) -> tensor<2x8x7x8xf32>
  return %0 : tensor<2x8x7x8xf32>
}

// CHECK-LABEL: func.func @conv_groups(
// CHECK-NEXT: %0 = "dlc.conv2d"(%arg0, %arg1) {groups = 32 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x16x16xf16>, tensor<32x1x3x3xf16>) -> tensor<1x32x16x16xf16>
// CHECK-NEXT: %1 = "dlc.conv2d"(%arg0, %arg2, %arg3) {groups = 4 : i64} : (tensor<1x32x16x16xf16>, tensor<64x8x1x1xf16>, tensor<64xf16>) -> tensor<1x64x16x16xf16>
// CHECK-NEXT: return
func.func @conv_groups(%x: tensor<1x32x16x16xf16>, %dw: tensor<32x1x3x3xf16>, %gw: tensor<64x8x1x1xf16>, %b: tensor<64xf16>) {
  %0 = "dlc.conv2d"(%x, %dw) {groups = 32 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x16x16xf16>, tensor<32x1x3x3xf16>) -> tensor<1x32x16x16xf16>
  %1 = "dlc.conv2d"(%x, %gw, %b) {groups = 4 : i64} : (tensor<1x32x16x16xf16>, tensor<64x8x1x1xf16>, tensor<64xf16>) -> tensor<1x64x16x16xf16>
  return
}

// CHECK-LABEL: func.func @conv_dynamic(
// CHECK-NEXT: %0 = "dlc.conv2d"(%arg0, %arg1) : (tensor<?x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32>
// CHECK-NEXT: return %0 : tensor<?x8x?x?xf32>
func.func @conv_dynamic(%x: tensor<?x3x?x?xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32> {
  %0 = "dlc.conv2d"(%x, %w) : (tensor<?x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32>
  return %0 : tensor<?x8x?x?xf32>
}

// CHECK-LABEL: func.func @pools(
// CHECK-NEXT: %0 = "dlc.max_pool2d"(%arg0) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
// CHECK-NEXT: %1 = "dlc.max_pool2d"(%arg0) {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
// CHECK-NEXT: %2 = "dlc.avg_pool2d"(%arg0) {count_include_pad = true, kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
// CHECK-NEXT: %3 = "dlc.avg_pool2d"(%arg0) {kernel = array<i64: 32, 32>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x1x1xf32>
// CHECK-NEXT: return
func.func @pools(%x: tensor<1x8x32x32xf32>) {
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
  %1 = "dlc.max_pool2d"(%x) {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
  %2 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>, count_include_pad = true} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
  %3 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 32, 32>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x1x1xf32>
  return
}

// CHECK-LABEL: func.func @pool_dynamic(
// CHECK-NEXT: %0 = "dlc.max_pool2d"(%arg0) {kernel = array<i64: 2, 2>} : (tensor<?x8x?x?xf16>) -> tensor<?x8x?x?xf16>
// CHECK-NEXT: return %0 : tensor<?x8x?x?xf16>
func.func @pool_dynamic(%x: tensor<?x8x?x?xf16>) -> tensor<?x8x?x?xf16> {
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 2>} : (tensor<?x8x?x?xf16>) -> tensor<?x8x?x?xf16>
  return %0 : tensor<?x8x?x?xf16>
}
