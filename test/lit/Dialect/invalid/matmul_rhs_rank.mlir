// matmul operands need rank >= 2.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #1 (rhs): expected rank >= 2, got tensor<3xf32>
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_rhs_rank.mlir: 1 dlc op failed verification
