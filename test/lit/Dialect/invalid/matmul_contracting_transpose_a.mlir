// With transpose_a the contracting dim of lhs is its second-to-last.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<3x2xf32>, %b: tensor<2x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #1 (rhs): expected contracting dim 3 to match lhs, got tensor<2x4xf32> (lhs tensor<3x2xf32>)
  %0 = "dlc.matmul"(%a, %b) {transpose_a = true} : (tensor<3x2xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_contracting_transpose_a.mlir: 1 dlc op failed verification
