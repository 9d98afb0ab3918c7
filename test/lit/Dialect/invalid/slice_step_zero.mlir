// steps are > 0.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.slice' op attribute 'steps': steps must be > 0
  %0 = "dlc.slice"(%x) {ends = array<i64: 4, 4>, starts = array<i64: 0, 0>, steps = array<i64: 1, 0>} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}slice_step_zero.mlir: 1 dlc op failed verification
