// The result is [batch..., M, N].
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op result #0: expected tensor<2x4xf32> from the operands, got tensor<2x3xf32>
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_result_shape.mlir: 1 dlc op failed verification
