// softmax keeps the shape.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.log_softmax' op result #0: expected tensor<2x3xf32> from the operands, got tensor<3x2xf32>
  %0 = "dlc.log_softmax"(%x) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}softmax_result_shape.mlir: 1 dlc op failed verification
