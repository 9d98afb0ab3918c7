// dlc-run numerics of the unary ops added for ONNX: floor, ceil, round (halves to even), sign
// (float and integer), sin, cos, softplus (stable for |x| = 100) and not, with a dynamic batch dim.
// Inputs and numpy references come from Inputs/make_onnx_ops.py.
// RUN: dlc-run %s --input=@%S/Inputs/onnx_ops_unary_x.npy --input=@%S/Inputs/onnx_ops_unary_i.npy --input=@%S/Inputs/onnx_ops_unary_b.npy --output=@%t.floor.npy --output=@%t.ceil.npy --output=@%t.round.npy --output=@%t.sign.npy --output=@%t.sin.npy --output=@%t.cos.npy --output=@%t.softplus.npy --output=@%t.sign_i.npy --output=@%t.not.npy
// RUN: %python %S/../Utils/allclose.py %t.floor.npy %S/Inputs/onnx_ops_unary_floor.npy
// RUN: %python %S/../Utils/allclose.py %t.ceil.npy %S/Inputs/onnx_ops_unary_ceil.npy
// RUN: %python %S/../Utils/allclose.py %t.round.npy %S/Inputs/onnx_ops_unary_round.npy
// RUN: %python %S/../Utils/allclose.py %t.sign.npy %S/Inputs/onnx_ops_unary_sign.npy
// RUN: %python %S/../Utils/allclose.py %t.sin.npy %S/Inputs/onnx_ops_unary_sin.npy
// RUN: %python %S/../Utils/allclose.py %t.cos.npy %S/Inputs/onnx_ops_unary_cos.npy
// RUN: %python %S/../Utils/allclose.py %t.softplus.npy %S/Inputs/onnx_ops_unary_softplus.npy
// RUN: %python %S/../Utils/allclose.py %t.sign_i.npy %S/Inputs/onnx_ops_unary_sign_i.npy
// RUN: %python %S/../Utils/allclose.py %t.not.npy %S/Inputs/onnx_ops_unary_not.npy
func.func @main(%x: tensor<?x8xf32>, %i: tensor<2x4xi32>, %b: tensor<2x4xi1>)
    -> (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>,
        tensor<?x8xf32>, tensor<2x4xi32>, tensor<2x4xi1>) {
  %0 = "dlc.floor"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %1 = "dlc.ceil"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %2 = "dlc.round"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %3 = "dlc.sign"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %4 = "dlc.sin"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %5 = "dlc.cos"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %6 = "dlc.softplus"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %7 = "dlc.sign"(%i) : (tensor<2x4xi32>) -> tensor<2x4xi32>
  %8 = "dlc.not"(%b) : (tensor<2x4xi1>) -> tensor<2x4xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>,
      tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<2x4xi32>, tensor<2x4xi1>
}
