// --pass-pipeline takes an upstream textual pipeline, as builtin.module(...) or bare; it runs in
// command-line order with DLC passes.
// RUN: dlc-opt %s '--pass-pipeline=builtin.module(canonicalize)' | FileCheck %s
// RUN: dlc-opt %s --pass-pipeline=canonicalize,cse | FileCheck %s
// Plain upstream pass flags work too, with options.
// RUN: dlc-opt %s --canonicalize | FileCheck %s
// RUN: dlc-opt %s '--canonicalize{max-iterations=2}' --cse | FileCheck %s
// Order matters: dlc-dce first removes the dead exp before canonicalize folds the constants.
// RUN: dlc-opt %s --dlc-dce '--pass-pipeline=builtin.module(canonicalize)' | FileCheck %s --check-prefix=DCE

// CHECK-LABEL: func.func @fold(
// CHECK-NEXT: %[[C:.*]] = arith.constant 5 : index
// CHECK-NEXT: %[[E:.*]] = "dlc.exp"(%arg0)
// CHECK-NEXT: return %[[C]] : index
// DCE-LABEL: func.func @fold(
// DCE-NEXT: %[[C:.*]] = arith.constant 5 : index
// DCE-NEXT: return %[[C]] : index
func.func @fold(%x: tensor<4xf32>) -> index {
  %a = arith.constant 2 : index
  %b = arith.constant 3 : index
  %s = arith.addi %a, %b : index
  %0 = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %s : index
}
