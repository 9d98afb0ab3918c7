// dlc-run numerics of dlc.gather_elements (a dynamic batch, negative indices, i32 indices, a smaller
// non-axis extent), dlc.scatter_elements (every reduction with duplicate and negative indices: later
// updates win for "none"; the last axis; integers), dlc.cumsum (inclusive, exclusive, reverse, a
// dynamic axis, integers) and dlc.trilu with a runtime k (upper k = 1, lower k = -2).
// Inputs and numpy references come from Inputs/make_onnx_index_ops.py.
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/onnx_index_ops_x.npy --input=@%S/Inputs/onnx_index_ops_gi.npy --input=@%S/Inputs/onnx_index_ops_gj.npy --input=@%S/Inputs/onnx_index_ops_d.npy --input=@%S/Inputs/onnx_index_ops_si.npy --input=@%S/Inputs/onnx_index_ops_su.npy --input=@%S/Inputs/onnx_index_ops_sj.npy --input=@%S/Inputs/onnx_index_ops_sv.npy --input=@%S/Inputs/onnx_index_ops_n.npy --input=@%S/Inputs/onnx_index_ops_ni.npy --input=@%S/Inputs/onnx_index_ops_nu.npy --input=@%S/Inputs/onnx_index_ops_k.npy --input=@%S/Inputs/onnx_index_ops_kn.npy --output=@%t.gather_axis1.npy --output=@%t.gather_last.npy --output=@%t.scatter_none.npy --output=@%t.scatter_add.npy --output=@%t.scatter_mul.npy --output=@%t.scatter_max.npy --output=@%t.scatter_min.npy --output=@%t.scatter_last_add.npy --output=@%t.scatter_int_max.npy --output=@%t.cumsum_axis1.npy --output=@%t.cumsum_axis1_excl_rev.npy --output=@%t.cumsum_last_rev.npy --output=@%t.cumsum_axis0_excl.npy --output=@%t.cumsum_int.npy --output=@%t.triu_k.npy --output=@%t.tril_kn.npy
// RUN: %python %S/../Utils/allclose.py %t.gather_axis1.npy %S/Inputs/onnx_index_ops_gather_axis1.npy
// RUN: %python %S/../Utils/allclose.py %t.gather_last.npy %S/Inputs/onnx_index_ops_gather_last.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_none.npy %S/Inputs/onnx_index_ops_scatter_none.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_add.npy %S/Inputs/onnx_index_ops_scatter_add.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_mul.npy %S/Inputs/onnx_index_ops_scatter_mul.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_max.npy %S/Inputs/onnx_index_ops_scatter_max.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_min.npy %S/Inputs/onnx_index_ops_scatter_min.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_last_add.npy %S/Inputs/onnx_index_ops_scatter_last_add.npy
// RUN: %python %S/../Utils/allclose.py %t.scatter_int_max.npy %S/Inputs/onnx_index_ops_scatter_int_max.npy
// RUN: %python %S/../Utils/allclose.py %t.cumsum_axis1.npy %S/Inputs/onnx_index_ops_cumsum_axis1.npy
// RUN: %python %S/../Utils/allclose.py %t.cumsum_axis1_excl_rev.npy %S/Inputs/onnx_index_ops_cumsum_axis1_excl_rev.npy
// RUN: %python %S/../Utils/allclose.py %t.cumsum_last_rev.npy %S/Inputs/onnx_index_ops_cumsum_last_rev.npy
// RUN: %python %S/../Utils/allclose.py %t.cumsum_axis0_excl.npy %S/Inputs/onnx_index_ops_cumsum_axis0_excl.npy
// RUN: %python %S/../Utils/allclose.py %t.cumsum_int.npy %S/Inputs/onnx_index_ops_cumsum_int.npy
// RUN: %python %S/../Utils/allclose.py %t.triu_k.npy %S/Inputs/onnx_index_ops_triu_k.npy
// RUN: %python %S/../Utils/allclose.py %t.tril_kn.npy %S/Inputs/onnx_index_ops_tril_kn.npy
func.func @main(%x: tensor<?x4x5xf32>, %gi: tensor<?x3x5xi64>, %gj: tensor<2x3x2xi32>, %d: tensor<3x4xf32>,
                %si: tensor<2x4xi64>, %su: tensor<2x4xf32>, %sj: tensor<2x2xi64>, %sv: tensor<2x2xf32>,
                %n: tensor<6xi64>, %ni: tensor<4xi64>, %nu: tensor<4xi64>, %k: tensor<i64>, %kn: tensor<i64>)
    -> (tensor<?x3x5xf32>, tensor<2x3x2xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>,
        tensor<3x4xf32>, tensor<3x4xf32>, tensor<6xi64>, tensor<?x4x5xf32>, tensor<?x4x5xf32>,
        tensor<?x4x5xf32>, tensor<?x4x5xf32>, tensor<6xi64>, tensor<?x4x5xf32>, tensor<?x4x5xf32>) {
  %0 = "dlc.gather_elements"(%x, %gi) {axis = 1 : i64} : (tensor<?x4x5xf32>, tensor<?x3x5xi64>) -> tensor<?x3x5xf32>
  %1 = "dlc.gather_elements"(%x, %gj) {axis = -1 : i64} : (tensor<?x4x5xf32>, tensor<2x3x2xi32>) -> tensor<2x3x2xf32>
  %2 = "dlc.scatter_elements"(%d, %si, %su) : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %3 = "dlc.scatter_elements"(%d, %si, %su) {reduction = "add"} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %4 = "dlc.scatter_elements"(%d, %si, %su) {reduction = "mul"} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %5 = "dlc.scatter_elements"(%d, %si, %su) {reduction = "max"} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %6 = "dlc.scatter_elements"(%d, %si, %su) {reduction = "min"} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
  %7 = "dlc.scatter_elements"(%d, %sj, %sv) {axis = -1 : i64, reduction = "add"} : (tensor<3x4xf32>, tensor<2x2xi64>, tensor<2x2xf32>) -> tensor<3x4xf32>
  %8 = "dlc.scatter_elements"(%n, %ni, %nu) {reduction = "max"} : (tensor<6xi64>, tensor<4xi64>, tensor<4xi64>) -> tensor<6xi64>
  %9 = "dlc.cumsum"(%x) {axis = 1 : i64} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %10 = "dlc.cumsum"(%x) {axis = 1 : i64, exclusive = true, reverse = true} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %11 = "dlc.cumsum"(%x) {axis = -1 : i64, reverse = true} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %12 = "dlc.cumsum"(%x) {axis = 0 : i64, exclusive = true} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %13 = "dlc.cumsum"(%n) {axis = 0 : i64} : (tensor<6xi64>) -> tensor<6xi64>
  %14 = "dlc.trilu"(%x, %k) : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  %15 = "dlc.trilu"(%x, %kn) {upper = false} : (tensor<?x4x5xf32>, tensor<i64>) -> tensor<?x4x5xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15
      : tensor<?x3x5xf32>, tensor<2x3x2xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>,
        tensor<3x4xf32>, tensor<3x4xf32>, tensor<6xi64>, tensor<?x4x5xf32>, tensor<?x4x5xf32>,
        tensor<?x4x5xf32>, tensor<?x4x5xf32>, tensor<6xi64>, tensor<?x4x5xf32>, tensor<?x4x5xf32>
}
