// dlc.reshape with runtime dims: one rank-0 tensor<i64> per dynamic result dim, and a static
// input must still fit.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%d: tensor<?x4xf32>, %x: tensor<2x3xf32>, %n: tensor<i64>, %v: tensor<2xi64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op expected 2 dims operands (one rank-0 tensor<i64> per dynamic dim of the result tensor<?x?xf32>), got 1
  %0 = "dlc.reshape"(%d, %n) : (tensor<?x4xf32>, tensor<i64>) -> tensor<?x?xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op expected 0 dims operands (one rank-0 tensor<i64> per dynamic dim of the result tensor<2x8xf32>), got 1
  %1 = "dlc.reshape"(%d, %n) : (tensor<?x4xf32>, tensor<i64>) -> tensor<2x8xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op operand #1 (dims): expected a rank-0 tensor<i64>, got tensor<2xi64>
  %2 = "dlc.reshape"(%d, %v) : (tensor<?x4xf32>, tensor<2xi64>) -> tensor<?x2xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op result #0: tensor<?x4xf32> cannot hold the 6 elements of tensor<2x3xf32>
  %3 = "dlc.reshape"(%x, %n) : (tensor<2x3xf32>, tensor<i64>) -> tensor<?x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op result #0: expected element type of the input (tensor<2x3xf32>), got tensor<?x6xi32>
  %4 = "dlc.reshape"(%x, %n) : (tensor<2x3xf32>, tensor<i64>) -> tensor<?x6xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_reshape_dims.mlir: 5 dlc ops failed verification
