// where's condition must be i1.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%c: tensor<4xf32>, %a: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.where' op operand #0 (condition): expected element type i1, got tensor<4xf32>
  %0 = "dlc.where"(%c, %a, %a) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}where_condition_not_i1.mlir: 1 dlc op failed verification
