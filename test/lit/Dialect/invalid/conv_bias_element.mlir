// The bias has the input's element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf16>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.conv2d' op operand #2 (bias): expected element type f32, got tensor<16xf16>
  %0 = "dlc.conv2d"(%x, %w, %b) : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf16>) -> tensor<1x16x6x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}conv_bias_element.mlir: 1 dlc op failed verification
