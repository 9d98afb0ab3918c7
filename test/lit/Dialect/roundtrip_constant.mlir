// Round trip of dlc.constant: dense splats and values of several element types, rank 0.
// RUN: dlc-opt %s | FileCheck %s
// RUN: dlc-opt %s | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @constants(
// CHECK-NEXT: %0 = "dlc.constant"() {value = dense<1.500000e+00> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "dlc.constant"() {value = dense<[1, 2, 3]> : tensor<3xi64>} : () -> tensor<3xi64>
// CHECK-NEXT: %2 = "dlc.constant"() {value = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf16>} : () -> tensor<2x2xf16>
// CHECK-NEXT: %3 = "dlc.constant"() {value = dense<[true, false]> : tensor<2xi1>} : () -> tensor<2xi1>
// CHECK-NEXT: %4 = "dlc.constant"() {value = dense<0.000000e+00> : tensor<f64>} : () -> tensor<f64>
// CHECK-NEXT: %5 = "dlc.constant"() {value = dense<7> : tensor<1x1xi8>} : () -> tensor<1x1xi8>
// CHECK-NEXT: return
func.func @constants() {
  %0 = "dlc.constant"() {value = dense<1.500000e+00> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %1 = "dlc.constant"() {value = dense<[1, 2, 3]> : tensor<3xi64>} : () -> tensor<3xi64>
  %2 = "dlc.constant"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf16>} : () -> tensor<2x2xf16>
  %3 = "dlc.constant"() {value = dense<[true, false]> : tensor<2xi1>} : () -> tensor<2xi1>
  %4 = "dlc.constant"() {value = dense<0.0> : tensor<f64>} : () -> tensor<f64>
  %5 = "dlc.constant"() {value = dense<7> : tensor<1x1xi8>} : () -> tensor<1x1xi8>
  return
}

// A dense_resource constant keeps its blob in the file's dialect_resources section.
// CHECK-LABEL: func.func @resource(
// CHECK-NEXT: %0 = "dlc.constant"() {value = dense_resource<weights> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: return %0 : tensor<2xf32>
// CHECK: dialect_resources: {
// CHECK-NEXT: builtin: {
// CHECK-NEXT: weights: "0x040000000000803F00000040"
func.func @resource() -> tensor<2xf32> {
  %0 = "dlc.constant"() {value = dense_resource<weights> : tensor<2xf32>} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040"
    }
  }
#-}
