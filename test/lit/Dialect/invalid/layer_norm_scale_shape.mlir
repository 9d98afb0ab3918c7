// scale covers the normalized dims [axis, rank) (axis = -1: the last dim).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x16x32xf32>, %s: tensor<16xf32>, %b: tensor<32xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op operand #1 (scale): expected tensor<32xf32> (the normalized dims of the input), got tensor<16xf32>
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<4x16x32xf32>, tensor<16xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_scale_shape.mlir: 1 dlc op failed verification
