// A func.func-anchored upstream pass given plainly (--convert-linalg-to-loops) is nested under
// func.func for the user, the same as spelling the nesting in --pass-pipeline.
// RUN: dlc-opt %s --convert-linalg-to-loops | FileCheck %s
// RUN: dlc-opt %s '--pass-pipeline=builtin.module(func.func(convert-linalg-to-loops))' | FileCheck %s
// It also works after a DLC pass, on the lowered dlc ops (bufferized first).
// RUN: dlc-opt %s --dlc-lower-to-linalg --inline --symbol-dce '--one-shot-bufferize{bufferize-function-boundaries}' --convert-linalg-to-loops | FileCheck %s --check-prefix=LOWERED

// CHECK-LABEL: func.func @copy(
// CHECK: scf.for
// CHECK: memref.load
// CHECK: memref.store
// CHECK-NOT: linalg.
func.func @copy(%a: memref<4xf32>, %b: memref<4xf32>) {
  linalg.copy ins(%a : memref<4xf32>) outs(%b : memref<4xf32>)
  return
}

// LOWERED-LABEL: func.func @neg(
// LOWERED: scf.for
// LOWERED: arith.negf
// LOWERED-NOT: linalg.
func.func @neg(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "dlc.neg"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
