// perm must be a permutation of [0, rank).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.transpose' op attribute 'perm': expected a permutation of [0, rank)
  %0 = "dlc.transpose"(%x) {perm = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}transpose_not_permutation.mlir: 1 dlc op failed verification
