// Passes run in command-line order. dlc-dce before the lowering removes the dead exp, so no exp
// helper is generated; after the lowering there is no dlc op left for it to remove.
// RUN: dlc-opt %s --dlc-dce --dlc-lower-to-linalg | FileCheck %s --check-prefix=DCE-FIRST
// RUN: dlc-opt %s --dlc-lower-to-linalg --dlc-dce | FileCheck %s --check-prefix=LOWER-FIRST

// DCE-FIRST-LABEL: func.func @f(
// DCE-FIRST-NEXT: call @__dlc_relu_0
// DCE-FIRST-NEXT: return
// DCE-FIRST-NOT: __dlc_exp

// LOWER-FIRST-LABEL: func.func @f(
// LOWER-FIRST-NEXT: call @__dlc_relu_0
// LOWER-FIRST-NEXT: call @__dlc_exp_1
// LOWER-FIRST-NEXT: return
// LOWER-FIRST: func.func private @__dlc_exp_1(
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "dlc.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
