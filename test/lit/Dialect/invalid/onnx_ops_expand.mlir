// dlc.expand: the result rank is at least the input's, each input dim is 1 or the result dim, the
// element type is kept and each dynamic result dim has a dims operand.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>, %n: tensor<i64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.expand' op result #0: expected rank >= 2 (the input's, tensor<2x3xf32>), got tensor<3xf32>
  %0 = "dlc.expand"(%x) : (tensor<2x3xf32>) -> tensor<3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.expand' op operand #0 (input): dim 0 of tensor<2x3xf32> (size 2) must be 1 or 4 to broadcast to tensor<4x3xf32>
  %1 = "dlc.expand"(%x) : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.expand' op expected 1 dims operand (one rank-0 tensor<i64> per dynamic dim of the result tensor<?x2x3xf32>), got 0
  %2 = "dlc.expand"(%x) : (tensor<2x3xf32>) -> tensor<?x2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.expand' op expected 0 dims operands (one rank-0 tensor<i64> per dynamic dim of the result tensor<5x2x3xf32>), got 1
  %3 = "dlc.expand"(%x, %n) : (tensor<2x3xf32>, tensor<i64>) -> tensor<5x2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.expand' op result #0: expected element type of the input (tensor<2x3xf32>), got tensor<2x3xf16>
  %4 = "dlc.expand"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf16>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_expand.mlir: 5 dlc ops failed verification
