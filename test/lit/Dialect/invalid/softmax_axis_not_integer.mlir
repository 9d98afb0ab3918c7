// The axis is an integer attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.softmax' op attribute 'axis': expected an integer (e.g. 1 : i64)
  %0 = "dlc.softmax"(%x) {axis = 1.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}softmax_axis_not_integer.mlir: 1 dlc op failed verification
