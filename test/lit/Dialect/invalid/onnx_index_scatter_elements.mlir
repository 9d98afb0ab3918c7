// dlc.scatter_elements: indices like gather_elements (integer, data's rank, non-axis dims that fit,
// the axis in range); updates with the shape of indices and the element type of data; a known
// reduction, and an arithmetic one only on integers (not i1) and floats (unsigned integers: unsupported);
// the result has data's type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>, %u: tensor<2x4xf32>, %fi: tensor<2x4xf32>, %ri: tensor<8xi64>,
             %wi: tensor<2x5xi64>, %wu: tensor<2x5xf32>, %iu: tensor<2x4xi32>, %su: tensor<2x3xf32>,
             %b: tensor<3x4xi1>, %bu: tensor<2x4xi1>, %c: tensor<3x4xcomplex<f32>>, %cu: tensor<2x4xcomplex<f32>>,
             %ux: tensor<3x4xui8>, %uu: tensor<2x4xui8>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #1 (indices): expected an integer element type (i32 or i64), got tensor<2x4xf32>
  %0 = "dlc.scatter_elements"(%x, %fi, %u) : (tensor<3x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #1 (indices): expected rank 2 (the rank of data, tensor<3x4xf32>), got tensor<8xi64>
  %1 = "dlc.scatter_elements"(%x, %ri, %u) : (tensor<3x4xf32>, tensor<8xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op attribute 'axis': axis -3 is out of range for rank 2
  %2 = "dlc.scatter_elements"(%x, %i, %u) {axis = -3 : i64} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #1 (indices): dim 1 of tensor<2x5xi64> is larger than dim 1 of data tensor<3x4xf32> (only the axis dim may be)
  %3 = "dlc.scatter_elements"(%x, %wi, %wu) : (tensor<3x4xf32>, tensor<2x5xi64>, tensor<2x5xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op attribute 'reduction': expected one of "none", "add", "mul", "max", "min"
  %4 = "dlc.scatter_elements"(%x, %i, %u) {reduction = "sum"} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op attribute 'reduction': expected a string
  %5 = "dlc.scatter_elements"(%x, %i, %u) {reduction = 1 : i64} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #0 (data): expected an integer or floating-point element type, got tensor<3x4xcomplex<f32>>
  %6 = "dlc.scatter_elements"(%c, %i, %cu) : (tensor<3x4xcomplex<f32>>, tensor<2x4xi64>, tensor<2x4xcomplex<f32>>) -> tensor<3x4xcomplex<f32>>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op attribute 'reduction': "add" needs an integer (not i1) or floating-point element type, got tensor<3x4xi1>
  %7 = "dlc.scatter_elements"(%b, %i, %bu) {reduction = "add"} : (tensor<3x4xi1>, tensor<2x4xi64>, tensor<2x4xi1>) -> tensor<3x4xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #2 (updates): expected element type f32, got tensor<2x4xi32>
  %8 = "dlc.scatter_elements"(%x, %i, %iu) : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xi32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #2 (updates): expected the shape of indices (tensor<2x4xf32>), got tensor<2x3xf32>
  %9 = "dlc.scatter_elements"(%x, %i, %su) : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x3xf32>) -> tensor<3x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op result #0: expected tensor<3x4xf32> from the operands, got tensor<2x4xf32>
  %10 = "dlc.scatter_elements"(%x, %i, %u) : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.scatter_elements' op operand #0 (data): unsigned integer element types (tensor<3x4xui8>) are not supported yet
  %11 = "dlc.scatter_elements"(%ux, %i, %uu) {reduction = "max"} : (tensor<3x4xui8>, tensor<2x4xi64>, tensor<2x4xui8>) -> tensor<3x4xui8>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_index_scatter_elements.mlir: 12 dlc ops failed verification
