// reduce kinds are sum, mean, max, min, prod.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute 'kind': expected one of "sum", "mean", "max", "min", "prod"
  %0 = "dlc.reduce"(%x) {axes = array<i64: 1>, kind = "avg"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_bad_kind.mlir: 1 dlc op failed verification
