// Axes are in [-rank, rank).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute 'axes': an axis is out of range for the input rank
  %0 = "dlc.reduce"(%x) {axes = array<i64: 2>, kind = "sum"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_axis_range.mlir: 1 dlc op failed verification
