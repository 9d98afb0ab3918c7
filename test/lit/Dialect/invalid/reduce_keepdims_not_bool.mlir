// keepdims is a bool.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op attribute 'keepdims': expected a bool (true or false)
  %0 = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = 1 : i64, kind = "sum"} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_keepdims_not_bool.mlir: 1 dlc op failed verification
