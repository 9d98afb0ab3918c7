// IRDL: operands must be ranked tensors (builtin.tensor), not unranked ones.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<*xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base type 'builtin.tensor' but got 'builtin.unranked_tensor'
  %0 = "dlc.relu"(%a) : (tensor<*xf32>) -> tensor<*xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_unranked_operand.mlir: failed to parse MLIR
