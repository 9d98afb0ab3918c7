// dlc.dim: the axis must be in range and the result is a rank-0 tensor<i64>.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.dim' op attribute 'axis': axis 2 is out of range for rank 2
  %0 = "dlc.dim"(%x) {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<i64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.dim' op attribute 'axis': axis -3 is out of range for rank 2
  %1 = "dlc.dim"(%x) {axis = -3 : i64} : (tensor<2x3xf32>) -> tensor<i64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.dim' op result #0: expected tensor<i64> from the operands, got tensor<i32>
  %2 = "dlc.dim"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<i32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.dim' op result #0: expected tensor<i64> from the operands, got tensor<1xi64>
  %3 = "dlc.dim"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<1xi64>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_dim.mlir: 4 dlc ops failed verification
