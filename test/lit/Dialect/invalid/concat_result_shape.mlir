// The axis dim of the result is the sum of the inputs'.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.concat' op result #0: expected tensor<2x7xf32> from the operands, got tensor<2x6xf32>
  %0 = "dlc.concat"(%a, %b) {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}concat_result_shape.mlir: 1 dlc op failed verification
