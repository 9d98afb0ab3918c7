// dlc.trilu: a batch of matrices (rank >= 2); upper is a bool, k an integer.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%v: tensor<4xf32>, %x: tensor<2x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op operand #0 (input): expected rank >= 2 (a batch of matrices), got tensor<4xf32>
  %0 = "dlc.trilu"(%v) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op attribute 'upper': expected a bool (true or false)
  %1 = "dlc.trilu"(%x) {upper = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op attribute 'k': expected an integer (e.g. 1 : i64)
  %2 = "dlc.trilu"(%x) {k = 1.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op result #0: expected tensor<2x3xf32> from the operands, got tensor<3x2xf32>
  %3 = "dlc.trilu"(%x) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_trilu.mlir: 4 dlc ops failed verification
