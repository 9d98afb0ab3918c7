// Round trip of the 7 binary elementwise ops, with numpy broadcasting, integer element types and
// dynamic dims.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @all_binary_f32(
// CHECK-NEXT: %0 = "dlc.add"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.sub"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %2 = "dlc.mul"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = "dlc.div"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %4 = "dlc.pow"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = "dlc.max"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = "dlc.min"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
func.func @all_binary_f32(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) {
  %0 = "dlc.add"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "dlc.sub"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "dlc.mul"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "dlc.div"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = "dlc.pow"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = "dlc.max"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = "dlc.min"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @broadcasting(
// CHECK-NEXT: %0 = "dlc.add"(%arg0, %arg1) : (tensor<4x1x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %1 = "dlc.mul"(%arg2, %arg0) : (tensor<3xf32>, tensor<4x1x3xf32>) -> tensor<4x1x3xf32>
// CHECK-NEXT: %2 = "dlc.sub"(%arg3, %arg1) : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %3 = "dlc.pow"(%arg0, %arg3) : (tensor<4x1x3xf32>, tensor<f32>) -> tensor<4x1x3xf32>
// CHECK-NEXT: return
func.func @broadcasting(%a: tensor<4x1x3xf32>, %b: tensor<2x1xf32>, %c: tensor<3xf32>, %s: tensor<f32>) {
  %0 = "dlc.add"(%a, %b) : (tensor<4x1x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>
  %1 = "dlc.mul"(%c, %a) : (tensor<3xf32>, tensor<4x1x3xf32>) -> tensor<4x1x3xf32>
  %2 = "dlc.sub"(%s, %b) : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  %3 = "dlc.pow"(%a, %s) : (tensor<4x1x3xf32>, tensor<f32>) -> tensor<4x1x3xf32>
  return
}

// CHECK-LABEL: func.func @integers(
// CHECK-NEXT: %0 = "dlc.add"(%arg0, %arg1) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
// CHECK-NEXT: %1 = "dlc.div"(%arg0, %arg1) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
// CHECK-NEXT: %2 = "dlc.max"(%arg2, %arg3) : (tensor<2xi8>, tensor<1xi8>) -> tensor<2xi8>
// CHECK-NEXT: %3 = "dlc.min"(%arg0, %arg1) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
// CHECK-NEXT: return
func.func @integers(%a: tensor<8xi32>, %b: tensor<8xi32>, %u: tensor<2xi8>, %v: tensor<1xi8>) {
  %0 = "dlc.add"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %1 = "dlc.div"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %2 = "dlc.max"(%u, %v) : (tensor<2xi8>, tensor<1xi8>) -> tensor<2xi8>
  %3 = "dlc.min"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  return
}

// CHECK-LABEL: func.func @dynamic_dims(
// CHECK-NEXT: %0 = "dlc.add"(%arg0, %arg1) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
// CHECK-NEXT: %1 = "dlc.mul"(%arg2, %arg3) : (tensor<?x1xf32>, tensor<1x?xf32>) -> tensor<?x?xf32>
// CHECK-NEXT: %2 = "dlc.sub"(%arg0, %arg0) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %3 = "dlc.max"(%arg0, %arg2) : (tensor<?x4xf32>, tensor<?x1xf32>) -> tensor<?x4xf32>
// CHECK-NEXT: return
func.func @dynamic_dims(%a: tensor<?x4xf32>, %b: tensor<4xf32>, %c: tensor<?x1xf32>, %d: tensor<1x?xf32>) {
  %0 = "dlc.add"(%a, %b) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = "dlc.mul"(%c, %d) : (tensor<?x1xf32>, tensor<1x?xf32>) -> tensor<?x?xf32>
  %2 = "dlc.sub"(%a, %a) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<3x4xf32>
  %3 = "dlc.max"(%a, %c) : (tensor<?x4xf32>, tensor<?x1xf32>) -> tensor<?x4xf32>
  return
}

// CHECK-LABEL: func.func @f16_chain(
// CHECK-NEXT: %0 = "dlc.mul"(%arg0, %arg1) : (tensor<16xf16>, tensor<16xf16>) -> tensor<16xf16>
// CHECK-NEXT: %1 = "dlc.add"(%0, %arg0) : (tensor<16xf16>, tensor<16xf16>) -> tensor<16xf16>
// CHECK-NEXT: return %1 : tensor<16xf16>
func.func @f16_chain(%a: tensor<16xf16>, %b: tensor<16xf16>) -> tensor<16xf16> {
  %0 = "dlc.mul"(%a, %b) : (tensor<16xf16>, tensor<16xf16>) -> tensor<16xf16>
  %1 = "dlc.add"(%0, %a) : (tensor<16xf16>, tensor<16xf16>) -> tensor<16xf16>
  return %1 : tensor<16xf16>
}
