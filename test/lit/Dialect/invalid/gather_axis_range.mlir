// gather's axis is in [-rank, rank).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<5x4xf32>, %i: tensor<3xi64>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather' op attribute 'axis': axis -3 is out of range for rank 2
  %0 = "dlc.gather"(%x, %i) {axis = -3 : i64} : (tensor<5x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}gather_axis_range.mlir: 1 dlc op failed verification
