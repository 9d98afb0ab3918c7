// The result dims follow the clamped starts/ends and steps.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<10xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.slice' op result #0: expected tensor<2xf32> from the operands, got tensor<4xf32>
  %0 = "dlc.slice"(%x) {ends = array<i64: 100>, starts = array<i64: -4>, steps = array<i64: 3>} : (tensor<10xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}slice_result_shape.mlir: 1 dlc op failed verification
