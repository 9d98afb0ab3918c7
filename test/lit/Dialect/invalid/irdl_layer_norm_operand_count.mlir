// IRDL: layer_norm needs input, scale and bias.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x4xf32>, %s: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: op expects exactly 3 operands, but got 2
  %0 = "dlc.layer_norm"(%a, %s) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_layer_norm_operand_count.mlir: failed to parse MLIR
