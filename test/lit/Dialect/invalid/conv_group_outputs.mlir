// The filter's O dim must be divisible by groups.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x8x8x8xf32>, %w: tensor<6x2x3x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #1 (filter): output channels 6 are not divisible by groups 4
  %0 = "dlc.conv2d"(%x, %w) {groups = 4 : i64} : (tensor<1x8x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_group_outputs.mlir: 1 dlc op failed verification
