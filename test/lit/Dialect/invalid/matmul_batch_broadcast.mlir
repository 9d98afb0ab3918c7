// Batch dims broadcast like numpy: 2 vs 3 fails.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x4x3xf32>, %b: tensor<3x3x5xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op operand #1 (rhs): shape tensor<3xf32> does not broadcast with tensor<2xf32> (dim 0: 3 vs 2)
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x4x3xf32>, tensor<3x3x5xf32>) -> tensor<2x4x5xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_batch_broadcast.mlir: 1 dlc op failed verification
