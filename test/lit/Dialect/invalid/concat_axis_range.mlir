// The axis is in [-rank, rank).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.concat' op attribute 'axis': axis 2 is out of range for rank 2
  %0 = "dlc.concat"(%a, %a) {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}concat_axis_range.mlir: 1 dlc op failed verification
