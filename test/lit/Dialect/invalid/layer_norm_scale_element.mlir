// scale has the input's element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x32xf32>, %s: tensor<32xf16>, %b: tensor<32xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op operand #1 (scale): expected element type f32, got tensor<32xf16>
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<4x32xf32>, tensor<32xf16>, tensor<32xf32>) -> tensor<4x32xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_scale_element.mlir: 1 dlc op failed verification
