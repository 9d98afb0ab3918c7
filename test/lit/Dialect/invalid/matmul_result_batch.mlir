// The result keeps the broadcast batch dims.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4x1x2x3xf32>, %b: tensor<6x3x5xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.matmul' op result #0: expected tensor<4x6x2x5xf32> from the operands, got tensor<4x1x2x5xf32>
  %0 = "dlc.matmul"(%a, %b) : (tensor<4x1x2x3xf32>, tensor<6x3x5xf32>) -> tensor<4x1x2x5xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}matmul_result_batch.mlir: 1 dlc op failed verification
