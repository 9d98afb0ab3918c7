// dlc.argmax / dlc.argmin: axis in range and not empty, a numeric (not i1) input, an i64 result
// with the axis kept as 1 (keepdims, the default) or dropped.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>, %e: tensor<0x3xf32>, %b: tensor<2x3xi1>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmax' op attribute 'axis': axis 2 is out of range for rank 2
  %0 = "dlc.argmax"(%x) {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmax' op result #0: expected tensor<2x1xi64> from the operands, got tensor<2x1xi32>
  %1 = "dlc.argmax"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmin' op result #0: expected tensor<2x1xi64> from the operands, got tensor<2xi64>
  %2 = "dlc.argmin"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmin' op result #0: expected tensor<3xi64> from the operands, got tensor<1x3xi64>
  %3 = "dlc.argmin"(%x) {keepdims = false} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmax' op attribute 'select_last_index': expected a bool (true or false)
  %4 = "dlc.argmax"(%x) {select_last_index = 1 : i64} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmin' op operand #0 (input): axis 0 of tensor<0x3xf32> is empty
  %5 = "dlc.argmin"(%e) : (tensor<0x3xf32>) -> tensor<1x3xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.argmax' op operand #0 (input): expected an integer (not i1) or floating-point element type, got tensor<2x3xi1>
  %6 = "dlc.argmax"(%b) : (tensor<2x3xi1>) -> tensor<1x3xi64>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_arg_reduce.mlir: 7 dlc ops failed verification
