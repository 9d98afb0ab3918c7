// Negative steps are not supported.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.slice' op attribute 'steps': steps must be > 0
  %0 = "dlc.slice"(%x) {ends = array<i64: 0>, starts = array<i64: 3>, steps = array<i64: -1>} : (tensor<4xf32>) -> tensor<3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}slice_step_negative.mlir: 1 dlc op failed verification
