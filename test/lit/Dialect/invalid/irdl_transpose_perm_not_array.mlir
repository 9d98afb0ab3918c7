// IRDL: transpose's perm must be a dense array.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base attribute 'builtin.dense_array' but got 'builtin.array'
  %0 = "dlc.transpose"(%a) {perm = [1, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_transpose_perm_not_array.mlir: failed to parse MLIR
