// dlc.fill requires its value attribute (IRDL).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%n: tensor<i64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op attribute "value" is expected but not provided
  %0 = "dlc.fill"(%n) : (tensor<i64>) -> tensor<?xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_irdl_fill_value.mlir: failed to parse MLIR
