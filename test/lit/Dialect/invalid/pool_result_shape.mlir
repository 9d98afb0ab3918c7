// The pooled size follows kernel, strides and pads.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x2x8x8xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.max_pool2d' op result #0: expected tensor<1x2x4x4xf32> from the operands, got tensor<1x2x7x7xf32>
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x8x8xf32>) -> tensor<1x2x7x7xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pool_result_shape.mlir: 1 dlc op failed verification
