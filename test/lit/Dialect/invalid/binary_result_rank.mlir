// The result rank is the largest operand rank.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.div' op result #0: expected tensor<2x3xf32> from the operands, got tensor<1x2x3xf32>
  %0 = "dlc.div"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<1x2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}binary_result_rank.mlir: 1 dlc op failed verification
