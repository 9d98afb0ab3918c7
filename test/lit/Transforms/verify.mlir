// --dlc-verify checks every dlc op and changes nothing on valid IR. dlc-opt also runs it after every
// pass (visible in the --pass-timing report) unless --no-verify-each is given.
// RUN: dlc-opt %s --dlc-verify | FileCheck %s
// RUN: dlc-opt %s --dlc-dce --dlc-dce --pass-timing 2>&1 >/dev/null | FileCheck %s --check-prefix=EACH
// RUN: dlc-opt %s --dlc-dce --no-verify-each --pass-timing 2>&1 >/dev/null | FileCheck %s --check-prefix=NOEACH

// CHECK-LABEL: func.func @valid(
// CHECK-NEXT: %[[M:.*]] = "dlc.matmul"(%arg0, %arg1) {transpose_b = true}
// CHECK-NEXT: %[[G:.*]] = "dlc.gelu"(%[[M]])
// CHECK-NEXT: %[[E:.*]] = "dlc.exp"(%[[M]])
// CHECK-NEXT: return %[[G]]
func.func @valid(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<2x4xf32> {
  %0 = "dlc.matmul"(%a, %b) {transpose_b = true} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %1 = "dlc.gelu"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = "dlc.exp"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// Each dlc-dce is followed by a dlc-verify.
// EACH: Execution time report
// EACH: dlc-dce
// EACH-NEXT: dlc-verify
// EACH-NEXT: dlc-dce
// EACH-NEXT: dlc-verify
// EACH-NEXT: Rest
// NOEACH: Execution time report
// NOEACH-NOT: dlc-verify
// NOEACH: dlc-dce
// NOEACH-NOT: dlc-verify
