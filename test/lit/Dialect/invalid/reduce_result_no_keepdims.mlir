// Without keepdims the reduced dims go.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op result #0: expected tensor<3xf32> from the operands, got tensor<1x3x1xf32>
  %0 = "dlc.reduce"(%x) {axes = array<i64: 0, 2>, kind = "min"} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_result_no_keepdims.mlir: 1 dlc op failed verification
