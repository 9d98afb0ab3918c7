// dlc.cumsum requires its axis attribute (IRDL).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op attribute "axis" is expected but not provided
  %0 = "dlc.cumsum"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_index_irdl_cumsum_axis.mlir: failed to parse MLIR
