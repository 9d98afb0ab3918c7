// IRDL: concat is binary (an n-ary concat is a chain of them).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: op expects exactly 2 operands, but got 3
  %0 = "dlc.concat"(%a, %a, %a) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<6x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_concat_three_operands.mlir: failed to parse MLIR
