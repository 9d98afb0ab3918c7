// layer_norm computes in floating point.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x32xi32>, %s: tensor<32xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op operand #0 (input): expected a floating-point element type, got tensor<4x32xi32>
  %0 = "dlc.layer_norm"(%x, %s, %s) : (tensor<4x32xi32>, tensor<32xi32>, tensor<32xi32>) -> tensor<4x32xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_not_float.mlir: 1 dlc op failed verification
