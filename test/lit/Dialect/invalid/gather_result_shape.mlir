// The result is data[:axis] + indices + data[axis+1:].
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<5x4xf32>, %i: tensor<2x2xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather' op result #0: expected tensor<5x2x2xf32> from the operands, got tensor<2x2x4xf32>
  %0 = "dlc.gather"(%x, %i) {axis = 1 : i64} : (tensor<5x4xf32>, tensor<2x2xi32>) -> tensor<2x2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}gather_result_shape.mlir: 1 dlc op failed verification
