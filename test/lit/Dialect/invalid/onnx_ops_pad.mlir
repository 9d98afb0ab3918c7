// dlc.pad: 2 * rank pads (begins, then ends), a known mode, a float value, no dim cropped below
// 0, edge/reflect only on non-empty dims; the result dims are n + begin + end.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>, %e: tensor<0x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'pads': expected 4 entries (begins, then ends, one per input dim), got 2
  %0 = "dlc.pad"(%x) {pads = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'mode': expected one of "constant", "reflect", "edge"
  %1 = "dlc.pad"(%x) {pads = array<i64: 1, 1, 1, 1>, mode = "wrap"} : (tensor<2x3xf32>) -> tensor<4x5xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'mode': expected a string
  %2 = "dlc.pad"(%x) {pads = array<i64: 1, 1, 1, 1>, mode = 1 : i64} : (tensor<2x3xf32>) -> tensor<4x5xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'value': expected a float (e.g. 1.0e-05 : f32)
  %3 = "dlc.pad"(%x) {pads = array<i64: 1, 0, 0, 0>, value = 1 : i64} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'pads': dim 0 of size 2 cannot be cropped by 2 and 1
  %4 = "dlc.pad"(%x) {pads = array<i64: -2, 0, -1, 0>} : (tensor<2x3xf32>) -> tensor<0x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op attribute 'pads': the empty dim 0 can only be padded in constant mode
  %5 = "dlc.pad"(%e) {pads = array<i64: 1, 0, 0, 0>, mode = "edge"} : (tensor<0x3xf32>) -> tensor<1x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.pad' op result #0: expected tensor<3x2xf32> from the operands, got tensor<3x3xf32>
  %6 = "dlc.pad"(%x) {pads = array<i64: 1, 0, 0, -1>} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_pad.mlir: 7 dlc ops failed verification
