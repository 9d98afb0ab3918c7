// numpy broadcasting fails: 3 vs 4 in the last dim.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.mul' op operand #1 (rhs): shape tensor<4xf32> does not broadcast with tensor<2x3xf32> (dim 1: 4 vs 3)
  %0 = "dlc.mul"(%a, %b) : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}binary_broadcast.mlir: 1 dlc op failed verification
