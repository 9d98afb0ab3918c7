// The new elementwise ops: floor/ceil/round/sin/cos/softplus take floats, sign numbers, not/and/
// or/xor only i1, mod numbers of one type with a bool fmod; the result broadcasts like numpy.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>, %b: tensor<2x3xi1>, %r: tensor<4xi1>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.floor' op operand #0 (input): expected a floating-point element type, got tensor<2x3xi32>
  %0 = "dlc.floor"(%i) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.round' op operand #0 (input): expected a floating-point element type, got tensor<2x3xi32>
  %1 = "dlc.round"(%i) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.softplus' op operand #0 (input): expected a floating-point element type, got tensor<2x3xi1>
  %2 = "dlc.softplus"(%b) : (tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.sign' op result #0: expected tensor<2x3xf32> from the operands, got tensor<3x2xf32>
  %3 = "dlc.sign"(%x) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.not' op operand #0 (input): expected element type i1, got tensor<2x3xf32>
  %4 = "dlc.not"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.and' op operand #0 (lhs): expected element type i1, got tensor<2x3xf32>
  %5 = "dlc.and"(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.or' op operand #1 (rhs): expected element type i1, got tensor<2x3xi32>
  %6 = "dlc.or"(%b, %i) : (tensor<2x3xi1>, tensor<2x3xi32>) -> tensor<2x3xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.xor' op operand #1 (rhs): shape tensor<4xi1> does not broadcast with tensor<2x3xi1> (dim 1: 4 vs 3)
  %7 = "dlc.xor"(%b, %r) : (tensor<2x3xi1>, tensor<4xi1>) -> tensor<2x3xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.mod' op attribute 'fmod': expected a bool (true or false)
  %8 = "dlc.mod"(%i, %i) {fmod = 1 : i64} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.mod' op operand #1 (rhs): expected element type i32, got tensor<2x3xf32>
  %9 = "dlc.mod"(%i, %x) : (tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<2x3xi32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_elementwise.mlir: 10 dlc ops failed verification
