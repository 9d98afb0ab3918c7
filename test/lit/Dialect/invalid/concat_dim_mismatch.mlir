// Non-axis dims must agree.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.concat' op operand #1 (rhs): expected dim 0 to be 2 like lhs (tensor<2x3xf32>), got tensor<4x5xf32>
  %0 = "dlc.concat"(%a, %b) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x8xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}concat_dim_mismatch.mlir: 1 dlc op failed verification
