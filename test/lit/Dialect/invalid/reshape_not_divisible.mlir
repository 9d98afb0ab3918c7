// The inferred dim must divide the element count.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op result #0: tensor<?x4xf32> cannot hold the 6 elements of tensor<2x3xf32>
  %0 = "dlc.reshape"(%x) : (tensor<2x3xf32>) -> tensor<?x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reshape_not_divisible.mlir: 1 dlc op failed verification
