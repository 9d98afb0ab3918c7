// IRDL: results must be tensors too.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: expected base type 'builtin.tensor' but got 'builtin.vector'
  %0 = "dlc.neg"(%a) : (tensor<2xf32>) -> vector<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_vector_result.mlir: failed to parse MLIR
