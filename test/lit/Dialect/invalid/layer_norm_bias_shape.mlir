// With axis = 1 scale and bias are [16, 32].
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x16x32xf32>, %s: tensor<16x32xf32>, %b: tensor<32xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op operand #2 (bias): expected tensor<16x32xf32> (the normalized dims of the input), got tensor<32xf32>
  %0 = "dlc.layer_norm"(%x, %s, %b) {axis = 1 : i64} : (tensor<4x16x32xf32>, tensor<16x32xf32>, tensor<32xf32>) -> tensor<4x16x32xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_bias_shape.mlir: 1 dlc op failed verification
