// The contracting dims must agree (rhs transposed here).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #1 (rhs): expected contracting dim 3 to match lhs, got tensor<4x5xf32> (lhs tensor<2x3xf32>)
  %0 = "dlc.matmul"(%a, %b) {transpose_b = true} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_contracting.mlir: 1 dlc op failed verification
