// relu takes integers and floats, not index.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4xindex>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.relu' op operand #0 (input): expected an integer or floating-point element type, got tensor<4xindex>
  %0 = "dlc.relu"(%a) : (tensor<4xindex>) -> tensor<4xindex>
  return
}
// CHECK: dlc-opt: error: {{.*}}unary_not_numeric.mlir: 1 dlc op failed verification
