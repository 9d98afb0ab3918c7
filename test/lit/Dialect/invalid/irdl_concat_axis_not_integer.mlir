// IRDL: concat's axis must be an integer attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base attribute 'builtin.integer' but got 'builtin.string'
  %0 = "dlc.concat"(%a, %a) {axis = "0"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_concat_axis_not_integer.mlir: failed to parse MLIR
