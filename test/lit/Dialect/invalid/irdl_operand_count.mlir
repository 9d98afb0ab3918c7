// IRDL: a unary op with two operands.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: op expects exactly 1 operands, but got 2
  %0 = "dlc.relu"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_operand_count.mlir: failed to parse MLIR
