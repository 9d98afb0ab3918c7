// i1 is not an index type.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<5x4xf32>, %i: tensor<3xi1>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.gather' op operand #1 (indices): expected an integer element type (i32 or i64), got tensor<3xi1>
  %0 = "dlc.gather"(%x, %i) : (tensor<5x4xf32>, tensor<3xi1>) -> tensor<3x4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}gather_i1_indices.mlir: 1 dlc op failed verification
