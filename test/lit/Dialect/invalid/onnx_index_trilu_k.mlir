// dlc.trilu's optional runtime diagonal (operand #1) is a rank-0 tensor<i64>.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>, %k32: tensor<i32>, %k1: tensor<1xi64>, %k: tensor<i64>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op operand #1 (k): expected a rank-0 tensor<i64>, got tensor<i32>
  %0 = "dlc.trilu"(%x, %k32) : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op operand #1 (k): expected a rank-0 tensor<i64>, got tensor<1xi64>
  %1 = "dlc.trilu"(%x, %k1) : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<2x3xf32>
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: 'dlc.trilu' op result #0: expected tensor<2x3xf32> from the operands, got tensor<3x2xf32>
  %2 = "dlc.trilu"(%x, %k) : (tensor<2x3xf32>, tensor<i64>) -> tensor<3x2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_index_trilu_k.mlir: 3 dlc ops failed verification
