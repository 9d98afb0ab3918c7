// dlc.tile: one repeat >= 0 per input dim; the result dims are the input dims times the repeats.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>, %d: tensor<?x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op attribute 'repeats': expected one entry per input dim
  %0 = "dlc.tile"(%x) {repeats = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op attribute 'repeats': elements must be >= 0
  %1 = "dlc.tile"(%x) {repeats = array<i64: 2, -1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op attribute 'repeats': expected array<i64: ...>
  %2 = "dlc.tile"(%x) {repeats = array<i32: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op result #0: expected tensor<4x6xf32> from the operands, got tensor<4x3xf32>
  %3 = "dlc.tile"(%x) {repeats = array<i64: 2, 2>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op result #0: expected tensor<0x3xf32> from the operands, got tensor<2x3xf32>
  %4 = "dlc.tile"(%d) {repeats = array<i64: 0, 1>} : (tensor<?x3xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_tile.mlir: 5 dlc ops failed verification
