// dlc.dim requires its axis attribute (IRDL).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.dim' op attribute "axis" is expected but not provided
  %0 = "dlc.dim"(%x) : (tensor<2x3xf32>) -> tensor<i64>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_irdl_dim_axis.mlir: failed to parse MLIR
