// Pooling input is NCHW.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.avg_pool2d' op operand #0 (input): expected rank 4, got tensor<4x4xf32>
  %0 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 2, 2>} : (tensor<4x4xf32>) -> tensor<3x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pool_rank.mlir: 1 dlc op failed verification
