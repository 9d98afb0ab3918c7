// dlc.fill: `value` holds one integer or float element of the result's element type, and each
// dynamic result dim has a dims operand.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%n: tensor<i64>, %v: tensor<2xi64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op attribute 'value': expected dense elements with one integer or float element (e.g. dense<0.0> : tensor<f32>)
  %0 = "dlc.fill"(%n) {value = dense<[1.0, 2.0]> : tensor<2xf32>} : (tensor<i64>) -> tensor<?xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op attribute 'value': expected dense elements with one integer or float element (e.g. dense<0.0> : tensor<f32>)
  %1 = "dlc.fill"(%n) {value = 1.0 : f32} : (tensor<i64>) -> tensor<?xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op result #0: expected element type i32 (of attribute 'value'), got tensor<?xf32>
  %2 = "dlc.fill"(%n) {value = dense<1> : tensor<i32>} : (tensor<i64>) -> tensor<?xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op expected 1 dims operand (one rank-0 tensor<i64> per dynamic dim of the result tensor<?x2xf32>), got 0
  %3 = "dlc.fill"() {value = dense<1.0> : tensor<f32>} : () -> tensor<?x2xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.fill' op operand #0 (dims): expected a rank-0 tensor<i64>, got tensor<2xi64>
  %4 = "dlc.fill"(%v) {value = dense<1.0> : tensor<1xf32>} : (tensor<2xi64>) -> tensor<?xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_fill.mlir: 5 dlc ops failed verification
