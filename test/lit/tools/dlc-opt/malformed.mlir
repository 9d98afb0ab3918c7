// Malformed MLIR: the parse error names file, line and column; the exit status is non-zero and no
// output file is written.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @broken(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "dlc.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: malformed.mlir:[[@LINE+1]]:14: error: expected non-function type
  return %0 : , tensor<4xf32>
}
// CHECK: dlc-opt: error: {{.*}}malformed.mlir: failed to parse MLIR
// CHECK-NOT: func.func
