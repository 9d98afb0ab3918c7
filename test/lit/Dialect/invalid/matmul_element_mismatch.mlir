// matmul operands must have one element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf16>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #1 (rhs): expected element type f32, got tensor<3x4xf16>
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf16>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_element_mismatch.mlir: 1 dlc op failed verification
