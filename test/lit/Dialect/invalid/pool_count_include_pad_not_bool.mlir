// count_include_pad is a bool.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x1x4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.avg_pool2d' op attribute 'count_include_pad': expected a bool (true or false)
  %0 = "dlc.avg_pool2d"(%x) {count_include_pad = 1 : i64, kernel = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pool_count_include_pad_not_bool.mlir: 1 dlc op failed verification
