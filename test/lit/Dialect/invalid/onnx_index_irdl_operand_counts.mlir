// IRDL operand counts of the indexing ops: trilu takes at most one k operand, gather_elements two
// operands, scatter_elements three.
// STABILITY: skip (split-file cases, each an expected error)
// RUN: split-file %s %t
// RUN: not dlc-opt %t/trilu.mlir 2>&1 | FileCheck %s --check-prefix=TRILU
// RUN: not dlc-opt %t/gather.mlir 2>&1 | FileCheck %s --check-prefix=GATHER
// RUN: not dlc-opt %t/scatter.mlir 2>&1 | FileCheck %s --check-prefix=SCATTER

//--- trilu.mlir
func.func @f(%x: tensor<2x3xf32>, %k: tensor<i64>) {
  // TRILU: error: op expects at most 2 operands, but got 3
  %0 = "dlc.trilu"(%x, %k, %k) : (tensor<2x3xf32>, tensor<i64>, tensor<i64>) -> tensor<2x3xf32>
  return
}

//--- gather.mlir
func.func @f(%x: tensor<2x3xf32>) {
  // GATHER: error: op expects exactly 2 operands, but got 1
  %0 = "dlc.gather_elements"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

//--- scatter.mlir
func.func @f(%x: tensor<2x3xf32>, %i: tensor<2x3xi64>) {
  // SCATTER: error: op expects exactly 3 operands, but got 2
  %0 = "dlc.scatter_elements"(%x, %i) : (tensor<2x3xf32>, tensor<2x3xi64>) -> tensor<2x3xf32>
  return
}
