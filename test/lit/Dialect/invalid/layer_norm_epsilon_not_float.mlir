// epsilon is a float attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4x32xf32>, %s: tensor<32xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.layer_norm' op attribute 'epsilon': expected a float (e.g. 1.0e-05 : f32)
  %0 = "dlc.layer_norm"(%x, %s, %s) {epsilon = 1 : i64} : (tensor<4x32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}layer_norm_epsilon_not_float.mlir: 1 dlc op failed verification
