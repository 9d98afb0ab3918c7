// The bias has one value per output channel.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<8xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #2 (bias): expected one value per output channel (16), got tensor<8xf32>
  %0 = "dlc.conv2d"(%x, %w, %b) : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<8xf32>) -> tensor<1x16x6x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_bias_shape.mlir: 1 dlc op failed verification
