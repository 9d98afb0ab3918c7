// Binary ops take integers and floats, not index.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2xindex>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.max' op operand #0 (lhs): expected an integer or floating-point element type, got tensor<2xindex>
  %0 = "dlc.max"(%a, %a) : (tensor<2xindex>, tensor<2xindex>) -> tensor<2xindex>
  return
}
// CHECK: dlc-opt: error: {{.*}}binary_not_numeric.mlir: 1 dlc op failed verification
