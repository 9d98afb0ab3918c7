// gelu's approximate attribute must be a string.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gelu' op attribute 'approximate': expected a string
  %0 = "dlc.gelu"(%a) {approximate = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}gelu_approximate_not_string.mlir: 1 dlc op failed verification
