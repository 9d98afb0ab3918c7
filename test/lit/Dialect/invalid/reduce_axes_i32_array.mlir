// axes is array<i64: ...>.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute 'axes': expected array<i64: ...>
  %0 = "dlc.reduce"(%x) {axes = array<i32: 1>, kind = "sum"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_axes_i32_array.mlir: 1 dlc op failed verification
