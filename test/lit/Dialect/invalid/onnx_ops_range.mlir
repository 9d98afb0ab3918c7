// dlc.range: three rank-0 operands of one signless integer or float type, a rank-1 result of that type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%n: tensor<i64>, %n32: tensor<i32>, %v: tensor<2xi64>, %b: tensor<i1>, %u: tensor<ui8>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op operand #0 (start): expected rank 0, got tensor<2xi64>
  %0 = "dlc.range"(%v, %n, %n) : (tensor<2xi64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op operand #2 (delta): expected rank 0, got tensor<2xi64>
  %1 = "dlc.range"(%n, %n, %v) : (tensor<i64>, tensor<i64>, tensor<2xi64>) -> tensor<?xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op operand #1 (limit): expected element type i64, got tensor<i32>
  %2 = "dlc.range"(%n, %n32, %n) : (tensor<i64>, tensor<i32>, tensor<i64>) -> tensor<?xi64>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op operand #0 (start): expected a signless integer or floating-point element type, got tensor<i1>
  %3 = "dlc.range"(%b, %b, %b) : (tensor<i1>, tensor<i1>, tensor<i1>) -> tensor<?xi1>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op operand #0 (start): expected a signless integer or floating-point element type, got tensor<ui8>
  %4 = "dlc.range"(%u, %u, %u) : (tensor<ui8>, tensor<ui8>, tensor<ui8>) -> tensor<?xui8>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op result #0: expected tensor<?xi64> from the operands, got tensor<?xf32>
  %5 = "dlc.range"(%n, %n, %n) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.range' op result #0: expected tensor<?xi64> from the operands, got tensor<?x2xi64>
  %6 = "dlc.range"(%n, %n, %n) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?x2xi64>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_range.mlir: 7 dlc ops failed verification
