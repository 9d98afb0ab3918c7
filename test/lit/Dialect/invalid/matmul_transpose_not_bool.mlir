// transpose_a must be a bool attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x2xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op attribute 'transpose_a': expected a bool (true or false)
  %0 = "dlc.matmul"(%a, %a) {transpose_a = 1 : i64} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_transpose_not_bool.mlir: 1 dlc op failed verification
