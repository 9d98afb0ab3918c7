// dlc-run numerics of dlc.trilu (upper with k = 0 and 2, lower with k = -1, over a dynamic batch)
// and dlc.argmax / dlc.argmin: keepdims true and false, negative axis, ties with and without
// select_last_index, NaN (numpy: the first NaN wins), and integer input.
// Inputs and numpy references come from Inputs/make_onnx_ops.py.
// RUN: dlc-run %s --input=@%S/Inputs/onnx_ops_trilu_arg_x.npy --input=@%S/Inputs/onnx_ops_trilu_arg_t.npy --input=@%S/Inputs/onnx_ops_trilu_arg_ti.npy --output=@%t.triu.npy --output=@%t.triu_k.npy --output=@%t.tril_k.npy --output=@%t.argmax.npy --output=@%t.argmin.npy --output=@%t.argmax_first.npy --output=@%t.argmax_last.npy --output=@%t.argmin_first.npy --output=@%t.argmin_last.npy --output=@%t.argmax_i.npy --output=@%t.argmin_i_last.npy
// RUN: %python %S/../Utils/allclose.py %t.triu.npy %S/Inputs/onnx_ops_trilu_arg_triu.npy
// RUN: %python %S/../Utils/allclose.py %t.triu_k.npy %S/Inputs/onnx_ops_trilu_arg_triu_k.npy
// RUN: %python %S/../Utils/allclose.py %t.tril_k.npy %S/Inputs/onnx_ops_trilu_arg_tril_k.npy
// RUN: %python %S/../Utils/allclose.py %t.argmax.npy %S/Inputs/onnx_ops_trilu_arg_argmax.npy
// RUN: %python %S/../Utils/allclose.py %t.argmin.npy %S/Inputs/onnx_ops_trilu_arg_argmin.npy
// RUN: %python %S/../Utils/allclose.py %t.argmax_first.npy %S/Inputs/onnx_ops_trilu_arg_argmax_first.npy
// RUN: %python %S/../Utils/allclose.py %t.argmax_last.npy %S/Inputs/onnx_ops_trilu_arg_argmax_last.npy
// RUN: %python %S/../Utils/allclose.py %t.argmin_first.npy %S/Inputs/onnx_ops_trilu_arg_argmin_first.npy
// RUN: %python %S/../Utils/allclose.py %t.argmin_last.npy %S/Inputs/onnx_ops_trilu_arg_argmin_last.npy
// RUN: %python %S/../Utils/allclose.py %t.argmax_i.npy %S/Inputs/onnx_ops_trilu_arg_argmax_i.npy
// RUN: %python %S/../Utils/allclose.py %t.argmin_i_last.npy %S/Inputs/onnx_ops_trilu_arg_argmin_i_last.npy
func.func @main(%x: tensor<?x4x5xf32>, %t: tensor<4x4xf32>, %ti: tensor<2x4xi32>)
    -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>, tensor<?x4x5xf32>, tensor<?x4x1xi64>, tensor<?x5xi64>, tensor<4xi64>,
        tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<2xi64>) {
  %0 = "dlc.trilu"(%x) : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %1 = "dlc.trilu"(%x) {upper = true, k = 2 : i64} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %2 = "dlc.trilu"(%x) {upper = false, k = -1 : i64} : (tensor<?x4x5xf32>) -> tensor<?x4x5xf32>
  %3 = "dlc.argmax"(%x) {axis = -1 : i64} : (tensor<?x4x5xf32>) -> tensor<?x4x1xi64>
  %4 = "dlc.argmin"(%x) {axis = 1 : i64, keepdims = false} : (tensor<?x4x5xf32>) -> tensor<?x5xi64>
  %5 = "dlc.argmax"(%t) {axis = 1 : i64, keepdims = false} : (tensor<4x4xf32>) -> tensor<4xi64>
  %6 = "dlc.argmax"(%t) {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<4x4xf32>) -> tensor<4xi64>
  %7 = "dlc.argmin"(%t) {axis = 1 : i64, keepdims = false} : (tensor<4x4xf32>) -> tensor<4xi64>
  %8 = "dlc.argmin"(%t) {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<4x4xf32>) -> tensor<4xi64>
  %9 = "dlc.argmax"(%ti) {keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi64>
  %10 = "dlc.argmin"(%ti) {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<2x4xi32>) -> tensor<2xi64>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 : tensor<?x4x5xf32>, tensor<?x4x5xf32>, tensor<?x4x5xf32>,
      tensor<?x4x1xi64>, tensor<?x5xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<4xi64>,
      tensor<2xi64>
}
