// With groups = 2 the filter's I dim is C / groups.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #1 (filter): expected 4 input channels per group (input tensor<1x8x8x8xf32>, groups 2), got tensor<8x8x3x3xf32>
  %0 = "dlc.conv2d"(%x, %w) {groups = 2 : i64} : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_group_channels.mlir: 1 dlc op failed verification
