// Both inputs have one rank.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.concat' op operand #1 (rhs): expected rank 2, got tensor<2x3x1xf32>
  %0 = "dlc.concat"(%a, %b) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<4x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}concat_rank_mismatch.mlir: 1 dlc op failed verification
