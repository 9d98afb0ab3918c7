// Compare ops broadcast like binary ops.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x5xf32>, %b: tensor<3x1xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.greater_equal' op operand #1 (rhs): shape tensor<3x1xf32> does not broadcast with tensor<2x5xf32> (dim 0: 3 vs 2)
  %0 = "dlc.greater_equal"(%a, %b) : (tensor<2x5xf32>, tensor<3x1xf32>) -> tensor<2x5xi1>
  return
}
// CHECK: dlc-opt: error: {{.*}}compare_broadcast.mlir: 1 dlc op failed verification
