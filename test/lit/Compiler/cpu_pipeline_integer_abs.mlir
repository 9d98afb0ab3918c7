// --dlc-pipeline=cpu on integer dlc.abs must reach the LLVM dialect (llvm.intr.abs).
// (Regression: math.absi used to reach convert-math-to-libm, which rejects it, before
// convert-math-to-llvm ran.)
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --implicit-check-not=math. --implicit-check-not=linalg.

// CHECK-LABEL: llvm.func @int_abs(
// CHECK: llvm.intr.abs
// CHECK: llvm.return
func.func @int_abs(%i: tensor<4xi32>) -> tensor<4xi32> {
  %0 = "dlc.abs"(%i) : (tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
