// where broadcasts all three operands.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%c: tensor<3xi1>, %a: tensor<2x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.where' op operand #1 (lhs): shape tensor<2x4xf32> does not broadcast with tensor<3xi1> (dim 1: 4 vs 3)
  %0 = "dlc.where"(%c, %a, %a) : (tensor<3xi1>, tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}where_broadcast.mlir: 1 dlc op failed verification
