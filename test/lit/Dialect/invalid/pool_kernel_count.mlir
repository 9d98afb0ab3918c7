// A pooling kernel has 2 elements (kh, kw).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<1x1x4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.max_pool2d' op attribute 'kernel': expected 2 elements (kh, kw)
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}pool_kernel_count.mlir: 1 dlc op failed verification
