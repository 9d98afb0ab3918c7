// pow is defined on floats only.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pow' op operand #0 (lhs): expected a floating-point element type, got tensor<2xi32>
  %0 = "dlc.pow"(%a, %a) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pow_integer.mlir: 1 dlc op failed verification
