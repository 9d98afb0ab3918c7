// ends has one entry per input dim.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.slice' op attribute 'ends': expected one entry per input dim
  %0 = "dlc.slice"(%x) {ends = array<i64: 2, 2, 2>, starts = array<i64: 0, 0>} : (tensor<4x4xf32>) -> tensor<2x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}slice_ends_count.mlir: 1 dlc op failed verification
