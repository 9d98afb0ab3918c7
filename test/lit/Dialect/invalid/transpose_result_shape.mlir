// The result dims are the permuted input dims.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.transpose' op result #0: expected tensor<4x2x3xf32> from the operands, got tensor<4x3x2xf32>
  %0 = "dlc.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}transpose_result_shape.mlir: 1 dlc op failed verification
