// gelu's approximate is "none" or "tanh".
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gelu' op attribute 'approximate':
  %0 = "dlc.gelu"(%a) {approximate = "fast"} : (tensor<4xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}gelu_approximate_unknown.mlir: 1 dlc op failed verification
