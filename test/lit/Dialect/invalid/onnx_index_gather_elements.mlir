// dlc.gather_elements: integer indices of data's rank whose non-axis dims fit in data's, the axis in
// range, and a result with the shape of indices and the element type of data.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>, %fi: tensor<2x4xf32>, %bi: tensor<2x4xi1>, %ri: tensor<8xi64>,
             %wi: tensor<2x5xi64>, %di: tensor<?x?xi64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op operand #1 (indices): expected an integer element type (i32 or i64), got tensor<2x4xf32>
  %0 = "dlc.gather_elements"(%x, %fi) : (tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op operand #1 (indices): expected an integer element type (i32 or i64), got tensor<2x4xi1>
  %1 = "dlc.gather_elements"(%x, %bi) : (tensor<3x4xf32>, tensor<2x4xi1>) -> tensor<2x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op operand #1 (indices): expected rank 2 (the rank of data, tensor<3x4xf32>), got tensor<8xi64>
  %2 = "dlc.gather_elements"(%x, %ri) : (tensor<3x4xf32>, tensor<8xi64>) -> tensor<8xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op attribute 'axis': axis 2 is out of range for rank 2
  %3 = "dlc.gather_elements"(%x, %i) {axis = 2 : i64} : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op operand #1 (indices): dim 1 of tensor<2x5xi64> is larger than dim 1 of data tensor<3x4xf32> (only the axis dim may be)
  %4 = "dlc.gather_elements"(%x, %wi) : (tensor<3x4xf32>, tensor<2x5xi64>) -> tensor<2x5xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op result #0: expected tensor<2x4xf32> from the operands, got tensor<3x4xf32>
  %5 = "dlc.gather_elements"(%x, %i) : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op result #0: expected tensor<?x?xf32> from the operands, got tensor<2x4xi64>
  %6 = "dlc.gather_elements"(%x, %di) : (tensor<3x4xf32>, tensor<?x?xi64>) -> tensor<2x4xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather_elements' op attribute 'axis': expected an integer (e.g. 1 : i64)
  %7 = "dlc.gather_elements"(%x, %i) {axis = "0"} : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_index_gather_elements.mlir: 8 dlc ops failed verification
