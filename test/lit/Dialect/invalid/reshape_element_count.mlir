// A reshape keeps the element count.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op result #0: expected 6 elements like the input tensor<2x3xf32>, got tensor<4x2xf32> (8 elements)
  %0 = "dlc.reshape"(%x) : (tensor<2x3xf32>) -> tensor<4x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reshape_element_count.mlir: 1 dlc op failed verification
