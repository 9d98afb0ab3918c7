// matmul needs a numeric element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x2xindex>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #0 (lhs): expected a numeric element type, got tensor<2x2xindex>
  %0 = "dlc.matmul"(%a, %a) : (tensor<2x2xindex>, tensor<2x2xindex>) -> tensor<2x2xindex>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_not_numeric.mlir: 1 dlc op failed verification
