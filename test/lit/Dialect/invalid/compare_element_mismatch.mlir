// Compare operands must have one element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<3xi32>, %b: tensor<3xi64>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.equal' op operand #1 (rhs): expected element type i32, got tensor<3xi64>
  %0 = "dlc.equal"(%a, %b) : (tensor<3xi32>, tensor<3xi64>) -> tensor<3xi1>
  return
}
// CHECK: dlc-opt: error: {{.*}}compare_element_mismatch.mlir: 1 dlc op failed verification
