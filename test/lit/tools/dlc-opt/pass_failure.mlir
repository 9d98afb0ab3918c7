// A pass that fails: its diagnostic at the op, then a line naming the input, exit status 1, nothing
// printed and no output file. (one-shot-bufferize does not know dlc ops: they must be lowered first.)
// RUN: not dlc-opt %s '--one-shot-bufferize{bufferize-function-boundaries}' 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s '--one-shot-bufferize{bufferize-function-boundaries}' -o %t.out
// RUN: test ! -e %t.out
// After the lowering the same pass succeeds.
// RUN: dlc-opt %s --dlc-lower-to-linalg '--one-shot-bufferize{bufferize-function-boundaries}' | FileCheck %s --check-prefix=OK

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: pass_failure.mlir:[[@LINE+1]]:8: error: op was not bufferized
  %0 = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK: dlc-opt: error: {{.*}}pass_failure.mlir: a pass failed (see the diagnostics above)
// CHECK-NOT: func.func
// OK: func.func @f(%{{.*}}: memref<4xf32
