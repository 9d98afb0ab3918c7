// DlcToLinalg of a unary op on f128, which the verifier accepts (any float): only f16 and bf16
// are widened to f32; wider floats are computed as they are.
//
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @wide(
// CHECK: call @__dlc_exp_{{[0-9]+}}(%arg0) : (tensor<4xf128>) -> tensor<4xf128>
func.func @wide(%x: tensor<4xf128>) -> tensor<4xf128> {
  %0 = "dlc.exp"(%x) : (tensor<4xf128>) -> tensor<4xf128>
  return %0 : tensor<4xf128>
}
// CHECK: ^bb0(%[[X:[^:]+]]: f128, %{{[^:]+}}: f128):
// CHECK-NEXT: %[[V:.*]] = math.exp %[[X]] : f128
// CHECK-NEXT: linalg.yield %[[V]] : f128
