// The declared result shape must be the operand's.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.relu' op result #0: expected tensor<2x3xf32> from the operands, got tensor<6xf32>
  %0 = "dlc.relu"(%a) : (tensor<2x3xf32>) -> tensor<6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}unary_result_shape.mlir: 1 dlc op failed verification
