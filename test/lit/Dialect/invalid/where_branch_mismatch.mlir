// where's lhs and rhs must have one element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%c: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.where' op operand #2 (rhs): expected element type f32, got tensor<4xf16>
  %0 = "dlc.where"(%c, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}where_branch_mismatch.mlir: 1 dlc op failed verification
