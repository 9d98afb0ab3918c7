// where's result has the branches' element type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%c: tensor<4xi1>, %a: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.where' op result #0: expected tensor<4xf32> from the operands, got tensor<4xi1>
  %0 = "dlc.where"(%c, %a, %a) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return
}
// CHECK: dlc-opt: error: {{.*}}where_result_type.mlir: 1 dlc op failed verification
