// An op the dlc dialect does not define is an error at its location (dlc does not allow unknown ops).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: unknown_op.mlir:[[@LINE+1]]:8: error: unregistered operation 'dlc.bogus' found in dialect ('dlc') that does not allow unknown operations
  %0 = "dlc.bogus"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK: dlc-opt: error: {{.*}}unknown_op.mlir: failed to parse MLIR
