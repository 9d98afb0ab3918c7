// The result must have the broadcast shape.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4x1xf32>, %b: tensor<3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.sub' op result #0: expected tensor<4x3xf32> from the operands, got tensor<4x1xf32>
  %0 = "dlc.sub"(%a, %b) : (tensor<4x1xf32>, tensor<3xf32>) -> tensor<4x1xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}binary_result_shape.mlir: 1 dlc op failed verification
