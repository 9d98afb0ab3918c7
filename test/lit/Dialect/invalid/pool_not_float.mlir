// Pooling computes in floating point.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x1x4x4xi32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.max_pool2d' op operand #0 (input): expected a floating-point element type, got tensor<1x1x4x4xi32>
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 2>} : (tensor<1x1x4x4xi32>) -> tensor<1x1x3x3xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pool_not_float.mlir: 1 dlc op failed verification
