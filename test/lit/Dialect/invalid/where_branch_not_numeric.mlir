// where's branches must be integers or floats; the message must name operand #1 (lhs).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%c: tensor<2xi1>, %a: tensor<2xindex>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.where' op operand #1 (lhs): expected an integer or floating-point element type, got tensor<2xindex>
  %0 = "dlc.where"(%c, %a, %a) : (tensor<2xi1>, tensor<2xindex>, tensor<2xindex>) -> tensor<2xindex>
  return
}
// CHECK: dlc-opt: error: {{.*}}where_branch_not_numeric.mlir: 1 dlc op failed verification
