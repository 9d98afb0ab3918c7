// IRDL: reduce's kind must be a string attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base attribute 'builtin.string' but got 'builtin.integer'
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = 1 : i64} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_reduce_kind_not_string.mlir: failed to parse MLIR
