// Round trip of the 5 compare ops (i1 results, broadcasting), where and cast.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @compares(
// CHECK-NEXT: %0 = "dlc.equal"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %1 = "dlc.less"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %2 = "dlc.less_equal"(%arg2, %arg3) : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi1>
// CHECK-NEXT: %3 = "dlc.greater"(%arg2, %arg3) : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi1>
// CHECK-NEXT: %4 = "dlc.greater_equal"(%arg1, %arg0) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: return
func.func @compares(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<5xi64>, %j: tensor<5xi64>) {
  %0 = "dlc.equal"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %1 = "dlc.less"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %2 = "dlc.less_equal"(%i, %j) : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi1>
  %3 = "dlc.greater"(%i, %j) : (tensor<5xi64>, tensor<5xi64>) -> tensor<5xi1>
  %4 = "dlc.greater_equal"(%b, %a) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @compare_dynamic(
// CHECK-NEXT: %0 = "dlc.less"(%arg0, %arg1) : (tensor<?x3xf16>, tensor<?x3xf16>) -> tensor<?x3xi1>
// CHECK-NEXT: return %0 : tensor<?x3xi1>
func.func @compare_dynamic(%a: tensor<?x3xf16>, %b: tensor<?x3xf16>) -> tensor<?x3xi1> {
  %0 = "dlc.less"(%a, %b) : (tensor<?x3xf16>, tensor<?x3xf16>) -> tensor<?x3xi1>
  return %0 : tensor<?x3xi1>
}

// CHECK-LABEL: func.func @where(
// CHECK-NEXT: %0 = "dlc.where"(%arg0, %arg1, %arg2) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.where"(%arg3, %arg4, %arg4) : (tensor<3xi1>, tensor<1x3xi32>, tensor<1x3xi32>) -> tensor<1x3xi32>
// CHECK-NEXT: %2 = "dlc.where"(%arg3, %arg1, %arg1) : (tensor<3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
func.func @where(%c: tensor<2x3xi1>, %a: tensor<2x3xf32>, %b: tensor<f32>, %d: tensor<3xi1>, %i: tensor<1x3xi32>) {
  %0 = "dlc.where"(%c, %a, %b) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = "dlc.where"(%d, %i, %i) : (tensor<3xi1>, tensor<1x3xi32>, tensor<1x3xi32>) -> tensor<1x3xi32>
  %2 = "dlc.where"(%d, %a, %a) : (tensor<3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @casts(
// CHECK-NEXT: %0 = "dlc.cast"(%arg0) : (tensor<4xf32>) -> tensor<4xf16>
// CHECK-NEXT: %1 = "dlc.cast"(%arg1) : (tensor<4xf16>) -> tensor<4xf32>
// CHECK-NEXT: %2 = "dlc.cast"(%arg1) : (tensor<4xf16>) -> tensor<4xbf16>
// CHECK-NEXT: %3 = "dlc.cast"(%arg0) : (tensor<4xf32>) -> tensor<4xi32>
// CHECK-NEXT: %4 = "dlc.cast"(%arg2) : (tensor<4xi32>) -> tensor<4xf64>
// CHECK-NEXT: %5 = "dlc.cast"(%arg2) : (tensor<4xi32>) -> tensor<4xi64>
// CHECK-NEXT: %6 = "dlc.cast"(%arg2) : (tensor<4xi32>) -> tensor<4xi8>
// CHECK-NEXT: %7 = "dlc.cast"(%arg3) : (tensor<4xi1>) -> tensor<4xf32>
// CHECK-NEXT: %8 = "dlc.cast"(%arg0) : (tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: %9 = "dlc.cast"(%arg2) : (tensor<4xi32>) -> tensor<4xi1>
// CHECK-NEXT: %10 = "dlc.cast"(%arg4) : (tensor<4xi8>) -> tensor<4xi16>
// CHECK-NEXT: %11 = "dlc.cast"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return
func.func @casts(%f: tensor<4xf32>, %h: tensor<4xf16>, %i: tensor<4xi32>, %p: tensor<4xi1>, %u: tensor<4xi8>) {
  %0 = "dlc.cast"(%f) : (tensor<4xf32>) -> tensor<4xf16>
  %1 = "dlc.cast"(%h) : (tensor<4xf16>) -> tensor<4xf32>
  %2 = "dlc.cast"(%h) : (tensor<4xf16>) -> tensor<4xbf16>
  %3 = "dlc.cast"(%f) : (tensor<4xf32>) -> tensor<4xi32>
  %4 = "dlc.cast"(%i) : (tensor<4xi32>) -> tensor<4xf64>
  %5 = "dlc.cast"(%i) : (tensor<4xi32>) -> tensor<4xi64>
  %6 = "dlc.cast"(%i) : (tensor<4xi32>) -> tensor<4xi8>
  %7 = "dlc.cast"(%p) : (tensor<4xi1>) -> tensor<4xf32>
  %8 = "dlc.cast"(%f) : (tensor<4xf32>) -> tensor<4xi1>
  %9 = "dlc.cast"(%i) : (tensor<4xi32>) -> tensor<4xi1>
  %10 = "dlc.cast"(%u) : (tensor<4xi8>) -> tensor<4xi16>
  %11 = "dlc.cast"(%f) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @cast_dynamic(
// CHECK-NEXT: %0 = "dlc.cast"(%arg0) : (tensor<?x?xf32>) -> tensor<?x?xi64>
// CHECK-NEXT: return %0 : tensor<?x?xi64>
func.func @cast_dynamic(%x: tensor<?x?xf32>) -> tensor<?x?xi64> {
  %0 = "dlc.cast"(%x) : (tensor<?x?xf32>) -> tensor<?x?xi64>
  return %0 : tensor<?x?xi64>
}
