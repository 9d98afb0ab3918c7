// dlc.tile requires its repeats attribute (IRDL).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.tile' op attribute "repeats" is expected but not provided
  %0 = "dlc.tile"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_irdl_tile_repeats.mlir: failed to parse MLIR
