// softmax computes in floating point.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.softmax' op operand #0 (input): expected a floating-point element type, got tensor<2x3xi32>
  %0 = "dlc.softmax"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}softmax_not_float.mlir: 1 dlc op failed verification
