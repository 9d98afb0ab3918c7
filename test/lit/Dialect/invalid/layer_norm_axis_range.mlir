// layer_norm's axis is in [-rank, rank).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x32xf32>, %s: tensor<32xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op attribute 'axis': axis 2 is out of range for rank 2
  %0 = "dlc.layer_norm"(%x, %s, %s) {axis = 2 : i64} : (tensor<4x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_axis_range.mlir: 1 dlc op failed verification
