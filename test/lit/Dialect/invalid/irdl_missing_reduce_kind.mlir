// IRDL: reduce's kind is a required attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute "kind" is expected but not provided
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_missing_reduce_kind.mlir: failed to parse MLIR
