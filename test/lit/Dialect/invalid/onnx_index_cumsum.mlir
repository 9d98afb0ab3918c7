// dlc.cumsum: an integer (not i1) or floating-point input, the axis in range, bool exclusive and
// reverse, and a result of the input's type. Unsigned integers are unsupported (the lowering adds with arith).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<3x4xf32>, %b: tensor<3x4xi1>, %u: tensor<4xui32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op operand #0 (input): expected an integer (not i1) or floating-point element type, got tensor<3x4xi1>
  %0 = "dlc.cumsum"(%b) {axis = 0 : i64} : (tensor<3x4xi1>) -> tensor<3x4xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op attribute 'axis': axis 2 is out of range for rank 2
  %1 = "dlc.cumsum"(%x) {axis = 2 : i64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op attribute 'exclusive': expected a bool (true or false)
  %2 = "dlc.cumsum"(%x) {axis = 0 : i64, exclusive = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op attribute 'reverse': expected a bool (true or false)
  %3 = "dlc.cumsum"(%x) {axis = 0 : i64, reverse = "yes"} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op result #0: expected tensor<3x4xf32> from the operands, got tensor<3x4xf64>
  %4 = "dlc.cumsum"(%x) {axis = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x4xf64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cumsum' op operand #0 (input): unsigned integer element types (tensor<4xui32>) are not supported yet
  %5 = "dlc.cumsum"(%u) {axis = 0 : i64} : (tensor<4xui32>) -> tensor<4xui32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_index_cumsum.mlir: 6 dlc ops failed verification
