// 0 and -2 name the same axis of a rank-2 input.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute 'axes': an axis is repeated
  %0 = "dlc.reduce"(%x) {axes = array<i64: 0, -2>, kind = "max"} : (tensor<2x3xf32>) -> tensor<3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_axis_repeated.mlir: 1 dlc op failed verification
