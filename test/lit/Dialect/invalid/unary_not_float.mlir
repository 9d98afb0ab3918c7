// dlc.exp needs a floating-point operand (only relu, neg, abs take integers).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.exp' op operand #0 (input): expected a floating-point element type, got tensor<4xi32>
  %0 = "dlc.exp"(%a) : (tensor<4xi32>) -> tensor<4xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}unary_not_float.mlir: 1 dlc op failed verification
