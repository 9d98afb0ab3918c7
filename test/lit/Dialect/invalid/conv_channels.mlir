// The filter's I dim must be the input's channels (groups = 1).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<16x4x3x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #1 (filter): expected 3 input channels per group (input tensor<1x3x8x8xf32>, groups 1), got tensor<16x4x3x3xf32>
  %0 = "dlc.conv2d"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<16x4x3x3xf32>) -> tensor<1x16x6x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_channels.mlir: 1 dlc op failed verification
