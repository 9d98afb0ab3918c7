// IRDL: a memref is not a tensor.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: memref<2xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base type 'builtin.tensor' but got 'builtin.memref'
  %0 = "dlc.neg"(%a) : (memref<2xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_memref_operand.mlir: failed to parse MLIR
