// conv2d computes in floating point.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #0 (input): expected a floating-point element type, got tensor<1x3x8x8xi8>
  %0 = "dlc.conv2d"(%x, %w) : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>) -> tensor<1x4x6x6xi8>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_not_float.mlir: 1 dlc op failed verification
