// IRDL: pooling needs a kernel.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<1x1x4x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.max_pool2d' op attribute "kernel" is expected but not provided
  %0 = "dlc.max_pool2d"(%a) : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_missing_pool_kernel.mlir: failed to parse MLIR
