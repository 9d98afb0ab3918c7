// DlcToLinalg turns dlc.constant into arith.constant with the same elements attribute, in place
// (no helper function).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @constants(
// CHECK-NEXT: %[[C0:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT: %[[C1:.*]] = arith.constant dense<7> : tensor<4xi64>
// CHECK-NEXT: %[[C2:.*]] = arith.constant dense<[true, false]> : tensor<2xi1>
// CHECK-NEXT: %[[C3:.*]] = arith.constant dense_resource<blob> : tensor<2xf32>
// CHECK-NEXT: %[[SUM:.*]] = call @__dlc_add_{{[0-9]+}}(%arg0, %[[C0]]) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[SUM]], %[[C1]], %[[C2]], %[[C3]] : tensor<2x3xf32>, tensor<4xi64>, tensor<2xi1>, tensor<2xf32>
// CHECK-NOT: func.func private @__dlc_constant
func.func @constants(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<4xi64>, tensor<2xi1>, tensor<2xf32>) {
  %0 = "dlc.constant"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %1 = "dlc.constant"() {value = dense<7> : tensor<4xi64>} : () -> tensor<4xi64>
  %2 = "dlc.constant"() {value = dense<[true, false]> : tensor<2xi1>} : () -> tensor<2xi1>
  %3 = "dlc.constant"() {value = dense_resource<blob> : tensor<2xf32>} : () -> tensor<2xf32>
  %4 = "dlc.add"(%x, %0) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %4, %1, %2, %3 : tensor<2x3xf32>, tensor<4xi64>, tensor<2xi1>, tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F00000040"
    }
  }
#-}
